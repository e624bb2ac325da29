import XCTest
import GMP
@testable import BN254

/// The slow, independent reference for G1: affine chord-and-tangent with field inversions
/// (Silverman III.2.3), infinity as nil.
enum AffineG1Reference {
    static func add(_ p: (Fp, Fp)?, _ q: (Fp, Fp)?) -> (Fp, Fp)? {
        guard let p else { return q }
        guard let q else { return p }
        let lambda: Fp
        if p.0 == q.0 {
            if p.1 != q.1 || p.1.isZero { return nil }
            guard let inv = (p.1 + p.1).inverse() else { return nil }
            lambda = (p.0.squared() * Fp(3)) * inv
        } else {
            guard let inv = (q.0 - p.0).inverse() else { return nil }
            lambda = (q.1 - p.1) * inv
        }
        let x3 = lambda.squared() - p.0 - q.0
        let y3 = lambda * (p.0 - x3) - p.1
        return (x3, y3)
    }

    static func tuple(_ a: G1Affine) -> (Fp, Fp)? { a.isInfinity ? nil : (a.x, a.y) }
}

final class G1Tests: XCTestCase {
    var rng = CurveTestRNG(seed: 0x6731)

    func randomPoint() -> G1Jacobian {
        G1Jacobian.generator.multipliedDoubleAndAdd(byLimbs: Fr.random(using: &rng).canonical)
    }

    /// A Jacobian representative with a random Z (X·Z², Y·Z³, Z), to exercise Z ≠ 1 everywhere.
    func rescaled(_ p: G1Jacobian) -> G1Jacobian {
        if p.isInfinity { return G1Jacobian(x: Fp.random(using: &rng), y: Fp.random(using: &rng), z: .zero) }
        var l = Fp.random(using: &rng)
        if l.isZero { l = .one }
        let l2 = l.squared()
        return G1Jacobian(x: p.x * l2, y: p.y * l2 * l, z: p.z * l)
    }

    func testGeneratorAndCurveEquation() throws {
        XCTAssertTrue(G1Affine.generator.isOnCurve)
        XCTAssertEqual(G1Affine.generator.x, Fp(1))
        XCTAssertEqual(G1Affine.generator.y, Fp(2))
        XCTAssertEqual(G1Affine.b, Fp(3))
        XCTAssertTrue(G1Affine.infinity.isInfinity)
        XCTAssertTrue(G1Affine.infinity.isOnCurve)
        XCTAssertNoThrow(try G1Affine(x: Fp(1), y: Fp(2)))
        XCTAssertNoThrow(try G1Affine(x: .zero, y: .zero))
        XCTAssertThrowsError(try G1Affine(x: Fp(1), y: Fp(3))) { e in
            XCTAssertEqual(e as? BN254Error, .notOnCurve(group: "G1"))
        }
        XCTAssertThrowsError(try G1Affine(x: .zero, y: Fp(1)))
        XCTAssertThrowsError(try G1Affine(x: Fp(1), y: .zero))
        for _ in 0..<5 {
            let p = randomPoint()
            XCTAssertTrue(p.isOnCurve)
            XCTAssertTrue(p.toAffine().isOnCurve)
            XCTAssertTrue(rescaled(p).isOnCurve)
            // a random x has a point with probability ~1/2; its y must satisfy the equation
            let x = Fp.random(using: &rng)
            if let y = (x.squared() * x + Fp(3)).sqrt() {
                XCTAssertNoThrow(try G1Affine(x: x, y: y))
                XCTAssertThrowsError(try G1Affine(x: x, y: y + .one))
            }
        }
    }

    func testAgainstAffineReference() {
        for _ in 0..<20 {
            let p = randomPoint(), q = randomPoint()
            let pa = p.toAffine(), qa = q.toAffine()
            let sum = AffineG1Reference.add(AffineG1Reference.tuple(pa), AffineG1Reference.tuple(qa))
            let dbl = AffineG1Reference.add(AffineG1Reference.tuple(pa), AffineG1Reference.tuple(pa))
            let fast = (rescaled(p) + rescaled(q)).toAffine()
            XCTAssertEqual(fast.x, sum?.0)
            XCTAssertEqual(fast.y, sum?.1)
            let mixed = (rescaled(p) + qa).toAffine()
            XCTAssertEqual(mixed, fast)
            let d = rescaled(p).doubled().toAffine()
            XCTAssertEqual(d.x, dbl?.0)
            XCTAssertEqual(d.y, dbl?.1)
        }
    }

