/// The cubic extension Fp6 = Fp2[v]/(v³ − ξ), ξ = 9 + u: c0 + c1·v + c2·v².
///
/// Formulas: Devegili, Ó hÉigeartaigh, Scott, Dahab, "Multiplication and squaring on
/// pairing-friendly fields" (ePrint 2006/471): Karatsuba multiplication (6 Fp2 multiplications)
/// and the Chung–Hasan squaring CH-SQR2 (2 Fp2 multiplications + 3 Fp2 squarings).
@frozen public struct Fp6: Sendable, Hashable, CustomStringConvertible {
    public var c0: Fp2
    public var c1: Fp2
    public var c2: Fp2

    public init(_ c0: Fp2, _ c1: Fp2, _ c2: Fp2) {
        self.c0 = c0; self.c1 = c1; self.c2 = c2
    }
    public init(c0: Fp2, c1: Fp2, c2: Fp2) {
        self.c0 = c0; self.c1 = c1; self.c2 = c2
    }

    public static var zero: Fp6 { Fp6(.zero, .zero, .zero) }
    public static var one: Fp6 { Fp6(.one, .zero, .zero) }

    public var isZero: Bool { c0.isZero && c1.isZero && c2.isZero }
    public var isOne: Bool { c0.isOne && c1.isZero && c2.isZero }
    public static func == (a: Fp6, b: Fp6) -> Bool {
        a.c0 == b.c0 && a.c1 == b.c1 && a.c2 == b.c2
    }
    public var description: String { "(\(c0) + \(c1)·v + \(c2)·v²)" }

    // MARK: arithmetic

    public static func + (a: Fp6, b: Fp6) -> Fp6 { Fp6(a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2) }
    public static func - (a: Fp6, b: Fp6) -> Fp6 { Fp6(a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2) }
    public static prefix func - (a: Fp6) -> Fp6 { Fp6(-a.c0, -a.c1, -a.c2) }
    public static func += (a: inout Fp6, b: Fp6) { a = a + b }
    public static func -= (a: inout Fp6, b: Fp6) { a = a - b }
    public static func *= (a: inout Fp6, b: Fp6) { a = a * b }

    /// Karatsuba (Devegili et al. 2006, §4): v0 = a0b0, v1 = a1b1, v2 = a2b2,
    /// c0 = v0 + ξ((a1 + a2)(b1 + b2) − v1 − v2), c1 = (a0 + a1)(b0 + b1) − v0 − v1 + ξv2,
    /// c2 = (a0 + a2)(b0 + b2) − v0 − v2 + v1. Cost 6 Fp2 M (18 Fp M).
    /// Computed with lazy reduction (`Fp6Dbl.product`): 18 integer products, 6 reductions.
    public static func * (a: Fp6, b: Fp6) -> Fp6 { Fp6Dbl.product(a, b).reduced() }

    /// The same Karatsuba formula over reduced Fp2 arithmetic: the reference for the lazy product.
    static func mulReference(_ a: Fp6, _ b: Fp6) -> Fp6 {
        let v0 = a.c0.mulReference(b.c0)
        let v1 = a.c1.mulReference(b.c1)
        let v2 = a.c2.mulReference(b.c2)
        let t0 = ((a.c1 + a.c2).mulReference(b.c1 + b.c2) - v1 - v2).mulByNonResidue() + v0
        let t1 = (a.c0 + a.c1).mulReference(b.c0 + b.c1) - v0 - v1 + v2.mulByNonResidue()
        let t2 = (a.c0 + a.c2).mulReference(b.c0 + b.c2) - v0 - v2 + v1
        return Fp6(t0, t1, t2)
    }

    /// Chung–Hasan CH-SQR2 (Devegili et al. 2006, §4): s0 = a0², s1 = 2a0a1, s2 = (a0 − a1 + a2)²,
    /// s3 = 2a1a2, s4 = a2²; c0 = s0 + ξs3, c1 = s1 + ξs4, c2 = s1 + s2 + s3 − s0 − s4.
    /// Cost 2 Fp2 M + 3 Fp2 S (12 Fp M).
    public func squared() -> Fp6 {
        let s0 = c0.squared()
        let ab = c0 * c1
        let s1 = ab + ab
        let s2 = (c0 - c1 + c2).squared()
        let bc = c1 * c2
        let s3 = bc + bc
        let s4 = c2.squared()
        return Fp6(s0 + s3.mulByNonResidue(), s1 + s4.mulByNonResidue(), s1 + s2 + s3 - s0 - s4)
    }
    public mutating func square() { self = squared() }
    public func doubled() -> Fp6 { Fp6(c0.doubled(), c1.doubled(), c2.doubled()) }
    public mutating func double() { self = doubled() }

