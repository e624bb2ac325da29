import XCTest
import GMP
@testable import BN254

/// A seeded SplitMix64 so a failing random test can be replayed.
struct TowerRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}

/// p as little-endian limbs (for x^p by square-and-multiply, the slow reference of Frobenius).
let towerP: [UInt64] = limbsArray(Fp.modulus)

final class TowerFp2Tests: XCTestCase {
    func testFieldAxioms() {
        var g = TowerRNG(seed: 1)
        for _ in 0..<200 {
            let a = Fp2.random(using: &g), b = Fp2.random(using: &g), c = Fp2.random(using: &g)
            XCTAssertEqual((a * b) * c, a * (b * c))
            XCTAssertEqual(a * b, b * a)
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual(a.squared(), a * a)
            XCTAssertEqual(a.doubled(), a + a)
            XCTAssertEqual(a - b + b, a)
            XCTAssertEqual(a + (-a), .zero)
            XCTAssertEqual(a * .one, a)
            if let i = a.inverse() { XCTAssertEqual(a * i, .one) } else { XCTFail("inverse of non-zero") }
            XCTAssertEqual(a.mulByFp(c.c0), a * Fp2(c.c0))
            XCTAssertEqual(a.mulByNonResidue(), a * Fp2.xi)
        }
        XCTAssertNil(Fp2.zero.inverse())
        // u² = −1, independently of the multiplication formula's shape.
        let u = Fp2(.zero, .one)
        XCTAssertEqual(u * u, -Fp2.one)
    }

    /// Reference multiplication straight from the definition with GMP integers.
    func testMultiplyAgainstGMP() throws {
        var g = TowerRNG(seed: 2)
        let p = Fp.modulusBigInt
        for _ in 0..<50 {
            let a = Fp2.random(using: &g), b = Fp2.random(using: &g)
            let r0 = (a.c0.bigInt * b.c0.bigInt - a.c1.bigInt * b.c1.bigInt).mod(p)
            let r1 = (a.c0.bigInt * b.c1.bigInt + a.c1.bigInt * b.c0.bigInt).mod(p)
            let m = a * b
            XCTAssertEqual(m.c0.bigInt, r0)
            XCTAssertEqual(m.c1.bigInt, r1)
        }
    }

    func testFrobenius() {
        var g = TowerRNG(seed: 3)
        for _ in 0..<10 {
            let a = Fp2.random(using: &g)
            XCTAssertEqual(a.pow(towerP), a.frobenius(1))
            XCTAssertEqual(a.frobenius(2), a)
        }
    }

    func testSqrt() {
        var g = TowerRNG(seed: 4)
        var nonSquares = 0
        for _ in 0..<60 {
            let a = Fp2.random(using: &g)
            let sq = a.squared()
            XCTAssertEqual(sq.legendre, 1)
            guard let r = sq.sqrt() else { XCTFail("no root of a square"); continue }
            XCTAssertTrue(r == a || r == -a)
            // A random element: either a root squares back, or Euler's criterion says non-square.
            let b = Fp2.random(using: &g)
            let euler = b.pow(((Fp.modulusBigInt * Fp.modulusBigInt - BigInt(1)) >> 1).limbs(count: 8) ?? [])
            if let rb = b.sqrt() {
                XCTAssertEqual(rb.squared(), b)
                XCTAssertEqual(euler, .one)
            } else {
                nonSquares += 1
                XCTAssertEqual(euler, -Fp2.one)
                XCTAssertFalse(b.isSquare)
            }
        }
        XCTAssertGreaterThan(nonSquares, 5)
        // Elements of Fp embedded in Fp2 are all squares there.
        for _ in 0..<10 {
            let a = Fp2(Fp.random(using: &g))
            guard let r = a.sqrt() else { XCTFail("Fp element without root in Fp2"); continue }
            XCTAssertEqual(r.squared(), a)
        }
        // ξ must be a non-square (and a non-cube) for the tower to be a field.
        XCTAssertNil(Fp2.xi.sqrt())
        XCTAssertEqual(Fp2.zero.sqrt(), .zero)
    }
}
