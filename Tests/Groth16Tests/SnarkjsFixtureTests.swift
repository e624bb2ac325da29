import BN254
import Foundation
import Groth16
import R1CS
import XCTest

/// Groth16 against snarkjs's own artefacts: their proofs verify with our verifier, the stated
/// negative cases are rejected for the stated reason, and our prover with their .zkey/.wtns gives
/// proofs their verification key accepts.
final class SnarkjsFixtureTests: XCTestCase {
    func testUpstreamProofsVerify() throws {
        for dir in ["snarkjs/groth16_2023", "snarkjs/ark_mycircuit_2021"] {
            let vkName = dir.hasSuffix("2023") ? "verification_key.derived.json" : "verification_key.json"
            let vk = try SnarkJSON.readVerificationKey(path: try Vectors.path("\(dir)/\(vkName)"))
            let proof = try SnarkJSON.readProof(path: try Vectors.path("\(dir)/proof.json"))
            let pub = try SnarkJSON.readPublicSignals(path: try Vectors.path("\(dir)/public.json"))
            XCTAssertTrue(try Verifier.verify(vk, publicInputs: pub, proof: proof), dir)
            var bad = pub
            bad[0] += .one
            XCTAssertFalse(try Verifier.verify(vk, publicInputs: bad, proof: proof), "\(dir): tampered public input")
        }
        // The 2021 proof also verifies under the 2024 recompilation's key.
        let vk24 = try SnarkJSON.readVerificationKey(path: try Vectors.path("snarkjs/ark_mycircuit_2024/verification_key.json"))
        let proof = try SnarkJSON.readProof(path: try Vectors.path("snarkjs/ark_mycircuit_2021/proof.json"))
        let pub = try SnarkJSON.readPublicSignals(path: try Vectors.path("snarkjs/ark_mycircuit_2021/public.json"))
        XCTAssertTrue(try Verifier.verify(vk24, publicInputs: pub, proof: proof))
    }

    func testDerivedVerifyCases() throws {
        let path = try Vectors.path("snarkjs/groth16_2023/verify_cases.derived.json")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let vk = try SnarkJSON.readVerificationKey(path: try Vectors.path("snarkjs/groth16_2023/verification_key.derived.json"))
        let cases = try XCTUnwrap(doc["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 7)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let expected = c["expectedValid"] as? Bool ?? true
            let decidedBy = c["decidedBy"] as? String ?? ""
            let proofData = try JSONSerialization.data(withJSONObject: try XCTUnwrap(c["proof"]))
            let pubData = try JSONSerialization.data(withJSONObject: try XCTUnwrap(c["publicSignals"]))
            var verdict: Bool? = nil
            var error: Error? = nil
            do {
                let proof = try SnarkJSON.decodeProof(proofData)
                let pub = try SnarkJSON.decodePublicSignals(pubData)
                verdict = try Verifier.verify(vk, publicInputs: pub, proof: proof)
            } catch let e { error = e }
            switch decidedBy {
            case "pairing":
                XCTAssertEqual(verdict, expected, "\(name): pairing verdict")
            case "public input not < r":
                guard case Groth16Error.publicInputNotCanonical? = error else { return XCTFail("\(name): expected a non-canonical public input error, got \(String(describing: error)) / \(String(describing: verdict))") }
            case "point not on curve":
                guard case Groth16Error.invalidPoint? = error else { return XCTFail("\(name): expected an invalid-point error, got \(String(describing: error)) / \(String(describing: verdict))") }
            default:
                XCTFail("\(name): unknown decidedBy '\(decidedBy)'")
            }
        }
    }

    func testProveWithSnarkjsZkeyAndWitness() throws {
        for (dir, zkey, vkName) in [("snarkjs/groth16_2023", "circuit.zkey", "verification_key.derived.json"),
                                    ("snarkjs/ark_mycircuit_2021", "test.zkey", "verification_key.json")] {
            let pk = try ZKeyFile.read(path: try Vectors.path("\(dir)/\(zkey)"))
            let vk = try SnarkJSON.readVerificationKey(path: try Vectors.path("\(dir)/\(vkName)"))
            XCTAssertEqual(pk.verifyingKey, vk, "\(dir): the zkey's verifying key equals the JSON one")
            let w = try WtnsFile.read(path: try Vectors.path("\(dir)/witness.wtns"))
            let proof = try Prover.prove(pk, witness: w.values)
            let pub = Array(w.values[1...pk.nPublic])
            XCTAssertTrue(try Verifier.verify(vk, publicInputs: pub, proof: proof), dir)
            // With the circuit: the witness is checked first; a wrong witness names the constraint.
            let cs = try R1CSFile.read(path: try Vectors.path("\(dir)/\(dir.hasSuffix("2023") ? "circuit.r1cs" : "mycircuit.r1cs")"))
            XCTAssertTrue(try Verifier.verify(vk, publicInputs: pub, proof: try Prover.prove(pk, witness: w.values, constraintSystem: cs)))
            var bad = w.values
            bad[bad.count - 1] += .one
            XCTAssertThrowsError(try Prover.prove(pk, witness: bad, constraintSystem: cs)) { e in
                guard case R1CSError.unsatisfied = e else { return XCTFail("expected unsatisfied, got \(e)") }
            }
            XCTAssertThrowsError(try Prover.prove(pk, witness: bad)) { e in
                guard case Groth16Error.unsatisfiedWitness = e else { return XCTFail("expected unsatisfiedWitness, got \(e)") }
            }
        }
    }

    func testZkeyRoundTripIsByteExact() throws {
        for f in ["snarkjs/groth16_2023/circuit.zkey", "snarkjs/ark_mycircuit_2021/test.zkey", "snarkjs/ark_mycircuit_2024/test.zkey"] {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Vectors.path(f))))
            let pk = try ZKeyFile.decode(bytes, file: f)
            XCTAssertEqual(ZKeyFile.encode(pk), bytes, "\(f) re-encodes to the same bytes")
        }
    }

    func testPlonkZkeyIsRejected() throws {
        XCTAssertThrowsError(try ZKeyFile.read(path: try Vectors.path("snarkjs/plonk_circuit/circuit.zkey"))) { e in
            guard case Groth16Error.unsupportedProtocol(_, 2) = e else { return XCTFail("got \(e)") }
            XCTAssertTrue("\(e)".contains("PLONK"))
        }
    }
}

final class AlphaBetaTests: XCTestCase {
    /// Our vk_alphabeta_12 equals the one snarkjs wrote in ark_mycircuit_2021/verification_key.json.
    func testAlphaBetaMatchesSnarkjs() throws {
        let path = try Vectors.path("snarkjs/ark_mycircuit_2021/verification_key.json")
        let vk = try SnarkJSON.readVerificationKey(path: path)
        let ours = SnarkJSON.verificationKey(vk, alphaBeta: SnarkJSON.snarkjsAlphaBeta(vk))
        let theirs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let mine = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ours.utf8)) as? [String: Any])
        XCTAssertEqual(mine["vk_alphabeta_12"] as? [[[String]]], theirs["vk_alphabeta_12"] as? [[[String]]])
        XCTAssertEqual(mine["IC"] as? [[String]], theirs["IC"] as? [[String]])
    }
}
