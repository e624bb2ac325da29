import Foundation
import XCTest
import GMP
@testable import BN254

/// The optimal ate pairing against: its mathematical properties (bilinearity, non-degeneracy,
/// order r), the slow definition of the final exponentiation, G2 group arithmetic for the Miller
/// loop's point updates, every Ethereum ecPairing vector, and py_ecc (exact pairing values and
/// random pairing checks in Vectors/pairing_vectors.json).
final class PairingTests: XCTestCase {
    static let x = BigInt(4965661367192848881 as UInt64)
    static var p: BigInt { Fp.modulusBigInt }
    static var r: BigInt { Fr.modulusBigInt }
    /// m = 2x(6x² + 3x + 1): our pairing is the textbook reduced pairing to the power m.
    static var m: BigInt { BigInt(2) * x * (BigInt(6) * x * x + BigInt(3) * x + BigInt(1)) }

    static func value(_ digits: [Int8]) -> BigInt {
        var v = BigInt(0)
        for d in digits { v = v * BigInt(2) + BigInt(Int(d)) }
        return v
    }

    func testLoopConstants() {
        XCTAssertEqual(Self.value(Pairing.loopNAF), BigInt(6) * Self.x + BigInt(2))
        XCTAssertEqual(Self.value(Fp12.xNAF), Self.x)
        // NAF: no two adjacent non-zero digits
        for naf in [Pairing.loopNAF, Fp12.xNAF] {
            for i in 1..<naf.count { XCTAssertFalse(naf[i] != 0 && naf[i - 1] != 0) }
        }
        // the Fuentes-Castañeda exponent identity used by the hard part
        let p = Self.p, x = Self.x
        let x2 = x * x, x3 = x2 * x
        let l0 = BigInt(12) * x3 + BigInt(12) * x2 + BigInt(6) * x + BigInt(1)
        let l1 = BigInt(12) * x3 + BigInt(6) * x2 + BigInt(4) * x
        let l2 = BigInt(12) * x3 + BigInt(6) * x2 + BigInt(6) * x
        let l3 = BigInt(12) * x3 + BigInt(6) * x2 + BigInt(4) * x - BigInt(1)
        let lhs = l0 + l1 * p + l2 * p * p + l3 * p * p * p
        let phi = p * p * p * p - p * p + BigInt(1)
        XCTAssertEqual(phi.mod(Self.r), BigInt(0))
        XCTAssertEqual(lhs * Self.r, Self.m * phi)
        XCTAssertNotEqual(Self.m.mod(Self.r), BigInt(0))  // m is coprime to the prime r
    }

    /// The fast final exponentiation against the definition f^(m·(p¹² − 1)/r).
    func testFinalExponentiationAgainstDefinition() {
        var g = TowerRNG(seed: 30)
        let p = Self.p
        var p12 = BigInt(1)
        for _ in 0..<12 { p12 = p12 * p }
        let e = ((p12 - BigInt(1)).floorDivided(by: Self.r) ?? BigInt()) * Self.m
        let f = Fp12.random(using: &g)
        XCTAssertEqual(Pairing.finalExponentiation(f), f.pow(e.limbs(count: 56) ?? []))
        XCTAssertEqual(Pairing.finalExponentiation(.zero), .zero)
    }

    /// The doubling and addition steps move T exactly like the G2 group law.
    func testStepsFollowTheGroupLaw() {
        var g = TowerRNG(seed: 31)
        let q = (G2Affine.generator * Fr.random(using: &g)).toAffine()
        let q2 = (G2Affine.generator * Fr.random(using: &g)).toAffine()
        func affine(_ t: Pairing.TwistProjective) -> G2Affine? {
            guard let zi = t.z.inverse() else { return nil }
            return try? G2Affine(x: t.x * zi, y: t.y * zi)
        }
        var t = Pairing.TwistProjective(q)
        _ = Pairing.doublingStep(&t)
        XCTAssertEqual(affine(t), G2Jacobian(q).doubled().toAffine())
        _ = Pairing.additionStep(&t, q2.x, q2.y)
        XCTAssertEqual(affine(t), (G2Jacobian(q).doubled() + q2).toAffine())
        // π(Q) and −π²(Q) stay on the twist (and in G2)
        let (x1, y1) = Pairing.frobeniusTwist(q.x, q.y)
        XCTAssertNoThrow(try G2Affine(x: x1, y: y1))
        let (x2, y2) = Pairing.negFrobenius2Twist(q.x, q.y)
        XCTAssertNoThrow(try G2Affine(x: x2, y: y2))
    }

