import BN254
import CircuitLang
import Foundation
import R1CS

/// `zkclear witness PROGRAM.zkw INPUT.json [-o WITNESS.wtns]` — snarkjs: `wtns calculate`.
enum WitnessCommand: Subcommand {
    static let path = ["witness"]
    static let summary = "evaluate a witness program on input.json → .wtns"
    static let help = """
    usage: zkclear witness PROGRAM.zkw INPUT.json [WITNESS.wtns | -o WITNESS.wtns] [--json]

    Evaluates the witness program written by `zkclear compile` on the inputs (a JSON object of
    signal names to decimal strings or numbers, arrays for array inputs) and writes the full witness
    (iden3 .wtns, default witness.wtns). Missing or extra inputs and out-of-range values are
    reported by input name; failed asserts by source line and message.

    exit codes: 0 written, 1 an assert or range check failed, 2 bad usage or malformed input.
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "witness", arguments, valueOptions: ["o"], flagOptions: ["json"])
        let programPath = try args.positional(0, "PROGRAM.zkw")
        let inputPath = try args.positional(1, "INPUT.json")
        let out = args.option("o") ?? args.optionalPositional(2) ?? "witness.wtns"
        try args.expectAtMost(3)
        let program = try WitnessProgram.read(path: programPath)
        let values: [Fr]
        let start = Date()
        do { values = try program.evaluate(inputJSONPath: inputPath) }
        catch let e as CircuitLangError {
            switch e {
            case .assertionFailed, .hintOutOfRange, .inputOutOfRange, .constraintUnsatisfied:
                throw CLIError.checkFailed("\(inputPath): \(e)")
            default:
                throw CLIError.malformed(path: inputPath, reason: e.description)
            }
        }
        try WtnsFile.write(Witness(values: values), to: out)
        if args.flag("json") {
            print(jsonString(["witness": out, "values": values.count, "seconds": Date().timeIntervalSince(start)]))
        } else {
            printError("wrote \(out) (\(values.count) values)")
        }
        return .success
    }
}