    /// Multiplication by v: (c0 + c1v + c2v²)·v = ξc2 + c0·v + c1·v².
    public func mulByNonResidue() -> Fp6 { Fp6(c2.mulByNonResidue(), c0, c1) }

    /// Multiplication by an Fp2 scalar (3 Fp2 M).
    public func mulByFp2(_ s: Fp2) -> Fp6 { Fp6(c0 * s, c1 * s, c2 * s) }

    /// Multiplication by the sparse element b0 + b1·v (5 Fp2 M):
    /// (a0 + a1v + a2v²)(b0 + b1v) = (a0b0 + ξa2b1) + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)v + (a1b1 + a2b0)v².
    public func mulBy01(_ b0: Fp2, _ b1: Fp2) -> Fp6 { Fp6Dbl.productBy01(self, b0, b1).reduced() }

    /// `mulBy01` over reduced Fp2 arithmetic: the reference for the lazy version.
    func mulBy01Reference(_ b0: Fp2, _ b1: Fp2) -> Fp6 {
        let v0 = c0.mulReference(b0)
        let v1 = c1.mulReference(b1)
        let t0 = c2.mulReference(b1).mulByNonResidue() + v0
        let t1 = (c0 + c1).mulReference(b0 + b1) - v0 - v1
        let t2 = c2.mulReference(b0) + v1
        return Fp6(t0, t1, t2)
    }

    /// Multiplication by the sparse element b1·v (3 Fp2 M): ξa2b1 + a0b1·v + a1b1·v².
    public func mulBy1(_ b1: Fp2) -> Fp6 {
        Fp6((c2 * b1).mulByNonResidue(), c0 * b1, c1 * b1)
    }

    /// 1/self, nil for zero. Standard formula (e.g. Scott, "Implementing cryptographic pairings",
    /// §4): t0 = a0² − ξa1a2, t1 = ξa2² − a0a1, t2 = a1² − a0a2,
    /// 1/a = (t0 + t1v + t2v²)/(a0t0 + ξ(a2t1 + a1t2)). One Fp2 inversion.
    public func inverse() -> Fp6? {
        let t0 = c0.squared() - (c1 * c2).mulByNonResidue()
        let t1 = c2.squared().mulByNonResidue() - c0 * c1
        let t2 = c1.squared() - c0 * c2
        let d = c0 * t0 + (c2 * t1 + c1 * t2).mulByNonResidue()
        guard let di = d.inverse() else { return nil }
        return Fp6(t0 * di, t1 * di, t2 * di)
    }

    /// self^(p^power): conjugates each Fp2 coefficient for odd powers and scales c_j (the
    /// coefficient of v^j = w^(2j)) by ξ^(2j·(p^k − 1)/6) (see `Frobenius`).
    public func frobenius(_ power: Int) -> Fp6 {
        var r = self
        var k = ((power % 6) + 6) % 6
        while k > 0 {
            if k >= 3 { r = r.frobenius3(); k -= 3 }
            else if k == 2 { r = r.frobenius2(); k -= 2 }
            else { r = r.frobenius1(); k -= 1 }
        }
        return r
    }

    func frobenius1() -> Fp6 {
        Fp6(c0.conjugate, c1.conjugate * Frobenius.g12, c2.conjugate * Frobenius.g14)
    }
    func frobenius2() -> Fp6 {
        Fp6(c0, c1.mulByFp(Frobenius.g22), c2.mulByFp(Frobenius.g24))
    }
    func frobenius3() -> Fp6 {
        Fp6(c0.conjugate, c1.conjugate * Frobenius.g32, c2.conjugate * Frobenius.g34)
    }

    /// self^e for little-endian 64-bit limbs (square-and-multiply): a slow reference for tests.
    public func pow(_ exponent: [UInt64]) -> Fp6 {
        var r = Fp6.one
        for limb in exponent.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                r.square()
                if (limb >> UInt64(bit)) & 1 == 1 { r *= self }
            }
        }
        return r
    }

    public static func random() -> Fp6 { Fp6(.random(), .random(), .random()) }
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> Fp6 {
        Fp6(.random(using: &rng), .random(using: &rng), .random(using: &rng))
    }
}
