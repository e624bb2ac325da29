import Foundation
import BN254
import R1CS
import CircuitLang
import Groth16
import Ledger

/// `zkclear demo`: a derivatives venue on the zkclear stack, end to end — circuits in the zkclear
/// language, Groth16 over BN254, and the settlement ledger.
enum DemoCommand: Subcommand {
    static let path = ["demo"]
    static let summary = "run zkclear end to end: a derivatives venue proved with Groth16 on a ledger"
    static let help = """
    usage: zkclear demo [--json] [--circuits DIR] [--keep DIR]

    1. compiles the derivative circuits (Circuits/derivatives: deposit, withdraw, open, mark, expire);
    2. runs a Groth16 setup per batch kind;
    3. creates a fresh ledger (depth 4) in a temporary directory with the five verification keys;
    4. runs a venue: four accounts deposit, trades open call, put and futures positions, the
       futures are marked, the options expire at an oracle price, one account withdraws — each
       business action becomes a batch (witness from the venue driver, Groth16 proof, verified,
       submitted to the ledger, which checks the proof, the sequence and the published leaves);
    5. audits the ledger from its files alone;
    6. prints a table of the steps. Progress goes to stderr.

    options:
      --json           print the results as JSON on stdout
      --circuits DIR   the Circuits/derivatives directory (default: found from the working
                       directory, $ZKCLEAR_ROOT or the executable's location)
      --keep DIR       create the ledger in DIR (must not exist or be empty) and keep it
    """

    struct Row {
        var step: String
        var kind: String
        var constraints: Int
        var witnessSeconds: Double
        var proveSeconds: Double
        var verifySeconds: Double
        var proofBytes: Int
        var root: String
        var flags: UInt64
    }

    static func run(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(command: "demo", arguments, valueOptions: ["circuits", "keep"], flagOptions: ["json"])
        try args.expectAtMost(0)
        let dir = try args.option("circuits") ?? findCircuits()
        let total = Date()
        func say(_ s: String) { printError("… " + s) }
        func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
            let t = Date(); let r = try body(); return (r, Date().timeIntervalSince(t))
        }

        // 1. Compile.
        var compiled: [String: CompiledCircuit] = [:]
        var compileSeconds: [String: Double] = [:]
        for k in VenueCircuits.kinds {
            let (c, s) = try time {
                do { return try Compiler.compile(path: dir + "/" + k + ".zkc") }
                catch { throw CLIError.malformed(path: dir + "/" + k + ".zkc", reason: "\(error)") }
            }
            compiled[k] = c; compileSeconds[k] = s
            say(String(format: "compiled %@.zkc: %d constraints (%.2f s)", k, c.constraintCount, s))
        }

        // 2. Setup per kind.
        var keys: [String: ProvingKey] = [:]
        var verifiers: [String: PreparedVerifyingKey] = [:]
        var setupSeconds: [String: Double] = [:]
        for k in VenueCircuits.kinds {
            guard let c = compiled[k] else { continue }
            say("Groth16 setup for \(k) (\(c.constraintCount) constraints)")
            let (pk, s) = try time { try Setup.setup(c.constraintSystem) }
            keys[k] = pk; verifiers[k] = PreparedVerifyingKey(pk.verifyingKey); setupSeconds[k] = s
            say(String(format: "  setup %@: %.2f s (domain %d)", k, s, pk.domainSize))
        }

