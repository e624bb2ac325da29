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

final class TowerFp6Fp12Tests: XCTestCase {
    func testFp6Axioms() {
        var g = TowerRNG(seed: 10)
        let v = Fp6(.zero, .one, .zero)
        XCTAssertEqual(v * v * v, Fp6(.xi, .zero, .zero))   // v³ = ξ
        for _ in 0..<50 {
            let a = Fp6.random(using: &g), b = Fp6.random(using: &g), c = Fp6.random(using: &g)
            XCTAssertEqual((a * b) * c, a * (b * c))
            XCTAssertEqual(a * b, b * a)
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual(a.squared(), a * a)
            XCTAssertEqual(a.doubled(), a + a)
            XCTAssertEqual(a - b + b, a)
            XCTAssertEqual(a.mulByNonResidue(), a * v)
            XCTAssertEqual(a.mulBy01(b.c0, b.c1), a * Fp6(b.c0, b.c1, .zero))
            XCTAssertEqual(a.mulBy1(b.c1), a * Fp6(.zero, b.c1, .zero))
            XCTAssertEqual(a.mulByFp2(b.c2), a * Fp6(b.c2, .zero, .zero))
            if let i = a.inverse() { XCTAssertEqual(a * i, .one) } else { XCTFail("inverse of non-zero") }
        }
        XCTAssertNil(Fp6.zero.inverse())
    }

    /// Schoolbook product straight from v³ = ξ: an independent shape from Karatsuba.
    func testFp6Schoolbook() {
        var g = TowerRNG(seed: 11)
        for _ in 0..<20 {
            let a = Fp6.random(using: &g), b = Fp6.random(using: &g)
            let x = [a.c0, a.c1, a.c2], y = [b.c0, b.c1, b.c2]
            var r = [Fp2](repeating: .zero, count: 5)
            for i in 0..<3 { for j in 0..<3 { r[i + j] += x[i] * y[j] } }
            XCTAssertEqual(a * b, Fp6(r[0] + r[3] * .xi, r[1] + r[4] * .xi, r[2]))
        }
    }

    func testFp12Axioms() {
        var g = TowerRNG(seed: 12)
        let w = Fp12(.zero, .one)
        XCTAssertEqual(w * w, Fp12(Fp6(.zero, .one, .zero), .zero))   // w² = v
        for _ in 0..<30 {
            let a = Fp12.random(using: &g), b = Fp12.random(using: &g), c = Fp12.random(using: &g)
            XCTAssertEqual((a * b) * c, a * (b * c))
            XCTAssertEqual(a * b, b * a)
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual(a.squared(), a * a)
            XCTAssertEqual(a.doubled(), a + a)
            XCTAssertEqual(a - b + b, a)
            if let i = a.inverse() { XCTAssertEqual(a * i, .one) } else { XCTFail("inverse of non-zero") }
        }
        XCTAssertNil(Fp12.zero.inverse())
    }

    /// Sparse multiplication by a line value equals the full product.
    func testMulBy034() {
        var g = TowerRNG(seed: 13)
        for _ in 0..<30 {
            let a = Fp12.random(using: &g)
            let l0 = Fp2.random(using: &g), l3 = Fp2.random(using: &g), l4 = Fp2.random(using: &g)
            let full = Fp12(Fp6(l0, .zero, .zero), Fp6(l3, l4, .zero))
            XCTAssertEqual(a.mulBy034(l0, l3, l4), a * full)
        }
    }