    func testBilinearityAndNonDegeneracy() {
        var g = TowerRNG(seed: 32)
        let P = G1Affine.generator, Q = G2Affine.generator
        let e = Pairing.pairing(P, Q)
        XCTAssertFalse(e.isOne)
        XCTAssertTrue(e.pow(limbsArray(Fr.modulus)).isOne)      // order r
        for _ in 0..<2 {
            let a = Fr.random(using: &g), b = Fr.random(using: &g)
            let aP = (P * a).toAffine(), bQ = (Q * b).toAffine()
            let eab = Pairing.pairing(aP, bQ)
            XCTAssertEqual(eab, e.pow(limbsArray((a * b).canonical)))
            XCTAssertEqual(Pairing.pairing(aP, Q), Pairing.pairing(P, (Q * a).toAffine()))
            // e(P, −Q)·e(P, Q) = 1, and as a check
            XCTAssertEqual(Pairing.pairing(aP, -bQ) * eab, .one)
            XCTAssertTrue(Pairing.pairingCheck([(aP, bQ), (aP, -bQ)]))
            XCTAssertTrue(Pairing.pairingCheck([(aP, bQ), (-aP, bQ)]))
            // soundness: a product that is not 1 is rejected
            XCTAssertFalse(Pairing.pairingCheck([(aP, bQ), (aP, bQ)]))
            XCTAssertFalse(Pairing.pairingCheck([(aP, bQ)]))
        }
    }

    func testMultiPairingAndPrepared() {
        var g = TowerRNG(seed: 33)
        var pairs: [(G1Affine, G2Affine)] = []
        for _ in 0..<3 {
            pairs.append(((G1Affine.generator * Fr.random(using: &g)).toAffine(),
                          (G2Affine.generator * Fr.random(using: &g)).toAffine()))
        }
        let product = pairs.map { Pairing.pairing($0.0, $0.1) }.reduce(Fp12.one, *)
        XCTAssertEqual(Pairing.finalExponentiation(Pairing.millerLoop(pairs)), product)
        let prepared = pairs.map { ($0.0, G2Prepared($0.1)) }
        XCTAssertEqual(Pairing.millerLoop(prepared: prepared), Pairing.millerLoop(pairs))
        XCTAssertEqual(Pairing.millerLoop(pairs[0].0, prepared: prepared[0].1), Pairing.millerLoop(pairs[0].0, pairs[0].1))
        // infinity pairs contribute 1 and are skipped, in both forms
        let withInf = pairs + [(G1Affine.infinity, G2Affine.generator), (G1Affine.generator, G2Affine.infinity)]
        XCTAssertEqual(Pairing.millerLoop(withInf), Pairing.millerLoop(pairs))
        let preparedInf = withInf.map { ($0.0, G2Prepared($0.1)) }
        XCTAssertEqual(Pairing.millerLoop(prepared: preparedInf), Pairing.millerLoop(pairs))
        XCTAssertTrue(G2Prepared(.infinity).isInfinity)
        XCTAssertEqual(Pairing.pairing(.infinity, .generator), .one)
        XCTAssertTrue(Pairing.pairingCheck([]))
        XCTAssertTrue(Pairing.pairingCheck(prepared: []))
        let (a, b) = pairs[0]
        XCTAssertTrue(Pairing.pairingCheck(prepared: [(a, G2Prepared(b)), (-a, G2Prepared(b))]))
        XCTAssertFalse(Pairing.pairingCheck(prepared: [(a, G2Prepared(b)), (a, G2Prepared(b))]))
    }

    // MARK: Ethereum vectors (EIP-197 precompile 0x08)

    typealias Support = CurveTestSupport

    func ecPairing(_ hex: String) throws -> String {
        guard let bytes = Support.bytes(hex: hex) else { throw BN254Error.invalidEncoding(what: "vector", reason: "hex") }
        return Support.hex(try EthereumPrecompiles.ecPairing(input: bytes) { Pairing.pairingCheck($0) })
    }

    func testGoEthereumPairingVectors() throws {
        let all = try Support.jsonArray(try Support.sharedVectors("eip196_197").appendingPathComponent("bn256Pairing.json"))
        XCTAssertEqual(all.count, 14)
        var ones = 0, zeros = 0
        for c in all {
            let expected = (c["Expected"] as? String ?? "").lowercased()
            XCTAssertEqual(try ecPairing(c["Input"] as? String ?? ""), expected, "\(c["Name"] ?? "?")")
            if expected.hasSuffix("1") { ones += 1 } else { zeros += 1 }
        }
        XCTAssertGreaterThan(ones, 0)
        XCTAssertGreaterThan(zeros, 0)
    }

