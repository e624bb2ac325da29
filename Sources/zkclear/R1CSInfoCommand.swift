import Foundation
import R1CS

/// `zkclear r1cs info CIRCUIT.r1cs` — snarkjs: `r1cs info`.
enum R1CSInfoCommand: Subcommand {
    static let path = ["r1cs", "info"]
    static let summary = "print a .r1cs file's counts"
    static let help = """
    usage: zkclear r1cs info CIRCUIT.r1cs [--json]

    Prints the curve, constraints, wires, labels, public outputs, public and private inputs.
    exit codes: 0 printed, 2 unreadable or malformed file.
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "r1cs info", arguments, valueOptions: [], flagOptions: ["json"])
        let path = try args.positional(0, "CIRCUIT.r1cs")
        try args.expectAtMost(1)
        let cs = try R1CSFile.read(path: path)
        let info: [(String, Any)] = [
            ("curve", "bn128"), ("constraints", cs.constraintCount), ("wires", cs.nWires), ("labels", Int(cs.nLabels)),
            ("publicOutputs", cs.nPublicOutputs), ("publicInputs", cs.nPublicInputs), ("privateInputs", cs.nPrivateInputs),
        ]
        if args.flag("json") {
            print(jsonString(Dictionary(uniqueKeysWithValues: info)))
        } else {
            for (k, v) in info { print("\(k): \(v)") }
        }
        return .success
    }
}
