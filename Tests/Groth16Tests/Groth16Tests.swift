import BN254
import Foundation
import Groth16
import R1CS
import XCTest

/// Our setup → prove → verify on circuits we generate (stands alone, no shared vectors), and the
/// soundness side: wrong witnesses, tampered proofs, keys and public inputs are rejected.
final class Groth16Tests: XCTestCase {
    static let fixture: (ConstraintSystem, Witness, ProvingKey) = {
        let (cs, w) = R1CSFixtures.multiplicationChain(constraints: 50)
        let pk = try! Setup.setup(cs)   // safe: a generated valid circuit; a failure here fails every test
        return (cs, w, pk)
    }()

    func testSetupProveVerify() throws {
        let (cs, w, pk) = Self.fixture
        XCTAssertEqual(pk.domainSize, 64)
        let proof = try Prover.prove(pk, witness: w.values, constraintSystem: cs)
        let pub = w.publicSignals(of: cs)
        XCTAssertTrue(try Verifier.verify(pk.verifyingKey, publicInputs: pub, proof: proof))
        // Fresh randomisers: two proofs of the same statement differ and both verify.
        let proof2 = try Prover.prove(pk, witness: w.values)
        XCTAssertNotEqual(proof, proof2)
        XCTAssertTrue(try Verifier.verify(pk.verifyingKey, publicInputs: pub, proof: proof2))
    }

    func testWrongWitnessIsRefused() throws {
        let (cs, w, pk) = Self.fixture
        var bad = w.values
        bad[cs.nWires - 1] += .one
        XCTAssertThrowsError(try Prover.prove(pk, witness: bad, constraintSystem: cs))
        XCTAssertThrowsError(try Prover.prove(pk, witness: bad))
        XCTAssertThrowsError(try Prover.prove(pk, witness: Array(bad.dropLast())))
        var notOne = w.values
        notOne[0] = Fr(2)
        XCTAssertThrowsError(try Prover.prove(pk, witness: notOne))
    }

    func testEverySingleFieldMutationIsRejected() throws {
        let (cs, w, pk) = Self.fixture
        let vk = pk.verifyingKey
        let pub = w.publicSignals(of: cs)
        let proof = try Prover.prove(pk, witness: w.values)
        let g1 = (G1Jacobian.generator * Fr.random()).toAffine()
        let g2 = (G2Jacobian.generator * Fr.random()).toAffine()
        // Proof fields.
        var p = proof; p.a = g1
        XCTAssertFalse(try Verifier.verify(vk, publicInputs: pub, proof: p))
        p = proof; p.b = g2
        XCTAssertFalse(try Verifier.verify(vk, publicInputs: pub, proof: p))
        p = proof; p.c = g1
        XCTAssertFalse(try Verifier.verify(vk, publicInputs: pub, proof: p))
        p = proof; p.a = -proof.a
        XCTAssertFalse(try Verifier.verify(vk, publicInputs: pub, proof: p))
        p = proof; p.a = .infinity
        XCTAssertFalse(try Verifier.verify(vk, publicInputs: pub, proof: p))
        // Public inputs: each changed, one missing, one extra.
        for i in pub.indices {
            var q = pub; q[i] += .one
            XCTAssertFalse(try Verifier.verify(vk, publicInputs: q, proof: proof), "public[\(i)]")
        }
        XCTAssertThrowsError(try Verifier.verify(vk, publicInputs: pub + [.one], proof: proof))
        XCTAssertThrowsError(try Verifier.verify(vk, publicInputs: [], proof: proof))
        // Verifying-key fields.
        var k = vk; k.alpha1 = g1
        XCTAssertFalse(try Verifier.verify(k, publicInputs: pub, proof: proof))
        for field in 0..<3 {
            k = vk
            switch field { case 0: k.beta2 = g2; case 1: k.gamma2 = g2; default: k.delta2 = g2 }
            XCTAssertFalse(try Verifier.verify(k, publicInputs: pub, proof: proof), "vk G2 field \(field)")
        }
        for i in vk.ic.indices {
            k = vk; k.ic[i] = g1
            XCTAssertFalse(try Verifier.verify(k, publicInputs: pub, proof: proof), "IC[\(i)]")
        }
    }

    func testBatchVerification() throws {
        let (cs, w, pk) = Self.fixture
        let pvk = PreparedVerifyingKey(pk.verifyingKey)
        let pub = w.publicSignals(of: cs)
        let proofs = try (0..<4).map { _ in try Prover.prove(pk, witness: w.values) }
        XCTAssertTrue(try Verifier.verifyBatch(pvk, proofs.map { (pub, $0) }))
        var items = proofs.map { (publicInputs: pub, proof: $0) }
        items[2].publicInputs[0] += .one
        XCTAssertFalse(try Verifier.verifyBatch(pvk, items))
        items = proofs.map { (publicInputs: pub, proof: $0) }
        items[3].proof.c = items[0].proof.c
        XCTAssertFalse(try Verifier.verifyBatch(pvk, items))
        XCTAssertTrue(try Verifier.verifyBatch(pvk, []))
    }

    func testKeyFilesRoundTrip() throws {
        let (cs, w, pk) = Self.fixture
        let bytes = ZKeyFile.encode(pk)
        let back = try ZKeyFile.decode(bytes)
        XCTAssertEqual(ZKeyFile.encode(back), bytes)
        let proof = try Prover.prove(back, witness: w.values)
        let vkJSON = SnarkJSON.verificationKey(pk.verifyingKey)
        let vk = try SnarkJSON.decodeVerificationKey(Data(vkJSON.utf8))
        XCTAssertEqual(vk, pk.verifyingKey)
        let proofBack = try SnarkJSON.decodeProof(Data(SnarkJSON.proof(proof).utf8))
        XCTAssertEqual(proofBack, proof)
        let pubBack = try SnarkJSON.decodePublicSignals(Data(SnarkJSON.publicSignals(w.publicSignals(of: cs)).utf8))
        XCTAssertTrue(try Verifier.verify(vk, publicInputs: pubBack, proof: proofBack))
    }

    func testMalformedInputsNeverCrash() throws {
        let (_, w, pk) = Self.fixture
        let proof = try Prover.prove(pk, witness: w.values)
        let bytes = ZKeyFile.encode(pk)
        // Truncations and byte flips of the zkey: a typed error or a valid decode, never a crash.
        var rng = SystemRandomNumberGenerator()
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            XCTAssertThrowsError(try ZKeyFile.decode(Array(bytes.prefix(cut))))
        }
        for _ in 0..<300 {
            var b = bytes
            let i = Int.random(in: 0..<b.count, using: &rng)
            b[i] ^= UInt8.random(in: 1...255, using: &rng)
            _ = try? ZKeyFile.decode(b)
        }
        // JSON documents: wrong shapes, numbers, strings.
        let proofJSON = SnarkJSON.proof(proof)
        let samples = ["", "{", "[]", "{}", "null", "[1,2]", "[\"x\"]", "{\"pi_a\": 5}",
                       proofJSON.replacingOccurrences(of: "\"1\"", with: "\"2\""),
                       proofJSON.replacingOccurrences(of: "groth16", with: "plonk")]
        for s in samples {
            XCTAssertThrowsError(try SnarkJSON.decodeProof(Data(s.utf8)), s)
            _ = try? SnarkJSON.decodeVerificationKey(Data(s.utf8))
            _ = try? SnarkJSON.decodePublicSignals(Data(s.utf8))
        }
        for _ in 0..<300 {
            var b = Array(proofJSON.utf8)
            b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 32...126, using: &rng)
            _ = try? SnarkJSON.decodeProof(Data(b))
        }
    }
}
