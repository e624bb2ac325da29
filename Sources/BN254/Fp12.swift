/// The quadratic extension Fp12 = Fp6[w]/(w² − v): c0 + c1·w. Pairing values live here.
///
/// Element layout (used by the sparse line multiplication and Frobenius): as a polynomial in w
/// with Fp2 coefficients, w⁶ = ξ, c0 = g0 + g2·w² + g4·w⁴ and c1 = g1 + g3·w² + g5·w⁴, i.e.
/// g0 = c0.c0, g2 = c0.c1, g4 = c0.c2, g1 = c1.c0, g3 = c1.c1, g5 = c1.c2.
@frozen public struct Fp12: Sendable, Hashable, CustomStringConvertible {
    public var c0: Fp6
    public var c1: Fp6

    public init(_ c0: Fp6, _ c1: Fp6) { self.c0 = c0; self.c1 = c1 }
    public init(c0: Fp6, c1: Fp6) { self.c0 = c0; self.c1 = c1 }

    public static var zero: Fp12 { Fp12(.zero, .zero) }
    public static var one: Fp12 { Fp12(.one, .zero) }

    public var isZero: Bool { c0.isZero && c1.isZero }
    public var isOne: Bool { c0.isOne && c1.isZero }
    public static func == (a: Fp12, b: Fp12) -> Bool { a.c0 == b.c0 && a.c1 == b.c1 }
    public var description: String { "(\(c0) + \(c1)·w)" }

    // MARK: arithmetic

    public static func + (a: Fp12, b: Fp12) -> Fp12 { Fp12(a.c0 + b.c0, a.c1 + b.c1) }
    public static func - (a: Fp12, b: Fp12) -> Fp12 { Fp12(a.c0 - b.c0, a.c1 - b.c1) }
    public static prefix func - (a: Fp12) -> Fp12 { Fp12(-a.c0, -a.c1) }
    public static func += (a: inout Fp12, b: Fp12) { a = a + b }
    public static func -= (a: inout Fp12, b: Fp12) { a = a - b }
    public static func *= (a: inout Fp12, b: Fp12) { a = a * b }

    /// Karatsuba over Fp6: aa = a0b0, bb = a1b1, c0 = aa + bb·v, c1 = (a0 + a1)(b0 + b1) − aa − bb.
    /// Cost 3 Fp6 M = 18 Fp2 M = 54 Fp M (Devegili et al., ePrint 2006/471, §3).
    /// Computed with lazy reduction and exact accumulation (`Fp12+Product.swift`): 54 integer
    /// products, each output coefficient summed exactly from them and reduced once (12 reductions).
    public static func * (a: Fp12, b: Fp12) -> Fp12 { productKaratsubaExact(a, b) }

    /// The same product combined at the Fp6 level (`Fp6Dbl`): the lazy-reduction form that
    /// `mulBy034` uses, kept as a second reference for `productKaratsubaExact`.
    static func productFp6Lazy(_ a: Fp12, _ b: Fp12) -> Fp12 {
        let aa = Fp6Dbl.product(a.c0, b.c0)
        let bb = Fp6Dbl.product(a.c1, b.c1)
        let s = Fp6Dbl.product(a.c0 + a.c1, b.c0 + b.c1)
        // c0 = aa + v·bb = (aa0 + ξbb2, aa1 + bb0, aa2 + bb1), c1 = s − aa − bb, reduced.
        return Fp12(Fp6(Fp2Dbl.reducedSumXi(aa.c0, bb.c2), Fp2Dbl.reducedSum(aa.c1, bb.c0), Fp2Dbl.reducedSum(aa.c2, bb.c1)),
                    Fp6(Fp2Dbl.reducedDifference(s.c0, aa.c0, bb.c0), Fp2Dbl.reducedDifference(s.c1, aa.c1, bb.c1),
                        Fp2Dbl.reducedDifference(s.c2, aa.c2, bb.c2)))
    }

