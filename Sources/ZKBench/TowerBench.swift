import Foundation
import BN254

/// Extension-field rows: Fp2 and Fp12 multiply/square, with Fp12 also as a multiple of one Fp
/// multiplication measured in the same run (the tower's bar is ≤ 60 for the Fp12 product).
enum TowerBench {
    static func run(_ b: Bench) {
        let mcl = Peers.run("mcl_peer.py", ["fields"])
        var u = Fp.random(), v = Fp.random()
        // As in FieldBench: 1000 dependent multiplies per timed call, so the closure call and the
        // captured variables' memory round trip are not part of the unit.
        let fpMul = b.time { for _ in 0..<FieldBench.inner { u = u * v } } / Double(FieldBench.inner)
        blackHole(u); blackHole(v)

        var x = Fp2.random(), y = Fp2.random()
        let fp2Mul = b.time { x = x * y; blackHole(x) }   // the sink inside: the loop was optimised away otherwise
        blackHole(x)
        b.add(BenchRow(section: "tower", operation: "Fp2 multiply", ours: fp2Mul,
                       note: String(format: "%.1f× Fp mul", fp2Mul / fpMul)))
        let fp2Sqr = b.time { x = x.squared(); blackHole(x) }
        blackHole(x)
        b.add(BenchRow(section: "tower", operation: "Fp2 square", ours: fp2Sqr,
                       note: String(format: "%.1f× Fp mul", fp2Sqr / fpMul)))

        var f = Fp12.random(), g = Fp12.random()
        // The bar is a ratio: the Fp12 product and the Fp multiply in alternating batches, each
        // timed as a loop of dependent operations inside one closure call (16 products, 1000
        // multiplies), so that neither figure carries the closure call and its captured state.
        let (fpMulSide, fp12Side) = b.timeSideBySide({ for _ in 0..<FieldBench.inner { u = u * v } },
                                                     { for _ in 0..<16 { f = f * g } })
        let fpMulRatioUnit = fpMulSide / Double(FieldBench.inner), fp12Mul = fp12Side / 16
        blackHole(f); blackHole(g); blackHole(u)
        b.add(BenchRow(section: "tower", operation: "Fp12 multiply", ours: fp12Mul, peer: mcl?["Fp12 multiply"], peerName: "mcl",
                       note: String(format: "%.1f× Fp mul (bar ≤ 60; the two timed side by side, Fp mul %.1f ns); mcl figure ±30–50%% (ctypes overhead)",
                                    fp12Mul / fpMulRatioUnit, fpMulRatioUnit * 1e9)))
        let fp12Sqr = b.time { f = f.squared() }
        blackHole(f)
        b.add(BenchRow(section: "tower", operation: "Fp12 square", ours: fp12Sqr, peer: mcl?["Fp12 square"], peerName: "mcl",
                       note: String(format: "%.1f× Fp mul; mcl figure ±30–50%% (ctypes overhead)", fp12Sqr / fpMul)))
        // a cyclotomic element for the Granger–Scott squaring
        if let inv = f.inverse() {
            var c = f.conjugate * inv
            c = c.frobenius(2) * c
            let cyc = b.time { c = c.cyclotomicSquared() }
            blackHole(c)
            b.add(BenchRow(section: "tower", operation: "Fp12 cyclotomic square", ours: cyc,
                           note: String(format: "%.1f× Fp mul", cyc / fpMul)))
        }
        let l0 = Fp2.random(), l3 = Fp2.random(), l4 = Fp2.random()
        let sparse = b.time { f = f.mulBy034(l0, l3, l4) }
        blackHole(f)
        b.add(BenchRow(section: "tower", operation: "Fp12 × line (mulBy034)", ours: sparse,
                       note: String(format: "%.1f× Fp mul", sparse / fpMul)))
    }
}
