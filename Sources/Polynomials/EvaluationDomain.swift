import BN254
import Foundation

/// The multiplicative subgroup H = {1, ω, ω², …, ω^{n−1}} of Fr of size n = 2^logSize, with
/// the tables its NTTs need, computed once at construction and reused by every transform.
///
/// ω is `Fr.rootOfUnity(logSize:)` = 5^((r−1)/n), the ffjavascript/snarkjs convention (and the
/// arkworks one: ark-bn254 `Fr` also has generator 5), so evaluations line up with snarkjs
/// `.zkey`/`.ptau` Lagrange bases.
///
/// Memory: n/2 twiddles plus at most n/8 interleaved ones (32 bytes each): about 20 MiB at
/// 2^20, 320 MiB at 2^24. Keep one domain per size and reuse it; copies share the tables
/// (copy-on-write arrays that the transforms only read).
public struct EvaluationDomain: Sendable {
    /// Largest supported log size: 27, so that the "odd 2n-th roots" coset (which needs a
    /// 2^(logSize+1)-th root of unity) exists for every domain (Fr's two-adicity is 28).
    public static let maxLogSize = Fr.twoAdicity - 1
    /// Transforms at or above this size run on all cores.
    public static let parallelThreshold = 1 << 12
    /// Worker count used when a transform is not told otherwise: the active processor count.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// n.
    public let size: Int
    /// log₂ n.
    public let logSize: Int
    /// ω, a primitive n-th root of unity.
    public let generator: Fr
    /// ω⁻¹.
    public let generatorInverse: Fr
    /// n⁻¹ in Fr.
    public let sizeInverse: Fr

    /// ω^j for j < n/2 (empty when n = 1): stage m of the transform reads it at stride n/(2m).
    var twiddles: [Fr]
    /// log₂ of the cache block: the first `logBlock` stages run block by block.
    let logBlock: Int
    /// Per-stage table for the in-block stages: ω_{2m}^j at index m + j (index 0 unused).
    var blockTwiddles: [Fr]
    /// Interleaved tables of the global stage pairs (m, 2m) whose flat-table strides are large
    /// (n/(4m) > 2): 3m entries each, ω_{2m}^j, ω_{4m}^j, ω_{4m}^{j+m} for j < m, concatenated
    /// in stage order. About n/8 entries at most.
    var pairTwiddles: [Fr]

    /// Default in-block stage count: 2^12 elements = 128 KiB, well inside a 1 MiB L2.
    /// Measured (thread CPU time, one thread): at 2^20, blocks of 2^8…2^12 within 3% of each
    /// other and 2^14 up to 25% slower; at 2^22, 2^12 is 4% faster than 2^10.
    static let defaultLogBlock = 12

    /// The domain of size 2^logSize, 0 ≤ logSize ≤ `maxLogSize`.
    public init(logSize: Int) throws {
        try self.init(logSize: logSize, logBlock: Self.defaultLogBlock)
    }

    /// The domain of exactly `size` points; `size` must be a power of two.
    public init(size: Int) throws {
        guard size >= 1, size & (size - 1) == 0 else { throw PolynomialsError.sizeNotPowerOfTwo(size: size) }
        try self.init(logSize: size.trailingZeroBitCount)
    }

    /// The smallest domain with at least `minimumSize` points (minimumSize ≤ 0 gives size 1).
    public init(minimumSize: Int) throws {
        var log = 0
        while log <= Self.maxLogSize, (1 << log) < minimumSize { log += 1 }
        try self.init(logSize: log)
    }

