import Foundation
import XCTest
import GMP
@testable import BN254

/// Round trips and rejections for every point encoding, plus snarkjs fixtures (JSON and zkey/ptau
/// binary) as independent oracles of layout and limb order.
final class CurveEncodingTests: XCTestCase {
    typealias Support = CurveTestSupport
    var rng = CurveTestRNG(seed: 0xe4c0)

    func g1s() -> [G1Affine] {
        var pts = [G1Affine.generator, .infinity, (-G1Jacobian.generator).toAffine()]
        for _ in 0..<6 { pts.append(G1Jacobian.generator.multiplied(by: Fr.random(using: &rng)).toAffine()) }
        return pts
    }

    func g2s() -> [G2Affine] {
        var pts = [G2Affine.generator, .infinity, (-G2Jacobian.generator).toAffine()]
        for _ in 0..<4 { pts.append(G2Jacobian.generator.multiplied(by: Fr.random(using: &rng)).toAffine()) }
        return pts
    }

    /// p + v as 32 big-endian bytes (a non-canonical encoding of v).
    func nonCanonical(_ v: Int) -> [UInt8] { Support.bytes32BE(Support.p + BigInt(v)) }

    // MARK: Ethereum

    func testEthereumRoundTrip() throws {
        for p in g1s() {
            let b = p.ethereumBytes
            XCTAssertEqual(b.count, 64)
            XCTAssertEqual(try G1Affine(ethereumBytes: b), p)
        }
        XCTAssertEqual(G1Affine.infinity.ethereumBytes, [UInt8](repeating: 0, count: 64))
        XCTAssertEqual(G1Affine.generator.ethereumBytes[31], 1)
        XCTAssertEqual(G1Affine.generator.ethereumBytes[63], 2)
        for q in g2s() {
            let b = q.ethereumBytes
            XCTAssertEqual(b.count, 128)
            XCTAssertEqual(try G2Affine(ethereumBytes: b), q)
            XCTAssertEqual(Array(b[0..<32]), q.x.c1.bytesBE, "imaginary part first")
        }
        XCTAssertEqual(G2Affine.infinity.ethereumBytes, [UInt8](repeating: 0, count: 128))
    }

    func testEthereumRejections() {
        let g = G1Affine.generator.ethereumBytes
        XCTAssertThrowsError(try G1Affine(ethereumBytes: Array(g.prefix(63))))
        XCTAssertThrowsError(try G1Affine(ethereumBytes: nonCanonical(1) + Array(g[32..<64]))) { e in
            guard case .notCanonical(let field, _)? = e as? BN254Error else { return XCTFail("\(e)") }
            XCTAssertEqual(field, "G1.x")
        }
        XCTAssertThrowsError(try G1Affine(ethereumBytes: nonCanonical(0) + [UInt8](repeating: 0, count: 32)), "x = p is not infinity")
        var off = g
        off[63] = 3
        XCTAssertThrowsError(try G1Affine(ethereumBytes: off)) { e in XCTAssertEqual(e as? BN254Error, .notOnCurve(group: "G1")) }
        // G2: swapped limb order, off the twist, outside the subgroup, non-canonical
        let q = G2Affine.generator
        let swapped = q.x.c0.bytesBE + q.x.c1.bytesBE + q.y.c0.bytesBE + q.y.c1.bytesBE
        XCTAssertThrowsError(try G2Affine(ethereumBytes: swapped))
        let t = randomTwistPoint(using: &rng)
        XCTAssertThrowsError(try G2Affine(ethereumBytes: t.ethereumBytes)) { e in
            XCTAssertEqual(e as? BN254Error, .notInSubgroup(group: "G2"))
        }
        XCTAssertThrowsError(try G2Affine(ethereumBytes: nonCanonical(0) + Array(q.ethereumBytes[32...])))
        XCTAssertThrowsError(try G2Affine(ethereumBytes: Array(q.ethereumBytes.prefix(127))))
    }

    // MARK: snarkjs JSON