    /// The same formula over reduced Fp6 arithmetic: the reference for the lazy product.
    static func mulReference(_ a: Fp12, _ b: Fp12) -> Fp12 {
        let aa = Fp6.mulReference(a.c0, b.c0)
        let bb = Fp6.mulReference(a.c1, b.c1)
        let t1 = Fp6.mulReference(a.c0 + a.c1, b.c0 + b.c1) - aa - bb
        return Fp12(aa + bb.mulByNonResidue(), t1)
    }

    /// Complex squaring over Fp6: ab = a0a1, c0 = (a0 + a1)(a0 + v·a1) − ab − v·ab, c1 = 2ab.
    /// Cost 2 Fp6 M = 36 Fp M (Devegili et al. 2006, §3), by exact accumulation
    /// (`squareKaratsubaExact`, Fp12+Product.swift).
    public func squared() -> Fp12 { Fp12.squareKaratsubaExact(self) }

    /// The same square with `Fp6Dbl` products and modular corrections between them: a second
    /// reference for `squareKaratsubaExact`.
    func squaredFp6Lazy() -> Fp12 {
        let ab = Fp6Dbl.product(c0, c1)
        let t = Fp6Dbl.product(c0 + c1, c0 + c1.mulByNonResidue())
        // c0 = t − ab − v·ab = (t0 − ab0 − ξab2, t1 − ab1 − ab0, t2 − ab2 − ab1), c1 = 2ab, reduced.
        return Fp12(Fp6(Fp2Dbl.reducedDifferenceXi(t.c0, ab.c0, ab.c2), Fp2Dbl.reducedDifference(t.c1, ab.c1, ab.c0),
                        Fp2Dbl.reducedDifference(t.c2, ab.c2, ab.c1)),
                    Fp6(Fp2Dbl.reducedSum(ab.c0, ab.c0), Fp2Dbl.reducedSum(ab.c1, ab.c1), Fp2Dbl.reducedSum(ab.c2, ab.c2)))
    }

    /// `squared()` over reduced Fp6 arithmetic: the reference for the lazy version.
    func squaredReference() -> Fp12 {
        let ab = Fp6.mulReference(c0, c1)
        let t = Fp6.mulReference(c0 + c1, c0 + c1.mulByNonResidue()) - ab - ab.mulByNonResidue()
        return Fp12(t, ab.doubled())
    }
    public mutating func square() { self = squared() }
    public func doubled() -> Fp12 { Fp12(c0.doubled(), c1.doubled()) }
    public mutating func double() { self = doubled() }

    /// c0 − c1·w = self^(p⁶). On the cyclotomic subgroup (after the easy part of the final
    /// exponentiation) this is the inverse.
    public var conjugate: Fp12 { Fp12(c0, -c1) }

    /// 1/self = (c0 − c1w)/(c0² − v·c1²); nil for zero. One Fp6 (hence one Fp) inversion.
    public func inverse() -> Fp12? {
        let d = c0.squared() - c1.squared().mulByNonResidue()
        guard let di = d.inverse() else { return nil }
        return Fp12(c0 * di, -(c1 * di))
    }

    // MARK: sparse multiplication by line values

    /// self · (l0 + l3·w + l4·w³): multiplication by a line evaluation of the D-type twist, which
    /// has non-zero coefficients only at g0 = c0.c0, g1 = c1.c0 and g3 = c1.c1 (positions "0, 3, 4"
    /// in the flattened Fp6×Fp6 order). With A = l0 (an Fp2 scalar) and B = l3 + l4·v:
    /// (a + bw)(A + Bw) = (aA + bB·v) + ((a + b)(A + B) − aA − bB)w.
    /// Cost 13 Fp2 M = 39 Fp M (against 54 for a full product).
    public func mulBy034(_ l0: Fp2, _ l3: Fp2, _ l4: Fp2) -> Fp12 {
        let aA = Fp6Dbl.productByFp2(c0, l0)
        let bB = Fp6Dbl.productBy01(c1, l3, l4)
        let t = Fp6Dbl.productBy01(c0 + c1, l0 + l3, l4)
        // as in `*`: c0 = aA + v·bB, c1 = t − aA − bB, reduced.
        return Fp12(Fp6(Fp2Dbl.reducedSumXi(aA.c0, bB.c2), Fp2Dbl.reducedSum(aA.c1, bB.c0), Fp2Dbl.reducedSum(aA.c2, bB.c1)),
                    Fp6(Fp2Dbl.reducedDifference(t.c0, aA.c0, bB.c0), Fp2Dbl.reducedDifference(t.c1, aA.c1, bB.c1),
                        Fp2Dbl.reducedDifference(t.c2, aA.c2, bB.c2)))
    }

