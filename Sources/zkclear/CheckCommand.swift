import CircuitLang
import Foundation

/// `zkclear check FILE.zkc` — the under-constraint lint.
enum CheckCommand: Subcommand {
    static let path = ["check"]
    static let summary = "lint a circuit for under-constrained signals"
    static let help = """
    usage: zkclear check FILE.zkc [--json]

    Compiles the circuit and reports (see docs/LANGUAGE.md, "Lint"):
      L0001  a hint output no constraint binds
      L0002  a private input no constraint uses
      L0003  a signal the constraints do not determine from the inputs
    The analysis is a sound approximation: it never misses a signal that is really free, and
    may flag a signal that is unique for a reason its rules cannot see.

    exit codes: 0 clean, 1 warnings found or the program has errors, 2 bad usage or unreadable file.
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "check", arguments, valueOptions: [], flagOptions: ["json"])
        let source = try args.positional(0, "FILE.zkc")
        try args.expectAtMost(1)
        guard FileManager.default.fileExists(atPath: source) else { throw CLIError.io(path: source, reason: "no such file") }
        let report: LintReport
        do { report = try Compiler.check(path: source) }
        catch let CircuitLangError.compilationFailed(diagnostics) {
            for d in diagnostics { printError(d.description) }
            return .checkFailed
        }
        if args.flag("json") {
            print(jsonString(["clean": report.isClean, "checkedSignals": report.checkedSignals,
                              "warnings": report.warnings.map { $0.description }]))
        } else {
            for w in report.warnings { printError(w.description) }
            printError(report.isClean ? "\(source): clean (\(report.checkedSignals) signals checked)"
                                      : "\(source): \(report.warnings.count) warning(s)")
        }
        return report.isClean ? .success : .checkFailed
    }
}
