import Dispatch

/// The operations Pippenger's method needs from a group, so one implementation serves G1 and G2.
public protocol MSMGroup {
    associatedtype Affine: Sendable
    associatedtype Projective: Sendable
    static var identity: Projective { get }
    static func isInfinity(_ p: Affine) -> Bool
    static func negate(_ p: Affine) -> Affine
    /// p + q with q affine (mixed addition; handles q = ±p and infinity).
    static func addMixed(_ p: Projective, _ q: Affine) -> Projective
    /// p + q (full addition; handles all exceptional cases).
    static func add(_ p: Projective, _ q: Projective) -> Projective
    static func double(_ p: Projective) -> Projective
    /// Slow reference: [k]P by the group's own scalar multiplication.
    static func multiply(_ p: Affine, _ k: Fr) -> Projective
}

/// G1 as an `MSMGroup`.
public enum G1Group: MSMGroup {
    public typealias Affine = G1Affine
    public typealias Projective = G1Jacobian
    @inlinable public static var identity: G1Jacobian { .infinity }
    @inlinable public static func isInfinity(_ p: G1Affine) -> Bool { p.isInfinity }
    @inlinable public static func negate(_ p: G1Affine) -> G1Affine { -p }
    @inlinable public static func addMixed(_ p: G1Jacobian, _ q: G1Affine) -> G1Jacobian { p + q }
    @inlinable public static func add(_ p: G1Jacobian, _ q: G1Jacobian) -> G1Jacobian { p + q }
    @inlinable public static func double(_ p: G1Jacobian) -> G1Jacobian { p.doubled() }
    public static func multiply(_ p: G1Affine, _ k: Fr) -> G1Jacobian { G1Jacobian(p).multiplied(by: k) }
}

/// G2 as an `MSMGroup`.
public enum G2Group: MSMGroup {
    public typealias Affine = G2Affine
    public typealias Projective = G2Jacobian
    @inlinable public static var identity: G2Jacobian { .infinity }
    @inlinable public static func isInfinity(_ p: G2Affine) -> Bool { p.isInfinity }
    @inlinable public static func negate(_ p: G2Affine) -> G2Affine { -p }
    @inlinable public static func addMixed(_ p: G2Jacobian, _ q: G2Affine) -> G2Jacobian { p + q }
    @inlinable public static func add(_ p: G2Jacobian, _ q: G2Jacobian) -> G2Jacobian { p + q }
    @inlinable public static func double(_ p: G2Jacobian) -> G2Jacobian { p.doubled() }
    public static func multiply(_ p: G2Affine, _ k: Fr) -> G2Jacobian { G2Jacobian(p).multiplied(by: k) }
}

/// Multi-scalar multiplication Σ kᵢ·Pᵢ by Pippenger's bucket method with signed digits.
///
/// Scalars are taken out of Montgomery form once and cut into windows of c bits, each recoded
/// into [−2^(c−1), 2^(c−1)) with a carry into the next window, so only 2^(c−1) buckets are
/// needed per window and a negative digit adds the negated point. Windows are independent and
/// are spread over all cores with `concurrentPerform`; each window's buckets are summed with the
/// running-sum trick (2 additions per bucket), and the windows are combined by Horner's rule
/// (c doublings between windows). Cost ≈ ⌈255/c⌉·(n + 2^c) additions.
public enum MSM {
    /// Σ scalars[i]·points[i] in G1. Sizes must match (the shorter length is used otherwise).
    public static func g1(_ points: [G1Affine], _ scalars: [Fr]) -> G1Jacobian {
        pippenger(G1Group.self, points, scalars)
    }

    /// Σ scalars[i]·points[i] in G2.
    public static func g2(_ points: [G2Affine], _ scalars: [Fr]) -> G2Jacobian {
        pippenger(G2Group.self, points, scalars)
    }

    /// The window width used for n points (about ln n + 2, as in arkworks; at most 15 so digits fit Int16).
    public static func windowBits(for n: Int) -> Int {
        if n < 32 { return 3 }
        let log2 = Int.bitWidth - 1 - n.leadingZeroBitCount
        return min(15, max(3, log2 * 69 / 100 + 2))   // ln n ≈ 0.69·log₂ n
    }

