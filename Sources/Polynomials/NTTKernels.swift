import BN254
import Dispatch

// The raw loops of the NTT. This file is the only place in the module that touches unsafe
// pointers; everything here is internal and is reached through `EvaluationDomain`/`Coset`,
// which check lengths first. No allocation, no ARC, no existentials inside the loops.

/// Runs `body` over `count` items split into at most `chunks` contiguous ranges, in parallel
/// (Dispatch `concurrentPerform`) when more than one chunk is asked for.
@usableFromInline
enum Parallel {
    static func forEachRange(count: Int, chunks: Int, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let c = max(1, min(chunks, count))
        if c == 1 { body(0..<count); return }
        withoutActuallyEscaping(body) { escapable in
            // safe: every caller hands disjoint index ranges of one buffer to the workers, and
            // concurrentPerform returns only after all of them finish (the closure never escapes).
            nonisolated(unsafe) let work = escapable
            DispatchQueue.concurrentPerform(iterations: c) { k in
                work((count * k / c)..<(count * (k + 1) / c))
            }
        }
    }
}

/// Radix-2 / fused radix-2² decimation-in-time kernels over a contiguous buffer of `Fr`.
///
/// Convention: the forward transform maps coefficients a_0..a_{n−1} to evaluations
/// A_k = Σ_i a_i·ω^{ik} (ω the domain generator). Input is bit-reverse permuted, then stages
/// m = 1, 2, 4, …, n/2 apply the Cooley–Tukey butterfly (x, y) ← (x + w·y, x − w·y) with
/// w = ω_{2m}^j (Cormen et al., "Introduction to Algorithms", §30.3, iterative FFT).
/// Cost: (n/2)·log₂n multiplications, minus those by 1 in the first stages.
enum NTTKernel {
    /// The low `width` bits of x in reverse order (width ≥ 1).
    @inline(__always)
    static func reverseBits(_ x: Int, width: Int) -> Int {
        var v = UInt64(truncatingIfNeeded: x)
        v = ((v >> 1) & 0x5555_5555_5555_5555) | ((v & 0x5555_5555_5555_5555) << 1)
        v = ((v >> 2) & 0x3333_3333_3333_3333) | ((v & 0x3333_3333_3333_3333) << 2)
        v = ((v >> 4) & 0x0F0F_0F0F_0F0F_0F0F) | ((v & 0x0F0F_0F0F_0F0F_0F0F) << 4)
        v = ((v >> 8) & 0x00FF_00FF_00FF_00FF) | ((v & 0x00FF_00FF_00FF_00FF) << 8)
        v = ((v >> 16) & 0x0000_FFFF_0000_FFFF) | ((v & 0x0000_FFFF_0000_FFFF) << 16)
        v = (v >> 32) | (v << 32)
        return Int(truncatingIfNeeded: v >> UInt64(64 - width))
    }

    /// The bit-reversal permutation, restricted to the indices i in `range`: each pair
    /// (i, rev i) is swapped by its smaller member only, so disjoint ranges may run concurrently.
    static func bitReverse(_ p: UnsafeMutablePointer<Fr>, logSize: Int, range: Range<Int>) {
        guard logSize > 0 else { return }
        for i in range {
            let r = reverseBits(i, width: logSize)
            if i < r { let t = p[i]; p[i] = p[r]; p[r] = t }
        }
    }

    /// Tile side 2^tileBits of the cache-friendly bit reversal.
    static let tileBits = 4