    /// As `init(logSize:)` with an explicit cache-block size 2^logBlock (for benchmarks and tests).
    init(logSize: Int, logBlock: Int, threads: Int = EvaluationDomain.defaultThreads) throws {
        guard logSize >= 0, logSize <= Self.maxLogSize,
              let w = Fr.rootOfUnity(logSize: logSize) else {
            throw PolynomialsError.sizeOutOfRange(logSize: logSize, maxLogSize: Self.maxLogSize)
        }
        let n = 1 << logSize
        size = n
        self.logSize = logSize
        generator = w
        // safe: ω ≠ 0 and n < r, so both are invertible; the fallbacks are unreachable.
        generatorInverse = w.inverse() ?? .zero
        sizeInverse = Fr(UInt64(n)).inverse() ?? .zero
        let half = n / 2
        var tw = [Fr](repeating: .zero, count: half)
        if half > 0 {
            let chunks = half >= Self.parallelThreshold ? threads : 1
            tw.withUnsafeMutableBufferPointer { buf in
                guard let p = buf.baseAddress else { return }   // safe: half > 0
                Parallel.forEachRange(count: half, chunks: chunks) { NTTKernel.fillPowers(p, r: w, range: $0) }
            }
        }
        twiddles = tw
        let lb = min(logSize, max(0, logBlock))
        self.logBlock = lb
        let b = 1 << lb
        var btw = [Fr](repeating: .one, count: b)
        var m = 1
        while m < b {
            for j in 0..<m { btw[m + j] = tw[j * (n / (2 * m))] }
            m <<= 1
        }
        blockTwiddles = btw
        var ptw = [Fr]()
        m = b
        while 4 * m <= n, n / (4 * m) > 2 {
            ptw.reserveCapacity(ptw.count + 3 * m)
            for j in 0..<m {
                ptw.append(tw[j * (n / (2 * m))])
                ptw.append(tw[j * (n / (4 * m))])
                ptw.append(tw[(j + m) * (n / (4 * m))])
            }
            m <<= 2
        }
        pairTwiddles = ptw
    }

    /// ω^i (any integer i; reduced mod n).
    public func element(_ i: Int) -> Fr {
        if size == 1 { return .one }
        let k = ((i % size) + size) % size
        return k < size / 2 ? twiddles[k] : -twiddles[k - size / 2]   // ω^{n/2} = −1
    }

    /// All n points ω^0 … ω^{n−1} in order.
    public var elements: [Fr] { (0..<size).map(element) }

    /// Z_H(x) = x^n − 1, the vanishing polynomial of H (log₂n squarings).
    public func vanishing(at x: Fr) -> Fr {
        var y = x
        for _ in 0..<logSize { y.square() }
        return y - .one
    }

    /// L_0(x) … L_{n−1}(x), the Lagrange basis of H at x:
    /// L_i(x) = ω^i·(x^n − 1) / (n·(x − ω^i)), and L_i(ω^k) = [i = k].
    /// Cost: one batch inversion and ~3n multiplications.
    public func lagrangeCoefficients(at x: Fr) -> [Fr] {
        let z = vanishing(at: x)
        if z.isZero {
            // x is a point of H: the basis is an indicator vector.
            return (0..<size).map { element($0) == x ? Fr.one : Fr.zero }
        }
        var denominators = (0..<size).map { x - element($0) }
        Fr.batchInvert(&denominators)
        let c = z * sizeInverse
        return (0..<size).map { c * element($0) * denominators[$0] }
    }

    // MARK: cosets

    /// The coset g·H for an offset g ∉ H (g ≠ 0 and g^n ≠ 1), so Z_H is non-zero on it.
    public func coset(generator g: Fr) throws -> Coset {
        guard !g.isZero, !vanishing(at: g).isZero, let gi = g.inverse() else {
            throw PolynomialsError.cosetNotDisjoint(offset: g.description, size: size)
        }
        return Coset(domain: self, offset: g, offsetInverse: gi)
    }

    /// The coset 5·H (offset `Fr.multiplicativeGenerator`): the coset arkworks'
    /// `LibsnarkReduction` (ark-groth16) evaluates A·B − C on before dividing by Z_H = 5^n − 1.
    public var multiplicativeGeneratorCoset: Coset {
        let g = Fr.multiplicativeGenerator
        // safe: 5 generates Fr^× (order r − 1 > n), so 5^n ≠ 1 and 5 is invertible.
        return Coset(domain: self, offset: g, offsetInverse: g.inverse() ?? .zero)
    }

