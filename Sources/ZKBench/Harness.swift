import Foundation

/// One measured row of `docs/BENCHMARKS.md`: our time beside a peer's, measured in the same run.
struct BenchRow {
    var section: String
    var operation: String
    /// Seconds per operation for zkclear.
    var ours: Double
    /// Seconds per operation for the peer, when one was measured.
    var peer: Double? = nil
    /// "mcl", "arkworks", "circom" …
    var peerName: String? = nil
    /// Free text: threads used, sizes, caveats.
    var note: String = ""
    /// The command that reproduces this row.
    var command: String = ""
}

/// Timing helpers and the collected rows. Every figure comes from a release build.
final class Bench {
    var rows: [BenchRow] = []
    /// Extra markdown (e.g. constraint-count tables) printed after a section's timing table.
    var tables: [(section: String, markdown: String)] = []
    /// Restricts which sections run (`--only fields,curves`); empty = all.
    var only: Set<String> = []
    var quick = false

    func wants(_ section: String) -> Bool { only.isEmpty || only.contains(section) }

    /// Seconds per call of `body`, the best of `rounds` batches each lasting at least `minSeconds`.
    func time(rounds: Int = 3, minSeconds: Double = 0.2, _ body: () -> Void) -> Double {
        let (iterations, first) = Self.batchSize(minSeconds: minSeconds, body)
        var best = first
        for _ in 1..<max(rounds, 1) {
            let t = Self.clock { for _ in 0..<iterations { body() } }
            best = min(best, t / Double(iterations))
        }
        return best
    }

    /// Seconds per call of `a` and of `b`, measured in alternating batches (`rounds` of each, best
    /// of each kept): for a ratio of two operations, so that a slow spell of a shared machine
    /// falls on both rather than on one.
    func timeSideBySide(rounds: Int = 7, minSeconds: Double = 0.1, _ a: () -> Void, _ b: () -> Void) -> (Double, Double) {
        let na = Self.batchSize(minSeconds: minSeconds, a).iterations, nb = Self.batchSize(minSeconds: minSeconds, b).iterations
        var bestA = Double.infinity, bestB = Double.infinity
        for _ in 0..<max(rounds, 1) {
            bestA = min(bestA, Self.clock { for _ in 0..<na { a() } } / Double(na))
            bestB = min(bestB, Self.clock { for _ in 0..<nb { b() } } / Double(nb))
        }
        return (bestA, bestB)
    }

    /// A batch size whose run lasts at least minSeconds, and the seconds per call of that run.
    static func batchSize(minSeconds: Double, _ body: () -> Void) -> (iterations: Int, perCall: Double) {
        var n = 1
        while true {
            let t = clock { for _ in 0..<n { body() } }
            if t >= minSeconds || n >= 1 << 30 { return (n, t / Double(n)) }
            n = t <= 0 ? n * 16 : max(n * 2, Int(Double(n) * minSeconds / t * 1.2))
        }
    }

    /// Wall time of one call.
    static func clock(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    func add(_ row: BenchRow) {
        rows.append(row)
        let peer = row.peer.map { " | \(row.peerName ?? "peer") \(Bench.format($0)) | ratio \(String(format: "%.2f", row.ours / $0))" } ?? ""
        print("\(row.section) · \(row.operation): \(Bench.format(row.ours))\(peer)\(row.note.isEmpty ? "" : " (\(row.note))")")
    }

    static func format(_ seconds: Double) -> String {
        if seconds < 1e-6 { return String(format: "%.1f ns", seconds * 1e9) }
        if seconds < 1e-3 { return String(format: "%.2f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}

/// Prevents the optimiser from discarding a computed value.
@_optimize(none) @inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }
