import Foundation
import XCTest
import BN254
@testable import Ledger

/// Crash safety by in-process fault injection: the writer stops after N units of I/O (bytes
/// written + one per fsync/rename/truncate) leaving exactly the partial writes a killed process
/// would leave. (Real-process kills via the zkclear binary are in CLITests.)
final class CrashTests: XCTestCase {
    let ps = MACProofSystem.system

    func testRandomisedCrashPoints() throws {
        let base = TestDirs.fresh("crash")
        defer { TestDirs.remove(base) }
        // Precompute 4 batches and the I/O cost of submitting them.
        var f = try BatchFactory(depth: 3, secret: "k1")
        var batches: [TestBatch] = []
        for i in 0..<3 { batches.append(try f.next([(UInt64(i), Fr(UInt64(50 + i))), (UInt64(7 - i), Fr(UInt64(90 + i)))])) }
        var prevChain: [UInt8] = []
        var costs: [Int] = []
        do {
            try Ledger.create(at: base, depth: 3, kinds: [("settle", MACProofSystem.key(secret: "k1"))], proofSystem: ps)
            let cfg = try LedgerConfig.decode(try readAllBytes(base + "/ledger.json"))
            prevChain = cfg.genesisChain
            for b in batches {
                let rec = BatchRecord(kind: b.kind, sequence: UInt64(costs.count + 1), publicInputs: b.inputs, proof: b.proof, leaves: b.leaves)
                let (frame, c) = RecordFrame.encode(payload: rec.encodePayload(), previousChain: prevChain)
                prevChain = c
                costs.append(frame.count + 1 + Head.size + 1 + 1 + 1)   // log write, fsync, HEAD.tmp, fsync, rename, dir fsync
            }
        }
        let total = costs.reduce(0, +)
        var rng = SplitMix(seed: 0x5eed)
        var points: [Int] = (0..<100).map { _ in Int(rng.next() % UInt64(total + 1)) }
        // Every phase boundary of the first batch, ±1.
        var acc = 0
        for c in costs.prefix(1) {
            let frame = c - (1 + Head.size + 3)
            for p in [acc, acc + frame, acc + frame + 1, acc + frame + 1 + Head.size, acc + c - 2, acc + c - 1, acc + c] {
                points += [p - 1, p, p + 1].filter { $0 >= 0 }
            }
            acc += c
        }
        var outcomes: [String: Int] = [:]
        for (trial, budget) in points.enumerated() {
            let d = TestDirs.fresh("crash-\(trial)")
            defer { TestDirs.remove(d) }
            try Ledger.create(at: d, depth: 3, kinds: [("settle", MACProofSystem.key(secret: "k1"))], proofSystem: ps)
            var acknowledged = 0
            do {
                let w = try Ledger(directory: d, proofSystem: ps, fault: FaultInjection(afterBytes: budget, exitProcess: false))
                for b in batches {
                    try w.submit(kind: b.kind, publicInputs: b.inputs, proof: b.proof, leaves: b.leaves)
                    acknowledged += 1
                }
            } catch LedgerError.simulatedCrash {
            }
            // After the "crash": readers, audit and a new writer all work.
            let audit = Audit.run(directory: d, proofSystem: ps)
            XCTAssertTrue(audit.ok, "trial \(trial) budget \(budget): \(String(describing: audit.failure))")
            let w = try Ledger(directory: d, proofSystem: ps, fault: nil)
            let seq = Int(w.head.sequence)
            // Every acknowledged batch is there; at most the one in flight may also be (if HEAD's
            // rename landed before the crash) — whole, never half.
            XCTAssertTrue(seq == acknowledged || seq == acknowledged + 1, "trial \(trial) budget \(budget): seq \(seq), acked \(acknowledged)")
            outcomes[seq == acknowledged ? "absent" : "present", default: 0] += 1
            XCTAssertEqual(try readAllBytes(d + "/log.bin").count, Int(w.head.logLength), "tail truncated")
            XCTAssertFalse(fileExists(d + "/HEAD.tmp"))
            let snap = try LedgerSnapshot.load(directory: d)
            for (i, r) in snap.records.enumerated() {
                XCTAssertEqual(r.record.leaves, batches[i].leaves)
                XCTAssertEqual(r.record.proof, batches[i].proof)
            }
            // The ledger carries on from where it is.
            for b in batches[seq...] { try w.submit(kind: b.kind, publicInputs: b.inputs, proof: b.proof, leaves: b.leaves) }
            XCTAssertEqual(w.head.root, f.tree.root)
            XCTAssertEqual(w.head.chain, prevChain)
        }
        XCTAssertGreaterThanOrEqual(points.count, 100)
        XCTAssertGreaterThan(outcomes["present"] ?? 0, 0, "some crash landed after the HEAD rename")
        XCTAssertGreaterThan(outcomes["absent"] ?? 0, 0)
    }