    func testSnarkjsJSONRoundTrip() throws {
        for p in g1s() {
            XCTAssertEqual(try G1Affine(snarkjs: p.snarkjs), p)
            if !p.isInfinity { XCTAssertEqual(try G1Affine(snarkjs: Array(p.snarkjs.prefix(2))), p) }
        }
        XCTAssertEqual(G1Affine.generator.snarkjs, ["1", "2", "1"])
        XCTAssertEqual(G1Affine.infinity.snarkjs, ["0", "1", "0"])
        XCTAssertTrue(try G1Affine(snarkjs: ["0", "1", "0"]).isInfinity)
        for q in g2s() {
            XCTAssertEqual(try G2Affine(snarkjs: q.snarkjs), q)
        }
        XCTAssertEqual(G2Affine.generator.snarkjs[0][0], "10857046999023057135944570762232829481370756359578518086990519993285655852781")
        XCTAssertEqual(G2Affine.generator.snarkjs[2], ["1", "0"])
        XCTAssertTrue(try G2Affine(snarkjs: [["0", "0"], ["1", "0"], ["0", "0"]]).isInfinity)
    }

    func testSnarkjsJSONRejections() {
        XCTAssertThrowsError(try G1Affine(snarkjs: ["1", "3", "1"])) { e in XCTAssertEqual(e as? BN254Error, .notOnCurve(group: "G1")) }
        XCTAssertThrowsError(try G1Affine(snarkjs: ["1", "2", "2"]))
        XCTAssertThrowsError(try G1Affine(snarkjs: ["1"]))
        XCTAssertThrowsError(try G1Affine(snarkjs: ["1", "x2", "1"]))
        XCTAssertThrowsError(try G1Affine(snarkjs: ["-1", "2", "1"]))
        XCTAssertThrowsError(try G1Affine(snarkjs: [(Support.p + BigInt(1)).description, "2", "1"])) { e in
            guard case .notCanonical? = e as? BN254Error else { return XCTFail("\(e)") }
        }
        let q = G2Affine.generator.snarkjs
        XCTAssertThrowsError(try G2Affine(snarkjs: [[q[0][1], q[0][0]], [q[1][1], q[1][0]], ["1", "0"]]), "EIP order in JSON is wrong")
        XCTAssertThrowsError(try G2Affine(snarkjs: [q[0]]))
        let t = randomTwistPoint(using: &rng)
        XCTAssertThrowsError(try G2Affine(snarkjs: [[t.x.c0.description, t.x.c1.description], [t.y.c0.description, t.y.c1.description], ["1", "0"]])) { e in
            XCTAssertEqual(e as? BN254Error, .notInSubgroup(group: "G2"))
        }
    }

    /// Real snarkjs output: every point of the ark verification key and the upstream proof decodes
    /// (G2 real part first), and γ2 is the G2 generator.
    func testSnarkjsFixtures() throws {
        let dir = try Support.sharedVectors("snarkjs")
        let vkData = try Data(contentsOf: dir.appendingPathComponent("ark_mycircuit_2021/verification_key.json"))
        guard let vk = try JSONSerialization.jsonObject(with: vkData) as? [String: Any],
              let alpha = vk["vk_alpha_1"] as? [String], let gamma = vk["vk_gamma_2"] as? [[String]],
              let beta = vk["vk_beta_2"] as? [[String]], let ic = vk["IC"] as? [[String]] else {
            return XCTFail("unexpected verification_key.json shape")
        }
        XCTAssertFalse(try G1Affine(snarkjs: alpha).isInfinity)
        XCTAssertEqual(try G2Affine(snarkjs: gamma), G2Affine.generator)
        XCTAssertEqual(try G2Affine(snarkjs: beta).snarkjs, beta)
        for p in ic { XCTAssertEqual(try G1Affine(snarkjs: p).snarkjs, p) }
        let proofData = try Data(contentsOf: dir.appendingPathComponent("groth16_2023/proof.json"))
        guard let proof = try JSONSerialization.jsonObject(with: proofData) as? [String: Any],
              let a = proof["pi_a"] as? [String], let b = proof["pi_b"] as? [[String]], let c = proof["pi_c"] as? [String] else {
            return XCTFail("unexpected proof.json shape")
        }
        XCTAssertEqual(try G1Affine(snarkjs: a).snarkjs, a)
        XCTAssertEqual(try G2Affine(snarkjs: b).snarkjs, b)
        XCTAssertEqual(try G1Affine(snarkjs: c).snarkjs, c)
    }

    // MARK: snarkjs binary (LEM)

