import BN254

/// G1/G2 addition, doubling, mixed addition (also in units of one Fp multiply measured in the
/// same run) and scalar multiplication. Peer rows (mcl) are wired by the lead.
enum CurveBench {
    static func run(_ b: Bench) {
        var u = Fp.random(), v = Fp.random()
        let fpMul = b.time { u = u * v }
        blackHole(u); v = u

        func inFp(_ t: Double) -> String { String(format: "%.1f Fp multiplies", t / fpMul) }

        // G1
        let g = G1Jacobian.generator
        var p = g.multiplied(by: Fr.random())
        let q = g.multiplied(by: Fr.random())
        let qa = g.multiplied(by: Fr.random()).toAffine()
        let add = b.time { p = p + q }
        b.add(BenchRow(section: "curves", operation: "G1 add (Jacobian, add-2007-bl)", ours: add, note: inFp(add)))
        let madd = b.time { p = p + qa }
        b.add(BenchRow(section: "curves", operation: "G1 mixed add (madd-2007-bl)", ours: madd, note: inFp(madd)))
        let dbl = b.time { p = p.doubled() }
        b.add(BenchRow(section: "curves", operation: "G1 double (dbl-2009-l)", ours: dbl, note: inFp(dbl)))
        var k = Fr.random()
        let mulGLV = b.time(minSeconds: b.quick ? 0.05 : 0.2) { p = p.multiplied(by: k); k = k + .one }
        b.add(BenchRow(section: "curves", operation: "G1 scalar mul (GLV + wNAF-5)", ours: mulGLV))
        let kl = Fr.random().canonical
        let mulNAF = b.time(minSeconds: b.quick ? 0.05 : 0.2) { p = p.multiplied(byLimbs: kl) }
        b.add(BenchRow(section: "curves", operation: "G1 scalar mul (wNAF-5, no GLV)", ours: mulNAF))
        blackHole(p)
    }
}