    /// `Ledger.create` crashed after every possible number of I/O units: the target is either
    /// untouched (missing; `init` then succeeds on it) or a complete ledger, never half of one.
    func testCrashDuringInit() throws {
        let kinds: [(name: String, verificationKey: [UInt8])] = [("settle", MACProofSystem.key(secret: "k1")), ("other", MACProofSystem.key(secret: "k2"))]
        var completedAt: Int?
        var untouched = 0, complete = 0
        for budget in 0..<10_000 {
            let parent = TestDirs.fresh("initcrash-\(budget)")
            defer { TestDirs.remove(parent) }
            let d = parent + "/ledger"
            do {
                try Ledger.create(at: d, depth: 3, kinds: kinds, proofSystem: ps, fault: FaultInjection(afterBytes: budget, exitProcess: false))
                completedAt = budget
            } catch LedgerError.simulatedCrash {
                if fileExists(d) {
                    // Only the last step (the parent's fsync) follows the rename.
                    complete += 1
                } else {
                    untouched += 1
                    XCTAssertThrowsError(try Ledger(directory: d, proofSystem: ps, fault: nil), "budget \(budget)")
                    try Ledger.create(at: d, depth: 3, kinds: kinds, proofSystem: ps)
                }
            }
            let w = try Ledger(directory: d, proofSystem: ps, fault: nil)
            XCTAssertEqual(w.head.sequence, 0, "budget \(budget)")
            XCTAssertEqual(Set(w.config.kinds.keys), ["settle", "other"])
            XCTAssertTrue(Audit.run(directory: d, proofSystem: ps).ok, "budget \(budget)")
            if completedAt != nil { break }
        }
        XCTAssertNotNil(completedAt, "create never finished within the budget range")
        XCTAssertGreaterThan(untouched, 20)
        XCTAssertEqual(complete, 1, "exactly one crash point (the parent fsync) lies after the commit")
    }

    /// `init` refuses a non-empty directory and a file, and publishes into an existing empty one.
    func testInitTargets() throws {
        let parent = TestDirs.fresh("inittargets")
        defer { TestDirs.remove(parent) }
        let kinds: [(name: String, verificationKey: [UInt8])] = [("settle", MACProofSystem.key(secret: "k1"))]
        try FileManager.default.createDirectory(atPath: parent + "/empty", withIntermediateDirectories: true)
        try Ledger.create(at: parent + "/empty", depth: 3, kinds: kinds, proofSystem: ps)
        XCTAssertEqual(try Ledger(directory: parent + "/empty", proofSystem: ps, fault: nil).head.sequence, 0)
        try writeBytes([1], to: parent + "/file")
        XCTAssertThrowsError(try Ledger.create(at: parent + "/file", depth: 3, kinds: kinds, proofSystem: ps))
        XCTAssertThrowsError(try Ledger.create(at: parent + "/empty", depth: 3, kinds: kinds, proofSystem: ps))
        // No staging directory is left behind by a successful or refused init.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    /// A crash while a writer truncates a torn tail (during open) is itself recoverable.
    func testCrashDuringRecovery() throws {
        let d = TestDirs.fresh("recovery")
        defer { TestDirs.remove(d) }
        try Ledger.create(at: d, depth: 3, kinds: [("settle", MACProofSystem.key(secret: "k1"))], proofSystem: ps)
        let good = try readAllBytes(d + "/log.bin")
        try writeBytes(good + [1, 2, 3], to: d + "/log.bin")
        try writeBytes([9, 9], to: d + "/HEAD.tmp")
        for budget in 0..<2 {   // 0: crash at the truncate, 1: at its fsync
            XCTAssertThrowsError(try Ledger(directory: d, proofSystem: ps, fault: FaultInjection(afterBytes: budget, exitProcess: false)))
            XCTAssertTrue(Audit.run(directory: d, proofSystem: ps).ok)
        }
        _ = try Ledger(directory: d, proofSystem: ps, fault: nil)
        XCTAssertEqual(try readAllBytes(d + "/log.bin"), good)
        XCTAssertFalse(fileExists(d + "/HEAD.tmp"))
    }
}

/// Deterministic test RNG (SplitMix64, Steele–Lea–Flood 2014).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
