import Foundation
import BN254

/// Extension-field rows: Fp2 and Fp12 multiply/square, with Fp12 also as a multiple of one Fp
/// multiplication measured in the same run (the tower's bar is ≤ 60 for the Fp12 product).
enum TowerBench {
    static func run(_ b: Bench) {
        let mcl = Peers.run("mcl_peer.py", ["fields"])
        // As in FieldBench: 1000 dependent multiplies per timed call, so the closure call and the
        // captured variables' memory round trip are not part of the unit.
        var u = Fp.random(), v = Fp.random()

        // Every row below is timed side by side with the Fp multiply (alternating batches), each
        // as 16 dependent operations per closure call like the 1000-multiply Fp unit, so that a
        // ratio carries neither a slow spell of the shared machine nor the closure call.
        func sideBySide(_ op: () -> Void) -> (time: Double, fpMul: Double) {
            let (m, t) = b.timeSideBySide({ for _ in 0..<FieldBench.inner { u = u * v } }, { for _ in 0..<16 { op() } })
            return (t / 16, m / Double(FieldBench.inner))
        }
        func row(_ operation: String, _ r: (time: Double, fpMul: Double), peer: Double? = nil, bar: String = "") {
            let unit = String(format: "%.1f× Fp mul%@ (Fp mul %.1f ns side by side)", r.time / r.fpMul, bar, r.fpMul * 1e9)
            b.add(BenchRow(section: "tower", operation: operation, ours: r.time, peer: peer, peerName: peer == nil ? nil : "mcl",
                           note: peer == nil ? unit : unit + "; mcl figure ±30–50% (ctypes overhead)"))
        }

        var x = Fp2.random(), y = Fp2.random()
        row("Fp2 multiply", sideBySide { x = x * y })
        row("Fp2 square", sideBySide { x = x.squared() })
        blackHole(x); blackHole(y)

        var f = Fp12.random(), g = Fp12.random()
        row("Fp12 multiply", sideBySide { f = f * g }, peer: mcl?["Fp12 multiply"], bar: ", bar ≤ 60")
        row("Fp12 square", sideBySide { f = f.squared() }, peer: mcl?["Fp12 square"])
        // a cyclotomic element for the Granger–Scott squaring
        if let inv = f.inverse() {
            var c = f.conjugate * inv
            c = c.frobenius(2) * c
            row("Fp12 cyclotomic square", sideBySide { c = c.cyclotomicSquared() })
            blackHole(c)
        }
        let l0 = Fp2.random(), l3 = Fp2.random(), l4 = Fp2.random()
        row("Fp12 × line (mulBy034)", sideBySide { f = f.mulBy034(l0, l3, l4) })
        blackHole(f); blackHole(g); blackHole(u); blackHole(v)
    }
}