    /// - Parameter useBatchAffine: batch-affine bucket accumulation (the default above 2^10 points);
    ///   false forces the Jacobian buckets, the reference the fast path is tested against.
    public static func pippenger<G: BatchAffineGroup>(_: G.Type, _ points: [G.Affine], _ scalars: [Fr], windowBits: Int? = nil,
                                                      useBatchAffine: Bool = true) -> G.Projective {
        let n = min(points.count, scalars.count)
        if n == 0 { return G.identity }
        if n == 1 { return G.multiply(points[0], scalars[0]) }
        let c = windowBits ?? Self.windowBits(for: n)
        let windows = (254 + c - 1) / c + 1   // r < 2^254; +1 window for the last carry
        // Signed digits, window-major: digits[w * n + i].
        var digits = [Int16](repeating: 0, count: windows * n)
        digits.withUnsafeMutableBufferPointer { d in
            scalars.withUnsafeBufferPointer { s in
                recode(s, n: n, c: c, windows: windows, into: d)
            }
        }
        var windowSums = [G.Projective](repeating: G.identity, count: windows)
        let bucketCount = 1 << (c - 1)
        points.withUnsafeBufferPointer { pts in
            digits.withUnsafeBufferPointer { d in
                windowSums.withUnsafeMutableBufferPointer { out in
                    let outBase = UncheckedSendable(out)
                    let ptsBase = UncheckedSendable(pts)
                    let dBase = UncheckedSendable(d)
                    let batchAffine = useBatchAffine && n >= 1 << 10
                    DispatchQueue.concurrentPerform(iterations: windows) { w in
                        if batchAffine {
                            outBase.value[w] = windowSumBatchAffine(G.self, ptsBase.value, dBase.value, offset: w * n, n: n,
                                                                    bucketCount: bucketCount)
                        } else {
                            outBase.value[w] = windowSum(G.self, ptsBase.value, dBase.value, offset: w * n, n: n, bucketCount: bucketCount)
                        }
                    }
                }
            }
        }
        var acc = windowSums[windows - 1]
        for w in stride(from: windows - 2, through: 0, by: -1) {
            for _ in 0..<c { acc = G.double(acc) }
            acc = G.add(acc, windowSums[w])
        }
        return acc
    }

    /// One window: accumulate points into buckets by digit, then Σ b·bucket[b] by running sums.
    @inline(__always)
    static func windowSum<G: MSMGroup>(_: G.Type, _ points: UnsafeBufferPointer<G.Affine>, _ digits: UnsafeBufferPointer<Int16>,
                                      offset: Int, n: Int, bucketCount: Int) -> G.Projective {
        var buckets = [G.Projective](repeating: G.identity, count: bucketCount)
        buckets.withUnsafeMutableBufferPointer { b in
            for i in 0..<n {
                let d = Int(digits[offset + i])
                if d > 0 {
                    b[d - 1] = G.addMixed(b[d - 1], points[i])
                } else if d < 0 {
                    b[-d - 1] = G.addMixed(b[-d - 1], G.negate(points[i]))
                }
            }
        }
        var running = G.identity
        var total = G.identity
        for j in stride(from: bucketCount - 1, through: 0, by: -1) {
            running = G.add(running, buckets[j])
            total = G.add(total, running)
        }
        return total
    }

    /// Signed-digit recoding of every scalar (canonical form) into `windows` digits of c bits.
    static func recode(_ scalars: UnsafeBufferPointer<Fr>, n: Int, c: Int, windows: Int, into digits: UnsafeMutableBufferPointer<Int16>) {
        let half = 1 << (c - 1)
        let full = 1 << c
        let mask = UInt64(full - 1)
        for i in 0..<n {
            let s = scalars[i].canonical
            var carry = 0
            for w in 0..<windows {
                let bit = w * c
                let limb = bit >> 6, shift = bit & 63
                var v: UInt64 = 0
                if limb < 4 {
                    v = limbAt(s, limb) >> UInt64(shift)
                    if shift + c > 64, limb + 1 < 4 { v |= limbAt(s, limb + 1) << UInt64(64 - shift) }
                }
                var digit = Int(v & mask) + carry
                if digit >= half { digit -= full; carry = 1 } else { carry = 0 }
                digits[w * n + i] = Int16(digit)
            }
        }
    }
}

@inline(__always) func limbAt(_ s: Limbs4, _ i: Int) -> UInt64 {
    switch i {
    case 0: return s.0
    case 1: return s.1
    case 2: return s.2
    default: return s.3
    }
}

/// Lets a pointer cross into `concurrentPerform`'s closure; each task touches disjoint indices.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
