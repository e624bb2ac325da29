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
