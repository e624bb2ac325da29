import Foundation
import XCTest
import BN254
@testable import Ledger

final class AuditTests: XCTestCase {
    let ps = MACProofSystem.system
    var dirs: [String] = []
    override func tearDown() { dirs.forEach(TestDirs.remove) }

    /// A ledger with `n` small batches; returns the directory and the factory's final state.
    func smallLedger(batches n: Int, depth: Int = 3) throws -> (String, BatchFactory) {
        let d = TestDirs.fresh(); dirs.append(d)
        try Ledger.create(at: d, depth: depth, kinds: [("settle", MACProofSystem.key(secret: "k1"))], proofSystem: ps)
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        var f = try BatchFactory(depth: depth, secret: "k1")
        for i in 0..<n {
            let b = try f.next([(UInt64(i % 8), Fr(UInt64(1000 + i))), (UInt64((i + 3) % 8), Fr(UInt64(2000 + i)))])
            try ledger.submit(kind: b.kind, publicInputs: b.inputs, proof: b.proof, leaves: b.leaves)
        }
        ledger.close()
        return (d, f)
    }

    /// Every single-byte corruption of log.bin (a low-bit flip on every byte, and 0xff on every fifth) is caught by audit, which
    /// names the record containing the byte and its offset.
    func testEveryByteOfLogIsProtected() throws {
        let (d, f) = try smallLedger(batches: 2)
        let ok = Audit.run(directory: d, proofSystem: ps)
        XCTAssertTrue(ok.ok)
        XCTAssertEqual(ok.root, f.tree.root)
        let snap = try LedgerSnapshot.load(directory: d)
        let offsets = snap.records.map(\.offset)
        let logPath = d + "/log.bin"
        let original = try readAllBytes(logPath)
        XCTAssertEqual(original.count, Int(snap.head.logLength))
        var checked = 0
        for i in 0..<original.count {
            let record = (offsets.lastIndex { $0 <= i } ?? 0) + 1
            for pattern: UInt8 in (i % 5 == 0 ? [0x01, 0xff] : [0x01]) {
                var bad = original
                bad[i] ^= pattern
                try writeBytes(bad, to: logPath)
                let r = Audit.run(directory: d, proofSystem: ps)
                guard let failure = r.failure else { XCTFail("byte \(i) ^ \(pattern) not detected"); continue }
                XCTAssertEqual(failure.file, "log.bin", "byte \(i)")
                XCTAssertEqual(failure.record, record, "byte \(i): \(failure)")
                XCTAssertEqual(failure.offset, offsets[record - 1], "byte \(i): \(failure)")
                XCTAssertThrowsError(try Ledger(directory: d, proofSystem: ps, fault: nil), "open must refuse byte \(i)")
                checked += 1
            }
        }
        try writeBytes(original, to: logPath)
        XCTAssertTrue(Audit.run(directory: d, proofSystem: ps).ok)
        XCTAssertGreaterThan(checked, original.count)
    }

    func testEveryByteOfHeadIsProtected() throws {
        let (d, _) = try smallLedger(batches: 1)
        let path = d + "/HEAD"
        let original = try readAllBytes(path)
        for i in 0..<original.count {
            var bad = original; bad[i] ^= 0x40
            try writeBytes(bad, to: path)
            XCTAssertFalse(Audit.run(directory: d, proofSystem: ps).ok, "HEAD byte \(i)")
        }
        try writeBytes(original, to: path)
        XCTAssertTrue(Audit.run(directory: d, proofSystem: ps).ok)
    }

    /// A forger who rewrites the log with a consistent chain, CRCs and HEAD still cannot pass a
    /// record whose proof is invalid: audit re-verifies proofs and names the record.
    func testConsistentlyRewrittenLogWithBadProofIsCaught() throws {
        let (d, _) = try smallLedger(batches: 3)
        let snap = try LedgerSnapshot.load(directory: d)
        var chain = snap.config.genesisChain
        var log: [UInt8] = []
        for r in snap.records {
            var rec = r.record
            if r.number == 2 { rec.proof[0] ^= 1 }
            let (frame, c) = RecordFrame.encode(payload: rec.encodePayload(), previousChain: chain)
            log += frame; chain = c
        }
        try writeBytes(log, to: d + "/log.bin")
        try writeBytes(Head(sequence: 3, logLength: UInt64(log.count), chain: chain, root: snap.head.root).encode(), to: d + "/HEAD")
        let r = Audit.run(directory: d, proofSystem: ps)
        XCTAssertEqual(r.failure?.record, 2, "\(String(describing: r.failure))")
        XCTAssertEqual(r.failure?.offset, snap.records[1].offset)
        XCTAssertEqual(r.recordsVerified, 1)
        XCTAssertEqual(r.root, snap.state.roots[1])
    }

    func testSwappedKeyFileIsCaught() throws {
        let (d, _) = try smallLedger(batches: 1)
        try writeBytes(MACProofSystem.key(secret: "evil"), to: d + "/keys/settle.vk.json")
        let r = Audit.run(directory: d, proofSystem: ps)
        XCTAssertEqual(r.failure?.file, "keys/settle.vk.json")
        XCTAssertThrowsError(try Ledger(directory: d, proofSystem: ps, fault: nil))
    }

    /// Bytes after HEAD's length (a crash between the log write and the HEAD update) are ignored
    /// by readers and truncated by the next writer; a log shorter than HEAD is corruption.
    func testTornTailAndMissingBytes() throws {
        let (d, _) = try smallLedger(batches: 2)
        let path = d + "/log.bin"
        let original = try readAllBytes(path)
        try writeBytes(original + [0x5a, 0x4b, 0x4c, 0x52, 9, 9], to: path)
        let r = Audit.run(directory: d, proofSystem: ps)
        XCTAssertTrue(r.ok)
        XCTAssertEqual(r.tailBytes, 6)
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        XCTAssertEqual(try readAllBytes(path), original, "the writer truncated the tail")
        ledger.close()
        try writeBytes(Array(original.dropLast()), to: path)
        XCTAssertFalse(Audit.run(directory: d, proofSystem: ps).ok)
        XCTAssertThrowsError(try Ledger(directory: d, proofSystem: ps, fault: nil))
    }
}
