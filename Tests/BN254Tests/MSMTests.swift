import XCTest
import BN254

/// MSM against the slow reference Σ [kᵢ]Pᵢ computed with the group's own scalar multiplication.
final class MSMTests: XCTestCase {
    func naive(_ points: [G1Affine], _ scalars: [Fr]) -> G1Jacobian {
        var acc = G1Jacobian.infinity
        for (p, k) in zip(points, scalars) { acc += G1Jacobian(p).multiplied(by: k) }
        return acc
    }

    func randomPoints(_ n: Int, distinct: Int? = nil) -> [G1Affine] {
        let d = distinct ?? n
        let base = (0..<min(d, n)).map { _ in (G1Jacobian.generator * Fr.random()) }
        let affine = G1Jacobian.toAffine(base)
        return (0..<n).map { affine[$0 % affine.count] }
    }

    func testRandomSizesAgainstNaiveSum() {
        var sizes = [0, 1, 2, 3, 5, 31, 32, 33, 100, 257, 1000]
        var rng = SystemRandomNumberGenerator()
        sizes.append(Int.random(in: 1000...5000, using: &rng))
        for n in sizes {
            let pts = randomPoints(n, distinct: min(n, 300))
            let ks = (0..<n).map { _ in Fr.random() }
            XCTAssertEqual(MSM.g1(pts, ks), naive(pts, ks), "n = \(n)")
        }
    }

    func testEveryWindowWidthAgrees() {
        let n = 200
        let pts = randomPoints(n, distinct: 50)
        let ks = (0..<n).map { _ in Fr.random() }
        let expected = naive(pts, ks)
        for c in 2...15 {
            XCTAssertEqual(MSM.pippenger(G1Group.self, pts, ks, windowBits: c), expected, "c = \(c)")
        }
    }

    func testAdversarialInputs() {
        let n = 500
        let p = (G1Jacobian.generator * Fr.random()).toAffine()
        // All-zero scalars.
        XCTAssertTrue(MSM.g1(randomPoints(n), [Fr](repeating: .zero, count: n)).isInfinity)
        // The same point everywhere (bucket additions hit P + P).
        let ks = (0..<n).map { _ in Fr.random() }
        let same = [G1Affine](repeating: p, count: n)
        XCTAssertEqual(MSM.g1(same, ks), naive(same, ks))
        // P and −P with the same scalar cancel.
        let pm = (0..<n).map { $0 % 2 == 0 ? p : -p }
        let kk = (0..<n).map { i in ks[i / 2 * 2] }
        XCTAssertTrue(MSM.g1(pm, kk).isInfinity)
        // Infinity points and extreme scalars: r − 1, 1, 2^253.
        var pts = randomPoints(n)
        var scalars = ks
        for i in stride(from: 0, to: n, by: 7) { pts[i] = .infinity }
        for i in stride(from: 3, to: n, by: 11) { scalars[i] = -Fr.one }
        for i in stride(from: 5, to: n, by: 13) { scalars[i] = .one }
        for i in stride(from: 6, to: n, by: 17) { scalars[i] = Fr(canonicalUnchecked: (0, 0, 0, 1 << 61)) }
        XCTAssertEqual(MSM.g1(pts, scalars), naive(pts, scalars))
        // Mismatched lengths use the shorter.
        XCTAssertEqual(MSM.g1(Array(pts.prefix(10)), scalars), naive(Array(pts.prefix(10)), scalars))
    }

    func testWrongResultIsDetected() {
        // Sanity of the oracle: changing one scalar changes the sum.
        let pts = randomPoints(64)
        var ks = (0..<64).map { _ in Fr.random() }
        let good = MSM.g1(pts, ks)
        ks[10] += .one
        XCTAssertNotEqual(MSM.g1(pts, ks), good)
    }
}

final class MSMG2Tests: XCTestCase {
    func testG2AgainstNaiveSum() {
        for n in [0, 1, 2, 40, 300] {
            let base = (0..<min(n, 20)).map { _ in (G2Jacobian.generator * Fr.random()).toAffine() }
            let pts = (0..<n).map { base[$0 % max(base.count, 1)] }
            var ks = (0..<n).map { _ in Fr.random() }
            if n > 2 { ks[1] = .zero; ks[2] = -Fr.one }
            var expected = G2Jacobian.infinity
            for (p, k) in zip(pts, ks) { expected += G2Jacobian(p).multiplied(by: k) }
            XCTAssertEqual(MSM.g2(pts, ks), expected, "n = \(n)")
        }
    }
}

final class MSMBatchAffineTests: XCTestCase {
    /// n points cycling through `base` with P and −P, infinity and zero scalars mixed in, and runs
    /// of small scalars (many equal buckets): the special cases of batch-affine accumulation.
    static func specialCases<A>(_ base: [A], n: Int, infinity: A, negate: (A) -> A) -> ([A], [Fr]) {
        var pts = (0..<n).map { base[$0 % base.count] }
        var ks = (0..<n).map { _ in Fr.random() }
        for i in stride(from: 0, to: n, by: 9) { pts[i] = negate(pts[i]) }
        for i in stride(from: 1, to: n, by: 31) { pts[i] = infinity }
        for i in stride(from: 2, to: n, by: 17) { ks[i] = .zero }
        for i in stride(from: 3, to: n, by: 5) { ks[i] = Fr(UInt64(i % 7 + 1)) }
        return (pts, ks)
    }

    /// The batch-affine path (n ≥ 2^10) against Jacobian buckets and, at one size, the naive sum —
    /// with repeated points, P and −P, infinity and zero scalars mixed in to hit the special cases.
    func testBatchAffineAgreesWithJacobianBuckets() {
        for n in [1024, 3000] {
            let base = G1Jacobian.toAffine((0..<64).map { _ in G1Jacobian.generator * Fr.random() })
            let (pts, ks) = Self.specialCases(base, n: n, infinity: .infinity, negate: { -$0 })
            for c in [4, 8, 11] {
                XCTAssertEqual(MSM.pippenger(G1Group.self, pts, ks, windowBits: c, useBatchAffine: true),
                               MSM.pippenger(G1Group.self, pts, ks, windowBits: c, useBatchAffine: false), "n = \(n), c = \(c)")
            }
        }
        let n = 1500
        let pts = G1Jacobian.toAffine((0..<n).map { _ in G1Jacobian.generator * Fr.random() })
        let ks = (0..<n).map { _ in Fr.random() }
        var expected = G1Jacobian.infinity
        for (p, k) in zip(pts, ks) { expected += G1Jacobian(p).multiplied(by: k) }
        XCTAssertEqual(MSM.g1(pts, ks), expected)
    }

    /// The same special cases in G2 (Fp2 coordinates, one Fp2 inversion per batch), and the naive sum.
    func testG2BatchAffineAgreesWithJacobianBuckets() {
        let n = 1200
        let base = G2Jacobian.toAffine((0..<32).map { _ in G2Jacobian.generator * Fr.random() })
        let (pts, ks) = Self.specialCases(base, n: n, infinity: .infinity, negate: { -$0 })
        for c in [4, 9] {
            XCTAssertEqual(MSM.pippenger(G2Group.self, pts, ks, windowBits: c, useBatchAffine: true),
                           MSM.pippenger(G2Group.self, pts, ks, windowBits: c, useBatchAffine: false), "c = \(c)")
        }
        var expected = G2Jacobian.infinity
        for (p, k) in zip(pts, ks) { expected = expected + G2Jacobian(p).multiplied(by: k) }
        XCTAssertEqual(MSM.g2(pts, ks), expected)
    }
}