    func testGroupLaws() {
        let o = G1Jacobian.infinity
        for _ in 0..<10 {
            let p = rescaled(randomPoint()), q = rescaled(randomPoint()), s = rescaled(randomPoint())
            XCTAssertEqual((p + q) + s, p + (q + s), "associativity")
            XCTAssertEqual(p + q, q + p, "commutativity")
            XCTAssertEqual(p + o, p)
            XCTAssertEqual(o + p, p)
            XCTAssertTrue((p + (-p)).isInfinity)
            XCTAssertTrue((p - p).isInfinity)
            XCTAssertEqual(p + p, p.doubled())
            XCTAssertEqual(p + rescaled(p), p.doubled(), "P + P with different Z goes to doubling")
            XCTAssertNotEqual(p, q)
            XCTAssertNotEqual(p, -p)
            XCTAssertNotEqual(p, o)
            XCTAssertEqual(p, rescaled(p))
            XCTAssertEqual((p + q) - q, p)
        }
        XCTAssertTrue(o.doubled().isInfinity)
        XCTAssertTrue((o + o).isInfinity)
        XCTAssertEqual(o, rescaled(o))
    }

    func testMixedAdditionEdgeCases() {
        for _ in 0..<10 {
            let p = rescaled(randomPoint())
            let pa = p.toAffine()
            XCTAssertEqual(p + pa, p.doubled(), "mixed P + P")
            XCTAssertTrue((p + (-pa)).isInfinity, "mixed P + (−P)")
            XCTAssertEqual(p + G1Affine.infinity, p)
            XCTAssertEqual(G1Jacobian.infinity + pa, p)
            let q = randomPoint()
            XCTAssertEqual(p + q.toAffine(), p + q)
            XCTAssertEqual(p - q.toAffine(), p - q)
        }
        XCTAssertTrue((G1Jacobian.infinity + G1Affine.infinity).isInfinity)
    }

    func testBatchToAffine() {
        var pts = (0..<9).map { _ in rescaled(randomPoint()) }
        pts.insert(G1Jacobian.infinity, at: 3)
        pts.append(rescaled(.infinity))
        let batch = G1Jacobian.toAffine(pts)
        XCTAssertEqual(batch.count, pts.count)
        for (p, a) in zip(pts, batch) {
            XCTAssertEqual(a, p.toAffine())
            XCTAssertEqual(G1Jacobian(a), p)
        }
        XCTAssertTrue(batch[3].isInfinity)
        XCTAssertTrue(G1Jacobian.toAffine([]).isEmpty)
    }

    func testGLVConstants() {
        let lambda = BigInt(limbs: limbsArray(CurveScalar.glvLambda))
        XCTAssertEqual((lambda * lambda + lambda + BigInt(1)).mod(CurveTestSupport.r), BigInt(0))
        let beta = G1Affine.endomorphismBeta
        XCTAssertFalse(beta.isOne)
        XCTAssertTrue((beta * beta * beta).isOne)
        let g = G1Jacobian.generator
        XCTAssertEqual(g.endomorphism(), g.multipliedDoubleAndAdd(byLimbs: CurveScalar.glvLambda))
        XCTAssertEqual(G1Affine.generator.endomorphism(), g.endomorphism().toAffine())
        let a1 = BigInt(limbs: limbsArray(CurveScalar.glvA1)), a2 = BigInt(limbs: limbsArray(CurveScalar.glvA2))
        let b1 = -BigInt(limbs: limbsArray(CurveScalar.glvB1Abs)), b2 = BigInt(limbs: limbsArray(CurveScalar.glvB2))
        XCTAssertEqual(a1 * b2 - a2 * b1, CurveTestSupport.r)
        XCTAssertEqual((a1 + b1 * lambda).mod(CurveTestSupport.r), BigInt(0))
        XCTAssertEqual((a2 + b2 * lambda).mod(CurveTestSupport.r), BigInt(0))
        XCTAssertEqual(BigInt(limbs: limbsArray(CurveScalar.glvG1)), (b2 << 256).floorDivided(by: CurveTestSupport.r))
        XCTAssertEqual(BigInt(limbs: limbsArray(CurveScalar.glvG2)), ((-b1) << 256).floorDivided(by: CurveTestSupport.r))
    }

