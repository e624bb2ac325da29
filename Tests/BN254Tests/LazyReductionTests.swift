import XCTest
import GMP
@testable import BN254

/// The lazy-reduction products (FpDbl, Fp2Dbl, Fp6Dbl) against GMP and against the same formulas
/// over fully reduced arithmetic, on random inputs and on the extremes (every coefficient 0, 1,
/// p − 1, or a value just below p) where the double-width bounds are tightest.
final class LazyReductionTests: XCTestCase {
    static let p = BigInt("21888242871839275222246405745257275088696311157297823662689037894645226208583") ?? BigInt(0)
    static let r256 = BigInt(1) << 256

    static func big(_ l: Limbs4) -> BigInt {
        var x = BigInt(0)
        for limb in [l.3, l.2, l.1, l.0] { x = (x << 64) + BigInt(limb) }
        return x
    }
    static func big(_ d: FpDbl) -> BigInt { big(d.hi) * r256 + big(d.lo) }
    /// a mod m in [0, m) (−1 if m is zero, which these tests never pass).
    static func md(_ a: BigInt, _ m: BigInt) -> BigInt { a.mod(m) ?? BigInt(-1) }

    /// Extreme Fp values: 0, 1, 2, p − 1, p − 2, and values with every limb saturated below p.
    static var extremes: [Fp] {
        let pm1 = -Fp.one
        return [.zero, .one, Fp(2), pm1, pm1 - .one, Fp(montgomery: (~0, ~0, ~0, Fp.modulus.3 - 1)),
                Fp(montgomery: (Fp.modulus.0 - 1, Fp.modulus.1, Fp.modulus.2, Fp.modulus.3))]
    }

    func testFpDblAgainstGMP() {
        let p = Self.p, pR = Self.p * Self.r256, rInv = Self.r256.invMod(p) ?? BigInt(0)
        var g = TowerRNG(seed: 101)
        var values = Self.extremes
        for _ in 0..<200 { values.append(Fp.random(using: &g)) }
        for (i, a) in values.enumerated() {
            let b = values[(i * 7 + 3) % values.count], c = values[(i * 5 + 1) % values.count]
            let ab = FpDbl.product(a, b), ac = FpDbl.product(a, c)
            let A = Self.big(a.montgomery), B = Self.big(b.montgomery), C = Self.big(c.montgomery)
            XCTAssertEqual(Self.big(ab), A * B)
            // REDC: the Montgomery form of a·b.
            XCTAssertEqual(Self.big(ab.reduced().montgomery), Self.md(A * B * rInv, p))
            XCTAssertEqual(ab.reduced(), a * b)
            // Addition and subtraction modulo p·R stay in [0, p·R).
            let sum = ab + ac, diff = ab - ac
            XCTAssertEqual(Self.big(sum), Self.md(A * B + A * C, pR))
            XCTAssertEqual(Self.big(diff), Self.md(A * B - A * C, pR))
            XCTAssertTrue(Self.big(sum.hi) < p && Self.big(diff.hi) < p)
            XCTAssertEqual(Self.big(ab.timesNine()), Self.md(A * B * BigInt(9), pR))
            XCTAssertEqual(diff.reduced(), a * b - a * c)
            // Unreduced sums (< 2p) as product operands: (2p)² < p·R.
            let s = addNoReduce(a.montgomery, b.montgomery)
            XCTAssertEqual(Self.big(FpDbl.product(s, s)), (A + B) * (A + B))
            XCTAssertEqual(FpDbl.product(s, s).reduced(), (a + b).squared())
        }
    }

    /// The row-form integer product (`FpDbl.product`) against GMP on any 256-bit limbs — saturated
    /// ones (every carry chain full), single set limbs, and random — not only on Montgomery forms
    /// below p.
    func testIntegerProductFormsAgainstGMP() {
        var g = TowerRNG(seed: 77)
        let m = UInt64.max
        var limbs: [Limbs4] = [(0, 0, 0, 0), (m, m, m, m), (1, 0, 0, 0), (0, 0, 0, m), (m, 0, m, 0), (0, m, 0, m), Fp.modulus]
        for _ in 0..<300 { limbs.append((g.next(), g.next(), g.next(), g.next())) }
        for (i, a) in limbs.enumerated() {
            for b in [limbs[(i * 11 + 5) % limbs.count], a, (m, m, m, m)] {
                let expected = Self.big(a) * Self.big(b)
                XCTAssertEqual(Self.big(FpDbl.product(a, b)), expected)
            }
        }
    }

