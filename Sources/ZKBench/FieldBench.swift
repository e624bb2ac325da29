import BN254

/// Fr/Fp multiply, square, add, inverse and batch inverse, beside mcl's (mclbn256) in the same run.
/// Each timed body runs `inner` dependent operations so the closure call is amortised.
enum FieldBench {
    static let inner = 1000

    static func run(_ b: Bench) {
        let peer = Peers.run("mcl_peer.py", ["fields"] + (b.quick ? ["--quick"] : []))
        measure(Fr.self, b, peer)
        measure(Fp.self, b, peer)
    }

    static func measure<F: PrimeField>(_: F.Type, _ b: Bench, _ peer: [String: Double]?) {
        let name = F.fieldName
        let n = Double(inner)
        var x = F.random(), y = F.random()
        // Each loop runs on a local copy: looping on the captured variable itself adds its memory
        // round trip to every operation (Fp multiply 23.6 against 22.0 ns).
        let mul = b.time { var a = x; for _ in 0..<inner { a = a * y }; x = a } / n
        blackHole(x)
        let sqr = b.time { var a = x; for _ in 0..<inner { a.square() }; x = a } / n
        blackHole(x)
        let add = b.time { var a = x; for _ in 0..<inner { a = a + y }; x = a } / n
        blackHole(x)
        let inv = b.time { x = (x + y).inverse() ?? y }
        blackHole(x)
        var batch = (0..<4096).map { _ in F.random() }
        let batchInv = b.time { F.batchInvert(&batch) } / Double(batch.count)
        blackHole(batch)
        y = x
        let mcl = "mcl"
        b.add(BenchRow(section: "fields", operation: "\(name) multiply", ours: mul, peer: name == "Fr" ? peer?["Fr multiply+add (Horner, one call)"] : nil, peerName: mcl,
                       note: name == "Fr" ? "mcl: multiply+add looped inside one call (single ctypes calls are swamped by ~160 ns overhead)" : "mcl single calls are swamped by ctypes overhead"))
        b.add(BenchRow(section: "fields", operation: "\(name) square", ours: sqr, peer: nil))
        b.add(BenchRow(section: "fields", operation: "\(name) add", ours: add, peer: nil))
        b.add(BenchRow(section: "fields", operation: "\(name) inverse (GMP mpz_invert)", ours: inv, peer: peer?["\(name) inverse"], peerName: mcl, note: "mcl figure ±30–50% (ctypes overhead subtracted)"))
        b.add(BenchRow(section: "fields", operation: "\(name) batch inverse, per element (n=4096)", ours: batchInv))
    }
}
