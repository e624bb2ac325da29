import BN254

/// G1/G2 addition, doubling, mixed addition (also in units of one Fp multiply measured in the
/// same run) and scalar multiplication. Peer rows (mcl) are wired by the lead.
enum CurveBench {
    /// Records a row and echoes its note (the cost in Fp multiplies) on the console.
    static func record(_ b: Bench, _ row: BenchRow) {
        b.add(row)
        if !row.note.isEmpty { print("    (\(row.note))") }
    }

    static func run(_ b: Bench) {
        let mcl = Peers.run("mcl_peer.py", ["curves"])
        var u = Fp.random(), v = Fp.random()
        // As in FieldBench: 1000 dependent multiplies per timed call on a local copy, so neither
        // the closure call nor the captured variable's memory round trip is part of the unit.
        let fpMul = b.time { var a = u; for _ in 0..<FieldBench.inner { a = a * v }; u = a } / Double(FieldBench.inner)
        blackHole(u); v = u
        let fpAdd = b.time { var a = u; for _ in 0..<FieldBench.inner { a = a + v }; u = a } / Double(FieldBench.inner)
        blackHole(u)
        record(b, BenchRow(section: "curves", operation: "Fp add (reference)", ours: fpAdd, note: String(format: "%.2f Fp multiplies", fpAdd / fpMul)))

        func inFp(_ t: Double) -> String { String(format: "%.1f Fp multiplies", t / fpMul) }

        // G1
        let g = G1Jacobian.generator
        var p = g.multiplied(by: Fr.random())
        let q = g.multiplied(by: Fr.random())
        let qa = g.multiplied(by: Fr.random()).toAffine()
        let add = b.time { p = p + q }
        record(b, BenchRow(section: "curves", operation: "G1 add (Jacobian, add-2007-bl)", ours: add, note: inFp(add)))
        let madd = b.time { p = p + qa }
        record(b, BenchRow(section: "curves", operation: "G1 mixed add (madd-2007-bl)", ours: madd, note: inFp(madd)))
        let dbl = b.time { p = p.doubled() }
        record(b, BenchRow(section: "curves", operation: "G1 double (dbl-2009-l)", ours: dbl, note: inFp(dbl)))
        var k = Fr.random()
        let mulGLV = b.time(minSeconds: b.quick ? 0.05 : 0.2) { p = p.multiplied(by: k); k = k + .one }
        record(b, BenchRow(section: "curves", operation: "G1 scalar mul (GLV + wNAF-5)", ours: mulGLV, peer: mcl?["G1 scalar multiply"], peerName: "mcl"))
        let kl = Fr.random().canonical
        let mulNAF = b.time(minSeconds: b.quick ? 0.05 : 0.2) { p = p.multiplied(byLimbs: kl) }
        record(b, BenchRow(section: "curves", operation: "G1 scalar mul (wNAF-5, no GLV)", ours: mulNAF))
        blackHole(p)
        runG2(b, fpMul: fpMul, mcl: mcl)
    }
}

extension CurveBench {
    static func runG2(_ b: Bench, fpMul: Double, mcl: [String: Double]?) {
        func inFp(_ t: Double) -> String { String(format: "%.1f Fp multiplies", t / fpMul) }
        var a = Fp2.random()
        let c = Fp2.random()
        let fp2Mul = b.time { a = a * c }
        if a == c { print("(unlikely) Fp2 product hit the multiplier") }   // keeps the loop observable
        record(b, BenchRow(section: "curves", operation: "Fp2 multiply (reference unit for G2)", ours: fp2Mul, note: inFp(fp2Mul)))
        let g = G2Jacobian.generator
        var p = g.multiplied(by: Fr.random())
        let q = g.multiplied(by: Fr.random())
        let qa = g.multiplied(by: Fr.random()).toAffine()
        let add = b.time { p = p + q }
        record(b, BenchRow(section: "curves", operation: "G2 add (Jacobian, add-2007-bl)", ours: add, note: inFp(add)))
        let madd = b.time { p = p + qa }
        record(b, BenchRow(section: "curves", operation: "G2 mixed add (madd-2007-bl)", ours: madd, note: inFp(madd)))
        let dbl = b.time { p = p.doubled() }
        record(b, BenchRow(section: "curves", operation: "G2 double (dbl-2009-l)", ours: dbl, note: inFp(dbl)))
        var k = Fr.random()
        let mulGLV = b.time(minSeconds: b.quick ? 0.05 : 0.2) { p = p.multiplied(by: k); k = k + .one }
        record(b, BenchRow(section: "curves", operation: "G2 scalar mul (GLV + wNAF-5)", ours: mulGLV, peer: mcl?["G2 scalar multiply"], peerName: "mcl"))
        let sub = b.time(minSeconds: b.quick ? 0.05 : 0.2) { if !p.isInSubgroup { p = q } }
        record(b, BenchRow(section: "curves", operation: "G2 subgroup check ([x+1]Q + ψ([x]Q) + ψ²([x]Q) = ψ³([2x]Q))", ours: sub))
        let sub6 = b.time(minSeconds: b.quick ? 0.05 : 0.2) { if !p.isInSubgroupBySixXSquared { p = q } }
        record(b, BenchRow(section: "curves", operation: "G2 subgroup check (ψ(Q) = [6x²]Q, previous)", ours: sub6))
        let subSlow = b.time(minSeconds: b.quick ? 0.05 : 0.2) { if !p.isInSubgroupSlow { p = q } }
        record(b, BenchRow(section: "curves", operation: "G2 subgroup check ([r]Q = O, reference)", ours: subSlow))
        blackHole(p)
    }
}
