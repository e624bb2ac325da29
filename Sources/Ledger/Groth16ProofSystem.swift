// The real Groth16 proof system needs the Groth16 verifier (branch groth16, which needs the pairing).
// Until it is merged this file compiles the placeholder below; after the merge, define
// ZKCLEAR_LEDGER_GROTH16 for the Ledger and LedgerTests targets (or delete the #if/#else/#endif lines).
#if ZKCLEAR_LEDGER_GROTH16
import Foundation
import BN254
import Groth16

/// The ledger's production proof system: Groth16 over BN254, keys as snarkjs
/// `verification_key.json`, proofs submitted as snarkjs `proof.json` and stored as 256 bytes in
/// the Ethereum precompile layout: π_A (EIP-196 x ‖ y) ‖ π_B (EIP-197 x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0)
/// ‖ π_C, coordinates 32-byte big-endian. Decoding validates the points (on curve; π_B in the
/// order-r subgroup).
public enum Groth16Ledger {
    public static let name = "groth16-bn254"
    public static let proofSize = 256

    public static func encode(_ p: Proof) -> [UInt8] { p.a.ethereumBytes + p.b.ethereumBytes + p.c.ethereumBytes }

    public static func decode(_ b: [UInt8]) throws -> Proof {
        guard b.count == proofSize else {
            throw LedgerError.rejected(.proofMalformed("expected \(proofSize) bytes, got \(b.count)"))
        }
        do {
            return Proof(a: try G1Affine(ethereumBytes: b[0..<64], what: "pi_a"),
                         b: try G2Affine(ethereumBytes: b[64..<192], what: "pi_b"),
                         c: try G1Affine(ethereumBytes: b[192..<256], what: "pi_c"))
        } catch { throw LedgerError.rejected(.proofMalformed("\(error)")) }
    }

    public static var proofSystem: ProofSystem {
        ProofSystem(
            name: name,
            prepare: { kind, vkBytes in
                let vk: VerifyingKey
                do { vk = try SnarkJSON.decodeVerificationKey(Data(vkBytes), file: "verification key of kind '\(kind)'") }
                catch { throw LedgerError.malformed(what: "verification key of kind '\(kind)'", reason: "\(error)") }
                guard vk.nPublic >= BatchPublicInputs.fixedCount else {
                    throw LedgerError.malformed(what: "verification key of kind '\(kind)'",
                                                reason: "it has \(vk.nPublic) public inputs; the batch layout needs at least \(BatchPublicInputs.fixedCount)")
                }
                let pvk = PreparedVerifyingKey(vk)
                return KindVerifier(
                    publicInputCount: vk.nPublic,
                    verifyBatch: { items in
                        try Verifier.verifyBatch(pvk, try items.map { (publicInputs: $0.publicInputs, proof: try decode($0.proof)) })
                    },
                    verify: { inputs, proof in try Verifier.verify(pvk, publicInputs: inputs, proof: try decode(proof)) })
            },
            encodeProof: { file in
                do { return encode(try SnarkJSON.decodeProof(Data(file))) }
                catch { throw LedgerError.malformed(what: "proof", reason: "\(error)") }
            },
            describeProof: { b in (try? decode(b)).map { SnarkJSON.proof($0) } })
    }
}
#else
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
#endif
