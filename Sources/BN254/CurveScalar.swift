/// Scalar handling shared by `G1` and `G2`: 256-bit scalars as limbs, width-w NAF recoding and
/// the GLV decomposition for G1's endomorphism.
///
/// Nothing here is secret-independent in timing: scalar multiplication in zkclear serves
/// provers, verifiers and precompiles on public or locally generated values, not constant-time
/// signing.

/// The BN parameter x (also called u or z) of BN254: p = 36x⁴ + 36x³ + 24x² + 6x + 1 and
/// r = 36x⁴ + 36x³ + 18x² + 6x + 1.
public let bn254X: UInt64 = 4965661367192848881

@usableFromInline
enum CurveScalar {
    /// The group order r as limbs (same as `Fr.modulus`).
    @inlinable static var order: Limbs4 { Fr.modulus }

    /// k mod r for any 256-bit k (at most five subtractions: 2²⁵⁶ < 6r).
    @inlinable
    static func reduceModOrder(_ k: Limbs4) -> Limbs4 {
        var v = k
        while !limbsLess(v, order) {
            let (d0, b0) = sbb(v.0, order.0, 0)
            let (d1, b1) = sbb(v.1, order.1, b0)
            let (d2, b2) = sbb(v.2, order.2, b1)
            let (d3, _) = sbb(v.3, order.3, b2)
            v = (d0, d1, d2, d3)
        }
        return v
    }

    @inlinable
    static func isZero(_ k: Limbs4) -> Bool { (k.0 | k.1 | k.2 | k.3) == 0 }

    /// Bit i of k.
    @inlinable
    static func bit(_ k: Limbs4, _ i: Int) -> Bool {
        let limb: UInt64
        switch i >> 6 {
        case 0: limb = k.0
        case 1: limb = k.1
        case 2: limb = k.2
        default: limb = k.3
        }
        return (limb >> UInt64(i & 63)) & 1 == 1
    }

    /// Index of the highest set bit plus one (0 for k = 0).
    @inlinable
    static func bitLength(_ k: Limbs4) -> Int {
        if k.3 != 0 { return 256 - k.3.leadingZeroBitCount }
        if k.2 != 0 { return 192 - k.2.leadingZeroBitCount }
        if k.1 != 0 { return 128 - k.1.leadingZeroBitCount }
        return 64 - k.0.leadingZeroBitCount
    }

    /// Width-w NAF of a non-negative 256-bit integer (Hankerson–Menezes–Vanstone, "Guide to
    /// Elliptic Curve Cryptography", Alg. 3.35): digits d_i, least significant first, each zero or
    /// odd with |d_i| < 2^(w−1), at most one non-zero in any w consecutive digits, Σ d_i 2^i = k.
    /// Length ≤ 257.
    @usableFromInline
    static func wnaf(_ k: Limbs4, window w: Int) -> [Int8] {
        var n: (UInt64, UInt64, UInt64, UInt64, UInt64) = (k.0, k.1, k.2, k.3, 0)
        var out: [Int8] = []
        out.reserveCapacity(258)
        let full = 1 << w, half = 1 << (w - 1)
        let mask = UInt64(full - 1)
        while (n.0 | n.1 | n.2 | n.3 | n.4) != 0 {
            if n.0 & 1 == 1 {
                var d = Int(n.0 & mask)
                if d >= half { d -= full }
                if d > 0 {
                    var b: UInt64
                    (n.0, b) = sbb(n.0, UInt64(d), 0)
                    (n.1, b) = sbb(n.1, 0, b)
                    (n.2, b) = sbb(n.2, 0, b)
                    (n.3, b) = sbb(n.3, 0, b)
                    (n.4, _) = sbb(n.4, 0, b)
                } else {
                    var c: UInt64
                    (n.0, c) = adc(n.0, UInt64(-d), 0)
                    (n.1, c) = adc(n.1, 0, c)
                    (n.2, c) = adc(n.2, 0, c)
                    (n.3, c) = adc(n.3, 0, c)
                    (n.4, _) = adc(n.4, 0, c)
                }
                out.append(Int8(d))
            } else {
                out.append(0)
            }
            n = (n.0 >> 1 | n.1 << 63, n.1 >> 1 | n.2 << 63, n.2 >> 1 | n.3 << 63, n.3 >> 1 | n.4 << 63, n.4 >> 1)
        }
        return out
    }

    // MARK: GLV (Gallant–Lambert–Vanstone, CRYPTO 2001) for G1

    /// λ with φ(P) = [λ]P for φ(x, y) = (β·x, y) on G1; λ² + λ + 1 ≡ 0 mod r.
    /// λ = 4407920970296243842393367215006156084916469457145843978461.
    @usableFromInline static let glvLambda: Limbs4 = (0x8b17ea66b99c90dd, 0x5bfc41088d8daaa7, 0xb3c4d79d41a91758, 0)