    /// `subtractingExact` (four 128-bit subtractions, the borrow passed on as a value) and
    /// `addingExact` against GMP modulo 2^512, on values whose borrows and carries ripple through
    /// every 128-bit piece (zero and saturated pieces on either side) and at random.
    func testExactDoubleWidthAddAndSubtractAgainstGMP() {
        var g = TowerRNG(seed: 78)
        let m = UInt64.max, two512 = BigInt(1) << 512
        let pieces: [(UInt64, UInt64)] = [(0, 0), (m, m), (1, 0), (0, 1), (m, 0), (0, m)]
        var values: [FpDbl] = []
        for i in 0..<pieces.count { for j in 0..<pieces.count {
            let a = pieces[i], b = pieces[j], c = pieces[(i + j) % pieces.count], d = pieces[(i * 5 + j) % pieces.count]
            values.append(FpDbl(lo: (a.0, a.1, b.0, b.1), hi: (c.0, c.1, d.0, d.1)))
        }}
        let crafted = values.count
        for _ in 0..<200 { values.append(FpDbl(lo: (g.next(), g.next(), g.next(), g.next()), hi: (g.next(), g.next(), g.next(), g.next()))) }
        for (i, a) in values.enumerated() {
            // Every crafted pair (equal pieces above a borrowing one), and three partners at random.
            let partners = (i < crafted ? Array(values[0..<crafted]) : []) + [values[(i * 13 + 7) % values.count], values[values.count - 1 - i], a]
            for b in partners {
                let A = Self.big(a), B = Self.big(b)
                XCTAssertEqual(Self.big(FpDbl.subtractingExact(a, b)), Self.md(A - B, two512), "a = \(A), b = \(B)")
                XCTAssertEqual(Self.big(FpDbl.addingExact(a, b)), Self.md(A + B, two512), "a = \(A), b = \(B)")
            }
        }
    }

    /// Montgomery multiplication and REDC take the carry out of each row's low limb as t ≠ 0
    /// (`montLowCarry`) instead of adding lo(q·m0). Random inputs almost never make t = 0 in a
    /// row, so here Montgomery forms with zero and saturated limbs do, against GMP, for both moduli.
    func testMontgomeryRowsWithZeroLowLimbsAgainstGMP() {
        func check<F: PrimeField>(_: F.Type) {
            let m = F.modulusBigInt, rInv = Self.r256.invMod(m) ?? BigInt(0)
            var g = TowerRNG(seed: 104)
            var forms: [Limbs4] = []
            // Every pattern of limbs drawn from {0, 1, 2^64 − 1, random}, kept below m.
            for code in 0..<256 {
                var l = [UInt64](repeating: 0, count: 4)
                for i in 0..<4 { l[i] = [0, 1, ~0, g.next()][(code >> (2 * i)) & 3] }
                let x = BigInt(limbs: l)
                if x < m { forms.append((l[0], l[1], l[2], l[3])) }
            }
            XCTAssertGreaterThan(forms.count, 100)
            for (i, a) in forms.enumerated() {
                for b in [forms[(i * 7 + 3) % forms.count], forms[(i * 13 + 5) % forms.count], (0, 0, 0, 1), (0, 0, 1, 0)] {
                    let A = Self.big(a), B = Self.big(b)
                    XCTAssertEqual(Self.big((F(montgomery: a) * F(montgomery: b)).montgomery), Self.md(A * B * rInv, m),
                                   "\(F.self): \(A) · \(B)")
                }
            }
        }
        check(Fp.self)
        check(Fr.self)
        // REDC of double-width values whose low limbs are zero (t = 0 in one or more rows).
        let p = Self.p, rInv = Self.r256.invMod(p) ?? BigInt(0)
        let his: [Limbs4] = [(0, 0, 0, 0), (1, 0, 0, 0), (~0, ~0, ~0, Fp.modulus.3 - 1), (Fp.modulus.0 - 1, Fp.modulus.1, Fp.modulus.2, Fp.modulus.3)]
        let los: [Limbs4] = [(0, 0, 0, 0), (0, 1, 0, 0), (0, 0, 0, ~0), (1, 0, 0, 0), (0, ~0, 0, ~0), (0, 0, 5, 0)]
        for hi in his { for lo in los {
            let d = FpDbl(lo: lo, hi: hi)
            XCTAssertEqual(Self.big(d.reduced().montgomery), Self.md(Self.big(d) * rInv, p), "REDC of \(Self.big(d))")
        }}
    }

