import Foundation
import Ledger

/// `zkclear ledger show DIR [--json]`
enum LedgerShowCommand: Subcommand {
    static let path = ["ledger", "show"]
    static let summary = "print a ledger's head, batch kinds and records"
    static let help = """
    usage: zkclear ledger show DIR [--json]

    Prints the tree depth, registered kinds (with their key's SHA-256), the head (sequence, root,
    chain hash, log length) and one line per record (sequence, kind, instrument, price, leaves,
    byte offset). Reads without taking the writer lock; does not verify proofs (use audit).

    options:
      --json        print everything as JSON, including each record's public inputs and leaves
    exit codes: 0 ok, 1 the ledger is inconsistent, 2 bad usage or not a ledger
    example:
      zkclear ledger show ./ledger --json
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "ledger show", arguments, valueOptions: [], flagOptions: ["json"])
        try args.expectAtMost(1)
        let dir = try args.positional(0, "DIR")
        let snap: LedgerSnapshot
        do { snap = try LedgerSnapshot.load(directory: dir) } catch { throw LedgerCommand.cliError(error) }
        let kinds = snap.config.kinds.values.sorted { $0.name < $1.name }
        if args.flag("json") {
            let records: [[String: Any]] = snap.records.map { r in
                ["sequence": Int(r.record.sequence), "kind": r.record.kind, "offset": r.offset, "bytes": r.frameLength,
                 "oldRoot": r.inputs.oldRoot.description, "newRoot": r.inputs.newRoot.description,
                 "leavesHash": r.inputs.leavesHash.description, "instrument": r.inputs.instrument.description,
                 "price": r.inputs.price.description, "publicInputs": r.record.publicInputs.map(\.description),
                 "leaves": r.record.leaves.map { ["index": Int($0.index), "leaf": $0.leaf.description] as [String: Any] },
                 "chain": hexString(r.chain), "proof": hexString(r.record.proof)]
            }
            print(jsonString([
                "depth": snap.config.depth, "proofSystem": snap.config.proofSystem,
                "genesisRoot": snap.config.genesisRoot.description,
                "kinds": kinds.map { ["name": $0.name, "vk": $0.vkFile, "sha256": $0.sha256] },
                "head": ["sequence": Int(snap.head.sequence), "root": snap.head.root.description,
                         "chain": hexString(snap.head.chain), "logBytes": Int(snap.head.logLength)] as [String: Any],
                "tailBytes": snap.tailBytes, "accounts": snap.state.tree.occupiedLeaves, "records": records,
            ]))
        } else {
            print("ledger \(dir): depth \(snap.config.depth) (\(snap.state.tree.occupiedLeaves) non-empty leaves), proof system \(snap.config.proofSystem)")
            for k in kinds { print("  kind \(k.name): \(k.vkFile) sha256 \(k.sha256)") }
            print("head: sequence \(snap.head.sequence), root \(snap.head.root)")
            print("      chain \(hexString(snap.head.chain)), log \(snap.head.logLength) bytes")
            if snap.tailBytes > 0 { print("      \(snap.tailBytes) unacknowledged byte(s) after HEAD (dropped by the next writer)") }
            for r in snap.records {
                print("  #\(r.record.sequence) \(r.record.kind) instrument \(r.inputs.instrument) price \(r.inputs.price) leaves \(r.record.leaves.count) @\(r.offset)")
            }
        }
        return .success
    }
}