    func testMontgomeryLERoundTrip() throws {
        for p in g1s() { XCTAssertEqual(try G1Affine(montgomeryBytesLE: p.montgomeryBytesLE), p) }
        for q in g2s() { XCTAssertEqual(try G2Affine(montgomeryBytesLE: q.montgomeryBytesLE), q) }
        XCTAssertEqual(G1Affine.infinity.montgomeryBytesLE, [UInt8](repeating: 0, count: 64))
        XCTAssertEqual(G2Affine.infinity.montgomeryBytesLE, [UInt8](repeating: 0, count: 128))
        // the stored value is x·2²⁵⁶ mod p, little-endian
        let x = BigInt(limbs: limbsArray(G1Affine.generator.x.montgomery))
        XCTAssertEqual(x, (BigInt(1) << 256).mod(Support.p))
        XCTAssertThrowsError(try G1Affine(montgomeryBytesLE: [UInt8](repeating: 0xff, count: 64)))
        var off = G1Affine.generator.montgomeryBytesLE
        off[40] ^= 1
        XCTAssertThrowsError(try G1Affine(montgomeryBytesLE: off))
        let t = randomTwistPoint(using: &rng)
        XCTAssertThrowsError(try G2Affine(montgomeryBytesLE: t.montgomeryBytesLE)) { e in
            XCTAssertEqual(e as? BN254Error, .notInSubgroup(group: "G2"))
        }
    }

