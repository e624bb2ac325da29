import BN254

/// The ledger's production proof system: Groth16 over BN254 with snarkjs `verification_key.json`
/// keys and `proof.json` proofs. Available once the Groth16 verifier is merged.
public enum Groth16Ledger {
    public static let name = "groth16-bn254"

    public static var proofSystem: ProofSystem {
        ProofSystem(name: name,
                    prepare: { kind, _ in
                        throw LedgerError.invalidArgument("the Groth16 verifier is not built yet (kind '\(kind)')")
                    },
                    encodeProof: { _ in throw LedgerError.invalidArgument("the Groth16 verifier is not built yet") })
    }
}
