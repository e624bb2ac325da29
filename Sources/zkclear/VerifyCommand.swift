import Foundation
import Groth16

/// `zkclear verify VK.json PUBLIC.json PROOF.json` — snarkjs: `groth16 verify`.
enum VerifyCommand: Subcommand {
    static let path = ["verify"]
    static let summary = "verify a Groth16 proof: exit 0 valid, 1 invalid, 2 malformed input"
    static let help = """
    usage: zkclear verify VK.json PUBLIC.json PROOF.json [--json]

    Validates before any pairing: every public input must be < r, every proof point on its curve
    and π_B in G2's prime-order subgroup, and the number of public inputs must match the key.
    Then one multi-pairing check with the prepared key.

    exit codes: 0 the proof is valid, 1 the proof is invalid, 2 malformed or unreadable input
    (the reason is printed on stderr).
    example: zkclear verify verification_key.json public.json proof.json && echo OK
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "verify", arguments, valueOptions: [], flagOptions: ["json"])
        let vkPath = try args.positional(0, "VK.json")
        let publicPath = try args.positional(1, "PUBLIC.json")
        let proofPath = try args.positional(2, "PROOF.json")
        try args.expectAtMost(3)
        let vk = try SnarkJSON.readVerificationKey(path: vkPath)
        let pub = try SnarkJSON.readPublicSignals(path: publicPath)
        let proof = try SnarkJSON.readProof(path: proofPath)
        let valid: Bool
        do { valid = try Verifier.verify(vk, publicInputs: pub, proof: proof) }
        catch let e as Groth16Error { throw CLIError.malformed(path: publicPath, reason: e.description) }
        if args.flag("json") { print(jsonString(["valid": valid])) }
        if valid {
            if !args.flag("json") { printError("OK: the proof is valid") }
            return .success
        }
        printError("INVALID: the proof does not verify for these public inputs under this key")
        return .checkFailed
    }
}