    /// The coset ω_{2n}·H = {ω_{2n}^{2i+1}}: the odd points of the 2n-point domain. snarkjs's
    /// Groth16 prover evaluates A·B − C here (its `.zkey` H section holds the 2n-domain Lagrange
    /// points at odd indices, so no division by Z is done; Z_H = ω_{2n}^n − 1 = −2 on it) and
    /// arkworks circom-compat's `CircomReduction` does the same. ω_{2n}² = ω_n by construction.
    public var oddRootsCoset: Coset {
        // safe: logSize ≤ maxLogSize = twoAdicity − 1, so the 2n-th root exists; it is non-zero.
        let g = Fr.rootOfUnity(logSize: logSize + 1) ?? .one
        return Coset(domain: self, offset: g, offsetInverse: g.inverse() ?? .zero)
    }

    // MARK: transforms on arrays

    /// Coefficients → evaluations at ω^0 … ω^{n−1}, in place.
    ///
    /// `threads` (every transform takes it): the number of contiguous chunks each pass is split
    /// into for Dispatch `concurrentPerform`; 1 runs serially on the caller's thread. Sizes below
    /// `parallelThreshold` always run serially. The result does not depend on it.
    public func forward(_ values: inout [Fr], threads: Int = EvaluationDomain.defaultThreads) throws {
        try values.withUnsafeMutableBufferPointer { try forward($0, threads: threads) }
    }

    /// Evaluations at ω^0 … ω^{n−1} → coefficients, in place.
    public func inverse(_ values: inout [Fr], threads: Int = EvaluationDomain.defaultThreads) throws {
        try values.withUnsafeMutableBufferPointer { try inverse($0, threads: threads) }
    }

    // MARK: transforms on buffers

    /// Coefficients → evaluations, in place on a buffer of exactly n elements.
    public func forward(_ values: UnsafeMutableBufferPointer<Fr>, threads: Int = EvaluationDomain.defaultThreads) throws {
        guard let p = try checked(values, "forward NTT input") else { return }
        forwardUnchecked(p, threads: threads)
    }

    /// Evaluations → coefficients, in place on a buffer of exactly n elements.
    public func inverse(_ values: UnsafeMutableBufferPointer<Fr>, threads: Int = EvaluationDomain.defaultThreads) throws {
        guard let p = try checked(values, "inverse NTT input") else { return }
        inverseUnchecked(p, scale: sizeInverse, ratio: .one, threads: threads)
    }

    // MARK: internals

    /// The base address of a buffer of exactly n elements (nil only for n… never: n ≥ 1).
    func checked(_ values: UnsafeMutableBufferPointer<Fr>, _ what: String) throws -> UnsafeMutablePointer<Fr>? {
        guard values.count == size else {
            throw PolynomialsError.lengthMismatch(what: what, expected: size, got: values.count)
        }
        return values.baseAddress
    }

    func chunks(_ threads: Int) -> Int { size >= Self.parallelThreshold ? max(1, threads) : 1 }

    /// The forward DIT transform: bit reversal, the in-block stages block by block, then the
    /// remaining stages in fused pairs (interleaved tables while their strides are large, the
    /// flat table after), and one radix-2 stage last when their count is odd.
    func forwardUnchecked(_ p: UnsafeMutablePointer<Fr>, threads: Int) {
        let n = size
        guard n > 1 else { return }
        let c = chunks(threads), log = logSize
        if log >= 2 * NTTKernel.tileBits {
            Parallel.forEachRange(count: 1 << (log - 2 * NTTKernel.tileBits), chunks: c) {
                NTTKernel.bitReverseTiled(p, logSize: log, mids: $0)
            }
        } else {
            NTTKernel.bitReverse(p, logSize: log, range: 0..<n)
        }
        let lb = logBlock, b = 1 << lb
        blockTwiddles.withUnsafeBufferPointer { btw in
            guard let bt = btw.baseAddress else { return }   // safe: count ≥ 1
            Parallel.forEachRange(count: n / b, chunks: c) { blocks in
                for k in blocks { NTTKernel.blockStages(p + k * b, logBlock: lb, tw: bt) }
            }
        }
        var m = b
        pairTwiddles.withUnsafeBufferPointer { ptb in
            var offset = 0
            while 4 * m <= n, n / (4 * m) > 2, let base = ptb.baseAddress {
                let mm = m, tw = base + offset
                Parallel.forEachRange(count: n / 4, chunks: c) {
                    NTTKernel.radix4StageInterleaved(p, m: mm, tw: tw, quads: $0)
                }
                offset += 3 * m
                m <<= 2
            }
        }
        twiddles.withUnsafeBufferPointer { twb in
            guard let tw = twb.baseAddress else { return }   // safe: n ≥ 2 so count ≥ 1
            while 4 * m <= n {
                let mm = m
                Parallel.forEachRange(count: n / 4, chunks: c) {
                    NTTKernel.radix4Stage(p, m: mm, tw1: tw, stride1: n / (2 * mm), tw2: tw, stride2: n / (4 * mm), quads: $0)
                }
                m <<= 2
            }
            if m < n {   // m = n/2: one radix-2 stage, flat table at stride 1
                let mm = m
                Parallel.forEachRange(count: n / 2, chunks: c) {
                    NTTKernel.radix2Stage(p, m: mm, tw: tw, stride: 1, pairs: $0)
                }
            }
        }
    }

