import GMP

/// The quadratic extension Fp2 = Fp[u]/(u² + 1) of BN254's base field: c0 + c1·u.
///
/// This is the field G2's coordinates live in (the sextic twist E': y² = x³ + 3/ξ over Fp2) and
/// the base of the tower Fp2 ⊂ Fp6 ⊂ Fp12. The hot operations are `@inlinable` and use Karatsuba
/// (3 Fp multiplications per product, 2 per square).
@frozen public struct Fp2: Sendable, Hashable, CustomStringConvertible {
    public var c0: Fp
    public var c1: Fp

    @inlinable @inline(__always) public init(_ c0: Fp, _ c1: Fp) { self.c0 = c0; self.c1 = c1 }
    @inlinable @inline(__always) public init(c0: Fp, c1: Fp) { self.c0 = c0; self.c1 = c1 }
    /// The image of an Fp element.
    @inlinable @inline(__always) public init(_ c0: Fp) { self.c0 = c0; self.c1 = .zero }

    @inlinable @inline(__always) public static var zero: Fp2 { Fp2(.zero, .zero) }
    @inlinable @inline(__always) public static var one: Fp2 { Fp2(.one, .zero) }
    /// ξ = 9 + u, the non-residue defining Fp6 (v³ = ξ) and the twist (w⁶ = ξ).
    @inlinable @inline(__always) public static var xi: Fp2 { Fp2(Fp(9), .one) }

    @inlinable @inline(__always) public var isZero: Bool { c0.isZero && c1.isZero }
    @inlinable @inline(__always) public var isOne: Bool { c0.isOne && c1.isZero }

    @inlinable @inline(__always) public static func == (a: Fp2, b: Fp2) -> Bool {
        a.c0 == b.c0 && a.c1 == b.c1
    }

    public var description: String { "(\(c0) + \(c1)·u)" }

    // MARK: arithmetic

    @inlinable @inline(__always) public static func + (a: Fp2, b: Fp2) -> Fp2 { Fp2(a.c0 + b.c0, a.c1 + b.c1) }
    @inlinable @inline(__always) public static func - (a: Fp2, b: Fp2) -> Fp2 { Fp2(a.c0 - b.c0, a.c1 - b.c1) }
    @inlinable @inline(__always) public static prefix func - (a: Fp2) -> Fp2 { Fp2(-a.c0, -a.c1) }
    @inlinable @inline(__always) public static func += (a: inout Fp2, b: Fp2) { a = a + b }
    @inlinable @inline(__always) public static func -= (a: inout Fp2, b: Fp2) { a = a - b }
    @inlinable @inline(__always) public static func *= (a: inout Fp2, b: Fp2) { a = a * b }

    /// Karatsuba: (a0 + a1u)(b0 + b1u) = (a0b0 − a1b1) + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)u.
    /// Cost 3M + 5A (Devegili–Ó hÉigeartaigh–Scott–Dahab 2006, §3).
    /// Computed with lazy reduction (`Fp2Dbl.product`): 3 integer products, 2 Montgomery reductions.
    @inlinable @inline(__always) public static func * (a: Fp2, b: Fp2) -> Fp2 {
        Fp2Dbl.product(a, b).reduced()
    }

    /// The same product by three Montgomery multiplications and reduced additions: the reference
    /// the lazy product is tested against.
    func mulReference(_ b: Fp2) -> Fp2 {
        let v0 = c0 * b.c0
        let v1 = c1 * b.c1
        let s = (c0 + c1) * (b.c0 + b.c1)
        return Fp2(v0 - v1, s - v0 - v1)
    }

    /// Complex squaring: (a0 + a1u)² = (a0 + a1)(a0 − a1) + 2a0a1·u. Cost 2M + 3A.
    @inlinable @inline(__always) public func squared() -> Fp2 {
        let t = c0 * c1
        return Fp2((c0 + c1) * (c0 - c1), t + t)
    }
    @inlinable @inline(__always) public mutating func square() { self = squared() }
    @inlinable @inline(__always) public func doubled() -> Fp2 { Fp2(c0.doubled(), c1.doubled()) }
    @inlinable @inline(__always) public func halved() -> Fp2 { Fp2(c0.halved(), c1.halved()) }
    @inlinable @inline(__always) public mutating func double() { self = doubled() }
    @inlinable @inline(__always) public func negated() -> Fp2 { -self }

