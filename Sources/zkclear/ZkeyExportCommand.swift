import Foundation
import Groth16

/// `zkclear zkey export vk PK.zkey VK.json` — snarkjs: `zkey export verificationkey`.
enum ZkeyExportCommand: Subcommand {
    static let path = ["zkey", "export", "vk"]
    static let summary = "export verification_key.json from a Groth16 .zkey"
    static let help = """
    usage: zkclear zkey export vk PK.zkey [VK.json]
           (also: zkclear zkey export verificationkey …, as in snarkjs)

    Reads a Groth16 .zkey (ours or snarkjs's), validates every point, and writes the verification
    key in snarkjs's verification_key.json layout (default: verification_key.json).

    exit codes: 0 written, 2 unreadable or malformed input.
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "zkey export vk", arguments, valueOptions: [], flagOptions: ["progress"])
        let zkeyPath = try args.positional(0, "PK.zkey")
        let vkPath = args.optionalPositional(1) ?? "verification_key.json"
        try args.expectAtMost(2)
        let pk = try Progress(forced: args.flag("progress")).timed("reading \(zkeyPath)") { try ZKeyFile.read(path: zkeyPath) }
        try VKWriter.write(pk.verifyingKey, to: vkPath)
        printError("wrote \(vkPath) (\(pk.nPublic) public inputs)")
        return .success
    }
}

/// snarkjs's spelling of the same command.
enum ZkeyExportVerificationKeyCommand: Subcommand {
    static let path = ["zkey", "export", "verificationkey"]
    static let summary = "same as `zkey export vk` (snarkjs spelling)"
    static let help = ZkeyExportCommand.help
    static func run(_ arguments: [String]) throws -> ExitCode { try ZkeyExportCommand.run(arguments) }
}