    /// `mulBy034` over reduced arithmetic: the reference for the lazy version.
    func mulBy034Reference(_ l0: Fp2, _ l3: Fp2, _ l4: Fp2) -> Fp12 {
        let aA = Fp6(c0.c0.mulReference(l0), c0.c1.mulReference(l0), c0.c2.mulReference(l0))
        let bB = c1.mulBy01Reference(l3, l4)
        let t1 = (c0 + c1).mulBy01Reference(l0 + l3, l4) - aA - bB
        return Fp12(aA + bB.mulByNonResidue(), t1)
    }
    public mutating func mulAssignBy034(_ l0: Fp2, _ l3: Fp2, _ l4: Fp2) {
        self = mulBy034(l0, l3, l4)
    }

    // MARK: Frobenius

    /// self^(p^power) using the constants in `Frobenius` (a few Fp2 multiplications).
    public func frobenius(_ power: Int) -> Fp12 {
        var r = self
        var k = ((power % 12) + 12) % 12
        while k > 0 {
            if k >= 3 { r = r.frobenius3(); k -= 3 }
            else if k == 2 { r = r.frobenius2(); k -= 2 }
            else { r = r.frobenius1(); k -= 1 }
        }
        return r
    }

    public func frobenius1() -> Fp12 {
        Fp12(Fp6(c0.c0.conjugate, c0.c1.conjugate * Frobenius.g12, c0.c2.conjugate * Frobenius.g14),
             Fp6(c1.c0.conjugate * Frobenius.g11, c1.c1.conjugate * Frobenius.g13, c1.c2.conjugate * Frobenius.g15))
    }
    public func frobenius2() -> Fp12 {
        Fp12(Fp6(c0.c0, c0.c1.mulByFp(Frobenius.g22), c0.c2.mulByFp(Frobenius.g24)),
             Fp6(c1.c0.mulByFp(Frobenius.g21), c1.c1.mulByFp(Frobenius.g23), c1.c2.mulByFp(Frobenius.g25)))
    }
    public func frobenius3() -> Fp12 {
        Fp12(Fp6(c0.c0.conjugate, c0.c1.conjugate * Frobenius.g32, c0.c2.conjugate * Frobenius.g34),
             Fp6(c1.c0.conjugate * Frobenius.g31, c1.c1.conjugate * Frobenius.g33, c1.c2.conjugate * Frobenius.g35))
    }

    // MARK: cyclotomic subgroup

    /// (a + bt)² in Fp4 = Fp2[t]/(t² − ξ): (a² + ξb²) + ((a + b)² − a² − b²)t. Cost 3 Fp2 S.
    /// With lazy reduction: the three Fp2 squares stay double-width (`Fp2Dbl.square`, 2 integer
    /// products each) and the result takes 4 reductions (against 6 Montgomery multiplications).
    static func fp4Square(_ a: Fp2, _ b: Fp2) -> (Fp2, Fp2) {
        let t0 = Fp2Dbl.square(a)
        let t1 = Fp2Dbl.square(b)
        let s = Fp2Dbl.square(a + b)
        return ((t1.mulByNonResidue() + t0).reduced(), (s - t0 - t1).reduced())
    }

