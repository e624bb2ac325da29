/// Scalar multiplication, the untwist–Frobenius–twist endomorphism ψ and the subgroup check on G2.

extension G2Affine {
    /// ψ's constants γx = ξ^((p−1)/3) and γy = ξ^((p−1)/2), ξ = 9 + u:
    /// ψ(x, y) = (conj(x)·γx, conj(y)·γy) (Galbraith–Scott, "Exponentiation in pairing-friendly
    /// groups using homomorphisms", Pairing 2008, §3). On G2, ψ(Q) = [p]Q = [6x²]Q (p ≡ 6x² mod r).
    @inlinable public static var psiGammaX: Fp2 {
        Fp2(Fp(montgomery: (0xb5773b104563ab30, 0x347f91c8a9aa6454, 0x7a007127242e0991, 0x1956bcd8118214ec)),
            Fp(montgomery: (0x6e849f1ea0aa4757, 0xaa1c7b6d89f89141, 0xb6e713cdfae0ca3a, 0x26694fbb4e82ebc3)))
    }
    @inlinable public static var psiGammaY: Fp2 {
        Fp2(Fp(montgomery: (0xe4bbdd0c2936b629, 0xbb30f162e133bacb, 0x31a9d1b6f9645366, 0x253570bea500f8dd)),
            Fp(montgomery: (0xa1d77ce45ffe77c7, 0x07affd117826d1db, 0x6d16bd27bb7edc6b, 0x2c87200285defecc)))
    }

    /// β² ∈ Fp (β = `G1Affine.endomorphismBeta`): ψ²(x, y) = (β²·x, −y), so
    /// φ₂(x, y) = (β²·x, y) = −ψ² has eigenvalue λ (the G1 GLV λ) on G2.
    @inlinable public static var endomorphismBetaSquared: Fp {
        Fp(montgomery: (0x3350c88e13e80b9c, 0x7dce557cdb5e56b9, 0x6001b4b8b615564a, 0x2682e617020217e0))
    }

    /// φ₂(x, y) = (β²·x, y) = [λ]Q on G2 (2 Fp multiplications).
    @inlinable public func endomorphism() -> G2Affine {
        G2Affine(uncheckedX: x.mulByFp(G2Affine.endomorphismBetaSquared), y: y)
    }

    /// ψ(Q) (2 conjugations + 2M in Fp2).
    @inlinable public func psi() -> G2Affine {
        if isInfinity { return self }
        return G2Affine(uncheckedX: x.conjugate * G2Affine.psiGammaX, y: y.conjugate * G2Affine.psiGammaY)
    }
}

extension G2Jacobian {
    /// ψ(X, Y, Z) = (conj(X)·γx, conj(Y)·γy, conj(Z)) (x = X/Z² and conj is a field automorphism).
    @inlinable public func psi() -> G2Jacobian {
        G2Jacobian(x: x.conjugate * G2Affine.psiGammaX, y: y.conjugate * G2Affine.psiGammaY, z: z.conjugate)
    }

    /// φ₂(X, Y, Z) = (β²·X, Y, Z) = [λ]Q on G2 (2 Fp multiplications).
    @inlinable public func endomorphism() -> G2Jacobian {
        G2Jacobian(x: x.mulByFp(G2Affine.endomorphismBetaSquared), y: y, z: z)
    }

    /// 6x² = 147946756881789318990833708069417712966 (127 bits), the eigenvalue of ψ on G2.
    @usableFromInline static let sixXSquared: Limbs4 = (0xf83e9682e87cfd46, 0x6f4d8248eeb859fb, 0, 0)

    /// The BN parameter x = 4965661367192848881 (63 bits).
    @usableFromInline static let seed: Limbs4 = (4965661367192848881, 0, 0, 0)

    /// Membership in the order-r subgroup for a point already on the twist:
    /// Q ∈ G2 ⇔ [x+1]Q + ψ([x]Q) + ψ²([x]Q) = ψ³([2x]Q) (Dai, Lin, Zhao, Zhou, "Fast subgroup
    /// membership testings for G1, G2 and GT on pairing-friendly curves", ePrint 2022/348, for BN
    /// curves with x ≢ 4 mod 13 and x ≢ 92 mod 97; BN254's x is 0 mod 13 and 49 mod 97).
    /// One 63-bit multiplication, where ψ(Q) = [6x²]Q (El Housni–Guillevic–Piellard, ePrint
    /// 2022/352) needs a 127-bit one. Tested against `isInSubgroupSlow` on points of G2, random
    /// twist points and points of each small order dividing the cofactor.
    public var isInSubgroup: Bool {
        if isInfinity { return true }
        let xQ = multiplied(byLimbs: G2Jacobian.seed)
        let psiXQ = xQ.psi()
        let lhs = xQ + self + psiXQ + psiXQ.psi()
        return lhs == xQ.doubled().psi().psi().psi()
    }