    /// The Montgomery multiply returns its last row's t unreduced when t.3 < m.3 and otherwise
    /// goes through the conditional subtraction. Random products reach the second path in only a
    /// few per cent of cases, and almost never with t.3 = m.3 exactly, so here the operands are
    /// chosen by GMP so that the result c is given (y = c·R·x⁻¹ mod m) with c's top limb equal to
    /// m.3, or c just below m, or c small. Whether the last row's t was c or c + m is recomputed
    /// with GMP as (x·y + Q·m)/R, Q = −x·y·m⁻¹ mod R (the four quotient digits together), and the
    /// test insists that both cases were exercised, each also with t.3 = m.3.
    func testMultiplyAtTheFinalSubtractionBoundaryAgainstGMP() {
        func check<F: PrimeField>(_: F.Type) {
            let m = F.modulusBigInt, R = Self.r256, mTop = BigInt(F.modulus.3) << 192
            let negMInv = Self.md(BigInt(0) - (m.invMod(R) ?? BigInt(0)), R)
            var g = TowerRNG(seed: 105)
            func randomBelow(_ bound: BigInt) -> BigInt {
                Self.md(Self.big((g.next(), g.next(), g.next(), g.next())), bound)
            }
            var targets: [BigInt] = [m - BigInt(1), m - BigInt(2), mTop, mTop + BigInt(1), BigInt(0), BigInt(1)]
            for _ in 0..<400 { targets.append(mTop + randomBelow(m - mTop)) }   // top limb = m.3
            for k in 0..<100 { targets.append(m - BigInt(1) - randomBelow(BigInt(1) << (2 * k))) }
            // Small results: t = c + m then has t.3 = m.3 too, and must still be reduced.
            for _ in 0..<100 { targets.append(randomBelow(BigInt(1) << 190)) }
            var subtracted = 0, subtractedWithEqualTop = 0, keptWithEqualTop = 0, keptBelowTop = 0
            for (i, c) in targets.enumerated() {
                let x = BigInt(1) + randomBelow(m - BigInt(1))
                guard let xInv = x.invMod(m), let xl = x.limbs(count: 4), let yl = Self.md(c * R * xInv, m).limbs(count: 4) else {
                    XCTFail("GMP setup for \(F.self) target \(i)"); continue
                }
                let y = BigInt(limbs: yl)
                let product = F(montgomery: (xl[0], xl[1], xl[2], xl[3])) * F(montgomery: (yl[0], yl[1], yl[2], yl[3]))
                XCTAssertEqual(Self.big(product.montgomery), c, "\(F.self): x = \(x), y = \(y)")
                let t = (x * y + Self.md(x * y * negMInv, R) * m) >> 256
                if t >= m { subtracted += 1; if t < mTop + (BigInt(1) << 192) { subtractedWithEqualTop += 1 } }
                else if t >= mTop { keptWithEqualTop += 1 } else { keptBelowTop += 1 }
            }
            XCTAssertGreaterThan(subtracted, 10, "\(F.self): t ≥ m cases")
            XCTAssertGreaterThan(subtractedWithEqualTop, 2, "\(F.self): t ≥ m with t.3 = m.3 cases")
            XCTAssertGreaterThan(keptWithEqualTop, 10, "\(F.self): t < m with t.3 = m.3 cases")
            XCTAssertGreaterThan(keptBelowTop, 2, "\(F.self): t.3 < m.3 cases")
        }
        check(Fp.self)
        check(Fr.self)
    }

    func testFp2ProductAgainstReference() {
        var g = TowerRNG(seed: 102)
        let ex = Self.extremes
        var pairs: [(Fp2, Fp2)] = []
        for x in ex { for y in ex { pairs.append((Fp2(x, y), Fp2(y, x))); pairs.append((Fp2(x, x), Fp2(y, y))) } }
        for _ in 0..<500 { pairs.append((Fp2.random(using: &g), Fp2.random(using: &g))) }
        for (a, b) in pairs {
            XCTAssertEqual(a * b, a.mulReference(b))
            XCTAssertEqual(Fp2Dbl.square(a).reduced(), a.mulReference(a))
            XCTAssertEqual(Fp2Dbl.product(a, b).mulByNonResidue().reduced(), a.mulReference(b).mulByNonResidue())
        }
    }

