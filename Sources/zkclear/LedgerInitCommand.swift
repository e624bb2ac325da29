import Foundation
import Ledger

/// `zkclear ledger init DIR --depth N --kind NAME=VK.json …`
enum LedgerInitCommand: Subcommand {
    static let path = ["ledger", "init"]
    static let summary = "create a ledger directory with its batch kinds and verification keys"
    static let help = """
    usage: zkclear ledger init DIR --depth N --kind NAME=VK.json [--kind NAME=VK.json …] [--json]

    Creates DIR (new or empty) holding ledger.json, keys/NAME.vk.json (a copy of each snarkjs
    verification_key.json, pinned by SHA-256), an empty log.bin and HEAD at sequence 0 with the
    empty tree's root. The state is a depth-N Poseidon Merkle tree (2^N accounts, empty leaf 0).
    One atomic step: the files are written and fsynced in a staging directory beside DIR
    (.NAME.init-PID) that is then renamed onto DIR, so a crash leaves no ledger or a whole one.

    arguments:
      DIR                 the ledger directory to create
    options:
      --depth N           Merkle tree depth, 1…32 (e.g. 4 for tests, 20 for 1M accounts)
      --kind NAME=VK      register batch kind NAME ([A-Za-z0-9_-], ≤ 64) with that key; repeatable
      --json              print the result as JSON
    exit codes: 0 created, 2 bad usage, unreadable/malformed key, or DIR not empty
    example:
      zkclear ledger init ./ledger --depth 16 --kind settle=settle_vk.json
    """

    static func run(_ arguments: [String]) throws -> ExitCode {
        let (kindSpecs, rest) = try LedgerCommand.extractRepeated("kind", from: arguments)
        let args = try Arguments(command: "ledger init", rest, valueOptions: ["depth"], flagOptions: ["json"])
        try args.expectAtMost(1)
        let dir = try args.positional(0, "DIR")
        guard args.option("depth") != nil else { throw CLIError.usage("ledger init: --depth N is required (see zkclear ledger init --help)") }
        let depth = try args.intOption("depth", default: 0)
        guard depth >= MerkleTree.minDepth, depth <= MerkleTree.maxDepth else {
            throw CLIError.badValue(option: "--depth", value: String(depth), expected: "an integer \(MerkleTree.minDepth)…\(MerkleTree.maxDepth)")
        }
        guard !kindSpecs.isEmpty else { throw CLIError.usage("ledger init: give at least one --kind NAME=VK.json") }
        var kinds: [(name: String, verificationKey: [UInt8])] = []
        for spec in kindSpecs {
            guard let eq = spec.firstIndex(of: "=") else {
                throw CLIError.badValue(option: "--kind", value: spec, expected: "of the form NAME=VK.json")
            }
            let name = String(spec[..<eq]), file = String(spec[spec.index(after: eq)...])
            kinds.append((name, try LedgerCommand.readFile(file, what: "verification key for kind '\(name)'")))
        }
        do {
            try Ledger.create(at: dir, depth: depth, kinds: kinds, proofSystem: LedgerCommand.proofSystem)
            let snap = try LedgerSnapshot.load(directory: dir)
            if args.flag("json") {
                print(jsonString(["directory": dir, "depth": depth, "kinds": kinds.map(\.name).sorted(),
                                  "root": snap.head.root.description, "sequence": 0]))
            } else {
                print("created ledger \(dir): depth \(depth), kinds \(kinds.map(\.name).sorted().joined(separator: ", ")), root \(snap.head.root)")
            }
            return .success
        } catch let e as LedgerError {
            if case .corrupt = e { throw CLIError.malformed(path: dir, reason: "\(e)") }
            throw LedgerCommand.cliError(e)
        }
    }
}
