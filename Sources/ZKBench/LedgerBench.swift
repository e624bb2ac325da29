import BN254
import Foundation
import Groth16
import Ledger

/// The product's own workloads: a settlement (expiry) batch at 4, 16 and 64 accounts — constraints,
/// prove and verify — and the ledger's submit throughput with Groth16 verification over 120
/// pre-proven deposit batches. Everything in process, on the bundled Circuits/derivatives with
/// `const K` (slots) and `const DEPTH` overridden at compile time.
enum LedgerBench {
    static let depth = 8
    static func px(_ x: UInt64) -> UInt64 { x * 1_000_000 }

    static func run(_ b: Bench) {
        do {
            for k in b.quick ? [4, 16] : [4, 16, 64] { try settle(b, k) }
            try throughput(b, batches: b.quick ? 100 : 120)
        } catch {
            print("ledger · failed: \(error)")
        }
    }

    /// k accounts deposit, pair up in k/2 trades (calls, puts and futures in turn), then one expiry
    /// batch settles all k at an oracle price; setup, prove and verify that batch.
    static func settle(_ b: Bench, _ k: Int) throws {
        let dir = Peers.root + "/Circuits/derivatives"
        let cs = try VenueCircuits.compile(directory: dir, kinds: ["deposit", "open", "expire"], settleBatchSize: k, depth: depth)
        let circuit = try cs.circuit("expire")
        let venue = try Venue(circuits: cs, series: 1, callStrike: px(100), putStrike: px(90))
        let names = (0..<k).map { "a\($0)" }
        for n in names { _ = try venue.deposit(account: n, amount: px(1000)) }
        let products: [VenueProduct] = [.call, .put, .future]
        for i in 0..<k / 2 {
            _ = try venue.trade(buyer: names[2 * i], seller: names[2 * i + 1], product: products[i % 3], qty: UInt32(1 + i % 3),
                                price: px(4), referencePrice: px(100))
        }
        let batch = try venue.expire(settlementPrice: px(85), accounts: names)
        guard circuit.firstUnsatisfied(batch.witness) == nil else { print("ledger · K=\(k): witness does not satisfy the R1CS"); return }
        var pk: ProvingKey? = nil
        let setupSeconds = Bench.clock { pk = try? Setup.setup(circuit.constraintSystem) }
        guard let pk else { print("ledger · K=\(k): setup failed"); return }
        let pvk = PreparedVerifyingKey(pk.verifyingKey)
        var proof: Proof? = nil
        let proveSeconds = b.time(rounds: k >= 64 ? 1 : 2, minSeconds: 0) { proof = try? Prover.prove(pk, witness: batch.witness) }
        guard let proof, (try? Verifier.verify(pvk, publicInputs: batch.publicInputs, proof: proof)) == true else {
            print("ledger · K=\(k): the proof does not verify"); return
        }
        let verifySeconds = b.time(rounds: 3, minSeconds: 0.2) {
            blackHole(try? Verifier.verify(pvk, publicInputs: batch.publicInputs, proof: proof))
        }
        let shape = "\(circuit.constraintCount) constraints, domain 2^\(pk.domainSize.trailingZeroBitCount), depth-\(depth) tree"
        let cmd = ".build/release/ZKBench --only ledger"
        b.add(BenchRow(section: "ledger", operation: "settle batch, \(k) accounts: prove", ours: proveSeconds,
                       note: "expire.zkc with K=\(k): \(shape); in process, 2 threads; setup took \(Bench.format(setupSeconds))",
                       command: cmd))
        b.add(BenchRow(section: "ledger", operation: "settle batch, \(k) accounts: verify", ours: verifySeconds,
                       note: "\(batch.publicInputs.count) public inputs, prepared key", command: cmd))
    }

    /// Submit throughput: `batches` deposit batches proved beforehand, then submitted one by one to a
    /// fresh on-disk ledger (each: decode, Groth16 verify, checks, append, fsync of log and head).
    static func throughput(_ b: Bench, batches: Int) throws {
        let dir = Peers.root + "/Circuits/derivatives"
        let cs = try VenueCircuits.compile(directory: dir, kinds: ["deposit"])
        let circuit = try cs.circuit("deposit")
        let pk = try Setup.setup(circuit.constraintSystem)
        let venue = try Venue(circuits: cs, series: 1, callStrike: px(100), putStrike: px(90))
        let start = Date()
        var proven: [(VenueBatch, [UInt8])] = []
        let system = Groth16Ledger.proofSystem
        for i in 0..<batches {
            let batch = try venue.deposit(account: "acct\(i % 8)", amount: px(UInt64(1 + i)))
            let proof = try Prover.prove(pk, witness: batch.witness)
            proven.append((batch, Groth16Ledger.encode(proof)))
        }
        let proving = Date().timeIntervalSince(start)
        let ledgerDir = NSTemporaryDirectory() + "zkbench-ledger-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: ledgerDir) }
        try Ledger.create(at: ledgerDir, depth: cs.depth,
                          kinds: [("deposit", Array(SnarkJSON.verificationKey(pk.verifyingKey).utf8))], proofSystem: system)
        let ledger = try Ledger(directory: ledgerDir, proofSystem: system)
        var failure: Error? = nil
        let seconds = Bench.clock {
            for (batch, proof) in proven {
                do {
                    _ = try ledger.submit(kind: batch.kind, publicInputs: batch.publicInputs, proof: proof,
                                          leaves: batch.leaves.map { PublishedLeaf(index: $0.index, leaf: $0.leaf) })
                } catch { failure = error; return }
            }
        }
        ledger.close()
        if let failure { print("ledger · submit failed: \(failure)"); return }
        let audit = Bench.clock { blackHole(Audit.run(directory: ledgerDir, proofSystem: system)) }
        let perSecond = Double(batches) / seconds
        b.add(BenchRow(section: "ledger", operation: "ledger submit, per batch (\(batches) pre-proven deposits)", ours: seconds / Double(batches),
                       note: String(format: "%.0f batches/s incl. Groth16 verification and fsync; deposit.zkc, %d constraints; proving them took %.1f s beforehand",
                                    perSecond, circuit.constraintCount, proving),
                       command: ".build/release/ZKBench --only ledger"))
        b.add(BenchRow(section: "ledger", operation: "ledger audit, per batch (\(batches) batches)", ours: audit / Double(batches),
                       note: "hash chain, batch verification of every proof, tree rebuilt from the published leaves",
                       command: ".build/release/ZKBench --only ledger"))
    }
}
