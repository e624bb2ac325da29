import Foundation
import BN254
import Ledger

/// `zkclear ledger inclusion DIR --index I --leaf LEAF [--root ROOT]`
enum LedgerInclusionCommand: Subcommand {
    static let path = ["ledger", "inclusion"]
    static let summary = "prove or check that a leaf is in the current (or a past) root"
    static let help = """
    usage: zkclear ledger inclusion DIR --index I --leaf LEAF [--root ROOT] [--json]

    Builds the Merkle path of account index I in the head tree (or in the tree as it was when its
    root was ROOT: the genesis root or any batch's newRoot), prints it (siblings from the leaf
    level up, index bits LSB first, 1 = right child — the inputs of std/merkle.zkc), and checks
    that LEAF hashes up to that root. An account holder recomputes LEAF from their own opening.

    options:
      --index I     the account's leaf index (0 … 2^depth − 1)
      --leaf LEAF   the leaf commitment (decimal)
      --root ROOT   a historical root (decimal); default: the head root
      --json        print the path as JSON
    exit codes: 0 the leaf is in that root, 1 it is not (or the ledger never had ROOT), 2 bad usage
    example:
      zkclear ledger inclusion ./ledger --index 5 --leaf 1234…
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "ledger inclusion", arguments, valueOptions: ["index", "leaf", "root"], flagOptions: ["json"])
        try args.expectAtMost(1)
        let dir = try args.positional(0, "DIR")
        guard let indexText = args.option("index"), let leafText = args.option("leaf") else {
            throw CLIError.usage("ledger inclusion: --index and --leaf are required (see zkclear ledger inclusion --help)")
        }
        guard let index = UInt64(indexText) else { throw CLIError.badValue(option: "--index", value: indexText, expected: "a non-negative integer") }
        let leaf = try LedgerCommand.parseField(leafText, option: "--leaf")
        let snap: LedgerSnapshot
        do { snap = try LedgerSnapshot.load(directory: dir) } catch { throw LedgerCommand.cliError(error) }
        let root = try args.option("root").map { try LedgerCommand.parseField($0, option: "--root") } ?? snap.head.root
        guard index < snap.state.tree.capacity else {
            throw CLIError.badValue(option: "--index", value: indexText, expected: "< \(snap.state.tree.capacity) (depth \(snap.config.depth))")
        }
        let treeAtRoot: MerkleTree?
        do { treeAtRoot = try snap.tree(atRoot: root) } catch { throw LedgerCommand.cliError(error) }
        guard let tree = treeAtRoot else {
            throw CLIError.checkFailed("root \(root) is not the genesis root nor any batch's newRoot in this ledger")
        }
        let path: MerklePath
        do { path = try tree.path(index: index) } catch { throw LedgerCommand.cliError(error) }
        let ok = path.verify(leaf: leaf, root: root)
        let batch = snap.state.roots.firstIndex(of: root) ?? 0
        if args.flag("json") {
            print(jsonString(["index": Int(index), "leaf": leaf.description, "root": root.description, "afterBatch": batch,
                              "siblings": path.siblings.map(\.description), "indexBits": path.indexBits.map { $0 ? 1 : 0 },
                              "included": ok, "leafAtIndex": tree.leaf(at: index).description]))
        } else {
            print("root \(root) (after batch \(batch))")
            print("index \(index), bits (LSB first) \(path.indexBits.map { $0 ? "1" : "0" }.joined())")
            for (l, s) in path.siblings.enumerated() { print("  sibling[\(l)] \(s)") }
            print(ok ? "included: the leaf hashes up to the root" : "NOT included: the leaf at index \(index) is \(tree.leaf(at: index))")
        }
        if !ok { printError("zkclear ledger inclusion: leaf \(leaf) is not at index \(index) under root \(root)") }
        return ok ? .success : .checkFailed
    }
}
