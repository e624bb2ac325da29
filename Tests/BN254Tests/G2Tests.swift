import XCTest
import GMP
@testable import BN254

/// Affine chord-and-tangent over Fp2 with inversions: the slow reference for G2.
enum AffineG2Reference {
    static func add(_ p: (Fp2, Fp2)?, _ q: (Fp2, Fp2)?) -> (Fp2, Fp2)? {
        guard let p else { return q }
        guard let q else { return p }
        let lambda: Fp2
        if p.0 == q.0 {
            if p.1 != q.1 || p.1.isZero { return nil }
            guard let inv = (p.1 + p.1).inverse() else { return nil }
            lambda = (p.0.squared() * Fp2(Fp(3))) * inv
        } else {
            guard let inv = (q.0 - p.0).inverse() else { return nil }
            lambda = (q.1 - p.1) * inv
        }
        let x3 = lambda.squared() - p.0 - q.0
        let y3 = lambda * (p.0 - x3) - p.1
        return (x3, y3)
    }
}

/// A point on the twist that is (with overwhelming probability) not in G2: a random x with
/// x³ + b' a square, NOT multiplied by the cofactor.
func randomTwistPoint<G: RandomNumberGenerator>(using rng: inout G) -> G2Affine {
    while true {
        let x = Fp2.random(using: &rng)
        if let y = (x.squared() * x + G2Affine.b).sqrt() { return G2Affine(uncheckedX: x, y: y) }
    }
}

final class G2Tests: XCTestCase {
    var rng = CurveTestRNG(seed: 0x6732)

    func randomPoint() -> G2Jacobian {
        G2Jacobian.generator.multipliedDoubleAndAdd(byLimbs: Fr.random(using: &rng).canonical)
    }

    func rescaled(_ p: G2Jacobian) -> G2Jacobian {
        if p.isInfinity { return G2Jacobian(x: Fp2.random(using: &rng), y: Fp2.random(using: &rng), z: .zero) }
        var l = Fp2.random(using: &rng)
        if l.isZero { l = .one }
        let l2 = l.squared()
        return G2Jacobian(x: p.x * l2, y: p.y * l2 * l, z: p.z * l)
    }

    func testConstants() throws {
        // b' = 3/(9+u), ψ constants = ξ^((p−1)/3), ξ^((p−1)/2), β² — all recomputed here.
        XCTAssertEqual(G2Affine.b * Fp2.xi, Fp2(Fp(3)))
        let p = CurveTestSupport.p
        let e3 = ((p - BigInt(1)).floorDivided(by: BigInt(3)) ?? BigInt(0)).limbs(count: 4) ?? []
        let e2 = ((p - BigInt(1)) >> 1).limbs(count: 4) ?? []
        XCTAssertEqual(G2Affine.psiGammaX, Fp2.xi.pow(e3))
        XCTAssertEqual(G2Affine.psiGammaY, Fp2.xi.pow(e2))
        XCTAssertEqual(G2Affine.endomorphismBetaSquared, G1Affine.endomorphismBeta.squared())
        XCTAssertTrue(G2Affine.generator.isOnCurve)
        XCTAssertTrue(G2Jacobian.generator.isInSubgroupSlow)
        XCTAssertTrue(G2Jacobian.generator.isInSubgroup)
        // 6x² from the BN parameter
        let x = BigInt(bn254X)
        XCTAssertEqual(BigInt(limbs: limbsArray(G2Jacobian.sixXSquared)), BigInt(6) * x * x)
        XCTAssertEqual(BigInt(limbs: limbsArray(G2Jacobian.seed)), x)
        // The conditions of the ePrint 2022/348 test used by isInSubgroup.
        XCTAssertNotEqual(x.mod(BigInt(13)), BigInt(4))
        XCTAssertNotEqual(x.mod(BigInt(97)), BigInt(92))
        XCTAssertEqual(CurveTestSupport.p.mod(CurveTestSupport.r), BigInt(6) * x * x, "p ≡ 6x² (mod r)")
        // eigenvalues on G2: ψ = [p], φ₂ = [λ]
        let g = G2Jacobian.generator
        XCTAssertEqual(g.psi(), g.multiplied(byLimbs: Fp.modulus))
        XCTAssertEqual(g.psi(), g.multipliedDoubleAndAdd(byLimbs: G2Jacobian.sixXSquared))
        XCTAssertEqual(g.endomorphism(), g.multipliedDoubleAndAdd(byLimbs: CurveScalar.glvLambda))
        XCTAssertEqual(G2Affine.generator.psi(), g.psi().toAffine())
        XCTAssertTrue(G2Affine.infinity.psi().isInfinity)
    }

