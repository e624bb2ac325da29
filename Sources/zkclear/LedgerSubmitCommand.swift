import Foundation
import Ledger

/// `zkclear ledger submit DIR --kind NAME --proof proof.json --public public.json --leaves leaves.json`
enum LedgerSubmitCommand: Subcommand {
    static let path = ["ledger", "submit"]
    static let summary = "append a proven batch to the ledger (exit 0 only once it is durable)"
    static let help = """
    usage: zkclear ledger submit DIR --kind NAME --proof proof.json --public public.json --leaves leaves.json
                                 [--wait SECONDS] [--json]

    Checks the batch and appends it: the kind is registered; public.json follows the batch layout
    [oldRoot, newRoot, sequence, leavesHash, instrument, price, extra…] with every value < r; the
    sequence is the next one; oldRoot is the head root; the leaves hash to leavesHash and applying
    them gives newRoot; the Groth16 proof verifies under the kind's registered key. Exits 0 only
    after the record and HEAD are on disk (fsync). A rejected batch leaves DIR unchanged.

    options:
      --kind NAME         the batch kind (registered at init)
      --proof FILE        snarkjs proof.json
      --public FILE       snarkjs public.json (decimal strings)
      --leaves FILE       the published leaves: [{"index": n, "leaf": "decimal"}, …] in slot order
      --wait SECONDS      wait up to SECONDS for another writer's lock (default 0: fail at once)
      --json              print the result as JSON
    exit codes: 0 accepted and durable, 1 rejected (reason on stderr), 2 bad usage, malformed
    file, or the ledger is locked by another writer
    example:
      zkclear ledger submit ./ledger --kind settle --proof proof.json --public public.json --leaves leaves.json
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "ledger submit", arguments,
                                 valueOptions: ["kind", "proof", "public", "leaves", "wait"], flagOptions: ["json"])
        try args.expectAtMost(1)
        let dir = try args.positional(0, "DIR")
        func need(_ o: String) throws -> String {
            guard let v = args.option(o) else { throw CLIError.usage("ledger submit: --\(o) is required (see zkclear ledger submit --help)") }
            return v
        }
        let kind = try need("kind"), proofPath = try need("proof"), publicPath = try need("public"), leavesPath = try need("leaves")
        let waitText = args.option("wait") ?? "0"
        guard let wait = Double(waitText), wait >= 0 else { throw CLIError.badValue(option: "--wait", value: waitText, expected: "a number of seconds ≥ 0") }
        let ps = LedgerCommand.proofSystem
        do {
            let inputs = try LedgerInput.decodePublicSignals(try LedgerCommand.readFile(publicPath, what: "public signals"), file: publicPath)
            let leaves = try LedgerInput.decodeLeaves(try LedgerCommand.readFile(leavesPath, what: "leaves"), file: leavesPath)
            let proof: [UInt8]
            do { proof = try ps.encodeProof(try LedgerCommand.readFile(proofPath, what: "proof")) }
            catch let e as CLIError { throw e }
            catch { throw CLIError.malformed(path: proofPath, reason: "\(error)") }
            let ledger = try Ledger(directory: dir, proofSystem: ps, lockTimeout: wait)
            let head = try ledger.submit(kind: kind, publicInputs: inputs, proof: proof, leaves: leaves)
            ledger.close()
            if args.flag("json") {
                print(jsonString(["accepted": true, "sequence": Int(head.sequence), "root": head.root.description,
                                  "chain": hexString(head.chain), "logBytes": Int(head.logLength)]))
            } else {
                print("accepted batch \(head.sequence) (\(kind)): new root \(head.root)")
            }
            return .success
        } catch {
            throw LedgerCommand.cliError(error)
        }
    }
}
