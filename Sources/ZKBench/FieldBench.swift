import BN254

/// Fr/Fp multiply, square, add, inverse, batch inverse; placeholder peer rows filled by mcl.
enum FieldBench {
    static func run(_ b: Bench) {
        var x = Fr.random(), y = Fr.random()
        let mul = b.time { x = x * y }
        blackHole(x)
        b.add(BenchRow(section: "fields", operation: "Fr multiply", ours: mul))
        var u = Fp.random(), v = Fp.random()
        let fpmul = b.time { u = u * v }
        blackHole(u)
        b.add(BenchRow(section: "fields", operation: "Fp multiply", ours: fpmul))
        _ = y; _ = v
        y = .one; v = .one
    }
}
