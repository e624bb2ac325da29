import BN254

/// How the ledger checks proofs, kept behind closures so the store does not depend on one proof
/// system: `Groth16Ledger.proofSystem` is the real one (Groth16 over BN254, snarkjs JSON keys);
/// tests may plug in others. Its `name` is recorded in `ledger.json` and must match on open.
public struct ProofSystem: Sendable {
    public var name: String
    /// Parses a registered verification-key file and prepares a verifier for that batch kind.
    public var prepare: @Sendable (_ kind: String, _ verificationKey: [UInt8]) throws -> KindVerifier
    /// Turns a submitted proof file (e.g. snarkjs `proof.json`) into the stored proof bytes.
    public var encodeProof: @Sendable (_ proofFile: [UInt8]) throws -> [UInt8]
    /// Renders stored proof bytes for display (`ledger show --json`); nil when not supported.
    public var describeProof: @Sendable (_ proof: [UInt8]) -> String?

    public init(name: String,
                prepare: @escaping @Sendable (String, [UInt8]) throws -> KindVerifier,
                encodeProof: @escaping @Sendable ([UInt8]) throws -> [UInt8],
                describeProof: @escaping @Sendable ([UInt8]) -> String? = { _ in nil }) {
        self.name = name; self.prepare = prepare; self.encodeProof = encodeProof; self.describeProof = describeProof
    }

    /// A proof system from one verification closure `(kind, publicInputs, proof) -> Bool`; the
    /// proof file is stored as given and key files are not parsed.
    public static func closure(name: String, _ verify: @escaping @Sendable (String, [Fr], [UInt8]) -> Bool) -> ProofSystem {
        ProofSystem(name: name,
                    prepare: { kind, _ in KindVerifier(publicInputCount: nil) { inputs, proof in verify(kind, inputs, proof) } },
                    encodeProof: { $0 })
    }
}

/// A prepared verifier for one batch kind.
public struct KindVerifier: Sendable {
    /// The number of public inputs the key expects, when known (checked before verifying).
    public var publicInputCount: Int?
    /// True when the proof verifies; throws `LedgerError.rejected(.proofMalformed)` for bytes that
    /// do not decode.
    public var verify: @Sendable (_ publicInputs: [Fr], _ proof: [UInt8]) throws -> Bool
    /// Optional batch verification for audit (true only if every item verifies, except with
    /// negligible probability); nil = one by one.
    public var verifyBatch: (@Sendable (_ items: [(publicInputs: [Fr], proof: [UInt8])]) throws -> Bool)?

    public init(publicInputCount: Int?,
                verifyBatch: (@Sendable ([(publicInputs: [Fr], proof: [UInt8])]) throws -> Bool)? = nil,
                verify: @escaping @Sendable ([Fr], [UInt8]) throws -> Bool) {
        self.publicInputCount = publicInputCount; self.verify = verify; self.verifyBatch = verifyBatch
    }
}