    /// x^(p^k) by square-and-multiply against the constant-based Frobenius maps.
    func testFrobenius() {
        var g = TowerRNG(seed: 14)
        for n in 0..<3 {
            let a6 = Fp6.random(using: &g)
            let a6p = a6.pow(towerP)
            XCTAssertTrue(a6p == a6.frobenius(1), "Fp6 ^p \(n)")
            XCTAssertTrue(a6p.pow(towerP) == a6.frobenius(2), "Fp6 ^p² \(n)")
            XCTAssertTrue(a6.frobenius(1).frobenius(1).frobenius(1) == a6.frobenius(3), "Fp6 ^p³ \(n)")
            XCTAssertTrue(a6.frobenius(6) == a6, "Fp6 ^p⁶ \(n)")
            let a = Fp12.random(using: &g)
            let ap = a.pow(towerP)
            let ap2 = ap.pow(towerP)
            XCTAssertTrue(ap == a.frobenius(1), "Fp12 ^p \(n)")
            XCTAssertTrue(ap2 == a.frobenius(2), "Fp12 ^p² \(n)")
            XCTAssertTrue(ap2.pow(towerP) == a.frobenius(3), "Fp12 ^p³ \(n)")
            XCTAssertTrue(a.frobenius(2).frobenius(1) == a.frobenius(3), "Fp12 p²∘p \(n)")
            XCTAssertTrue(a.frobenius(6) == a.conjugate, "Fp12 ^p⁶ \(n)")
            XCTAssertTrue(a.frobenius(12) == a, "Fp12 ^p¹² \(n)")
        }
    }

    /// Every Frobenius constant recomputed from its definition ξ^(i(p^k − 1)/6) with GMP exponents.
    func testFrobeniusConstants() {
        let p = Fp.modulusBigInt
        func gamma(_ k: Int, _ i: Int) -> Fp2 {
            var pk = BigInt(1)
            for _ in 0..<k { pk = pk * p }
            let e = ((pk - BigInt(1)) * BigInt(i)).floorDivided(by: BigInt(6)) ?? BigInt()
            XCTAssertEqual((e * BigInt(6)), (pk - BigInt(1)) * BigInt(i))
            return Fp2.xi.pow(e.limbs(count: 16) ?? [])
        }
        let t1: [Fp2] = [Frobenius.g11, Frobenius.g12, Frobenius.g13, Frobenius.g14, Frobenius.g15]
        let t3: [Fp2] = [Frobenius.g31, Frobenius.g32, Frobenius.g33, Frobenius.g34, Frobenius.g35]
        let t2: [Fp] = [Frobenius.g21, Frobenius.g22, Frobenius.g23, Frobenius.g24, Frobenius.g25]
        for i in 1...5 {
            XCTAssertEqual(t1[i - 1], gamma(1, i), "g1\(i)")
            XCTAssertEqual(t3[i - 1], gamma(3, i), "g3\(i)")
            XCTAssertEqual(Fp2(t2[i - 1]), gamma(2, i), "g2\(i)")
        }
    }

    /// An element of the cyclotomic subgroup: f^((p⁶ − 1)(p² + 1)) computed by conjugate/inverse/Frobenius.
    static func cyclotomic(_ f: Fp12) -> Fp12? {
        guard let inv = f.inverse() else { return nil }
        let t = f.conjugate * inv            // f^(p⁶ − 1)
        return t.frobenius(2) * t            // ·^(p² + 1)
    }

    func testCyclotomicSquare() {
        var g = TowerRNG(seed: 15)
        let p = Fp.modulusBigInt
        for _ in 0..<10 {
            guard let c = Self.cyclotomic(Fp12.random(using: &g)) else { XCTFail("zero"); continue }
            XCTAssertEqual(c.cyclotomicSquared(), c.squared())
            XCTAssertEqual(c.cyclotomicSquared().cyclotomicSquared(), c.squared().squared())
            XCTAssertEqual(c * c.conjugate, .one)
            // the easy part really lands in the subgroup of order p⁴ − p² + 1
            let order = p * p * p * p - p * p + BigInt(1)
            XCTAssertTrue(c.pow(order.limbs(count: 16) ?? []).isOne)
            XCTAssertEqual(c.cyclotomicPowX(), c.pow([4965661367192848881]))
        }
        // Soundness: off the subgroup the shortcut is wrong (so the test above can fail).
        let r = Fp12.random(using: &g)
        XCTAssertNotEqual(r.cyclotomicSquared(), r.squared())
    }
}
