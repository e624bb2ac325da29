/// G2 of BN254: the order-r subgroup of the sextic D-type twist E': y² = x³ + b' over Fp2,
/// b' = 3/ξ with ξ = 9 + u. E'(Fp2) has order r·h with h = 2p − r (not 1), so untrusted points
/// need a subgroup check besides the curve equation (`isInSubgroup`, ψ-based, see below).
///
/// Same representations and EFD formulas as G1 (a = 0), with Fp2 coordinates; costs below are in
/// Fp2 multiplications (M) and squarings (S).

/// A G2 point in affine coordinates; infinity is (0, 0).
///
/// The coordinates are read-only outside the module: a `G2Affine` from the public decoders is on
/// the twist and in the order-r subgroup.
@frozen public struct G2Affine: Sendable, Hashable {
    public let x: Fp2
    public let y: Fp2

    /// Wraps coordinates without any check: only for values computed by the library itself.
    @inlinable @inline(__always)
    package init(uncheckedX x: Fp2, y: Fp2) {
        self.x = x
        self.y = y
    }

    /// A validated point: (0, 0) is infinity; anything else must be on the twist and in G2.
    /// Throws `BN254Error.notOnCurve(group: "G2")` or `.notInSubgroup(group: "G2")`.
    public init(x: Fp2, y: Fp2) throws {
        self.init(uncheckedX: x, y: y)
        guard isOnCurve else { throw BN254Error.notOnCurve(group: "G2") }
        guard isInSubgroup else { throw BN254Error.notInSubgroup(group: "G2") }
    }

    /// The twist coefficient b' = 3/(9 + u) =
    /// 19485874751759354771024239261021720505790618469301721065564631296452457478373
    /// + 266929791119991161246907387137283842545076965332900288569378510910307636690·u.
    @inlinable public static var b: Fp2 {
        Fp2(Fp(montgomery: (0x3bf938e377b802a8, 0x020b1b273633535d, 0x26b7edf049755260, 0x2514c6324384a86d)),
            Fp(montgomery: (0x38e7ecccd1dcff67, 0x65f0b37d93ce0d3e, 0xd749d0dd22ac00aa, 0x0141b9ce4a688d4d)))
    }

    /// The standard generator (EIP-197, snarkjs, arkworks, gnark):
    /// x = 10857046999023057135944570762232829481370756359578518086990519993285655852781
    ///   + 11559732032986387107991004021392285783925812861821192530917403151452391805634·u,
    /// y = 8495653923123431417604973247489272438418190587263600148770280649306958101930
    ///   + 4082367875863433681332203403145435568316851327593401208105741076214120093531·u.
    public static let generator = G2Affine(
        uncheckedX: Fp2(Fp(montgomery: (0x8e83b5d102bc2026, 0xdceb1935497b0172, 0xfbb8264797811adf, 0x19573841af96503b)),
                        Fp(montgomery: (0xafb4737da84c6140, 0x6043dd5a5802d8c4, 0x09e950fc52a02f86, 0x14fef0833aea7b6b))),
        y: Fp2(Fp(montgomery: (0x619dfa9d886be9f6, 0xfe7fd297f59e9b78, 0xff9e1a62231b7dfe, 0x28fd7eebae9e4206)),
               Fp(montgomery: (0x64095b56c71856ee, 0xdc57f922327d3cbb, 0x55f935be33351076, 0x0da4a0e693fd6482))))

    @inlinable public static var infinity: G2Affine { G2Affine(uncheckedX: .zero, y: .zero) }

    @inlinable public var isInfinity: Bool { x.isZero && y.isZero }

    /// True for infinity and for points with y² = x³ + b'.
    @inlinable public var isOnCurve: Bool {
        if isInfinity { return true }
        return y.squared() == x.squared() * x + G2Affine.b
    }

    /// True when the point (assumed on the twist) is in the order-r subgroup; see
    /// `G2Jacobian.isInSubgroup`.
    public var isInSubgroup: Bool { G2Jacobian(self).isInSubgroup }

    @inlinable public static prefix func - (p: G2Affine) -> G2Affine { G2Affine(uncheckedX: p.x, y: -p.y) }
    @inlinable public func negated() -> G2Affine { -self }

    @inlinable public var jacobian: G2Jacobian { G2Jacobian(self) }
}

/// A G2 point in Jacobian coordinates over Fp2 (x = X/Z², y = Y/Z³); Z = 0 is infinity.
@frozen public struct G2Jacobian: Sendable {
    public let x: Fp2
    public let y: Fp2
    public let z: Fp2

    @inlinable @inline(__always)
    package init(x: Fp2, y: Fp2, z: Fp2) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// From affine; infinity (0, 0) maps to (1, 1, 0).
    @inlinable @inline(__always)
    public init(_ p: G2Affine) {
        if p.isInfinity {
            self.init(x: .one, y: .one, z: .zero)
        } else {
            self.init(x: p.x, y: p.y, z: .one)
        }
    }

