import Foundation
import BN254
import Ledger

/// `zkclear ledger`: the group; lists the ledger subcommands. Shared helpers for them below.
enum LedgerCommand: Subcommand {
    static let path = ["ledger"]
    static let summary = "the settlement ledger (init, submit, audit, show, inclusion)"
    static let help = """
    usage: zkclear ledger <init|submit|audit|show|inclusion> DIR [options]

    A ledger directory holds ledger.json, keys/<kind>.vk.json, the append-only log.bin and HEAD
    (format: docs/LEDGER.md). It stores only account commitments (Merkle leaves) and roots.

      ledger init DIR --depth N --kind NAME=VK.json …     create a ledger
      ledger submit DIR --kind NAME --proof P --public S --leaves L
                                                       append a batch if every rule holds
      ledger audit DIR                                 replay and re-verify everything
      ledger show DIR [--json]                         head, kinds and records
      ledger inclusion DIR --index I --leaf LEAF [--root R]
                                                       prove/check a leaf is in a root

    Run `zkclear ledger <subcommand> --help` for details. Exit codes: 0 ok, 1 batch rejected or
    check failed, 2 bad usage or malformed input.
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        if let first = arguments.first {
            throw CLIError.usage("ledger: unknown subcommand '\(first)' (see zkclear ledger --help)")
        }
        throw CLIError.usage(help)
    }

    // MARK: shared

    /// The proof system the CLI's ledgers use.
    static var proofSystem: ProofSystem { Groth16Ledger.proofSystem }

    /// Maps library errors onto the CLI's exit codes: rejected / corrupt → 1, the rest → 2.
    static func cliError(_ error: Error) -> Error {
        guard let e = error as? LedgerError else { return error }
        switch e {
        case .rejected, .corrupt: return CLIError.checkFailed("\(e)")
        case let .io(p, r): return CLIError.io(path: p, reason: r)
        case let .malformed(w, r): return CLIError.malformed(path: w, reason: r)
        default: return CLIError.usage("\(e)")
        }
    }

    static func readFile(_ path: String, what: String) throws -> [UInt8] {
        guard let d = FileManager.default.contents(atPath: path) else {
            throw CLIError.io(path: path, reason: "cannot read \(what)")
        }
        return Array(d)
    }

    static func parseField(_ s: String, option: String) throws -> Fr {
        do { return try Fr(decimal: s, what: option) }
        catch { throw CLIError.badValue(option: option, value: s, expected: "a canonical decimal field element (< r)") }
    }

    /// Pulls every `--name VALUE` / `--name=VALUE` out of `args` (for repeatable options).
    static func extractRepeated(_ name: String, from args: [String]) throws -> (values: [String], rest: [String]) {
        var values: [String] = [], rest: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--\(name)" {
                guard i + 1 < args.count else { throw CLIError.missingValue(option: a) }
                values.append(args[i + 1]); i += 2; continue
            }
            if a.hasPrefix("--\(name)=") { values.append(String(a.dropFirst(name.count + 3))); i += 1; continue }
            rest.append(a); i += 1
        }
        return (values, rest)
    }
}
