/// The coordinate field operations the batch-affine accumulation needs (Fp for G1, Fp2 for G2).
public protocol MSMCoordinate: Sendable {
    static var zero: Self { get }
    static var one: Self { get }
    var isZero: Bool { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func *= (a: inout Self, b: Self)
    func squared() -> Self
    func inverse() -> Self?
}

extension Fp: MSMCoordinate {}
extension Fp2: MSMCoordinate {}

/// A group whose affine points expose coordinates, so buckets can be accumulated in affine form.
public protocol BatchAffineGroup: MSMGroup {
    associatedtype Coordinate: MSMCoordinate
    static func x(_ p: Affine) -> Coordinate
    static func y(_ p: Affine) -> Coordinate
    /// An affine point from coordinates already known to be on the curve (results of the group law).
    static func affine(x: Coordinate, y: Coordinate) -> Affine
    static func toAffine(_ p: Projective) -> Affine
    static var affineInfinity: Affine { get }
}

extension G1Group: BatchAffineGroup {
    public typealias Coordinate = Fp
    @inlinable public static func x(_ p: G1Affine) -> Fp { p.x }
    @inlinable public static func y(_ p: G1Affine) -> Fp { p.y }
    @inlinable public static func affine(x: Fp, y: Fp) -> G1Affine { G1Affine(uncheckedX: x, y: y) }
    @inlinable public static func toAffine(_ p: G1Jacobian) -> G1Affine { p.toAffine() }
    @inlinable public static var affineInfinity: G1Affine { .infinity }
}

extension G2Group: BatchAffineGroup {
    public typealias Coordinate = Fp2
    @inlinable public static func x(_ p: G2Affine) -> Fp2 { p.x }
    @inlinable public static func y(_ p: G2Affine) -> Fp2 { p.y }
    @inlinable public static func affine(x: Fp2, y: Fp2) -> G2Affine { G2Affine(uncheckedX: x, y: y) }
    @inlinable public static func toAffine(_ p: G2Jacobian) -> G2Affine { p.toAffine() }
    @inlinable public static var affineInfinity: G2Affine { .infinity }
}

/// Batch-affine bucket accumulation for MSM in G1 and G2.
///
/// Buckets are kept in affine form. Additions into buckets are gathered into batches of
/// distinct buckets; all the batch's denominators x_Q − x_B are inverted at once (Montgomery's
/// trick, one GMP inversion per batch), then each sum costs λ = (y_Q − y_B)/(x_Q − x_B),
/// x₃ = λ² − x_B − x_Q, y₃ = λ(x_B − x₃) − y_B: 2M + 1S on top of the 3M of the shared
/// inversion, about 6M per addition against 11M (7M + 4S) for a Jacobian mixed addition
/// (in G2 the M are Fp2 multiplies, and the batch's one inversion is an Fp2 inversion).
/// A point whose bucket is already in the current batch goes into that bucket's Jacobian overflow
/// accumulator instead (a mixed addition), so windows with few distinct digits — the top window,
/// where most scalars have small digits — cost no more than the Jacobian method.
/// Equal or opposite x (P = ±Q) is rare and handled by an exact Jacobian fallback.
extension MSM {
    /// How many bucket additions share one inversion.
    static let affineBatch = 512

    static func windowSumBatchAffine<G: BatchAffineGroup>(_: G.Type, _ points: UnsafeBufferPointer<G.Affine>,
                                                          _ digits: UnsafeBufferPointer<Int16>,
                                                          offset: Int, n: Int, bucketCount: Int) -> G.Projective {
        var buckets = [G.Affine](repeating: G.affineInfinity, count: bucketCount)
        var stamp = [Int32](repeating: -1, count: bucketCount)
        var epoch: Int32 = 0
        var batchBucket = [Int32](); batchBucket.reserveCapacity(affineBatch)
        var batchPoint = [G.Affine](); batchPoint.reserveCapacity(affineBatch)
        var denominators = [G.Coordinate](repeating: .zero, count: affineBatch)
        var prefix = [G.Coordinate](repeating: .zero, count: affineBatch)
        var overflow = [G.Projective](repeating: G.identity, count: bucketCount)
        var overflowUsed = [Bool](repeating: false, count: bucketCount)

        func flush() {
            let k = batchBucket.count
            if k == 0 { return }
            // Denominators and the prefix products of Montgomery's trick.
            var acc = G.Coordinate.one
            var special = false
            for j in 0..<k {
                let b = buckets[Int(batchBucket[j])]
                var d = G.x(batchPoint[j]) - G.x(b)
                if d.isZero { special = true; d = .one }   // P = ±Q: fixed up below
                denominators[j] = d
                prefix[j] = acc
                acc *= d
            }
            var inv = acc.inverse() ?? .zero   // safe: every factor is non-zero
            for j in stride(from: k - 1, through: 0, by: -1) {
                let dInv = inv * prefix[j]
                inv *= denominators[j]
                let bi = Int(batchBucket[j])
                let b = buckets[bi], q = batchPoint[j]
                let bx = G.x(b), qx = G.x(q)
                if special && (qx - bx).isZero {
                    buckets[bi] = G.toAffine(G.addMixed(G.addMixed(G.identity, b), q))   // doubling or cancellation
                    continue
                }
                let lambda = (G.y(q) - G.y(b)) * dInv
                let x3 = lambda.squared() - bx - qx
                let y3 = lambda * (bx - x3) - G.y(b)
                buckets[bi] = G.affine(x: x3, y: y3)
            }
            batchBucket.removeAll(keepingCapacity: true)
            batchPoint.removeAll(keepingCapacity: true)
            epoch &+= 1
        }

        func feed(_ bi: Int, _ q: G.Affine) {
            if G.isInfinity(buckets[bi]) { buckets[bi] = q; return }
            if stamp[bi] == epoch {
                overflow[bi] = G.addMixed(overflow[bi], q)
                overflowUsed[bi] = true
                return
            }
            stamp[bi] = epoch
            batchBucket.append(Int32(bi)); batchPoint.append(q)
            if batchBucket.count == affineBatch { flush() }
        }

        for i in 0..<n {
            let d = Int(digits[offset + i])
            if d == 0 { continue }
            let p = points[i]
            if G.isInfinity(p) { continue }
            if d > 0 { feed(d - 1, p) } else { feed(-d - 1, G.negate(p)) }
        }
        flush()

        // Σ b·bucket[b] by running sums (mixed additions for the affine buckets).
        var running = G.identity
        var total = G.identity
        for j in stride(from: bucketCount - 1, through: 0, by: -1) {
            running = G.addMixed(running, buckets[j])
            if overflowUsed[j] { running = G.add(running, overflow[j]) }
            total = G.add(total, running)
        }
        return total
    }
}