    @inlinable public static var infinity: G2Jacobian { G2Jacobian(x: .one, y: .one, z: .zero) }
    public static let generator = G2Jacobian(G2Affine.generator)

    @inlinable public var isInfinity: Bool { z.isZero }

    /// Y² = X³ + b'·Z⁶ (true for infinity).
    public var isOnCurve: Bool {
        if isInfinity { return true }
        let z2 = z.squared()
        let z6 = z2.squared() * z2
        return y.squared() == x.squared() * x + G2Affine.b * z6
    }

    // MARK: group law

    /// Doubling, EFD dbl-2009-l (a = 0): 2M + 5S in Fp2.
    @inlinable
    public func doubled() -> G2Jacobian {
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
        return G2Jacobian(x: x3, y: y3, z: yz + yz)
    }

    @inlinable public mutating func double() { self = doubled() }

    /// Full addition, EFD add-2007-bl: 11M + 5S in Fp2 (see `G1Jacobian.+` for the formula).
    @inlinable
    public static func + (p: G2Jacobian, q: G2Jacobian) -> G2Jacobian {
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
        return G2Jacobian(x: x3, y: y3, z: z3)
    }

    /// Mixed addition (Jacobian + affine), EFD madd-2007-bl: 7M + 4S in Fp2.
    @inlinable
    public static func + (p: G2Jacobian, q: G2Affine) -> G2Jacobian {
        if q.isInfinity { return p }
        if p.isInfinity { return G2Jacobian(x: q.x, y: q.y, z: .one) }
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
        return G2Jacobian(x: x3, y: y3, z: z3)
    }

    @inlinable public static func + (p: G2Affine, q: G2Jacobian) -> G2Jacobian { q + p }
    @inlinable public static func += (p: inout G2Jacobian, q: G2Jacobian) { p = p + q }
    @inlinable public static func += (p: inout G2Jacobian, q: G2Affine) { p = p + q }

    @inlinable public static prefix func - (p: G2Jacobian) -> G2Jacobian { G2Jacobian(x: p.x, y: -p.y, z: p.z) }
    @inlinable public func negated() -> G2Jacobian { -self }
    @inlinable public mutating func negate() { self = -self }

    @inlinable public static func - (p: G2Jacobian, q: G2Jacobian) -> G2Jacobian { p + (-q) }
    @inlinable public static func - (p: G2Jacobian, q: G2Affine) -> G2Jacobian { p + (-q) }
    @inlinable public static func -= (p: inout G2Jacobian, q: G2Jacobian) { p = p - q }
    @inlinable public static func -= (p: inout G2Jacobian, q: G2Affine) { p = p - q }

    // MARK: conversion

    /// Affine form: one Fp2 inversion + 3M + 1S; infinity → (0, 0).
    public func toAffine() -> G2Affine {
        guard let zinv = z.inverse() else { return .infinity }   // nil only for z = 0
        let zinv2 = zinv.squared()
        return G2Affine(uncheckedX: x * zinv2, y: y * zinv2 * zinv)
    }

    /// Affine forms of many points with one Fp2 inversion (Montgomery's trick); infinity → (0, 0).
    public static func toAffine(_ points: [G2Jacobian]) -> [G2Affine] {
        let n = points.count
        guard n > 0 else { return [] }
        var prefix = [Fp2](repeating: .one, count: n)
        var acc = Fp2.one
        for i in 0..<n {
            prefix[i] = acc
            if !points[i].z.isZero { acc *= points[i].z }
        }
        var inv = acc.inverse() ?? .zero   // safe: acc is a product of non-zero elements
        var out = [G2Affine](repeating: .infinity, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) where !points[i].z.isZero {
            let p = points[i]
            let zinv = inv * prefix[i]
            inv *= p.z
            let zinv2 = zinv.squared()
            out[i] = G2Affine(uncheckedX: p.x * zinv2, y: p.y * zinv2 * zinv)
        }
        return out
    }
}

extension G2Jacobian: Equatable {
    /// Projective equality: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³; all infinities are equal.
    @inlinable
    public static func == (p: G2Jacobian, q: G2Jacobian) -> Bool {
        if p.isInfinity || q.isInfinity { return p.isInfinity && q.isInfinity }
        let z1z1 = p.z.squared(), z2z2 = q.z.squared()
        guard p.x * z2z2 == q.x * z1z1 else { return false }
        return p.y * z2z2 * q.z == q.y * z1z1 * p.z
    }
}

extension G2Affine: CustomStringConvertible {
    public var description: String { isInfinity ? "G2(infinity)" : "G2(\(x), \(y))" }
}

extension G2Jacobian: CustomStringConvertible {
    public var description: String { toAffine().description }
}