        // 3. A fresh ledger.
        let ledgerDir = args.option("keep") ?? (NSTemporaryDirectory() + "zkclear-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let keepLedger = args.option("keep") != nil
        defer { if !keepLedger { try? FileManager.default.removeItem(atPath: ledgerDir) } }
        let system = Groth16Ledger.proofSystem
        var kinds: [(name: String, verificationKey: [UInt8])] = []
        for k in VenueCircuits.kinds {
            guard let pk = keys[k] else { continue }
            kinds.append((k, Array(SnarkJSON.verificationKey(pk.verifyingKey).utf8)))
        }
        try Ledger.create(at: ledgerDir, depth: VenueCircuits.depth, kinds: kinds, proofSystem: system)
        let ledger = try Ledger(directory: ledgerDir, proofSystem: system)
        say("ledger created in \(ledgerDir)")

        // 4. The venue.
        let px = { (x: Int64) -> UInt64 in UInt64(x) * 1_000_000 }
        let venue = try Venue(circuits: VenueCircuits(circuits: compiled), series: 1, callStrike: px(100), putStrike: px(90))
        guard venue.genesisRoot == ledger.head.root else { throw CLIError.checkFailed("demo: the venue's and the ledger's genesis roots differ") }
        typealias Step = (String, () throws -> VenueBatch)
        var steps: [Step] = []
        for n in ["alice", "bob", "carol", "dave"] {
            steps.append(("\(n) deposits 1000", { try venue.deposit(account: n, amount: px(1000)) }))
        }
        steps += [
            ("alice buys 2 calls K=100 from bob at 5", { try venue.trade(buyer: "alice", seller: "bob", product: .call, qty: 2, price: px(5), referencePrice: px(100)) }),
            ("carol buys 3 puts K=90 from dave at 4", { try venue.trade(buyer: "carol", seller: "dave", product: .put, qty: 3, price: px(4), referencePrice: px(100)) }),
            ("alice buys 1 future from carol at 100", { try venue.trade(buyer: "alice", seller: "carol", product: .future, qty: 1, price: px(100), referencePrice: px(100)) }),
            ("dave buys 2 futures from bob at 102", { try venue.trade(buyer: "dave", seller: "bob", product: .future, qty: 2, price: px(102), referencePrice: px(100), fee: 10_000) }),
            ("mark futures at 110", { try venue.mark(price: px(110)) }),
            ("expire options at 85 (oracle)", { try venue.expire(settlementPrice: px(85)) }),
            ("carol withdraws 50", { try venue.withdraw(account: "carol", amount: px(50), referencePrice: px(85)) }),
        ]
        var rows: [Row] = []
        for (label, action) in steps {
            say(label)
            let (batch, ws): (VenueBatch, Double)
            do { (batch, ws) = try time(action) } catch { throw CLIError.checkFailed("demo: \(label): \(error)") }
            guard let c = compiled[batch.kind], let pk = keys[batch.kind], let pvk = verifiers[batch.kind] else {
                throw CLIError.checkFailed("demo: no key for \(batch.kind)")
            }
            say("  proving \(batch.kind) (\(c.constraintCount) constraints)")
            let (proof, ps) = try time { try Prover.prove(pk, witness: batch.witness) }
            let (ok, vs) = try time { try Verifier.verify(pvk, publicInputs: batch.publicInputs, proof: proof) }
            guard ok else { throw CLIError.checkFailed("demo: \(label): the proof does not verify") }
            let proofFile = Array(SnarkJSON.proof(proof).utf8)
            let stored = try system.encodeProof(proofFile)
            let head: Head
            do {
                head = try ledger.submit(kind: batch.kind, publicInputs: batch.publicInputs, proof: stored,
                                         leaves: batch.leaves.map { PublishedLeaf(index: $0.index, leaf: $0.leaf) })
            } catch { throw CLIError.checkFailed("demo: \(label): the ledger rejected the batch: \(error)") }
            guard head.root == venue.root else { throw CLIError.checkFailed("demo: \(label): ledger root differs from the venue's") }
            say(String(format: "  prove %.2f s, verify %.1f ms, ledger seq %llu", ps, vs * 1000, head.sequence))
            rows.append(Row(step: label, kind: batch.kind, constraints: c.constraintCount, witnessSeconds: ws,
                            proveSeconds: ps, verifySeconds: vs, proofBytes: stored.count,
                            root: String(head.root.description.prefix(12)), flags: batch.flags))
        }
        ledger.close()

        // 5. Audit from the files alone.
        say("auditing the ledger")
        let (report, auditSeconds) = time { Audit.run(directory: ledgerDir, proofSystem: system) }
        guard report.ok else { throw CLIError.checkFailed("demo: audit failed: \(report.failure.map { "\($0)" } ?? "?")") }
        let elapsed = Date().timeIntervalSince(total)

        // 6. Report.
        let accounts: [VenueAccount] = try venue.order.map { try venue.account($0) }
        if args.flag("json") {
            let list: [[String: Any]] = rows.map { r in
                ["step": r.step, "kind": r.kind, "constraints": r.constraints,
                 "witness_ms": ms(r.witnessSeconds), "prove_ms": ms(r.proveSeconds), "verify_ms": ms(r.verifySeconds),
                 "proof_bytes": r.proofBytes, "root_prefix": r.root, "flags": r.flags]
            }
            let kindsJSON: [[String: Any]] = VenueCircuits.kinds.map { k in
                ["kind": k, "constraints": compiled[k]?.constraintCount ?? 0, "compile_ms": ms(compileSeconds[k] ?? 0),
                 "setup_ms": ms(setupSeconds[k] ?? 0)]
            }
            let acc: [[String: Any]] = accounts.map { a in
                ["name": a.name, "index": a.index, "balance": VenueMath.format(a.balance), "calls": a.callQty, "puts": a.putQty, "futures": a.futQty]
            }
            print(jsonString(["kinds": kindsJSON, "steps": list, "accounts": acc,
                              "audit": ["ok": report.ok, "records": report.recordsVerified, "ms": ms(auditSeconds)],
                              "head_root": venue.root.description, "total_seconds": ms(elapsed) / 1000]))
        } else {
            print("zkclear demo — a derivatives venue (depth \(venue.depth), prices ×10^6, call K = 100, put K = 90)")
            print("circuits:")
            for k in VenueCircuits.kinds {
                print("  " + pad(k, 9) + lpad("\(compiled[k]?.constraintCount ?? 0)", 7) + " constraints   compile "
                      + String(format: "%.2f s", compileSeconds[k] ?? 0) + "   setup " + String(format: "%.2f s", setupSeconds[k] ?? 0))
            }
            print("")
            print(pad("step", 40) + pad("kind", 9) + lpad("constraints", 12) + lpad("prove s", 9) + lpad("verify ms", 11)
                  + lpad("proof B", 9) + "  head root")
            for r in rows {
                print(pad(r.step, 40) + pad(r.kind, 9) + lpad("\(r.constraints)", 12)
                      + lpad(String(format: "%.2f", r.proveSeconds), 9) + lpad(String(format: "%.1f", r.verifySeconds * 1000), 11)
                      + lpad("\(r.proofBytes)", 9) + "  " + r.root + "…" + (r.flags != 0 ? "  liquidation flags \(r.flags)" : ""))
            }
            print("")
            print("audit: \(report.recordsVerified) batches re-verified from the ledger files, ok " + String(format: "(%.2f s)", auditSeconds))
            print("accounts (private to the venue; the ledger holds only their commitments):")
            for a in accounts {
                print("  \(pad(a.name, 6)) balance \(lpad(VenueMath.format(a.balance), 14))  calls \(a.callQty)  puts \(a.putQty)  futures \(a.futQty)")
            }
            print(String(format: "total %.1f s", elapsed))
        }
        return .success
    }

    static func ms(_ s: Double) -> Double { (s * 1e4).rounded() / 10 }
    /// Circuits/derivatives from the working directory, $ZKCLEAR_ROOT, or above the executable.
    static func findCircuits() throws -> String {
        let fm = FileManager.default
        var candidates: [String] = [fm.currentDirectoryPath]
        if let r = ProcessInfo.processInfo.environment["ZKCLEAR_ROOT"] { candidates.insert(r, at: 0) }
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" { candidates.append(url.path); url.deleteLastPathComponent() }
        for c in candidates where fm.fileExists(atPath: c + "/Circuits/derivatives/deposit.zkc") {
            return c + "/Circuits/derivatives"
        }
        throw CLIError.usage("demo: cannot find Circuits/derivatives (run from the repository root or pass --circuits DIR)")
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
}