    /// The bit-reversal permutation by tiles, for logSize ≥ 2·tileBits, restricted to the
    /// middle-bit values in `mids` ⊆ 0..<2^(logSize − 2·tileBits). Index bits are split as
    /// [hi | mid | lo] (hi, lo of tileBits bits); rev maps the 2^tileBits × 2^tileBits tile of
    /// `mid` onto the tile of rev(mid), whose rows are contiguous, so each swap touches two
    /// 8 KiB tiles instead of two random cache lines (Carter & Gatlin, "Towards an optimal
    /// bit-reversal permutation program", FOCS 1998). Tile pairs are disjoint, so disjoint
    /// `mids` ranges may run concurrently.
    static func bitReverseTiled(_ p: UnsafeMutablePointer<Fr>, logSize: Int, mids: Range<Int>) {
        let a = tileBits, t = 1 << a
        let midBits = logSize - 2 * a
        let shiftHi = logSize - a
        for mid in mids {
            let mr = midBits > 0 ? reverseBits(mid, width: midBits) : 0
            if mr < mid { continue }          // the pair is handled from the other tile
            for h in 0..<t {
                let rh = reverseBits(h, width: a)
                let rowI = (h << shiftHi) | (mid << a)
                let colJ = (mr << a) | rh
                for l in 0..<t {
                    let i = rowI | l
                    let j = (reverseBits(l, width: a) << shiftHi) | colJ
                    if mr != mid || i < j { let x = p[i]; p[i] = p[j]; p[j] = x }
                }
            }
        }
    }

    /// All stages m = 1 … B/2 on one block of B = 2^logBlock elements starting at p, in cache.
    /// `tw` is the per-stage table: ω_{2m}^j sits at tw[m + j] (m a power of two, j < m).
    static func blockStages(_ p: UnsafeMutablePointer<Fr>, logBlock: Int, tw: UnsafePointer<Fr>) {
        let b = 1 << logBlock
        var m: Int
        if logBlock == 0 { return }
        if logBlock & 1 == 1 {
            // Stage m = 1 alone: every twiddle is 1, additions only.
            var k = 0
            while k < b {
                let x = p[k], y = p[k + 1]
                p[k] = x + y; p[k + 1] = x - y
                k += 2
            }
            m = 2
        } else {
            // Stages 1 and 2 fused: twiddles 1, 1, 1 and ω_4, so one multiplication per 4 points.
            let i4 = tw[3]
            var k = 0
            while k < b {
                let x0 = p[k], x1 = p[k + 1], x2 = p[k + 2], x3 = p[k + 3]
                let y0 = x0 + x1, y1 = x0 - x1, y2 = x2 + x3, y3 = (x2 - x3) * i4
                p[k] = y0 + y2; p[k + 2] = y0 - y2
                p[k + 1] = y1 + y3; p[k + 3] = y1 - y3
                k += 4
            }
            m = 4
        }
        while m < b {
            radix4Stage(p, m: m, tw1: tw + m, stride1: 1, tw2: tw + 2 * m, stride2: 1, quads: 0..<(b >> 2))
            m <<= 2
        }
    }

    /// One radix-2 stage of half-size m over butterflies t ∈ `pairs` ⊆ 0..<n/2; butterfly t is
    /// in group t/m at offset j = t mod m and uses w = tw[j·stride] = ω_{2m}^j.
    static func radix2Stage(_ p: UnsafeMutablePointer<Fr>, m: Int, tw: UnsafePointer<Fr>, stride: Int,
                            pairs: Range<Int>) {
        var t = pairs.lowerBound
        while t < pairs.upperBound {
            let g = t / m, j0 = t - g * m
            let j1 = min(m, j0 + (pairs.upperBound - t))
            let base = p + g * 2 * m
            for j in j0..<j1 {
                let x = base[j], y = base[j + m] * tw[j * stride]
                base[j] = x + y; base[j + m] = x - y
            }
            t += j1 - j0
        }
    }

