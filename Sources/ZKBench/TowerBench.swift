import Foundation
import BN254

/// Extension-field rows: Fp2 and Fp12 multiply/square, with Fp12 also as a multiple of one Fp
/// multiplication measured in the same run (the tower's bar is ≤ 60 for the Fp12 product).
enum TowerBench {
    static func run(_ b: Bench) {
        let mcl = Peers.run("mcl_peer.py", ["fields"])
        // As in FieldBench: 1000 dependent multiplies per timed call on a local copy, so that
        // neither the closure call nor a captured variable's memory round trip is in the unit
        // (looping on the captured variable itself read 23.6 against 22.0 ns).
        var u = Fp.random()
        let v = Fp.random()

        // Every row below is timed side by side with the Fp multiply (alternating batches), each
        // as 16 dependent operations per closure call on a local copy (`sixteen`), so that a ratio
        // carries neither a slow spell of the shared machine nor the closure call. (A generic
        // helper taking the operation as a closure was not inlined: Fp2 multiply 78 against 64 ns.)
        func sideBySide(_ sixteen: () -> Void) -> (time: Double, fpMul: Double) {
            let (m, t) = b.timeSideBySide({ var a = u; for _ in 0..<FieldBench.inner { a = a * v }; u = a }, sixteen)
            return (t / 16, m / Double(FieldBench.inner))
        }
        func row(_ operation: String, _ r: (time: Double, fpMul: Double), peer: Double? = nil, bar: String = "") {
            let unit = String(format: "%.1f× Fp mul%@ (Fp mul %.1f ns side by side)", r.time / r.fpMul, bar, r.fpMul * 1e9)
            b.add(BenchRow(section: "tower", operation: operation, ours: r.time, peer: peer, peerName: peer == nil ? nil : "mcl",
                           note: peer == nil ? unit : unit + "; mcl figure ±30–50% (ctypes overhead)"))
        }

        var x = Fp2.random()
        let y = Fp2.random()
        row("Fp2 multiply", sideBySide { var a = x; for _ in 0..<16 { a = a * y }; x = a })
        row("Fp2 square", sideBySide { var a = x; for _ in 0..<16 { a = a.squared() }; x = a })
        blackHole(x)

        var f = Fp12.random()
        let g = Fp12.random()
        row("Fp12 multiply", sideBySide { var a = f; for _ in 0..<16 { a = a * g }; f = a }, peer: mcl?["Fp12 multiply"], bar: ", bar ≤ 60")
        row("Fp12 square", sideBySide { var a = f; for _ in 0..<16 { a = a.squared() }; f = a }, peer: mcl?["Fp12 square"])
        // a cyclotomic element for the Granger–Scott squaring
        if let inv = f.inverse() {
            var c = f.conjugate * inv
            c = c.frobenius(2) * c
            row("Fp12 cyclotomic square", sideBySide { var a = c; for _ in 0..<16 { a = a.cyclotomicSquared() }; c = a })
            blackHole(c)
        }
        let l0 = Fp2.random(), l3 = Fp2.random(), l4 = Fp2.random()
        row("Fp12 × line (mulBy034)", sideBySide { var a = f; for _ in 0..<16 { a = a.mulBy034(l0, l3, l4) }; f = a })
        blackHole(f); blackHole(g); blackHole(u); blackHole(v)
    }
}
