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