    func testDerivedPairingCases() throws {
        let dir = try Support.sharedVectors("eip196_197")
        var n = 0
        for c in try Support.jsonArray(dir.appendingPathComponent("derived_edge_cases.json")) where c["Precompile"] as? String == "08" {
            XCTAssertEqual(try ecPairing(c["Input"] as? String ?? ""), (c["Expected"] as? String ?? "").lowercased(), "\(c["Name"] ?? "?")")
            n += 1
        }
        XCTAssertGreaterThanOrEqual(n, 3)
        var failures = 0
        for c in try Support.jsonArray(dir.appendingPathComponent("derived_failure_cases.json")) where c["Precompile"] as? String == "08" {
            XCTAssertThrowsError(try ecPairing(c["Input"] as? String ?? ""), "\(c["Name"] ?? "?") must be rejected")
            failures += 1
        }
        XCTAssertGreaterThan(failures, 0)
    }

    // MARK: py_ecc

    func pyVectors() throws -> [String: Any] {
        guard let root = Support.packageRoot() else { throw XCTSkip("package root not found") }
        let url = root.appendingPathComponent("Vectors/pairing_vectors.json")
        guard let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw BN254Error.invalidEncoding(what: "pairing_vectors.json", reason: "expected an object")
        }
        return obj
    }
    func fp(_ a: Any?) throws -> Fp { try Fp(decimal: a as? String ?? "", what: "pairing_vectors") }
    func g1(_ a: Any?) throws -> G1Affine {
        guard let c = a as? [Any], c.count == 2 else { throw BN254Error.invalidEncoding(what: "G1", reason: "shape") }
        return try G1Affine(x: fp(c[0]), y: fp(c[1]))
    }
    func g2(_ a: Any?) throws -> G2Affine {
        guard let c = a as? [[Any]], c.count == 2, c[0].count == 2, c[1].count == 2 else {
            throw BN254Error.invalidEncoding(what: "G2", reason: "shape")
        }
        return try G2Affine(x: Fp2(fp(c[0][0]), fp(c[0][1])), y: Fp2(fp(c[1][0]), fp(c[1][1])))
    }

    /// py_ecc's Fp12 is Fp[W]/(W¹² − 18W⁶ + 82) with u = W⁶ − 9 and the same twist map, so its
    /// coefficient e_i (i < 6) and e_(i+6) give our w^i coefficient (e_i + 9e_(i+6)) + e_(i+6)·u.
    func fromPyEcc(_ e: [Fp]) -> Fp12 {
        let g = (0..<6).map { Fp2(e[$0] + Fp(9) * e[$0 + 6], e[$0 + 6]) }
        return Fp12(Fp6(g[0], g[2], g[4]), Fp6(g[1], g[3], g[5]))
    }

    func testPyEccPairingValues() throws {
        let v = try pyVectors()
        guard let values = v["values"] as? [[String: Any]], !values.isEmpty else { return XCTFail("no values") }
        let mLimbs = Self.m.limbs(count: 4) ?? []
        for c in values {
            let P = try g1(c["P"]), Q = try g2(c["Q"])
            let e = try (c["e"] as? [Any] ?? []).map { try fp($0) }
            XCTAssertEqual(e.count, 12)
            XCTAssertEqual(Pairing.pairing(P, Q), fromPyEcc(e).pow(mLimbs), "a=\(c["a"] ?? "") b=\(c["b"] ?? "")")
        }
    }

    func testPyEccPairingChecks() throws {
        let v = try pyVectors()
        guard let checks = v["checks"] as? [[String: Any]], !checks.isEmpty else { return XCTFail("no checks") }
        var seen: Set<Bool> = []
        for c in checks {
            let pairs = try (c["pairs"] as? [[Any]] ?? []).map { (try g1($0[0]), try g2($0[1])) }
            let expected = c["expected"] as? Bool ?? false
            seen.insert(expected)
            XCTAssertEqual(Pairing.pairingCheck(pairs), expected)
            XCTAssertEqual(Pairing.pairingCheck(prepared: pairs.map { ($0.0, G2Prepared($0.1)) }), expected)
        }
        XCTAssertEqual(seen, [true, false])
    }
}