    /// Fp6 / Fp12 elements built from the extremes, so every double-width intermediate is near its bound.
    static func extremeFp12(_ k: Int) -> Fp12 {
        let ex = extremes
        func f2(_ i: Int) -> Fp2 { Fp2(ex[(k + i) % ex.count], ex[(k * 3 + i * 5 + 1) % ex.count]) }
        return Fp12(Fp6(f2(0), f2(1), f2(2)), Fp6(f2(3), f2(4), f2(5)))
    }

    func testFp6AndFp12ProductsAgainstReference() {
        var g = TowerRNG(seed: 103)
        var xs: [Fp12] = (0..<14).map { Self.extremeFp12($0) }
        xs.append(Fp12(Fp6(-.one, -.one, -.one), Fp6(-.one, -.one, -.one)))
        for _ in 0..<40 { xs.append(Fp12.random(using: &g)) }
        for (i, a) in xs.enumerated() {
            let b = xs[(i * 11 + 5) % xs.count]
            XCTAssertEqual(a.c0 * b.c1, Fp6.mulReference(a.c0, b.c1))
            XCTAssertEqual(a.c1.mulBy01(b.c0.c0, b.c0.c1), a.c1.mulBy01Reference(b.c0.c0, b.c0.c1))
            XCTAssertEqual(a * b, Fp12.mulReference(a, b))
            XCTAssertEqual(a.squared(), a.squaredReference())
            XCTAssertEqual(a.mulBy034(b.c0.c0, b.c1.c0, b.c1.c1), a.mulBy034Reference(b.c0.c0, b.c1.c0, b.c1.c1))
            let (x0, x1) = Fp12.fp4Square(a.c0.c0, b.c1.c2), (y0, y1) = Fp12.fp4SquareReference(a.c0.c0, b.c1.c2)
            XCTAssertEqual(x0, y0)
            XCTAssertEqual(x1, y1)
        }
    }

    /// A wrong product must be noticed: the reference differs after one coefficient is perturbed.
    func testReferenceDetectsAWrongProduct() {
        var g = TowerRNG(seed: 104)
        let a = Fp12.random(using: &g), b = Fp12.random(using: &g)
        var wrong = a * b
        wrong.c1.c2.c0 += .one
        XCTAssertNotEqual(wrong, Fp12.mulReference(a, b))
    }
}

/// The exact-accumulation Fp12 product (`Fp12+Product.swift`): its accumulator and Fp2 products
/// against GMP at and beyond the bounds the product relies on, and the product against both
/// references on the extremes.
final class ExactProductTests: XCTestCase {
    typealias L = LazyReductionTests
    static let p = L.p, r256 = L.r256

    static func big(_ a: FpAccumulator) -> BigInt {
        let unsigned = L.big(a.hi) * r256 + L.big(a.lo) + BigInt(a.top) * r256 * r256
        return a.top >> 63 == 1 ? unsigned - (BigInt(1) << 576) : unsigned   // two's complement
    }
    /// A double-width value from a BigInt in [0, 2^512).
    static func dbl(_ x: BigInt) -> FpDbl {
        let l = x.limbs(count: 8) ?? [UInt64](repeating: 0, count: 8)
        return FpDbl(lo: (l[0], l[1], l[2], l[3]), hi: (l[4], l[5], l[6], l[7]))
    }

