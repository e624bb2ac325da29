import CircuitLang
import Foundation
import R1CS

/// `zkclear compile FILE.zkc [-o BASE]` — circom: `circom file.circom --r1cs --sym --wasm`.
enum CompileCommand: Subcommand {
    static let path = ["compile"]
    static let summary = "compile a .zkc circuit → .r1cs + .zkw (witness program) + .sym"
    static let help = """
    usage: zkclear compile FILE.zkc [-o BASE] [--report] [--json] [--O0] [-I DIR]… [--const NAME=VALUE,…]

    Compiles in phases (parse → check → lower → optimise → write). All errors are reported
    together with file:line:column, the source line with a caret and a hint; a file with errors
    writes nothing. See docs/LANGUAGE.md.

    options:
      -o BASE     output path without extension (default: build/<circuit file name>)
      --report    print constraints, wires, public inputs and a breakdown per function and source line
      --json      print the summary as JSON
      --O0        skip the optimiser (keep every constraint as lowered)
      -I DIR      an extra import search directory (repeatable as -I=DIR1,DIR2)
      --const NAME=VALUE,…
                  override top-level const declarations (like circom's main-component
                  parameters), e.g. --const K=16,DEPTH=7; an unknown name is an error

    exit codes: 0 compiled, 1 the program has errors, 2 bad usage (including a bad --const) or unreadable file.
    example: zkclear compile Circuits/derivatives/settle.zkc -o build/settle --report
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "compile", arguments, valueOptions: ["o", "I", "const"], flagOptions: ["report", "json", "O0"])
        let source = try args.positional(0, "FILE.zkc")
        try args.expectAtMost(1)
        guard FileManager.default.fileExists(atPath: source) else { throw CLIError.io(path: source, reason: "no such file") }
        let stem = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        let base = args.option("o") ?? "build/\(stem)"
        let includes = (args.option("I") ?? "").split(separator: ",").map(String.init)
        var constants: [String: String] = [:]
        for item in (args.option("const") ?? "").split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CLIError.usage("compile: --const expects NAME=VALUE pairs separated by commas, got '\(item)'")
            }
            constants[parts[0]] = parts[1]
        }
        let options = CompileOptions(optimize: !args.flag("O0"), includePaths: includes, constants: constants)
        let start = Date()
        let compiled: CompiledCircuit
        do { compiled = try Compiler.compile(path: source, options: options) }
        catch let CircuitLangError.compilationFailed(diagnostics) {
            for d in diagnostics { printError(d.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            printError("\(source): \(errors) error\(errors == 1 ? "" : "s"); nothing written")
            // A bad --const override is a usage error, not an error in the program.
            return diagnostics.contains { $0.code == "E0213" } ? .usage : .checkFailed
        } catch let CircuitLangError.cannotRead(path, reason) {
            throw CLIError.io(path: path, reason: reason)
        }
        let seconds = Date().timeIntervalSince(start)
        let dir = URL(fileURLWithPath: base).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try compiled.write(toBase: base)
        for w in compiled.warnings { printError(w.description) }
        if args.flag("json") {
            print(jsonString(["circuit": compiled.name, "constraints": compiled.constraintCount, "wires": compiled.wireCount,
                              "publicOutputs": compiled.publicOutputCount, "publicInputs": compiled.publicInputCount,
                              "privateInputs": compiled.privateInputCount, "seconds": seconds,
                              "files": ["\(base).r1cs", "\(base).zkw", "\(base).sym"]]))
        } else if args.flag("report") {
            print(compiled.report)
        } else {
            printError(String(format: "%@: %d constraints, %d wires, %d public outputs, %d public inputs, %d private inputs (%.2f s)",
                              compiled.name, compiled.constraintCount, compiled.wireCount, compiled.publicOutputCount,
                              compiled.publicInputCount, compiled.privateInputCount, seconds))
            printError("wrote \(base).r1cs \(base).zkw \(base).sym")
        }
        return .success
    }
}