    func testValidatingInitialiser() throws {
        let g = G2Affine.generator
        XCTAssertNoThrow(try G2Affine(x: g.x, y: g.y))
        XCTAssertNoThrow(try G2Affine(x: .zero, y: .zero))
        XCTAssertThrowsError(try G2Affine(x: g.x, y: g.y + .one)) { e in
            XCTAssertEqual(e as? BN254Error, .notOnCurve(group: "G2"))
        }
        // G2 limbs swapped (real/imaginary confused) is off the twist
        XCTAssertThrowsError(try G2Affine(x: Fp2(g.x.c1, g.x.c0), y: Fp2(g.y.c1, g.y.c0)))
        let t = randomTwistPoint(using: &rng)
        XCTAssertThrowsError(try G2Affine(x: t.x, y: t.y)) { e in
            XCTAssertEqual(e as? BN254Error, .notInSubgroup(group: "G2"))
        }
    }

    func testSubgroupCheckAgainstDefinition() {
        // h = #E'(Fp2)/r = 2p − r; [h]T is in G2 for any twist point T.
        let h = CurveTestSupport.limbs(BigInt(2) * CurveTestSupport.p - CurveTestSupport.r)
        for _ in 0..<6 {
            let t = G2Jacobian(randomTwistPoint(using: &rng))
            XCTAssertTrue(t.isOnCurve)
            XCTAssertFalse(t.isInSubgroupSlow, "a random twist point is outside G2")
            XCTAssertFalse(t.isInSubgroup, "fast check must reject what [r]Q = O rejects")
            XCTAssertFalse(t.isInSubgroupBySixXSquared)
            XCTAssertFalse(G2Affine(uncheckedX: t.toAffine().x, y: t.toAffine().y).isInSubgroup)
            let cleared = rescaled(t.multiplied(byLimbs: h))
            XCTAssertTrue(cleared.isInSubgroupSlow)
            XCTAssertTrue(cleared.isInSubgroup)
            XCTAssertTrue(cleared.isInSubgroupBySixXSquared)
            let inside = rescaled(randomPoint())
            XCTAssertTrue(inside.isInSubgroup)
            XCTAssertTrue(inside.isInSubgroupSlow)
            // a G2 point plus a non-G2 point is outside
            XCTAssertFalse((inside + t).isInSubgroup)
        }
        XCTAssertTrue(G2Jacobian.infinity.isInSubgroup)
    }

    /// Points whose order is a small factor of the cofactor (or r times one) are rejected: the
    /// cases a random twist point almost never isolates. h = 10069 · 5864401 · 1875725156269 ·
    /// 197620364512881247228717050342013327560683201906968909 (the product and primality are
    /// checked here with GMP).
    func testSubgroupCheckRejectsSmallOrderPoints() {
        let r = CurveTestSupport.r
        let h = BigInt(2) * CurveTestSupport.p - r
        let factors = [BigInt(10069), BigInt(5864401), BigInt(1875725156269),
                       BigInt("197620364512881247228717050342013327560683201906968909") ?? BigInt(0)]
        XCTAssertEqual(factors.reduce(BigInt(1), *), h)
        for q in factors { XCTAssertTrue(q.isProbablePrime(), "\(q)") }
        var tested = 0
        for q in factors {
            // [r·h/q]T has order q (or is O when T has no q-part): multiply in two steps, each < 2^256.
            for _ in 0..<3 {
                let t = G2Jacobian(randomTwistPoint(using: &rng))
                let small = t.multiplied(byLimbs: CurveTestSupport.limbs(r)).multiplied(byLimbs: CurveTestSupport.limbs(h.floorDivided(by: q) ?? BigInt(0)))
                guard !small.isInfinity else { continue }
                XCTAssertTrue(small.multiplied(byLimbs: CurveTestSupport.limbs(q)).isInfinity, "order divides \(q)")
                XCTAssertFalse(small.isInSubgroupSlow)
                XCTAssertFalse(small.isInSubgroup, "order \(q)")
                XCTAssertFalse(small.isInSubgroupBySixXSquared, "order \(q)")
                let mixed = rescaled(randomPoint()) + small   // order r·q
                XCTAssertFalse(mixed.isInSubgroup, "order r·\(q)")
                XCTAssertFalse(mixed.isInSubgroupSlow)
                tested += 1
                break
            }
        }
        XCTAssertEqual(tested, factors.count, "a point of every small order was found")
    }