    func testAccumulatorAgainstGMP() {
        var g = TowerRNG(seed: 201)
        let rInv = Self.r256.invMod(Self.p) ?? BigInt(0)
        let top512 = (BigInt(1) << 512) - BigInt(1)
        for round in 0..<300 {
            var acc = FpAccumulator(), expected = BigInt(0)
            // Random signed sums of random 512-bit terms, with a multiplication by 9 in between:
            // |V| ≤ (9·6 + 6)·2^512 < 2^518.
            let terms = 1 + round % 6
            for i in 0..<(2 * terms) {
                var limbs: [UInt64] = (0..<8).map { _ in g.next() }
                if round % 5 == 0 { limbs = [UInt64](repeating: ~0, count: 8) }   // 2^512 − 1
                let x = BigInt(limbs: limbs)
                if (i + round) % 3 == 0 { acc.subtract(Self.dbl(x)); expected -= x } else { acc.add(Self.dbl(x)); expected += x }
                if i == terms - 1 && round % 2 == 0 { acc.multiplyByNine(); expected *= BigInt(9) }
            }
            XCTAssertEqual(Self.big(acc), expected, "round \(round)")
            XCTAssertEqual(L.big(acc.reduced().montgomery), L.md(expected * rInv, Self.p), "round \(round)")
            // One accumulator added to and subtracted from another (`ProductTerms.pair`), the top
            // limbs' carries and borrows included: 9·acc ± other, both signed.
            var other = FpAccumulator(), otherExpected = BigInt(0)
            for i in 0..<terms {
                let x = BigInt(limbs: (0..<8).map { _ in round % 7 == 0 ? ~0 : g.next() })
                if (i + round) % 2 == 0 { other.subtract(Self.dbl(x)); otherExpected -= x } else { other.add(Self.dbl(x)); otherExpected += x }
            }
            var sum = acc, difference = acc
            sum.add(other); difference.subtract(other)
            XCTAssertEqual(Self.big(sum), expected + otherExpected, "round \(round)")
            XCTAssertEqual(Self.big(difference), expected - otherExpected, "round \(round)")
        }
        // The edges of |V| < 2^518: ±(2^518 − 1) and values near them built from 2^512 − 1 terms.
        for sign in [1, -1] {
            var acc = FpAccumulator(), expected = BigInt(0)
            for _ in 0..<64 {
                if sign > 0 { acc.add(Self.dbl(top512)); expected += top512 } else { acc.subtract(Self.dbl(top512)); expected -= top512 }
            }
            XCTAssertEqual(Self.big(acc), expected)
            XCTAssertTrue(expected.bitWidth <= 518 && (-expected).bitWidth <= 518)
            XCTAssertEqual(L.big(acc.reduced().montgomery), L.md(expected * rInv, Self.p))
        }
        // A wrong accumulator is noticed: one bit of the low limb flipped changes the result.
        var acc = FpAccumulator()
        acc.add(Self.dbl(BigInt(12345) << 300))
        let good = acc.reduced()
        acc.lo.0 ^= 1
        XCTAssertNotEqual(acc.reduced(), good)
    }

    /// The shared high-part reduction of `timesNine` and `FpAccumulator.reduced`, over its whole
    /// domain H < 2^264: edges (0, p − 1, p, multiples of p and their neighbours, 2^264 − 1) and random.
    func testHighModPAgainstGMP() {
        var g = TowerRNG(seed: 204)
        let p = Self.p, top = (BigInt(1) << 264) - BigInt(1)
        var hs: [BigInt] = [BigInt(0), BigInt(1), p - BigInt(1), p, p + BigInt(1), top, top - p]
        for k in [2, 9, 255, 1000, 1300] { hs += [p * BigInt(k) - BigInt(1), p * BigInt(k), p * BigInt(k) + BigInt(1)] }
        for _ in 0..<500 { hs.append(BigInt(limbs: (0..<5).map { i in i == 4 ? g.next() >> 56 : g.next() })) }
        for h in hs where h <= top {
            let l = h.limbs(count: 5) ?? [0, 0, 0, 0, 0]
            XCTAssertEqual(L.big(highModP((l[0], l[1], l[2], l[3]), l[4])), L.md(h, p), "H = \(h)")
        }
    }

    /// The conditional subtraction behind every multiply and modular add, for both moduli over its
    /// domain [0, 2m), against GMP. The edges are where its borrow-folding can go wrong: a's high
    /// half equal to m's with the low half below, at or above m's (the low borrow alone decides),
    /// the high half one off m's, m − 1, m, m + 1, 2m − 1, and random values below 2m.
    func testReduceOnceAgainstGMP() {
        var g = TowerRNG(seed: 205)
        for m in [Fp.modulus, Fr.modulus] {
            let M = L.big(m), two = M * BigInt(2)
            var xs: [BigInt] = [BigInt(0), BigInt(1), M - BigInt(1), M, M + BigInt(1), two - BigInt(1)]
            let high = BigInt(m.3) * (BigInt(1) << 192) + BigInt(m.2) * (BigInt(1) << 128), low = M - high
            for dh in [-1, 0, 1] {
                let h = high + BigInt(dh) * (BigInt(1) << 128)
                for l in [BigInt(0), low - BigInt(1), low, low + BigInt(1), (BigInt(1) << 128) - BigInt(1)] { xs.append(h + l) }
            }
            for _ in 0..<2000 { xs.append(BigInt(limbs: [g.next(), g.next(), g.next(), g.next() >> 1]).mod(two) ?? BigInt(0)) }
            for x in xs where x.signum >= 0 && x < two {
                let l = x.limbs(count: 4) ?? [0, 0, 0, 0]
                XCTAssertEqual(L.big(reduceOnce((l[0], l[1], l[2], l[3]), m)), L.md(x, M), "a = \(x), m = \(M)")
            }
        }
    }