    /// Multiplication by an element of the base field (2M).
    @inlinable @inline(__always) public func mulByFp(_ s: Fp) -> Fp2 { Fp2(c0 * s, c1 * s) }

    /// Multiplication by ξ = 9 + u: (9a0 − a1) + (a0 + 9a1)u, additions only.
    @inlinable @inline(__always) public func mulByNonResidue() -> Fp2 {
        let e0 = c0.doubled().doubled().doubled() + c0
        let e1 = c1.doubled().doubled().doubled() + c1
        return Fp2(e0 - c1, e1 + c0)
    }

    /// a0 − a1u: the p-power Frobenius of Fp2.
    @inlinable @inline(__always) public var conjugate: Fp2 { Fp2(c0, -c1) }

    /// self^(p^power): the conjugate for odd powers, self for even ones.
    @inlinable public func frobenius(_ power: Int) -> Fp2 { power & 1 == 1 ? conjugate : self }

    /// The norm a0² + a1² ∈ Fp (self·conjugate).
    @inlinable public var norm: Fp { c0.squared() + c1.squared() }

    /// 1/self = conjugate/norm; nil for zero. One Fp inversion (GMP).
    public func inverse() -> Fp2? {
        guard let n = norm.inverse() else { return nil }
        return Fp2(c0 * n, -(c1 * n))
    }

    /// self^e for an exponent given as little-endian 64-bit limbs (square-and-multiply).
    public func pow(_ exponent: [UInt64]) -> Fp2 {
        var r = Fp2.one
        for limb in exponent.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                r.square()
                if (limb >> UInt64(bit)) & 1 == 1 { r *= self }
            }
        }
        return r
    }

    /// Quadratic character: 0 for zero, 1 for a non-zero square, −1 otherwise. An element of Fp2 is
    /// a square exactly when its norm is a square in Fp.
    public var legendre: Int { isZero ? 0 : norm.legendre }
    public var isSquare: Bool { legendre >= 0 }

    /// A square root, or nil when self is not a square; which root is returned is unspecified.
    ///
    /// The "complex method" for p ≡ 3 (mod 4) (Adj & Rodríguez-Henríquez, "Square root computation
    /// over even extension fields", IEEE TC 2014, Alg. 8 idea; also Scott, "Implementing
    /// cryptographic pairings", §5): with n = √(a0² + a1²) ∈ Fp, x0² = (a0 ± n)/2 and
    /// x1 = a1/(2x0). The result is always checked by squaring.
    public func sqrt() -> Fp2? {
        if isZero { return self }
        if c1.isZero {
            if let r = c0.sqrt() { return Fp2(r, .zero) }
            // a0 is a non-square in Fp, so −a0 is a square (−1 is a non-square): √a0 = √(−a0)·u.
            guard let r = (-c0).sqrt() else { return nil }
            return Fp2(.zero, r)
        }
        guard let n = norm.sqrt() else { return nil }
        let half = Fp(2).inverse() ?? .zero       // safe: 2 is invertible in Fp
        var x0sq = (c0 + n) * half
        if x0sq.legendre != 1 { x0sq = (c0 - n) * half }
        guard let x0 = x0sq.sqrt(), let inv2x0 = x0.doubled().inverse() else { return nil }
        let r = Fp2(x0, c1 * inv2x0)
        return r.squared() == self ? r : nil
    }

    /// A uniformly random element (system CSPRNG).
    public static func random() -> Fp2 { Fp2(Fp.random(), Fp.random()) }
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> Fp2 {
        Fp2(Fp.random(using: &rng), Fp.random(using: &rng))
    }

    public func hash(into hasher: inout Hasher) { c0.hash(into: &hasher); c1.hash(into: &hasher) }
}
