import BN254
import Foundation
import Groth16

/// The ledger's production proof system: Groth16 over BN254 with snarkjs `verification_key.json`
/// keys and `proof.json` proofs. A proof is stored as 256 bytes in the Ethereum layout
/// π_A (x‖y) ‖ π_B (x_im‖x_re‖y_im‖y_re) ‖ π_C (x‖y), big-endian, decoded with full curve and
/// subgroup checks when read back.
public enum Groth16Ledger {
    public static let name = "groth16-bn254"

    public static var proofSystem: ProofSystem {
        ProofSystem(name: name,
                    prepare: { kind, keyBytes in
                        let vk: VerifyingKey
                        do { vk = try SnarkJSON.decodeVerificationKey(Data(keyBytes), file: "keys/\(kind).vk.json") }
                        catch { throw LedgerError.invalidArgument("verification key of kind '\(kind)': \(error)") }
                        let pvk = PreparedVerifyingKey(vk)
                        return KindVerifier(publicInputCount: vk.nPublic,
                                            verifyBatch: { items in
                                                try Verifier.verifyBatch(pvk, items.map { (publicInputs: $0.publicInputs, proof: try decode($0.proof)) })
                                            },
                                            verify: { inputs, bytes in
                                                try Verifier.verify(pvk, publicInputs: inputs, proof: try decode(bytes))
                                            })
                    },
                    encodeProof: { file in
                        let proof: Proof
                        do { proof = try SnarkJSON.decodeProof(Data(file)) }
                        catch { throw LedgerError.rejected(.proofMalformed("\(error)")) }
                        return encode(proof)
                    },
                    describeProof: { bytes in (try? decode(bytes)).map { SnarkJSON.proof($0) } })
    }

    /// The 256-byte stored form.
    public static func encode(_ p: Proof) -> [UInt8] { p.a.ethereumBytes + p.b.ethereumBytes + p.c.ethereumBytes }

    /// Decodes and validates the 256-byte stored form.
    public static func decode(_ bytes: [UInt8]) throws -> Proof {
        guard bytes.count == 256 else {
            throw LedgerError.rejected(.proofMalformed("a stored Groth16 proof has 256 bytes, got \(bytes.count)"))
        }
        do {
            return Proof(a: try G1Affine(ethereumBytes: bytes[0..<64], what: "pi_a"),
                         b: try G2Affine(ethereumBytes: bytes[64..<192], what: "pi_b"),
                         c: try G1Affine(ethereumBytes: bytes[192..<256], what: "pi_c"))
        } catch { throw LedgerError.rejected(.proofMalformed("\(error)")) }
    }
}
