import BN254
import GMP
import XCTest
@testable import Polynomials

final class PolynomialTests: XCTestCase {
    func testTrailingZerosAndDegree() {
        XCTAssertEqual(Polynomial(coefficients: [Fr(1), .zero, .zero]).coefficients, [Fr(1)])
        XCTAssertNil(Polynomial(coefficients: [.zero, .zero]).degree)
        XCTAssertTrue(Polynomial.zero.isZero)
        XCTAssertEqual(Polynomial(coefficients: [Fr(1), Fr(2), Fr(3)]).degree, 2)
    }

    /// Horner against GMP: Σ a_i·x^i mod r with integer arithmetic.
    func testHornerMatchesGMP() {
        let a = Oracle.randomVector(20, seed: 1)
        var g = SplitMix64(seed: 2)
        let x = Fr.random(using: &g)
        var acc = BigInt(0)
        for (i, c) in a.enumerated() {
            acc = acc + c.bigInt * (x.bigInt.powMod(BigInt(i), Oracle.r) ?? BigInt(0))
        }
        XCTAssertEqual(Polynomial(coefficients: a).evaluate(at: x), Oracle.fr(acc))
        XCTAssertEqual(Polynomial.zero.evaluate(at: x), .zero)
    }

    func testSchoolbookIsAProduct() {
        // (a·b)(x) = a(x)·b(x): checks the reference multiplication itself.
        let a = Polynomial(coefficients: Oracle.randomVector(17, seed: 3))
        let b = Polynomial(coefficients: Oracle.randomVector(9, seed: 4))
        let p = a.multipliedSchoolbook(b)
        XCTAssertEqual(p.degree, 24)
        var g = SplitMix64(seed: 5)
        for _ in 0..<4 {
            let x = Fr.random(using: &g)
            XCTAssertEqual(p.evaluate(at: x), Oracle.evaluate(a.coefficients, at: x) * Oracle.evaluate(b.coefficients, at: x))
        }
    }

    func testNTTMultiplicationMatchesSchoolbook() throws {
        let shapes = [(1, 1), (1, 5), (2, 2), (3, 7), (16, 17), (64, 64), (65, 200), (300, 1)]
        for (k, (da, db)) in shapes.enumerated() {
            let a = Polynomial(coefficients: Oracle.randomVector(da, seed: 10 + UInt64(k)))
            let b = Polynomial(coefficients: Oracle.randomVector(db, seed: 50 + UInt64(k)))
            let expected = a.multipliedSchoolbook(b)
            XCTAssertEqual(try a.multipliedByNTT(b), expected, "\(da)×\(db) coefficients")
            XCTAssertEqual(try a.multipliedByNTT(b, threads: 1), expected)
            XCTAssertEqual(a * b, expected)
        }
        let a = Polynomial(coefficients: Oracle.randomVector(5, seed: 99))
        XCTAssertEqual(try a.multipliedByNTT(.zero), .zero)
        XCTAssertEqual(a * .zero, .zero)
    }

    func testAddSub() {
        let a = Polynomial(coefficients: Oracle.randomVector(5, seed: 6))
        let b = Polynomial(coefficients: Oracle.randomVector(8, seed: 7))
        XCTAssertEqual((a + b) - b, a)
        XCTAssertEqual(a - a, .zero)
        var g = SplitMix64(seed: 8)
        let x = Fr.random(using: &g)
        XCTAssertEqual((a + b).evaluate(at: x), a.evaluate(at: x) + b.evaluate(at: x))
    }

    func testDomainEvaluationAndInterpolation() throws {
        let d = try EvaluationDomain(logSize: 6)
        let p = Polynomial(coefficients: Oracle.randomVector(50, seed: 9))
        let evals = try p.evaluations(over: d)
        for i in 0..<64 { XCTAssertEqual(evals[i], p.evaluate(at: d.element(i))) }
        XCTAssertEqual(try Polynomial.interpolate(evals, over: d), p)
        let c = d.oddRootsCoset
        let cevals = try p.evaluations(over: c)
        for i in [0, 1, 63] { XCTAssertEqual(cevals[i], p.evaluate(at: c.element(i))) }
        XCTAssertEqual(try Polynomial.interpolate(cevals, over: c), p)
        let tooBig = Polynomial(coefficients: Oracle.randomVector(65, seed: 10))
        XCTAssertThrowsError(try tooBig.evaluations(over: d))
    }

    func testLagrangeInterpolationThroughArbitraryPoints() throws {
        let xs = Oracle.randomVector(12, seed: 11), ys = Oracle.randomVector(12, seed: 12)
        let p = try Polynomial.interpolate(xs: xs, ys: ys)
        XCTAssertLessThanOrEqual(p.degree ?? 0, 11)
        for i in 0..<12 { XCTAssertEqual(p.evaluate(at: xs[i]), ys[i]) }
        // On the domain points it agrees with the inverse NTT.
        let d = try EvaluationDomain(logSize: 3)
        let vals = Oracle.randomVector(8, seed: 13)
        XCTAssertEqual(try Polynomial.interpolate(xs: d.elements, ys: vals), try Polynomial.interpolate(vals, over: d))
        XCTAssertThrowsError(try Polynomial.interpolate(xs: [Fr(1), Fr(2), Fr(1)], ys: [Fr(1), Fr(2), Fr(3)])) {
            XCTAssertEqual($0 as? PolynomialsError, .duplicatePoint(x: "1"))
        }
        XCTAssertThrowsError(try Polynomial.interpolate(xs: [Fr(1)], ys: []))
        XCTAssertEqual(try Polynomial.interpolate(xs: [], ys: []), .zero)
    }
}