    func testGLVDecomposition() {
        let lambda = BigInt(limbs: limbsArray(CurveScalar.glvLambda))
        var scalars: [BigInt] = [BigInt(0), BigInt(1), BigInt(2), CurveTestSupport.r - BigInt(1), CurveTestSupport.r - BigInt(2), lambda,
                                 lambda + BigInt(1), (CurveTestSupport.r >> 1), BigInt(1) << 127, (BigInt(1) << 128) - BigInt(1)]
        for _ in 0..<500 { scalars.append(Fr.random(using: &rng).bigInt) }
        for k in scalars {
            let (k1, n1, k2, n2) = CurveScalar.glvDecompose(CurveTestSupport.limbs(k))
            let b1 = BigInt(limbs: limbsArray(k1)), b2 = BigInt(limbs: limbsArray(k2))
            XCTAssertLessThan(b1.bitWidth, 129, "k1 of \(k)")
            XCTAssertLessThan(b2.bitWidth, 129, "k2 of \(k)")
            let s1 = n1 ? -b1 : b1, s2 = n2 ? -b2 : b2
            XCTAssertEqual((s1 + s2 * lambda - k).mod(CurveTestSupport.r), BigInt(0), "k1 + k2·λ ≡ k for \(k)")
        }
    }

    func testWNAF() {
        var values: [BigInt] = [BigInt(0), BigInt(1), BigInt(7), BigInt(15), BigInt(16), BigInt(31),
                                (BigInt(1) << 256) - BigInt(1), CurveTestSupport.r, CurveTestSupport.r - BigInt(1)]
        for _ in 0..<100 {
            values.append(BigInt(limbs: [rng.next(), rng.next(), rng.next(), rng.next()]))
        }
        for v in values {
            for w in [2, 4, 5] {
                let digits = CurveScalar.wnaf(CurveTestSupport.limbs(v), window: w)
                var acc = BigInt(0)
                for d in digits.reversed() { acc = (acc << 1) + BigInt(Int(d)) }
                XCTAssertEqual(acc, v)
                XCTAssertLessThanOrEqual(digits.count, 257)
                var lastNonZero = -w
                for (i, d) in digits.enumerated() where d != 0 {
                    XCTAssertTrue(d & 1 != 0 && abs(Int(d)) < 1 << (w - 1))
                    XCTAssertGreaterThanOrEqual(i - lastNonZero, w, "non-adjacency")
                    lastNonZero = i
                }
            }
        }
    }

    func testScalarMultiplication() throws {
        let g = G1Jacobian.generator
        let special: [BigInt] = [BigInt(0), BigInt(1), BigInt(2), BigInt(3), CurveTestSupport.r - BigInt(1), CurveTestSupport.r, CurveTestSupport.r + BigInt(1),
                                 (BigInt(1) << 256) - BigInt(1), BigInt(1) << 255]
        var ks = special
        for _ in 0..<8 { ks.append(BigInt(limbs: [rng.next(), rng.next(), rng.next(), rng.next()])) }
        for k in ks {
            let p = rescaled(randomPoint())
            let ref = p.multipliedDoubleAndAdd(byLimbs: CurveTestSupport.limbs(k))
            XCTAssertEqual(p.multiplied(byLimbs: CurveTestSupport.limbs(k)), ref, "wNAF, k = \(k)")
            let kr = k.mod(CurveTestSupport.r) ?? BigInt(0)
            XCTAssertEqual(p.multiplied(by: try Fr(bigInt: kr)), ref, "GLV, k = \(k)")
            XCTAssertEqual(try p.multiplied(byBigEndian: CurveTestSupport.bytes32BE(k)), ref, "bytes, k = \(k)")
        }
        // [r]P = O, [r−1]P = −P, [k]O = O
        let r = Fr.modulus
        for _ in 0..<3 {
            let p = rescaled(randomPoint())
            XCTAssertTrue(p.multiplied(byLimbs: r).isInfinity)
            XCTAssertTrue(p.multipliedDoubleAndAdd(byLimbs: r).isInfinity)
            XCTAssertEqual(p.multiplied(by: -Fr.one), -p)
        }
        XCTAssertTrue(G1Jacobian.infinity.multiplied(by: Fr.random(using: &rng)).isInfinity)
        XCTAssertTrue(G1Jacobian.infinity.multiplied(byLimbs: (5, 0, 0, 0)).isInfinity)
        XCTAssertEqual(g * Fr(5), g + g + g + g + g)
        XCTAssertEqual(G1Affine.generator * Fr(2), g.doubled())
        // linearity: [a]P + [b]P = [a+b]P, [a]([b]P) = [ab]P
        for _ in 0..<5 {
            let a = Fr.random(using: &rng), b = Fr.random(using: &rng)
            let p = randomPoint()
            XCTAssertEqual(p * a + p * b, p * (a + b))
            XCTAssertEqual((p * a) * b, p * (a * b))
        }
        XCTAssertThrowsError(try g.multiplied(byBigEndian: [1, 2, 3]))
    }
}
