import BN254
import Foundation

/// G1 MSM at 2^10 … 2^20 and G2 at 2^16, beside mcl's `mclBnG1_mulVec`/`mclBnG2_mulVec` on the same sizes
/// (random points and scalars on both sides). zkclear uses every core; the PyPI mcl build uses one thread.
enum MSMBench {
    static func run(_ b: Bench) {
        let logs = b.quick ? [10, 12, 14, 16] : [10, 12, 14, 16, 18, 20]
        let sizes = logs.map { 1 << $0 }
        let peer = Peers.run("mcl_peer.py", ["msm", "--sizes", sizes.map(String.init).joined(separator: ","),
                                              "--g2-sizes", String(1 << 16)])
        let maxN = sizes.max() ?? 1
        // Random points: multiples of the generator by random scalars, normalised once.
        let distinct = min(maxN, 1 << 14)
        let base = G1Jacobian.toAffine((0..<distinct).map { _ in G1Jacobian.generator * Fr.random() })
        let points = (0..<maxN).map { base[($0 &* 7919) % distinct] }
        let scalars = (0..<maxN).map { _ in Fr.random() }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        for (log, n) in zip(logs, sizes) {
            let p = Array(points.prefix(n)), s = Array(scalars.prefix(n))
            let t = b.time(rounds: n >= 1 << 18 ? 1 : 3, minSeconds: n >= 1 << 18 ? 0 : 0.3) { blackHole(MSM.g1(p, s)) }
            b.add(BenchRow(section: "msm", operation: "G1 MSM 2^\(log)", ours: t, peer: peer?["G1 MSM \(n)"], peerName: "mcl",
                           note: "zkclear \(threads) threads, window \(MSM.windowBits(for: n)); mcl 1 thread",
                           command: ".build/release/ZKBench --only msm"))
        }
        // Profile: the same 2^16 MSM with Jacobian buckets (no batch-affine accumulation).
        let n16 = 1 << 16
        let p16 = Array(points.prefix(n16)), s16 = Array(scalars.prefix(n16))
        let tj = b.time(rounds: 2, minSeconds: 0) { blackHole(MSM.pippenger(G1Group.self, p16, s16, useBatchAffine: false)) }
        b.add(BenchRow(section: "msm", operation: "G1 MSM 2^16, Jacobian buckets (profile)", ours: tj,
                       note: "the same MSM without batch-affine accumulation", command: ".build/release/ZKBench --only msm"))

        // G2 at 2^16 (Groth16's π_B): random points R[i mod 256] + S[i div 256], as the peer builds them.
        let k = 256
        let g2base = G2Jacobian.toAffine((0..<2 * k).map { _ in G2Jacobian.generator * Fr.random() })
        let g2points = G2Jacobian.toAffine((0..<n16).map { G2Jacobian(g2base[$0 % k]) + g2base[k + ($0 / k) % k] })
        let tg2 = b.time(rounds: 2, minSeconds: 0) { blackHole(MSM.g2(g2points, s16)) }
        b.add(BenchRow(section: "msm", operation: "G2 MSM 2^16", ours: tg2, peer: peer?["G2 MSM \(n16)"], peerName: "mcl",
                       note: "zkclear \(threads) threads, window \(MSM.windowBits(for: n16)), batch-affine; mcl 1 thread (mclBnG2_mulVec)",
                       command: ".build/release/ZKBench --only msm"))
        let tg2j = b.time(rounds: 1, minSeconds: 0) { blackHole(MSM.pippenger(G2Group.self, g2points, s16, useBatchAffine: false)) }
        b.add(BenchRow(section: "msm", operation: "G2 MSM 2^16, Jacobian buckets (profile)", ours: tg2j,
                       note: "the same MSM without batch-affine accumulation", command: ".build/release/ZKBench --only msm"))
    }
}
