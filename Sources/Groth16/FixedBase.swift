import BN254
import Dispatch
import Foundation

/// Many scalar multiples of one fixed base point, for the setup: a table of d·2^(8j)·G
/// (d = 1…255, j = 0…31) makes each multiple 32 mixed additions and no doublings.
/// Work is split over all cores; results are normalised to affine with one batched inversion
/// per chunk.
enum FixedBase {
    static let windowBits = 8
    static let windows = 32   // 32 × 8 = 256 ≥ 254 bits

    static func g1(_ base: G1Affine, _ scalars: [Fr]) -> [G1Affine] {
        multiples(G1Group.self, base, scalars, normalize: G1Jacobian.toAffine)
    }

    static func g2(_ base: G2Affine, _ scalars: [Fr]) -> [G2Affine] {
        multiples(G2Group.self, base, scalars, normalize: G2Jacobian.toAffine)
    }

    /// [k]·base for every k, in either group; `normalize` is the group's batched toAffine.
    static func multiples<G: MSMGroup>(_: G.Type, _ base: G.Affine, _ scalars: [Fr],
                                       normalize: ([G.Projective]) -> [G.Affine]) -> [G.Affine] {
        // Table: d·2^(8j)·base for d = 1…255, j = 0…31.
        var t = [G.Projective]()
        t.reserveCapacity(windows * 255)
        var b = G.addMixed(G.identity, base)
        for _ in 0..<windows {
            var m = b
            for _ in 1...255 { t.append(m); m = G.add(m, b) }
            b = m   // 256·b
        }
        let table = normalize(t)
        var out = [G.Projective](repeating: G.identity, count: scalars.count)
        parallelChunks(scalars.count) { range in
            var local = [G.Projective]()
            local.reserveCapacity(range.count)
            for i in range {
                var acc = G.identity
                forEachDigit(scalars[i].canonical) { j, d in acc = G.addMixed(acc, table[j * 255 + d - 1]) }
                local.append(acc)
            }
            return (range, local)
        } collect: { range, local in
            for (o, i) in range.enumerated() { out[i] = local[o] }
        }
        return normalize(out)
    }

    /// Calls body(window, digit) for every non-zero byte of the canonical scalar.
    @inline(__always) static func forEachDigit(_ k: Limbs4, _ body: (Int, Int) -> Void) {
        for li in 0..<4 {
            let limb = li == 0 ? k.0 : li == 1 ? k.1 : li == 2 ? k.2 : k.3
            for byte in 0..<8 {
                let d = Int((limb >> UInt64(8 * byte)) & 0xff)
                if d != 0 { body(li * 8 + byte, d) }
            }
        }
    }

    /// Runs `work` on contiguous chunks in parallel and hands each result to `collect` serially.
    static func parallelChunks<T: Sendable>(_ n: Int, _ work: @escaping @Sendable (Range<Int>) -> (Range<Int>, [T]),
                                  collect: (Range<Int>, [T]) -> Void) {
        guard n > 0 else { return }
        let chunk = max(256, (n + 15) / 16)
        let count = (n + chunk - 1) / chunk
        let results = ResultBox<(Range<Int>, [T])>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { c in
            let range = (c * chunk) ..< min(n, (c + 1) * chunk)
            results.set(c, work(range))
        }
        for c in 0..<count { if let (r, v) = results.get(c) { collect(r, v) } }
    }
}

/// Slots written by concurrent tasks (each task its own index) and read after they finish.
final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.withLock { slots[i] = v } }
    func get(_ i: Int) -> T? { lock.withLock { slots[i] } }
}
