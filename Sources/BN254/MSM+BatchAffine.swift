/// Batch-affine bucket accumulation for G1 MSM.
///
/// Buckets are kept in affine form. Additions into buckets are gathered into batches of
/// distinct buckets; all the batch's denominators x_Q − x_B are inverted at once (Montgomery's
/// trick, one GMP inversion per batch), then each sum costs λ = (y_Q − y_B)/(x_Q − x_B),
/// x₃ = λ² − x_B − x_Q, y₃ = λ(x_B − x₃) − y_B: 2M + 1S on top of the 3M of the shared
/// inversion, about 6M per addition against 11M (7M + 4S) for a Jacobian mixed addition.
/// A point whose bucket is already in the current batch goes into that bucket's Jacobian overflow
/// accumulator instead (a mixed addition), so windows with few distinct digits — the top window,
/// where most scalars have small digits — cost no more than the Jacobian method.
/// Equal or opposite x (P = ±Q) is rare and handled by an exact Jacobian fallback.
extension MSM {
    /// How many bucket additions share one inversion.
    static let affineBatch = 512

    static func windowSumG1BatchAffine(_ points: UnsafeBufferPointer<G1Affine>, _ digits: UnsafeBufferPointer<Int16>,
                                       offset: Int, n: Int, bucketCount: Int) -> G1Jacobian {
        var buckets = [G1Affine](repeating: .infinity, count: bucketCount)
        var stamp = [Int32](repeating: -1, count: bucketCount)
        var epoch: Int32 = 0
        var batchBucket = [Int32](); batchBucket.reserveCapacity(affineBatch)
        var batchPoint = [G1Affine](); batchPoint.reserveCapacity(affineBatch)
        var denominators = [Fp](repeating: .zero, count: affineBatch)
        var prefix = [Fp](repeating: .zero, count: affineBatch)
        var overflow = [G1Jacobian](repeating: .infinity, count: bucketCount)

        func flush() {
            let k = batchBucket.count
            if k == 0 { return }
            // Denominators and the prefix products of Montgomery's trick.
            var acc = Fp.one
            var special = false
            for j in 0..<k {
                let b = buckets[Int(batchBucket[j])]
                var d = batchPoint[j].x - b.x
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
                if special && (q.x - b.x).isZero {
                    buckets[bi] = (G1Jacobian(b) + q).toAffine()   // doubling or cancellation
                    continue
                }
                let lambda = (q.y - b.y) * dInv
                let x3 = lambda.squared() - b.x - q.x
                let y3 = lambda * (b.x - x3) - b.y
                buckets[bi] = G1Affine(uncheckedX: x3, y: y3)
            }
            batchBucket.removeAll(keepingCapacity: true)
            batchPoint.removeAll(keepingCapacity: true)
            epoch &+= 1
        }

        func feed(_ bi: Int, _ q: G1Affine) {
            if buckets[bi].isInfinity { buckets[bi] = q; return }
            if stamp[bi] == epoch {
                overflow[bi] = overflow[bi] + q
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
            if p.isInfinity { continue }
            if d > 0 { feed(d - 1, p) } else { feed(-d - 1, -p) }
        }
        flush()

        // Σ b·bucket[b] by running sums (mixed additions for the affine buckets).
        var running = G1Jacobian.infinity
        var total = G1Jacobian.infinity
        for j in stride(from: bucketCount - 1, through: 0, by: -1) {
            running = running + buckets[j]
            if !overflow[j].isInfinity { running = running + overflow[j] }
            total = total + running
        }
        return total
    }
}
