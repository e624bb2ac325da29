import Foundation
import Ledger

/// `zkclear ledger audit DIR`
enum LedgerAuditCommand: Subcommand {
    static let path = ["ledger", "audit"]
    static let summary = "replay a ledger: hash chain, roots, sequence numbers, every proof"
    static let help = """
    usage: zkclear ledger audit DIR [--batch N] [--json]

    Needs only the directory. Checks the registered keys against ledger.json's SHA-256, every
    record's frame and CRC-32, the SHA-256 hash chain, sequence numbers, that each batch starts
    from the previous root, rebuilds the Merkle tree from the published leaves (each batch must
    end at its newRoot), re-verifies every Groth16 proof (batch verification, N per batch), and
    checks HEAD. Prints the head root, or the first bad record (number, byte offset, reason).

    options:
      --batch N     proofs per batch verification (default 32; 1 = one by one)
      --json        print the report as JSON
    exit codes: 0 the ledger is sound, 1 a check failed, 2 bad usage or not a ledger
    example:
      zkclear ledger audit ./ledger
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "ledger audit", arguments, valueOptions: ["batch"], flagOptions: ["json"])
        try args.expectAtMost(1)
        let dir = try args.positional(0, "DIR")
        let batch = try args.intOption("batch", default: 32)
        guard batch >= 1 else { throw CLIError.badValue(option: "--batch", value: String(batch), expected: "≥ 1") }
        guard FileManager.default.fileExists(atPath: dir + "/" + LedgerFiles.config) else {
            throw CLIError.usage("ledger audit: \(dir) is not a ledger directory (no ledger.json)")
        }
        let start = Date()
        let r = Audit.run(directory: dir, proofSystem: LedgerCommand.proofSystem, batchSize: batch)
        let seconds = Date().timeIntervalSince(start)
        if args.flag("json") {
            var obj: [String: Any] = ["ok": r.ok, "recordsVerified": r.recordsVerified, "sequence": Int(r.sequence),
                                      "tailBytes": r.tailBytes, "seconds": (seconds * 1000).rounded() / 1000]
            if let root = r.root { obj["root"] = root.description }
            if let f = r.failure {
                var fo: [String: Any] = ["file": f.file, "reason": f.reason]
                if let n = f.record { fo["record"] = n }
                if let o = f.offset { fo["offset"] = o }
                obj["failure"] = fo
            }
            print(jsonString(obj))
        } else if let f = r.failure {
            print("audit FAILED after \(r.recordsVerified) good record(s)")
            if let root = r.root { print("  last good root: \(root)") }
        } else {
            print("audit ok: \(r.recordsVerified) record(s), sequence \(r.sequence)")
            if r.tailBytes > 0 { print("  note: \(r.tailBytes) unacknowledged byte(s) after HEAD (a crashed write; the next writer drops them)") }
            print("head root: \(r.root?.description ?? "?")")
        }
        if let f = r.failure {
            printError("zkclear ledger audit: \(f)")
            return .checkFailed
        }
        return .success
    }
}
