import BN254

/// `ZKBench --probe OP N`: runs one operation N times, untimed, for instruction counts under
/// `valgrind --tool=callgrind` (this machine class has no hardware counters for `perf stat`).
/// Counts are repeatable where wall times on the shared VM move ±15 %; run two N and subtract
/// to remove the start-up cost, e.g. tools/probe.sh.
enum Probe {
    static let operations = ["fp-mul", "fp12-mul", "fp12-square", "fp12-mulBy034", "fp12-cyclotomic-square"]

    static func run(_ op: String, _ n: Int) -> Bool {
        var u = Fp.random(), v = Fp.random()
        var f = Fp12.random(), g = Fp12.random()
        let l0 = Fp2.random(), l3 = Fp2.random(), l4 = Fp2.random()
        switch op {
        case "fp-mul": for _ in 0..<n { u = u * v }
        case "fp12-mul": for _ in 0..<n { f = f * g }
        case "fp12-square": for _ in 0..<n { f = f.squared() }
        case "fp12-mulBy034": for _ in 0..<n { f = f.mulBy034(l0, l3, l4) }
        case "fp12-cyclotomic-square":
            guard let inv = f.inverse() else { return false }
            f = f.conjugate * inv
            f = f.frobenius(2) * f
            for _ in 0..<n { f = f.cyclotomicSquared() }
        default: return false
        }
        blackHole(u); blackHole(v); blackHole(f); blackHole(g)
        return true
    }
}
