import BN254
import Foundation
import Groth16
import R1CS

/// `zkclear setup CIRCUIT.r1cs PK.zkey [--vk VK.json]` — snarkjs: `groth16 setup circuit.r1cs pot.ptau circuit.zkey`.
enum SetupCommand: Subcommand {
    static let path = ["setup"]
    static let summary = "circuit-specific Groth16 setup: .r1cs → .zkey (+ verification_key.json)"
    static let help = """
    usage: zkclear setup CIRCUIT.r1cs PK.zkey [--ptau FILE.ptau [--no-contribution]] [--vk VK.json]
                         [--progress] [--json]

    Without --ptau: draws the toxic waste (τ, α, β, γ, δ) from the operating system's CSPRNG,
    builds a Groth16 proving key in snarkjs's .zkey format and overwrites the secrets with zeros.
    That is a single-party setup: whoever runs it could forge proofs for this circuit; use it for
    development and for venues that run their own setup.

    With --ptau: phase 2 on top of a public powers-of-tau ceremony (a prepared .ptau, such as the
    Hermez powersOfTau28_hez_final_NN.ptau files). zkclear first builds exactly the file that
    `snarkjs zkey new CIRCUIT.r1cs FILE.ptau` writes (α, β and τ from the ceremony, γ = δ = 1, the
    BLAKE2b circuit hash in section 10), then makes one phase-2 contribution with a fresh random δ
    from the CSPRNG (δ1, δ2 scaled by δ; C and H by 1/δ) and forgets δ. Forging then needs both
    the ceremony's secrets and this δ. The local contribution is not recorded in section 10 (no
    snarkjs transcript). The .ptau needs power ≥ log2(domain size).

    arguments:
      CIRCUIT.r1cs   the circuit (iden3 .r1cs, as circom or `zkclear compile` writes it)
      PK.zkey        where to write the proving key

    options:
      --ptau FILE        phase 2 from this prepared powers-of-tau file (see above)
      --no-contribution  with --ptau: write the `snarkjs zkey new` key itself — byte for byte the
                         same file, circuit hash included (δ = 1: NOT safe to prove with; continue
                         the ceremony with `snarkjs zkey contribute`).
      --vk FILE          also write the verification key (snarkjs verification_key.json layout)
      --progress         report progress on stderr even when it is not a terminal
      --json             print a JSON summary on stdout

    exit codes: 0 written, 2 unreadable or malformed input (or a .ptau too small for the circuit).
    examples:
      zkclear setup build/settle.r1cs settle.zkey --vk verification_key.json
      zkclear setup build/settle.r1cs settle.zkey --ptau powersOfTau28_hez_final_16.ptau --vk vk.json
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "setup", arguments, valueOptions: ["vk", "ptau"], flagOptions: ["progress", "json", "no-contribution"])
        let r1csPath = try args.positional(0, "CIRCUIT.r1cs")
        let zkeyPath = try args.positional(1, "PK.zkey")
        try args.expectAtMost(2)
        let ptauPath = args.option("ptau")
        if args.flag("no-contribution") && ptauPath == nil {
            throw CLIError.usage("setup: --no-contribution only applies with --ptau")
        }
        let progress = Progress(forced: args.flag("progress"))
        let cs = try progress.timed("reading \(r1csPath)") { try R1CSFile.read(path: r1csPath) }
        let start = Date()
        let pk: ProvingKey
        var mode = "fresh toxic waste"
        if let ptauPath {
            let n = Setup.domainSize(constraints: cs.constraintCount, nPublic: cs.nPublic)
            let ptau = try progress.timed("reading \(ptauPath) (domain \(n))") { try PtauFile.read(path: ptauPath, domainSize: n) }
            let fresh = try Setup.fromPowersOfTau(cs, ptau, progress: progress.step)
            if args.flag("no-contribution") {
                pk = fresh
                mode = "ptau, no contribution (δ = 1: not safe to prove with)"
                printError("setup: warning: --no-contribution leaves δ = 1; make a phase-2 contribution before proving")
            } else {
                var rng = SystemRandomNumberGenerator()
                var delta = Fr.zero
                while delta.isZero { delta = Fr.random(using: &rng) }
                pk = try progress.timed("phase-2 contribution") { try fresh.contributed(delta: delta) }
                delta = .zero
                mode = "ptau (power \(ptau.power)) + one phase-2 contribution"
            }
        } else {
            pk = try Setup.setup(cs, progress: progress.step)
        }
        let seconds = Date().timeIntervalSince(start)
        try progress.timed("writing \(zkeyPath)") { try ZKeyFile.write(pk, path: zkeyPath) }
        if let vkPath = args.option("vk") {
            try VKWriter.write(pk.verifyingKey, to: vkPath)
        }
        if args.flag("json") {
            print(jsonString(["constraints": cs.constraintCount, "wires": cs.nWires, "public": cs.nPublic,
                              "domainSize": pk.domainSize, "seconds": seconds, "zkey": zkeyPath, "mode": mode]))
        } else {
            printError("setup: \(cs.constraintCount) constraints, \(cs.nWires) wires, \(cs.nPublic) public, domain \(pk.domainSize) (\(mode)); wrote \(zkeyPath)")
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