    /// Stages m and 2m fused (radix-2², 4 multiplications per 4 points, half the memory passes)
    /// over quads t ∈ `quads` ⊆ 0..<n/4. Quad t is in group t/m (4m points) at offset j and
    /// touches j, j+m, j+2m, j+3m. Stage m uses ω_{2m}^j = tw1[j·stride1]; stage 2m uses
    /// ω_{4m}^j and ω_{4m}^{j+m} = tw2[j·stride2], tw2[(j+m)·stride2]. Exactly the same
    /// operations as two radix-2 stages, so the result is identical.
    static func radix4Stage(_ p: UnsafeMutablePointer<Fr>, m: Int,
                            tw1: UnsafePointer<Fr>, stride1: Int, tw2: UnsafePointer<Fr>, stride2: Int,
                            quads: Range<Int>) {
        var t = quads.lowerBound
        while t < quads.upperBound {
            let g = t / m, j0 = t - g * m
            let j1 = min(m, j0 + (quads.upperBound - t))
            let b0 = p + g * 4 * m, b1 = b0 + m, b2 = b0 + 2 * m, b3 = b0 + 3 * m
            for j in j0..<j1 {
                let w1 = tw1[j * stride1], w2 = tw2[j * stride2], w3 = tw2[(j + m) * stride2]
                let x0 = b0[j], x1 = b1[j] * w1, x2 = b2[j], x3 = b3[j] * w1
                let y0 = x0 + x1, y1 = x0 - x1
                let y2 = (x2 + x3) * w2, y3 = (x2 - x3) * w3
                b0[j] = y0 + y2; b2[j] = y0 - y2
                b1[j] = y1 + y3; b3[j] = y1 - y3
            }
            t += j1 - j0
        }
    }

    /// Stages m and 2m fused, as `radix4Stage`, with the twiddles of the pair interleaved
    /// (tw[3j], tw[3j+1], tw[3j+2] = ω_{2m}^j, ω_{4m}^j, ω_{4m}^{j+m}) so each quad reads one
    /// or two consecutive cache lines instead of three lines (and pages) far apart.
    static func radix4StageInterleaved(_ p: UnsafeMutablePointer<Fr>, m: Int, tw: UnsafePointer<Fr>,
                                       quads: Range<Int>) {
        var t = quads.lowerBound
        while t < quads.upperBound {
            let g = t / m, j0 = t - g * m
            let j1 = min(m, j0 + (quads.upperBound - t))
            let b0 = p + g * 4 * m, b1 = b0 + m, b2 = b0 + 2 * m, b3 = b0 + 3 * m
            for j in j0..<j1 {
                let w = tw + 3 * j
                let w1 = w[0], w2 = w[1], w3 = w[2]
                let x0 = b0[j], x1 = b1[j] * w1, x2 = b2[j], x3 = b3[j] * w1
                let y0 = x0 + x1, y1 = x0 - x1
                let y2 = (x2 + x3) * w2, y3 = (x2 - x3) * w3
                b0[j] = y0 + y2; b2[j] = y0 - y2
                b1[j] = y1 + y3; b3[j] = y1 - y3
            }
            t += j1 - j0
        }
    }

    /// Swaps p[i] and p[n − i] for i = 1 + t, t ∈ `range` ⊆ 0..<(n/2 − 1): turns a forward
    /// transform into n × the inverse one (A_{−k} = n·a_k).
    static func reverseTail(_ p: UnsafeMutablePointer<Fr>, n: Int, range: Range<Int>) {
        for t in range {
            let i = t + 1, k = n - i
            let x = p[i]; p[i] = p[k]; p[k] = x
        }
    }

    /// p[i] ← p[i]·c·r^i for i ∈ `range` (r^lo is computed once per range by square-and-multiply).
    /// Costs 2 multiplications per element, 1 when r = 1.
    static func scaleByPowers(_ p: UnsafeMutablePointer<Fr>, c: Fr, r: Fr, range: Range<Int>) {
        if r.isOne {
            if c.isOne { return }
            for i in range { p[i] *= c }
            return
        }
        var f = c * r.pow(UInt64(range.lowerBound))
        for i in range {
            p[i] *= f
            f *= r
        }
    }

    /// p[i] ← r^(lo + i) for i in 0..<count (powers of r, starting at r^lo).
    static func fillPowers(_ p: UnsafeMutablePointer<Fr>, r: Fr, range: Range<Int>) {
        var f = r.pow(UInt64(range.lowerBound))
        for i in range {
            p[i] = f
            f *= r
        }
    }

    /// p[i] ← p[i]·q[i] (pointwise product).
    static func multiplyPointwise(_ p: UnsafeMutablePointer<Fr>, _ q: UnsafePointer<Fr>, range: Range<Int>) {
        for i in range { p[i] *= q[i] }
    }
}
