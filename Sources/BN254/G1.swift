/// G1 of BN254: the curve E: y² = x³ + 3 over Fp, of prime order r (cofactor 1), generator (1, 2).
///
/// Two representations:
/// * `G1Affine` (x, y), with the point at infinity encoded as (0, 0) (not on the curve, since
///   b = 3 ≠ 0), the form used for storage, encodings and as the second operand of mixed addition;
/// * `G1Jacobian` (X, Y, Z) for x = X/Z², y = Y/Z³, infinity when Z = 0, the form of arithmetic.
///
/// Formulas are from the Explicit-Formulas Database (EFD, hyperelliptic.org/EFD,
/// "g1p/auto-shortw-jacobian-0" for a = 0); costs are in Fp multiplications (M) and squarings (S).

/// A G1 point in affine coordinates; infinity is (0, 0).
///
/// The coordinates can be read by anyone but only set inside the module: a `G1Affine` built
/// through the public API is always on the curve (and so in G1, the cofactor being 1).
@frozen public struct G1Affine: Sendable, Hashable {
    public let x: Fp
    public let y: Fp

    /// Wraps coordinates without any check: only for values computed by the library itself.
    @inlinable @inline(__always)
    package init(uncheckedX x: Fp, y: Fp) {
        self.x = x
        self.y = y
    }

    /// A validated point: (0, 0) is infinity, anything else must satisfy y² = x³ + 3.
    /// Throws `BN254Error.notOnCurve(group: "G1")`.
    public init(x: Fp, y: Fp) throws {
        self.init(uncheckedX: x, y: y)
        guard isOnCurve else { throw BN254Error.notOnCurve(group: "G1") }
    }

    /// The curve coefficient b = 3.
    @inlinable public static var b: Fp { Fp(montgomery: (0x7a17caa950ad28d7, 0x1f6ac17ae15521b9, 0x334bea4e696bd284, 0x2a1f6744ce179d8e)) }

    /// The generator (1, 2) used by Ethereum, snarkjs, arkworks and gnark.
    public static let generator = G1Affine(uncheckedX: .one, y: Fp(2))

    /// The point at infinity, (0, 0).
    @inlinable public static var infinity: G1Affine { G1Affine(uncheckedX: .zero, y: .zero) }

    @inlinable public var isInfinity: Bool { x.isZero && y.isZero }

    /// True for infinity and for points satisfying y² = x³ + 3.
    @inlinable public var isOnCurve: Bool {
        if isInfinity { return true }
        return y.squared() == x.squared() * x + G1Affine.b
    }

    /// G1 has cofactor 1, so every point on the curve is in the order-r subgroup.
    @inlinable public var isInSubgroup: Bool { isOnCurve }

    @inlinable public static prefix func - (p: G1Affine) -> G1Affine {
        G1Affine(uncheckedX: p.x, y: -p.y)   // −(0,0) = (0,0) since −0 = 0
    }

    @inlinable public func negated() -> G1Affine { -self }

    /// Jacobian form (Z = 1, or Z = 0 for infinity).
    @inlinable public var jacobian: G1Jacobian { G1Jacobian(self) }
}

/// A G1 point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is infinity.
@frozen public struct G1Jacobian: Sendable {
    public let x: Fp
    public let y: Fp
    public let z: Fp

    @inlinable @inline(__always)
    package init(x: Fp, y: Fp, z: Fp) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// From affine; infinity (0, 0) maps to (1, 1, 0).
    @inlinable @inline(__always)
    public init(_ p: G1Affine) {
        if p.isInfinity {
            self.init(x: .one, y: .one, z: .zero)
        } else {
            self.init(x: p.x, y: p.y, z: .one)
        }
    }

    @inlinable public static var infinity: G1Jacobian { G1Jacobian(x: .one, y: .one, z: .zero) }
    public static let generator = G1Jacobian(G1Affine.generator)

    @inlinable public var isInfinity: Bool { z.isZero }

    /// Y² = X³ + 3·Z⁶ (true for infinity).
    public var isOnCurve: Bool {
        if isInfinity { return true }
        let z2 = z.squared()
        let z6 = z2.squared() * z2
        return y.squared() == x.squared() * x + G1Affine.b * z6
    }

    // MARK: group law

    /// Doubling, EFD dbl-2009-l (a = 0): 2M + 5S.
    /// A = X², B = Y², C = B², D = 2((X+B)² − A − C), E = 3A, F = E², X3 = F − 2D,
    /// Y3 = E(D − X3) − 8C, Z3 = 2YZ. Infinity (Z = 0) stays infinity (Z3 = 0).
    @inlinable
    public func doubled() -> G1Jacobian {
        let a = x.squared()
        let b = y.squared()
        let c = b.squared()
        var d = (x + b).squared() - a - c
        d = d + d
        let e = a + a + a
        let f = e.squared()
        let x3 = f - d - d
        var c8 = c + c
        c8 = c8 + c8
        c8 = c8 + c8
        let y3 = e * (d - x3) - c8
        let yz = y * z
        return G1Jacobian(x: x3, y: y3, z: yz + yz)
    }

    @inlinable public mutating func double() { self = doubled() }