    /// `fp4Square` over reduced arithmetic: the reference for the lazy version.
    static func fp4SquareReference(_ a: Fp2, _ b: Fp2) -> (Fp2, Fp2) {
        let t0 = a.squared()
        let t1 = b.squared()
        return (t1.mulByNonResidue() + t0, (a + b).squared() - t0 - t1)
    }

    /// Squaring of an element of the cyclotomic subgroup {f : f^(p⁴ − p² + 1) = 1} (every value
    /// after the easy part f^((p⁶ − 1)(p² + 1)) of the final exponentiation lies there),
    /// Granger & Scott, "Faster squaring in the cyclotomic subgroup of sixth degree extensions"
    /// (PKC 2010, §3.1). Writing f = A + B·w + C·w² with A = g0 + g3·t, B = g1 + g4·t,
    /// C = g2 + g5·t over Fp4 = Fp2[t], t = w³:
    /// f² = (3A² − 2Ā) + (3t·C² + 2B̄)·w + (3B² − 2C̄)·w². Cost 9 Fp2 S = 18 Fp M (against 36).
    /// Only valid on the cyclotomic subgroup; `TowerTests` checks it against `squared()` there.
    public func cyclotomicSquared() -> Fp12 {
        let g0 = c0.c0, g2 = c0.c1, g4 = c0.c2
        let g1 = c1.c0, g3 = c1.c1, g5 = c1.c2
        let (a0, a1) = Fp12.fp4Square(g0, g3)
        let (b0, b1) = Fp12.fp4Square(g1, g4)
        let (d0, d1) = Fp12.fp4Square(g2, g5)
        // 3A² − 2Ā
        let n0 = (a0 - g0).doubled() + a0
        let n3 = (a1 + g3).doubled() + a1
        // 3t·C² + 2B̄: t·(d0 + d1t) = ξd1 + d0·t
        let xd1 = d1.mulByNonResidue()
        let n1 = (xd1 + g1).doubled() + xd1
        let n4 = (d0 - g4).doubled() + d0
        // 3B² − 2C̄
        let n2 = (b0 - g2).doubled() + b0
        let n5 = (b1 + g5).doubled() + b1
        return Fp12(Fp6(n0, n2, n4), Fp6(n1, n3, n5))
    }
    public mutating func cyclotomicSquare() { self = cyclotomicSquared() }

    /// The signed binary digits (NAF, most significant first) of the BN parameter
    /// x = 4965661367192848881: 63 digits, 24 non-zero.
    @usableFromInline static let xNAF: [Int8] = [
        1, 0, 0, 0, 1, 0, 1, 0, 0, -1, 0, 1, 0, 1, 0, -1, 0, 0, 1, 0, 1, 0, -1, 0, -1, 0, -1, 0, 1, 0, 0,
        0, 1, 0, 0, 1, 0, 1, 0, 1, 0, -1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 1,
    ]

    /// self^x for the BN parameter x, for self in the cyclotomic subgroup (where the inverse is
    /// the conjugate): NAF square-and-multiply with cyclotomic squarings, 62 S + 23 M.
    public func cyclotomicPowX() -> Fp12 {
        let inv = conjugate
        var r = self
        let naf = Fp12.xNAF
        for i in 1..<naf.count {
            r.cyclotomicSquare()
            let d = naf[i]
            if d == 1 { r *= self } else if d == -1 { r *= inv }
        }
        return r
    }

    /// self^e for little-endian 64-bit limbs (square-and-multiply): a slow reference for tests.
    public func pow(_ exponent: [UInt64]) -> Fp12 {
        var r = Fp12.one
        for limb in exponent.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                r.square()
                if (limb >> UInt64(bit)) & 1 == 1 { r *= self }
            }
        }
        return r
    }

    public static func random() -> Fp12 { Fp12(.random(), .random()) }
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> Fp12 {
        Fp12(.random(using: &rng), .random(using: &rng))
    }
}
