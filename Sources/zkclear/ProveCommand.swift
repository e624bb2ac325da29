import Foundation
import Groth16
import R1CS

/// `zkclear prove PK.zkey WITNESS.wtns PROOF.json PUBLIC.json` — snarkjs: `groth16 prove`.
enum ProveCommand: Subcommand {
    static let path = ["prove"]
    static let summary = "Groth16 proof from a .zkey and a .wtns → proof.json, public.json"
    static let help = """
    usage: zkclear prove PK.zkey WITNESS.wtns [PROOF.json] [PUBLIC.json] [--r1cs CIRCUIT.r1cs] [--progress] [--json]

    Proves with fresh randomisers from the system CSPRNG. The witness is checked first: with
    --r1cs against every constraint (the first failing one is named); without it, the finished proof
    is verified against the key's own verifying key, since a .zkey holds no C matrix.

    arguments:
      PK.zkey        Groth16 proving key (ours or snarkjs's)
      WITNESS.wtns   the full witness (iden3 .wtns)
      PROOF.json     default proof.json
      PUBLIC.json    default public.json

    exit codes: 0 written, 1 the witness does not satisfy the circuit, 2 unreadable or malformed input.
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "prove", arguments, valueOptions: ["r1cs"], flagOptions: ["progress", "json"])
        let zkeyPath = try args.positional(0, "PK.zkey")
        let wtnsPath = try args.positional(1, "WITNESS.wtns")
        let proofPath = args.optionalPositional(2) ?? "proof.json"
        let publicPath = args.optionalPositional(3) ?? "public.json"
        try args.expectAtMost(4)
        let progress = Progress(forced: args.flag("progress"))
        let pk = try progress.timed("reading \(zkeyPath)") { try ZKeyFile.read(path: zkeyPath) }
        let w = try WtnsFile.read(path: wtnsPath)
        let cs = try args.option("r1cs").map { try R1CSFile.read(path: $0) }
        let start = Date()
        let proof: Proof
        do {
            proof = try Prover.prove(pk, witness: w.values, constraintSystem: cs, progress: progress.step)
        } catch let e as R1CSError {
            if case .unsatisfied = e { throw CLIError.checkFailed("\(wtnsPath): \(e)") }
            throw e
        } catch let e as Groth16Error {
            if case .unsatisfiedWitness = e { throw CLIError.checkFailed("\(wtnsPath): \(e)") }
            throw e
        }
        let seconds = Date().timeIntervalSince(start)
        let pub = Array(w.values[1...pk.nPublic])
        try write(SnarkJSON.proof(proof), proofPath)
        try write(SnarkJSON.publicSignals(pub), publicPath)
        if args.flag("json") {
            print(jsonString(["proof": proofPath, "public": publicPath, "seconds": seconds, "nPublic": pk.nPublic]))
        } else {
            printError(String(format: "proved in %.3f s; wrote %@ and %@", seconds, proofPath, publicPath))
        }
        return .success
    }

    static func write(_ text: String, _ path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        catch { throw CLIError.io(path: path, reason: "cannot write: \(error.localizedDescription)") }
    }
}
