import BN254
import Foundation
@testable import Groth16
import R1CS
import XCTest

/// Phase 2 from the Hermez powers of tau against snarkjs: `ark_mycircuit_*/test.zkey` were written
/// by `snarkjs zkey new mycircuit.r1cs powersOfTau28_hez_final_09.ptau` (no contribution), so the
/// key we build from the same two files must equal them point for point.
final class PtauSetupTests: XCTestCase {
    func ptau(_ cs: ConstraintSystem, _ file: String = "ptau/powersOfTau28_hez_final_09.ptau") throws -> PowersOfTau {
        try PtauFile.read(path: try Vectors.path(file), domainSize: Setup.domainSize(constraints: cs.constraintCount, nPublic: cs.nPublic))
    }

    func testKeyFromPtauEqualsSnarkjsZkeyNew() throws {
        for dir in ["snarkjs/ark_mycircuit_2021", "snarkjs/ark_mycircuit_2024"] {
            let cs = try R1CSFile.read(path: try Vectors.path("\(dir)/mycircuit.r1cs"))
            let ours = try Setup.fromPowersOfTau(cs, try ptau(cs))
            let theirs = try ZKeyFile.read(path: try Vectors.path("\(dir)/test.zkey"))
            XCTAssertEqual(ours.nVars, theirs.nVars, dir)
            XCTAssertEqual(ours.nPublic, theirs.nPublic, dir)
            XCTAssertEqual(ours.domainSize, theirs.domainSize, dir)
            XCTAssertEqual(ours.alpha1, theirs.alpha1, dir)
            XCTAssertEqual(ours.beta1, theirs.beta1, dir)
            XCTAssertEqual(ours.beta2, theirs.beta2, dir)
            XCTAssertEqual(ours.gamma2, theirs.gamma2, dir)
            XCTAssertEqual(ours.delta1, theirs.delta1, dir)
            XCTAssertEqual(ours.delta2, theirs.delta2, dir)
            XCTAssertEqual(ours.ic, theirs.ic, "\(dir): IC")
            XCTAssertEqual(ours.entries, theirs.entries, "\(dir): section 4")
            XCTAssertEqual(ours.a, theirs.a, "\(dir): A")
            XCTAssertEqual(ours.b1, theirs.b1, "\(dir): B1")
            XCTAssertEqual(ours.b2, theirs.b2, "\(dir): B2")
            XCTAssertEqual(ours.c, theirs.c, "\(dir): C")
            XCTAssertEqual(ours.h, theirs.h, "\(dir): H")
            XCTAssertGreaterThan(ours.c.count, 0, dir)
            XCTAssertGreaterThan(ours.h.count, 1, dir)
            // H is the odd half of the 2N-domain Lagrange block, and the even half is not (the test can tell).
            let n = ours.domainSize
            let twoN = try PtauFile.read(path: try Vectors.path("ptau/powersOfTau28_hez_final_11.ptau"), domainSize: 2 * n)
            XCTAssertEqual((0..<n).map { twoN.lagrangeG1[2 * $0 + 1] }, theirs.h)
            XCTAssertNotEqual((0..<n).map { twoN.lagrangeG1[2 * $0] }, theirs.h)
            // The power-11 file of the same ceremony gives the same key.
            XCTAssertEqual(try Setup.fromPowersOfTau(cs, try ptau(cs, "ptau/powersOfTau28_hez_final_11.ptau")).a, theirs.a, dir)
            // Sections 1–9 byte for byte.
            XCTAssertEqual(sections(ZKeyFile.encode(ours), upTo: 9), sections(ZKeyFile.encode(theirs), upTo: 9), dir)
            // Section 10: snarkjs's circuit hash and no contributions. The 2024 file hashes infinity
            // as zeros (what we write, so the whole file is identical); the 2021 one as 0x40 + zeros.
            let theirsMPC = try XCTUnwrap(theirs.mpcParameters)
            XCTAssertEqual(theirsMPC.count, 68, dir)
            if dir.hasSuffix("2024") {
                XCTAssertEqual(ours.mpcParameters, theirsMPC, dir)
                XCTAssertEqual(ZKeyFile.encode(ours), [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Vectors.path("\(dir)/test.zkey")))),
                               "\(dir): byte-identical to snarkjs zkey new")
            } else {
                let hashedH = try XCTUnwrap(try ptau(cs).hashedH)
                XCTAssertEqual(Setup.circuitHash(ours, hashedH: hashedH, legacyInfinity: true), Array(theirsMPC.prefix(64)), dir)
                XCTAssertNotEqual(ours.mpcParameters.map { Array($0.prefix(64)) }, Array(theirsMPC.prefix(64)), "the two conventions differ here")
            }
        }
    }

    /// A contributed key proves and verifies; proofs do not cross between it and the uncontributed
    /// key; a wrong public input is rejected.
    func testContributionProvesAndSeparatesKeys() throws {
        let dir = "snarkjs/ark_mycircuit_2021"
        let cs = try R1CSFile.read(path: try Vectors.path("\(dir)/mycircuit.r1cs"))
        let fresh = try Setup.fromPowersOfTau(cs, try ptau(cs))
        let pk = try fresh.contributed(delta: Fr.random())
        XCTAssertNotEqual(pk.delta2, fresh.delta2)
        XCTAssertEqual(pk.ic, fresh.ic, "a phase-2 contribution leaves IC alone")
        let w = try WtnsFile.read(path: try Vectors.path("\(dir)/witness.wtns"))
        let pub = Array(w.values[1...pk.nPublic])
        let proof = try Prover.prove(pk, witness: w.values, constraintSystem: cs)
        XCTAssertTrue(try Verifier.verify(pk.verifyingKey, publicInputs: pub, proof: proof))
        XCTAssertFalse(try Verifier.verify(fresh.verifyingKey, publicInputs: pub, proof: proof), "δ changed: the old key must reject")
        let freshProof = try Prover.prove(fresh, witness: w.values)
        XCTAssertTrue(try Verifier.verify(fresh.verifyingKey, publicInputs: pub, proof: freshProof))
        XCTAssertFalse(try Verifier.verify(pk.verifyingKey, publicInputs: pub, proof: freshProof))
        var wrong = pub
        wrong[0] += .one
        XCTAssertFalse(try Verifier.verify(pk.verifyingKey, publicInputs: wrong, proof: proof))
        XCTAssertThrowsError(try fresh.contributed(delta: .zero))
    }

    func testPtauErrors() throws {
        let path = try Vectors.path("ptau/powersOfTau28_hez_final_09.ptau")
        // power 9: a domain of 2^10 does not fit
        XCTAssertThrowsError(try PtauFile.read(path: path, domainSize: 1 << 10)) { e in
            XCTAssertTrue("\(e)".contains("power 9"), "\(e)")
        }
        XCTAssertThrowsError(try PtauFile.read(path: path, domainSize: 3))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertThrowsError(try PtauFile.decode(Array(bytes.prefix(bytes.count / 2)), domainSize: 8, file: "cut.ptau")) { e in
            XCTAssertTrue("\(e)".contains("cut.ptau"), "\(e)")
        }
        var zkeyMagic = bytes
        zkeyMagic[0...3] = [0x7a, 0x6b, 0x65, 0x79]   // "zkey"
        XCTAssertThrowsError(try PtauFile.decode(zkeyMagic, domainSize: 8, file: "magic.ptau"))
        let ok = try PtauFile.decode(bytes, domainSize: 8)
        XCTAssertEqual(ok.lagrangeG1.count, 8)
        XCTAssertEqual(ok.oddLagrangeG1Double.count, 8)
        // A damaged point inside the domain-8 Lagrange block (points 7…14 of section 12) is named.
        let s12 = try XCTUnwrap(sectionOffset(bytes, 12))
        var damaged = bytes
        damaged[s12 + 9 * 64 + 3] ^= 0x01
        XCTAssertThrowsError(try PtauFile.decode(damaged, domainSize: 8, file: "damaged.ptau")) { e in
            XCTAssertTrue("\(e)".contains("lagrange tauG1[2]"), "\(e)")
        }
    }

    /// Truncated and bit-flipped ptau files never crash the reader: each decode returns points or
    /// throws an error naming the file.
    func testDamagedPtauNeverCrashes() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Vectors.path("ptau/powersOfTau28_hez_final_09.ptau"))))
        var rng = SystemRandomNumberGenerator()
        var thrown = 0
        for trial in 0..<300 {
            var b = bytes
            if trial % 3 == 0 {
                b = Array(b.prefix(Int.random(in: 0..<b.count, using: &rng)))
            } else {
                // Mostly the header and section table, where lengths and ids live.
                let hot = trial % 3 == 1 ? min(b.count, 400) : b.count
                for _ in 0..<Int.random(in: 1...4, using: &rng) { b[Int.random(in: 0..<hot, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng) }
            }
            do { _ = try PtauFile.decode(b, domainSize: 4, file: "fuzz.ptau") }
            catch { thrown += 1; XCTAssertTrue("\(error)".contains("fuzz.ptau") || "\(error)".contains("domain"), "\(error)") }
        }
        XCTAssertGreaterThan(thrown, 100)
    }

    func sectionOffset(_ bytes: [UInt8], _ id: UInt32) -> Int? {
        var pos = 12
        func u32(_ p: Int) -> Int { Int(bytes[p]) | Int(bytes[p + 1]) << 8 | Int(bytes[p + 2]) << 16 | Int(bytes[p + 3]) << 24 }
        while pos + 12 <= bytes.count {
            if UInt32(u32(pos)) == id { return pos + 12 }
            pos += 12 + (u32(pos + 4) | u32(pos + 8) << 32)
        }
        return nil
    }

    /// The sections of an iden3 container with id ≤ `upTo`, by id.
    func sections(_ bytes: [UInt8], upTo: UInt32) -> [UInt32: [UInt8]] {
        var out: [UInt32: [UInt8]] = [:]
        var pos = 12
        func u32(_ p: Int) -> Int { Int(bytes[p]) | Int(bytes[p + 1]) << 8 | Int(bytes[p + 2]) << 16 | Int(bytes[p + 3]) << 24 }
        while pos + 12 <= bytes.count {
            let id = UInt32(u32(pos)), size = u32(pos + 4) | u32(pos + 8) << 32
            if id <= upTo { out[id] = Array(bytes[(pos + 12)..<(pos + 12 + size)]) }
            pos += 12 + size
        }
        return out
    }
}
