import Foundation
import Groth16
import R1CS

/// `zkclear setup CIRCUIT.r1cs PK.zkey [--vk VK.json]` — snarkjs: `groth16 setup circuit.r1cs pot.ptau circuit.zkey`.
enum SetupCommand: Subcommand {
    static let path = ["setup"]
    static let summary = "circuit-specific Groth16 setup: .r1cs → .zkey (+ verification_key.json)"
    static let help = """
    usage: zkclear setup CIRCUIT.r1cs PK.zkey [--vk VK.json] [--progress] [--json]

    Draws the toxic waste (τ, α, β, γ, δ) from the operating system's CSPRNG, builds a Groth16
    proving key in snarkjs's .zkey format and overwrites the secrets with zeros. This is a
    single-party setup: whoever runs it could forge proofs for this circuit; use it for development
    and for venues that run their own setup. (Phase 2 from a Hermez .ptau is not implemented yet.)

    arguments:
      CIRCUIT.r1cs   the circuit (iden3 .r1cs, as circom or `zkclear compile` writes it)
      PK.zkey        where to write the proving key

    options:
      --vk FILE      also write the verification key (snarkjs verification_key.json layout)
      --progress     report progress on stderr even when it is not a terminal
      --json         print a JSON summary on stdout

    exit codes: 0 written, 2 unreadable or malformed input.
    example: zkclear setup build/settle.r1cs settle.zkey --vk verification_key.json
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "setup", arguments, valueOptions: ["vk"], flagOptions: ["progress", "json"])
        let r1csPath = try args.positional(0, "CIRCUIT.r1cs")
        let zkeyPath = try args.positional(1, "PK.zkey")
        try args.expectAtMost(2)
        let progress = Progress(forced: args.flag("progress"))
        let cs = try progress.timed("reading \(r1csPath)") { try R1CSFile.read(path: r1csPath) }
        let start = Date()
        let pk = try Setup.setup(cs, progress: progress.step)
        let seconds = Date().timeIntervalSince(start)
        try progress.timed("writing \(zkeyPath)") { try ZKeyFile.write(pk, path: zkeyPath) }
        if let vkPath = args.option("vk") {
            try VKWriter.write(pk.verifyingKey, to: vkPath)
        }
        if args.flag("json") {
            print(jsonString(["constraints": cs.constraintCount, "wires": cs.nWires, "public": cs.nPublic,
                              "domainSize": pk.domainSize, "seconds": seconds, "zkey": zkeyPath]))
        } else {
            printError("setup: \(cs.constraintCount) constraints, \(cs.nWires) wires, \(cs.nPublic) public, domain \(pk.domainSize); wrote \(zkeyPath)")
        }
        return .success
    }
}

/// Writes verification_key.json with snarkjs's vk_alphabeta_12.
enum VKWriter {
    static func write(_ vk: VerifyingKey, to path: String) throws {
        let text = SnarkJSON.verificationKey(vk, alphaBeta: SnarkJSON.snarkjsAlphaBeta(vk))
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        catch { throw CLIError.io(path: path, reason: "cannot write: \(error.localizedDescription)") }
    }
}