    /// Sections of an iden3 binary file by id (first occurrence).
    func sections(_ data: [UInt8]) -> [UInt32: ArraySlice<UInt8>] {
        func u32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(data[o + $1]) << (8 * UInt32($1)) } }
        func u64(_ o: Int) -> Int { (0..<8).reduce(0) { $0 | Int(data[o + $1]) << (8 * $1) } }
        var out: [UInt32: ArraySlice<UInt8>] = [:]
        var o = 12
        for _ in 0..<Int(u32(8)) {
            let id = u32(o), size = u64(o + 4)
            if out[id] == nil { out[id] = data[(o + 12)..<(o + 12 + size)] }
            o += 12 + size
        }
        return out
    }

    /// zkey header points (section 2) and ptau first points decode with the LEM layout:
    /// zkey γ2 = G2 generator, δ1 = G1 generator (a fresh `zkey new`), α1 = the vk's α1; ptau §2[0] = G1, §3[0] = G2.
    func testZkeyAndPtauFixtures() throws {
        let dir = try Support.sharedVectors("")
        let zkey = [UInt8](try Data(contentsOf: dir.appendingPathComponent("snarkjs/ark_mycircuit_2021/test.zkey")))
        guard let s2 = sections(zkey)[2] else { return XCTFail("zkey section 2 missing") }
        let h = Array(s2)
        var o = 4 + 32 + 4 + 32 + 12
        let alpha1 = try G1Affine(montgomeryBytesLE: h[o..<o + 64]); o += 64
        _ = try G1Affine(montgomeryBytesLE: h[o..<o + 64]); o += 64          // beta1
        _ = try G2Affine(montgomeryBytesLE: h[o..<o + 128]); o += 128        // beta2
        let gamma2 = try G2Affine(montgomeryBytesLE: h[o..<o + 128]); o += 128
        let delta1 = try G1Affine(montgomeryBytesLE: h[o..<o + 64]); o += 64
        let delta2 = try G2Affine(montgomeryBytesLE: h[o..<o + 128])
        XCTAssertEqual(gamma2, .generator)
        XCTAssertEqual(delta2, .generator)
        XCTAssertEqual(delta1, .generator)
        let vkData = try Data(contentsOf: dir.appendingPathComponent("snarkjs/ark_mycircuit_2021/verification_key.json"))
        let vk = try JSONSerialization.jsonObject(with: vkData) as? [String: Any]
        XCTAssertEqual(alpha1.snarkjs, vk?["vk_alpha_1"] as? [String])
        XCTAssertEqual(G1Affine.generator.montgomeryBytesLE.count + G2Affine.generator.montgomeryBytesLE.count, 192)

        let ptau = [UInt8](try Data(contentsOf: dir.appendingPathComponent("ptau/powersOfTau28_hez_final_09.ptau")))
        let ps = sections(ptau)
        guard let tauG1 = ps[2], let tauG2 = ps[3] else { return XCTFail("ptau sections 2/3 missing") }
        XCTAssertEqual(try G1Affine(montgomeryBytesLE: tauG1.prefix(64)), .generator)
        XCTAssertEqual(try G2Affine(montgomeryBytesLE: tauG2.prefix(128)), .generator)
        let tau1 = try G1Affine(montgomeryBytesLE: tauG1.dropFirst(64).prefix(64))
        XCTAssertFalse(tau1.isInfinity)
        let tau2 = try G2Affine(montgomeryBytesLE: tauG2.dropFirst(128).prefix(128))
        XCTAssertFalse(tau2.isInfinity)
    }

    // MARK: compressed

    func testCompressedRoundTrip() throws {
        for p in g1s() {
            let c = p.compressedBytes
            XCTAssertEqual(c.count, 32)
            XCTAssertEqual(try G1Affine(compressedBytes: c), p)
            if !p.isInfinity {
                XCTAssertEqual(c[0] >> 6, p.y.isLexicographicallyLargest ? 0b11 : 0b10)
                XCTAssertEqual((-p).compressedBytes[0] >> 6, p.y.isLexicographicallyLargest ? 0b10 : 0b11)
            }
        }
        XCTAssertEqual(G1Affine.infinity.compressedBytes, [0x40] + [UInt8](repeating: 0, count: 31))
        XCTAssertEqual(G1Affine.generator.compressedBytes, [0x80] + [UInt8](repeating: 0, count: 30) + [1], "y = 2 is the smaller root")
        for q in g2s() {
            let c = q.compressedBytes
            XCTAssertEqual(c.count, 64)
            XCTAssertEqual(try G2Affine(compressedBytes: c), q)
            XCTAssertEqual(try G2Affine(compressedBytes: (-q).compressedBytes), -q)
        }
        XCTAssertEqual(G2Affine.infinity.compressedBytes, [0x40] + [UInt8](repeating: 0, count: 63))
        // lexicographic order: (p−1)/2 is not largest, (p+1)/2 is
        let half = try Fp(bigInt: (Support.p - BigInt(1)) >> 1)
        XCTAssertFalse(half.isLexicographicallyLargest)
        XCTAssertTrue((half + .one).isLexicographicallyLargest)
        XCTAssertTrue(Fp2(.zero, half + .one).isLexicographicallyLargest)
        XCTAssertFalse(Fp2(half + .one, half).isLexicographicallyLargest, "c1 decides when non-zero")
        XCTAssertTrue(Fp2(half + .one, .zero).isLexicographicallyLargest, "c0 decides when c1 = 0")
    }

    func testCompressedRejections() throws {
        var c = G1Affine.generator.compressedBytes
        c[0] &= 0x3f
        XCTAssertThrowsError(try G1Affine(compressedBytes: c), "flag 00")
        XCTAssertThrowsError(try G1Affine(compressedBytes: [0x40] + [UInt8](repeating: 0, count: 30) + [1]), "infinity with stray bits")
        XCTAssertThrowsError(try G1Affine(compressedBytes: [0x80] + [UInt8](repeating: 0, count: 30)), "length")
        // x = p + 1 with a valid flag
        var nc = nonCanonical(1)
        nc[0] |= 0x80
        XCTAssertThrowsError(try G1Affine(compressedBytes: nc))
        // an x without a curve point: find one
        var x = Fp(4)
        while (x.squared() * x + G1Affine.b).sqrt() != nil { x += .one }
        var nx = x.bytesBE
        nx[0] |= 0x80
        XCTAssertThrowsError(try G1Affine(compressedBytes: nx)) { e in
            guard case .invalidEncoding? = e as? BN254Error else { return XCTFail("\(e)") }
        }
        // G2: a twist point outside the subgroup is rejected after decompression
        let t = randomTwistPoint(using: &rng)
        var tc = t.x.c1.bytesBE + t.x.c0.bytesBE
        tc[0] |= 0x80
        XCTAssertThrowsError(try G2Affine(compressedBytes: tc)) { e in
            XCTAssertEqual(e as? BN254Error, .notInSubgroup(group: "G2"))
        }
        var g2c = G2Affine.generator.compressedBytes
        g2c[0] &= 0x3f
        XCTAssertThrowsError(try G2Affine(compressedBytes: g2c))
        XCTAssertThrowsError(try G2Affine(compressedBytes: [0x40] + [UInt8](repeating: 0, count: 62) + [1]))
    }
}