    func testProductOffsetIsExactOnUnreducedOperands() {
        var g = TowerRNG(seed: 202)
        let p = Self.p, pR = Self.p * Self.r256
        let pm1 = -Fp.one
        var values: [Fp] = L.extremes
        for _ in 0..<40 { values.append(Fp.random(using: &g)) }
        for (i, a) in values.enumerated() {
            let b = values[(i * 7 + 3) % values.count], c = values[(i * 5 + 1) % values.count], d = values[(i * 3 + 2) % values.count]
            // Operands with coefficients up to 2p − 2: unreduced sums, as the m-products get.
            let x = Fp2Operand(Fp2(a, b), plus: Fp2(pm1, c)), y = Fp2Operand(Fp2(c, d), plus: Fp2(d, pm1))
            let r = Fp2Dbl.productOffset(x, y)
            let X0 = L.big(x.c0), X1 = L.big(x.c1), Y0 = L.big(y.c0), Y1 = L.big(y.c1)
            XCTAssertTrue(X0 < p + p && X1 < p + p && Y0 < p + p && Y1 < p + p)
            XCTAssertEqual(L.big(r.c0), X0 * Y0 - X1 * Y1 + pR)
            XCTAssertEqual(L.big(r.c1), X0 * Y1 + X1 * Y0)
            // The bound every accumulated term obeys: below 9.3p².
            XCTAssertTrue(L.big(r.c0) * BigInt(10) < BigInt(93) * p * p && L.big(r.c1) * BigInt(10) < BigInt(93) * p * p)
        }
    }

    /// The extreme elements (every coefficient p − 1, saturated limbs, 0, 1) and `random` more.
    static func elements(seed: UInt64, random: Int) -> [Fp12] {
        var g = TowerRNG(seed: seed)
        var xs: [Fp12] = (0..<14).map { L.extremeFp12($0) }
        xs.append(Fp12(Fp6(-.one, -.one, -.one), Fp6(-.one, -.one, -.one)))
        xs.append(.zero); xs.append(.one)
        for _ in 0..<random { xs.append(Fp12.random(using: &g)) }
        return xs
    }

    func testExactProductAgainstBothReferences() {
        let xs = Self.elements(seed: 203, random: 60)
        for (i, a) in xs.enumerated() {
            for b in [xs[(i * 11 + 5) % xs.count], a, xs[xs.count - 1 - i]] {
                let r = Fp12.productKaratsubaExact(a, b)
                XCTAssertEqual(r, Fp12.mulReference(a, b), "pair \(i)")
                XCTAssertEqual(r, Fp12.productFp6Lazy(a, b), "pair \(i)")
            }
        }
    }

    /// The exact-accumulation square (merged coefficients, `SquareTerms`) against the reduced
    /// reference, the Fp6Dbl form it replaced and the product, on the extremes and at random.
    func testExactSquareAgainstReferences() {
        for (i, a) in Self.elements(seed: 205, random: 100).enumerated() {
            let r = Fp12.squareKaratsubaExact(a)
            XCTAssertEqual(r, a.squaredReference(), "element \(i)")
            XCTAssertEqual(r, a.squaredFp6Lazy(), "element \(i)")
            XCTAssertEqual(r, Fp12.mulReference(a, a), "element \(i)")
            XCTAssertEqual(a.squared(), r)
        }
    }

    /// The product reads Fp2 coefficients by byte offset: the layout it assumes.
    func testScratchLayout() {
        let f = ProductTerms.fp2Stride
        XCTAssertEqual(f, 64)
        XCTAssertEqual(MemoryLayout<Fp6>.offset(of: \Fp6.c1), f)
        XCTAssertEqual(MemoryLayout<Fp6>.offset(of: \Fp6.c2), 2 * f)
        XCTAssertEqual(MemoryLayout<Fp12>.offset(of: \Fp12.c1), 3 * f)
        XCTAssertEqual(MemoryLayout<Fp2Operand>.size, MemoryLayout<Fp2>.size)
        XCTAssertEqual(MemoryLayout<Fp2>.offset(of: \Fp2.c1), 32)
    }
}
