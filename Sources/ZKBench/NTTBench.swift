import BN254
import Polynomials

/// Forward NTT at 2^16, 2^20, 2^22 and coset NTT at 2^20, on all cores and on one, plus the
/// inverse at 2^20. Every row is one in-place transform of random data with the domain's
/// tables already built (as a prover reuses them).
enum NTTBench {
    static func run(_ b: Bench) {
        let threads = EvaluationDomain.defaultThreads
        let logs = b.quick ? [16, 20] : [16, 20, 22]
        for log in logs {
            guard let domain = try? EvaluationDomain(logSize: log) else { continue }
            var v = (0..<domain.size).map { _ in Fr.random() }
            let rounds = log >= 22 ? 2 : 3
            let all = b.time(rounds: rounds) { try? domain.forward(&v, threads: threads) }
            b.add(BenchRow(section: "ntt", operation: "forward NTT 2^\(log)", ours: all,
                           note: "\(threads) threads"))
            let one = b.time(rounds: rounds) { try? domain.forward(&v, threads: 1) }
            b.add(BenchRow(section: "ntt", operation: "forward NTT 2^\(log), 1 thread", ours: one, note: "1 thread"))
            if log == 20 {
                let inv = b.time { try? domain.inverse(&v, threads: threads) }
                b.add(BenchRow(section: "ntt", operation: "inverse NTT 2^20", ours: inv, note: "\(threads) threads"))
                let coset = domain.oddRootsCoset
                let c = b.time { try? coset.forward(&v, threads: threads) }
                b.add(BenchRow(section: "ntt", operation: "coset forward NTT 2^20 (odd 2n-th roots)", ours: c,
                               note: "\(threads) threads"))
            }
            blackHole(v)
        }
    }
}