    func testAgainstAffineReference() {
        for _ in 0..<10 {
            let p = randomPoint(), q = randomPoint()
            let pa = p.toAffine(), qa = q.toAffine()
            let sum = AffineG2Reference.add((pa.x, pa.y), (qa.x, qa.y))
            let dbl = AffineG2Reference.add((pa.x, pa.y), (pa.x, pa.y))
            let fast = (rescaled(p) + rescaled(q)).toAffine()
            XCTAssertEqual(fast.x, sum?.0)
            XCTAssertEqual(fast.y, sum?.1)
            XCTAssertEqual((rescaled(p) + qa).toAffine(), fast)
            let d = rescaled(p).doubled().toAffine()
            XCTAssertEqual(d.x, dbl?.0)
            XCTAssertEqual(d.y, dbl?.1)
            XCTAssertTrue(fast.isOnCurve)
        }
    }

    func testGroupLaws() {
        let o = G2Jacobian.infinity
        for _ in 0..<6 {
            let p = rescaled(randomPoint()), q = rescaled(randomPoint()), s = rescaled(randomPoint())
            XCTAssertEqual((p + q) + s, p + (q + s))
            XCTAssertEqual(p + q, q + p)
            XCTAssertEqual(p + o, p)
            XCTAssertEqual(o + p, p)
            XCTAssertTrue((p + (-p)).isInfinity)
            XCTAssertEqual(p + rescaled(p), p.doubled())
            XCTAssertNotEqual(p, q)
            XCTAssertNotEqual(p, -p)
            XCTAssertEqual((p + q) - q, p)
            let pa = p.toAffine()
            XCTAssertEqual(p + pa, p.doubled())
            XCTAssertTrue((p + (-pa)).isInfinity)
            XCTAssertEqual(o + pa, p)
            XCTAssertEqual(p + G2Affine.infinity, p)
            XCTAssertEqual(p - q.toAffine(), p - q)
        }
        XCTAssertTrue(o.doubled().isInfinity)
    }

    func testBatchToAffine() {
        var pts = (0..<6).map { _ in rescaled(randomPoint()) }
        pts.insert(.infinity, at: 2)
        pts.append(rescaled(.infinity))
        let batch = G2Jacobian.toAffine(pts)
        for (p, a) in zip(pts, batch) {
            XCTAssertEqual(a, p.toAffine())
            XCTAssertEqual(G2Jacobian(a), p)
        }
        XCTAssertTrue(batch[2].isInfinity)
        XCTAssertTrue(G2Jacobian.toAffine([]).isEmpty)
    }

    func testScalarMultiplication() throws {
        var ks: [BigInt] = [BigInt(0), BigInt(1), BigInt(2), CurveTestSupport.r - BigInt(1), CurveTestSupport.r, CurveTestSupport.r + BigInt(1),
                            (BigInt(1) << 256) - BigInt(1)]
        for _ in 0..<5 { ks.append(BigInt(limbs: [rng.next(), rng.next(), rng.next(), rng.next()])) }
        for k in ks {
            let p = rescaled(randomPoint())
            let ref = p.multipliedDoubleAndAdd(byLimbs: CurveTestSupport.limbs(k))
            XCTAssertEqual(p.multiplied(byLimbs: CurveTestSupport.limbs(k)), ref, "wNAF, k = \(k)")
            XCTAssertEqual(p.multiplied(by: try Fr(bigInt: k.mod(CurveTestSupport.r) ?? BigInt(0))), ref, "GLV, k = \(k)")
        }
        let p = rescaled(randomPoint())
        XCTAssertTrue(p.multiplied(byLimbs: Fr.modulus).isInfinity)
        XCTAssertEqual(p.multiplied(by: -Fr.one), -p)
        let a = Fr.random(using: &rng), b = Fr.random(using: &rng)
        XCTAssertEqual(p * a + p * b, p * (a + b))
        XCTAssertEqual((p * a) * b, p * (a * b))
        XCTAssertEqual(G2Affine.generator * Fr(3), G2Jacobian.generator.doubled() + G2Jacobian.generator)
        // wNAF on a point outside G2 still matches double-and-add (the subgroup check relies on it)
        let t = G2Jacobian(randomTwistPoint(using: &rng))
        let k = CurveTestSupport.limbs(BigInt(limbs: [rng.next(), rng.next(), rng.next(), rng.next()]))
        XCTAssertEqual(t.multiplied(byLimbs: k), t.multipliedDoubleAndAdd(byLimbs: k))
    }
}