    /// The inverse transform followed by p[i] ← p[i]·scale·ratio^i. Uses the forward tables:
    /// DFT_ω(DFT_ω(a))_k = n·a_{−k}, so a forward pass, a swap of indices i ↔ n − i, and a
    /// scale by n⁻¹ (folded into `scale`) invert it.
    func inverseUnchecked(_ p: UnsafeMutablePointer<Fr>, scale: Fr, ratio: Fr, threads: Int) {
        let n = size
        let c = chunks(threads)
        forwardUnchecked(p, threads: threads)
        if n > 2 {
            Parallel.forEachRange(count: n / 2 - 1, chunks: c) { NTTKernel.reverseTail(p, n: n, range: $0) }
        }
        Parallel.forEachRange(count: n, chunks: c) { NTTKernel.scaleByPowers(p, c: scale, r: ratio, range: $0) }
    }
}

/// A coset g·H of an evaluation domain H: the points g·ω^i. Transforms evaluate a polynomial
/// given by its coefficients at those points (and back). Z_H(g·ω^i) = g^n − 1 for every i.
public struct Coset: Sendable {
    /// The domain H.
    public let domain: EvaluationDomain
    /// g.
    public let offset: Fr
    /// g⁻¹.
    public let offsetInverse: Fr

    init(domain: EvaluationDomain, offset: Fr, offsetInverse: Fr) {
        self.domain = domain
        self.offset = offset
        self.offsetInverse = offsetInverse
    }

    /// n.
    public var size: Int { domain.size }

    /// g·ω^i.
    public func element(_ i: Int) -> Fr { offset * domain.element(i) }

    /// Z_H on the coset: g^n − 1 (the same at every point).
    public var vanishingValue: Fr { domain.vanishing(at: offset) }

    /// Coefficients a_i → evaluations at g·ω^k: scale a_i by g^i, then the forward NTT.
    public func forward(_ values: inout [Fr], threads: Int = EvaluationDomain.defaultThreads) throws {
        try values.withUnsafeMutableBufferPointer { try forward($0, threads: threads) }
    }

    /// Evaluations at g·ω^k → coefficients: the inverse NTT, then scale coefficient i by g^{−i}.
    public func inverse(_ values: inout [Fr], threads: Int = EvaluationDomain.defaultThreads) throws {
        try values.withUnsafeMutableBufferPointer { try inverse($0, threads: threads) }
    }

    /// As `forward(_:threads:)` on a buffer of exactly n elements.
    public func forward(_ values: UnsafeMutableBufferPointer<Fr>, threads: Int = EvaluationDomain.defaultThreads) throws {
        guard let p = try domain.checked(values, "coset forward NTT input") else { return }
        let g = offset
        Parallel.forEachRange(count: domain.size, chunks: domain.chunks(threads)) {
            NTTKernel.scaleByPowers(p, c: .one, r: g, range: $0)
        }
        domain.forwardUnchecked(p, threads: threads)
    }

    /// As `inverse(_:threads:)` on a buffer of exactly n elements.
    public func inverse(_ values: UnsafeMutableBufferPointer<Fr>, threads: Int = EvaluationDomain.defaultThreads) throws {
        guard let p = try domain.checked(values, "coset inverse NTT input") else { return }
        domain.inverseUnchecked(p, scale: domain.sizeInverse, ratio: offsetInverse, threads: threads)
    }
}