    // A reduced basis of the lattice {(a, b) : a + b·λ ≡ 0 mod r}, found with the extended
    // Euclidean algorithm on (r, λ) (GLV §4 / HMV Alg. 3.74):
    //   v1 = (a1, b1) = (9931322734385697763, −147946756881789319000765030803803410728)
    //   v2 = (a2, b2) = (147946756881789319010696353538189108491, 9931322734385697763)
    // with a1·b2 − a2·b1 = r. (Checked in the tests against GMP.)
    @usableFromInline static let glvA1: Limbs4 = (0x89d3256894d213e3, 0, 0, 0)
    @usableFromInline static let glvA2: Limbs4 = (0x0be4e1541221250b, 0x6f4d8248eeb859fd, 0, 0)
    @usableFromInline static let glvB1Abs: Limbs4 = (0x8211bbeb7d4f1128, 0x6f4d8248eeb859fc, 0, 0)
    @usableFromInline static let glvB2: Limbs4 = (0x89d3256894d213e3, 0, 0, 0)
    /// ⌊2²⁵⁶·b2 / r⌋ and ⌊2²⁵⁶·|b1| / r⌋: c1 = ⌊k·g1 / 2²⁵⁶⌋ ≈ k·b2/r, c2 ≈ −k·b1/r.
    @usableFromInline static let glvG1: Limbs4 = (0xd91d232ec7e0b3d7, 0x2, 0, 0)
    @usableFromInline static let glvG2: Limbs4 = (0x7a7bd9d4391eb18d, 0x4ccef014a773d2cf, 0x2, 0)

    /// The full 512-bit product a·b as (low 256 bits, high 256 bits).
    @inlinable
    static func mulWide(_ a: Limbs4, _ b: Limbs4) -> (lo: Limbs4, hi: Limbs4) {
        let al = [a.0, a.1, a.2, a.3], bl = [b.0, b.1, b.2, b.3]
        var t = [UInt64](repeating: 0, count: 8)
        for i in 0..<4 {
            var carry: UInt64 = 0
            for j in 0..<4 {
                (carry, t[i + j]) = mac(al[i], bl[j], t[i + j], carry)
            }
            t[i + 4] = carry
        }
        return ((t[0], t[1], t[2], t[3]), (t[4], t[5], t[6], t[7]))
    }

    @inlinable
    static func subWrap(_ a: Limbs4, _ b: Limbs4) -> Limbs4 {
        let (d0, b0) = sbb(a.0, b.0, 0)
        let (d1, b1) = sbb(a.1, b.1, b0)
        let (d2, b2) = sbb(a.2, b.2, b1)
        let (d3, _) = sbb(a.3, b.3, b2)
        return (d0, d1, d2, d3)
    }

    /// (|v|, v < 0) for v read as a two's-complement 256-bit integer.
    @inlinable
    static func signMagnitude(_ v: Limbs4) -> (Limbs4, Bool) {
        if v.3 >> 63 == 0 { return (v, false) }
        return (subWrap((0, 0, 0, 0), v), true)
    }

    /// Splits k ∈ [0, r) into k ≡ k1 + k2·λ (mod r) with |k1|, |k2| < 2¹²⁸ (tested), returned as
    /// magnitudes and signs. Babai rounding with precomputed 2²⁵⁶-scaled quotients (the
    /// truncation moves c1, c2 by at most one, which keeps the halves within bounds).
    @usableFromInline
    static func glvDecompose(_ k: Limbs4) -> (k1: Limbs4, k1Negative: Bool, k2: Limbs4, k2Negative: Bool) {
        let c1 = mulWide(k, glvG1).hi
        let c2 = mulWide(k, glvG2).hi
        // k1 = k − c1·a1 − c2·a2 ; k2 = c1·|b1| − c2·b2   (all mod 2²⁵⁶; true values are small)
        let k1 = subWrap(subWrap(k, mulWide(c1, glvA1).lo), mulWide(c2, glvA2).lo)
        let k2 = subWrap(mulWide(c1, glvB1Abs).lo, mulWide(c2, glvB2).lo)
        let (m1, n1) = signMagnitude(k1)
        let (m2, n2) = signMagnitude(k2)
        return (m1, n1, m2, n2)
    }

    /// 32 big-endian bytes as limbs (no reduction).
    @inlinable
    static func limbs(bigEndian b: ArraySlice<UInt8>) -> Limbs4 {
        var l: [UInt64] = [0, 0, 0, 0]
        var i = 0
        for byte in b {
            l[3 - i / 8] = (l[3 - i / 8] << 8) | UInt64(byte)
            i += 1
        }
        return (l[0], l[1], l[2], l[3])
    }
}
