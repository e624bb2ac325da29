/// Scalar multiplication on G1: width-5 NAF, and GLV with the endomorphism φ(x, y) = (β·x, y)
/// (φ(P) = [λ]P), which halves the number of doublings.

extension G1Affine {
    /// β, a primitive cube root of unity in Fp, with φ(x, y) = (β·x, y) = [λ]P on G1.
    /// β = 2203960485148121921418603742825762020974279258880205651966.
    @inlinable public static var endomorphismBeta: Fp {
        Fp(montgomery: (0x71930c11d782e155, 0xa6bb947cffbe3323, 0xaa303344d4741444, 0x2c3b3f0d26594943))
    }

    /// φ(P) = (β·x, y) = [λ]P (1M).
    @inlinable public func endomorphism() -> G1Affine {
        G1Affine(uncheckedX: x * G1Affine.endomorphismBeta, y: y)
    }
}

extension G1Jacobian {
    /// φ(X, Y, Z) = (β·X, Y, Z) = [λ]P (1M).
    @inlinable public func endomorphism() -> G1Jacobian {
        G1Jacobian(x: x * G1Affine.endomorphismBeta, y: y, z: z)
    }

    /// The window of the NAF recodings used here (tables of 2^(w−2) = 8 odd multiples).
    @usableFromInline static let nafWindow = 5

    /// The odd multiples P, 3P, …, 15P (1 doubling + 7 additions).
    @inlinable
    func oddMultiples() -> [G1Jacobian] {
        let count = 1 << (G1Jacobian.nafWindow - 2)
        var table = [G1Jacobian](repeating: self, count: count)
        let twice = doubled()
        for i in 1..<count { table[i] = table[i - 1] + twice }
        return table
    }

    /// The odd multiples in affine form (one batched inversion), so the main loop can use
    /// mixed additions.
    @inlinable
    func oddMultiplesAffine() -> [G1Affine] {
        G1Jacobian.toAffine(oddMultiples())
    }

    /// [k]P for any 256-bit integer k (little-endian limbs), not reduced modulo r: width-5 NAF,
    /// about 256 doublings + 43 mixed additions (affine table, one batched inversion). Works for points outside G1's subgroup too, so it is
    /// also the engine of `[r]P` checks.
    public func multiplied(byLimbs k: Limbs4) -> G1Jacobian {
        let digits = CurveScalar.wnaf(k, window: G1Jacobian.nafWindow)
        guard !digits.isEmpty, !isInfinity else { return .infinity }
        let table = oddMultiplesAffine()
        var acc = G1Jacobian.infinity
        for d in digits.reversed() {
            acc.double()
            if d > 0 { acc += table[Int(d) >> 1] } else if d < 0 { acc -= table[Int(-d) >> 1] }
        }
        return acc
    }

    /// [k]P with GLV: k = k1 + k2·λ (|k1|, |k2| < 2¹²⁸), then [k1]P + [k2]φ(P) by interleaved
    /// width-5 NAFs over affine tables: ~128 doublings + ~43 mixed additions. Valid for points of G1 (order r), which is
    /// every point a `G1Jacobian` can hold.
    public func multiplied(by k: Fr) -> G1Jacobian {
        glvMultiplied(reducedScalar: k.canonical)
    }

    /// [k]P for a scalar k < r given as canonical limbs, through GLV.
    @usableFromInline
    func glvMultiplied(reducedScalar k: Limbs4) -> G1Jacobian {
        if isInfinity || CurveScalar.isZero(k) { return .infinity }
        let (k1, n1, k2, n2) = CurveScalar.glvDecompose(k)
        let d1 = CurveScalar.wnaf(k1, window: G1Jacobian.nafWindow)
        let d2 = CurveScalar.wnaf(k2, window: G1Jacobian.nafWindow)
        let base = n1 ? -self : self
        let t1 = base.oddMultiplesAffine()
        // φ commutes with scalar multiplication: φ((2i+1)·±P) = (2i+1)·±φ(P).
        var t2 = t1.map { $0.endomorphism() }
        if n1 != n2 { for i in t2.indices { t2[i] = -t2[i] } }
        var acc = G1Jacobian.infinity
        var i = max(d1.count, d2.count) - 1
        while i >= 0 {
            acc.double()
            if i < d1.count {
                let d = d1[i]
                if d > 0 { acc += t1[Int(d) >> 1] } else if d < 0 { acc -= t1[Int(-d) >> 1] }
            }
            if i < d2.count {
                let d = d2[i]
                if d > 0 { acc += t2[Int(d) >> 1] } else if d < 0 { acc -= t2[Int(-d) >> 1] }
            }
            i -= 1
        }
        return acc
    }

    /// [k]P for any 256-bit k given as 32 big-endian bytes (the EIP-196 scalar): reduced mod r
    /// (G1 has order r), then GLV.
    public func multiplied(byBigEndian bytes: [UInt8]) throws -> G1Jacobian {
        guard bytes.count == 32 else { throw BN254Error.wrongLength(what: "G1 scalar", expected: 32, got: bytes.count) }
        return glvMultiplied(reducedScalar: CurveScalar.reduceModOrder(CurveScalar.limbs(bigEndian: bytes[...])))
    }

    @inlinable public static func * (p: G1Jacobian, k: Fr) -> G1Jacobian { p.multiplied(by: k) }
    @inlinable public static func * (k: Fr, p: G1Jacobian) -> G1Jacobian { p.multiplied(by: k) }

    /// The slow reference: left-to-right double-and-add over all bits of k (no recoding, no
    /// endomorphism). Tests compare every fast path with it.
    package func multipliedDoubleAndAdd(byLimbs k: Limbs4) -> G1Jacobian {
        var acc = G1Jacobian.infinity
        var i = 255
        while i >= 0 {
            acc.double()
            if CurveScalar.bit(k, i) { acc += self }
            i -= 1
        }
        return acc
    }
}

extension G1Affine {
    @inlinable public static func * (p: G1Affine, k: Fr) -> G1Jacobian { G1Jacobian(p).multiplied(by: k) }
    @inlinable public static func * (k: Fr, p: G1Affine) -> G1Jacobian { G1Jacobian(p).multiplied(by: k) }
}