    /// The earlier check ψ(Q) = [6x²]Q (ePrint 2022/352, §6): a second reference in the tests.
    package var isInSubgroupBySixXSquared: Bool {
        if isInfinity { return true }
        return psi() == multiplied(byLimbs: G2Jacobian.sixXSquared)
    }

    /// The definition: [r]Q = O. The slow reference for `isInSubgroup`.
    public var isInSubgroupSlow: Bool { multiplied(byLimbs: Fr.modulus).isInfinity }

    @usableFromInline static let nafWindow = 5

    /// The odd multiples Q, 3Q, …, 15Q.
    @inlinable
    func oddMultiples() -> [G2Jacobian] {
        let count = 1 << (G2Jacobian.nafWindow - 2)
        var table = [G2Jacobian](repeating: self, count: count)
        let twice = doubled()
        for i in 1..<count { table[i] = table[i - 1] + twice }
        return table
    }

    /// The odd multiples in affine form (one batched inversion), so the main loop can use
    /// mixed additions.
    @inlinable
    func oddMultiplesAffine() -> [G2Affine] {
        G2Jacobian.toAffine(oddMultiples())
    }

    /// [k]Q for any 256-bit integer k, not reduced modulo r: width-5 NAF. Correct for any point
    /// of the twist, in the subgroup or not (it is the engine of both subgroup checks).
    public func multiplied(byLimbs k: Limbs4) -> G2Jacobian {
        let digits = CurveScalar.wnaf(k, window: G2Jacobian.nafWindow)
        guard !digits.isEmpty, !isInfinity else { return .infinity }
        let table = oddMultiplesAffine()
        var acc = G2Jacobian.infinity
        for d in digits.reversed() {
            acc.double()
            if d > 0 { acc += table[Int(d) >> 1] } else if d < 0 { acc -= table[Int(-d) >> 1] }
        }
        return acc
    }

    /// [k]Q with GLV through φ₂ = −ψ² (eigenvalue λ): [k1]Q + [k2]φ₂(Q) with |k1|, |k2| < 2¹²⁸.
    /// Valid for points of G2; points built through the public API are in G2.
    public func multiplied(by k: Fr) -> G2Jacobian {
        glvMultiplied(reducedScalar: k.canonical)
    }

    @usableFromInline
    func glvMultiplied(reducedScalar k: Limbs4) -> G2Jacobian {
        if isInfinity || CurveScalar.isZero(k) { return .infinity }
        let (k1, n1, k2, n2) = CurveScalar.glvDecompose(k)
        let d1 = CurveScalar.wnaf(k1, window: G2Jacobian.nafWindow)
        let d2 = CurveScalar.wnaf(k2, window: G2Jacobian.nafWindow)
        let base = n1 ? -self : self
        let t1 = base.oddMultiplesAffine()
        var t2 = t1.map { $0.endomorphism() }
        if n1 != n2 { for i in t2.indices { t2[i] = -t2[i] } }
        var acc = G2Jacobian.infinity
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

    @inlinable public static func * (p: G2Jacobian, k: Fr) -> G2Jacobian { p.multiplied(by: k) }
    @inlinable public static func * (k: Fr, p: G2Jacobian) -> G2Jacobian { p.multiplied(by: k) }

    /// The slow reference: left-to-right double-and-add over all 256 bits of k.
    package func multipliedDoubleAndAdd(byLimbs k: Limbs4) -> G2Jacobian {
        var acc = G2Jacobian.infinity
        var i = 255
        while i >= 0 {
            acc.double()
            if CurveScalar.bit(k, i) { acc += self }
            i -= 1
        }
        return acc
    }
}

extension G2Affine {
    @inlinable public static func * (p: G2Affine, k: Fr) -> G2Jacobian { G2Jacobian(p).multiplied(by: k) }
    @inlinable public static func * (k: Fr, p: G2Affine) -> G2Jacobian { G2Jacobian(p).multiplied(by: k) }
}