    /// Full addition, EFD add-2007-bl: 11M + 5S.
    /// Z1Z1 = Z1², Z2Z2 = Z2², U1 = X1·Z2Z2, U2 = X2·Z1Z1, S1 = Y1·Z2·Z2Z2, S2 = Y2·Z1·Z1Z1,
    /// H = U2 − U1, I = (2H)², J = H·I, r = 2(S2 − S1), V = U1·I, X3 = r² − J − 2V,
    /// Y3 = r(V − X3) − 2·S1·J, Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H.
    /// Exceptional cases (an operand at infinity, P = Q, P = −Q) are handled before the formula.
    @inlinable
    public static func + (p: G1Jacobian, q: G1Jacobian) -> G1Jacobian {
        if p.isInfinity { return q }
        if q.isInfinity { return p }
        let z1z1 = p.z.squared()
        let z2z2 = q.z.squared()
        let u1 = p.x * z2z2
        let u2 = q.x * z1z1
        let s1 = p.y * q.z * z2z2
        let s2 = q.y * p.z * z1z1
        let h = u2 - u1
        var r = s2 - s1
        if h.isZero {
            return r.isZero ? p.doubled() : .infinity
        }
        let i = (h + h).squared()
        let j = h * i
        r = r + r
        let v = u1 * i
        let x3 = r.squared() - j - v - v
        let s1j = s1 * j
        let y3 = r * (v - x3) - s1j - s1j
        let z3 = ((p.z + q.z).squared() - z1z1 - z2z2) * h
        return G1Jacobian(x: x3, y: y3, z: z3)
    }

    /// Mixed addition (Jacobian + affine), EFD madd-2007-bl: 7M + 4S.
    /// Z1Z1 = Z1², U2 = X2·Z1Z1, S2 = Y2·Z1·Z1Z1, H = U2 − X1, HH = H², I = 4HH, J = H·I,
    /// r = 2(S2 − Y1), V = X1·I, X3 = r² − J − 2V, Y3 = r(V − X3) − 2·Y1·J,
    /// Z3 = (Z1 + H)² − Z1Z1 − HH. Exceptional cases are handled before the formula.
    @inlinable
    public static func + (p: G1Jacobian, q: G1Affine) -> G1Jacobian {
        if q.isInfinity { return p }
        if p.isInfinity { return G1Jacobian(x: q.x, y: q.y, z: .one) }
        let z1z1 = p.z.squared()
        let u2 = q.x * z1z1
        let s2 = q.y * p.z * z1z1
        let h = u2 - p.x
        var r = s2 - p.y
        if h.isZero {
            return r.isZero ? p.doubled() : .infinity
        }
        let hh = h.squared()
        var i = hh + hh
        i = i + i
        let j = h * i
        r = r + r
        let v = p.x * i
        let x3 = r.squared() - j - v - v
        let y1j = p.y * j
        let y3 = r * (v - x3) - y1j - y1j
        let z3 = (p.z + h).squared() - z1z1 - hh
        return G1Jacobian(x: x3, y: y3, z: z3)
    }

    @inlinable public static func + (p: G1Affine, q: G1Jacobian) -> G1Jacobian { q + p }
    @inlinable public static func += (p: inout G1Jacobian, q: G1Jacobian) { p = p + q }
    @inlinable public static func += (p: inout G1Jacobian, q: G1Affine) { p = p + q }

    @inlinable public static prefix func - (p: G1Jacobian) -> G1Jacobian {
        G1Jacobian(x: p.x, y: -p.y, z: p.z)
    }
    @inlinable public func negated() -> G1Jacobian { -self }
    @inlinable public mutating func negate() { self = -self }

    @inlinable public static func - (p: G1Jacobian, q: G1Jacobian) -> G1Jacobian { p + (-q) }
    @inlinable public static func - (p: G1Jacobian, q: G1Affine) -> G1Jacobian { p + (-q) }
    @inlinable public static func -= (p: inout G1Jacobian, q: G1Jacobian) { p = p - q }
    @inlinable public static func -= (p: inout G1Jacobian, q: G1Affine) { p = p - q }

    // MARK: conversion

    /// Affine form: one inversion (GMP) + 3M + 1S; infinity → (0, 0).
    public func toAffine() -> G1Affine {
        guard let zinv = z.inverse() else { return .infinity }   // nil only for z = 0
        let zinv2 = zinv.squared()
        return G1Affine(uncheckedX: x * zinv2, y: y * zinv2 * zinv)
    }

    /// Affine forms of many points with one inversion (Montgomery's trick, 3(n−1)M for the
    /// batch inverse + 3M + 1S per point); points at infinity map to (0, 0).
    public static func toAffine(_ points: [G1Jacobian]) -> [G1Affine] {
        var zs = points.map(\.z)
        Fp.batchInvert(&zs)
        var out = [G1Affine]()
        out.reserveCapacity(points.count)
        for (p, zinv) in zip(points, zs) {
            if zinv.isZero {
                out.append(.infinity)
            } else {
                let zinv2 = zinv.squared()
                out.append(G1Affine(uncheckedX: p.x * zinv2, y: p.y * zinv2 * zinv))
            }
        }
        return out
    }
}

extension G1Jacobian: Equatable {
    /// Projective equality: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³; all infinities are equal.
    @inlinable
    public static func == (p: G1Jacobian, q: G1Jacobian) -> Bool {
        if p.isInfinity || q.isInfinity { return p.isInfinity && q.isInfinity }
        let z1z1 = p.z.squared(), z2z2 = q.z.squared()
        guard p.x * z2z2 == q.x * z1z1 else { return false }
        return p.y * z2z2 * q.z == q.y * z1z1 * p.z
    }
}

extension G1Affine: CustomStringConvertible {
    public var description: String { isInfinity ? "G1(infinity)" : "G1(\(x), \(y))" }
}

extension G1Jacobian: CustomStringConvertible {
    public var description: String { toAffine().description }
}
