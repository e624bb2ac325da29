import Foundation

/// Exit codes shared by every subcommand (snarkjs-style scripts rely on them).
enum ExitCode: Int32 {
    /// Success: the proof verified, the batch was accepted, the file was written.
    case success = 0
    /// A check failed: invalid proof, unsatisfied witness, rejected batch.
    case checkFailed = 1
    /// Bad usage or malformed/unreadable input.
    case usage = 2
}

/// The CLI's own error: every case ends the process with exit code 2 (or 1 for `checkFailed`)
/// and its message on stderr.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case missingArgument(command: String, name: String)
    case unknownOption(command: String, option: String)
    case missingValue(option: String)
    case badValue(option: String, value: String, expected: String)
    case io(path: String, reason: String)
    case malformed(path: String, reason: String)
    case checkFailed(String)

    var description: String {
        switch self {
        case let .usage(s): return s
        case let .missingArgument(c, n): return "\(c): missing argument \(n) (see zkclear \(c) --help)"
        case let .unknownOption(c, o): return "\(c): unknown option \(o) (see zkclear \(c) --help)"
        case let .missingValue(o): return "option \(o) needs a value"
        case let .badValue(o, v, e): return "option \(o): '\(v)' is not \(e)"
        case let .io(p, r): return "\(p): \(r)"
        case let .malformed(p, r): return "\(p): \(r)"
        case let .checkFailed(s): return s
        }
    }

    var exitCode: ExitCode {
        if case .checkFailed = self { return .checkFailed }
        return .usage
    }
}

/// One subcommand: one file each (snarkjs style), thin over the libraries.
protocol Subcommand {
    /// The words that select it, e.g. ["verify"] or ["zkey", "export", "vk"].
    static var path: [String] { get }
    static var summary: String { get }
    /// Full help text (usage, arguments, options, exit codes, an example).
    static var help: String { get }
    /// Parses `arguments` (everything after the command's words) and runs.
    static func run(_ arguments: [String]) throws -> ExitCode
}

/// Writes to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write((message + "\n").data(using: .utf8) ?? Data())
}

/// Progress lines on stderr, shown only on a terminal or with `--progress`.
struct Progress {
    let enabled: Bool
    init(forced: Bool) { enabled = forced || isatty(STDERR_FILENO) != 0 }
    func step(_ message: String) { if enabled { printError("… \(message)") } }
    /// Times `body` and reports it when enabled.
    func timed<T>(_ message: String, _ body: () throws -> T) rethrows -> T {
        step(message)
        let start = Date()
        let r = try body()
        if enabled { printError("  done in \(String(format: "%.3f", Date().timeIntervalSince(start))) s") }
        return r
    }
}

/// Serialises a JSON-compatible value (dictionaries, arrays, strings, numbers, bools) with sorted keys.
func jsonString(_ value: Any) -> String {
    guard JSONSerialization.isValidJSONObject(value),
          let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys]),
          let s = String(data: data, encoding: .utf8) else { return "{}" }
    return s
}
