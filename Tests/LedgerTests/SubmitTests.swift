import Foundation
import XCTest
import BN254
@testable import Ledger

final class SubmitTests: XCTestCase {
    let ps = MACProofSystem.system
    var dirs: [String] = []
    override func tearDown() { dirs.forEach(TestDirs.remove) }

    func makeLedger(depth: Int = 4, secret: String = "k1", extraKinds: [(String, [UInt8])] = []) throws -> String {
        let d = TestDirs.fresh()
        dirs.append(d)
        try Ledger.create(at: d, depth: depth, kinds: [("settle", MACProofSystem.key(secret: secret))] + extraKinds, proofSystem: ps)
        return d
    }

    func testAcceptsABatchAndPersists() throws {
        let d = try makeLedger()
        var f = try BatchFactory(depth: 4, secret: "k1")
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        let b1 = try f.next([(0, Fr(11)), (5, Fr(12))])
        let h = try ledger.submit(kind: b1.kind, publicInputs: b1.inputs, proof: b1.proof, leaves: b1.leaves)
        XCTAssertEqual(h.sequence, 1)
        XCTAssertEqual(h.root, f.tree.root)
        let b2 = try f.next([(5, Fr(13)), (5, Fr(14)), (15, Fr(1))])     // repeated index: later wins
        try ledger.submit(kind: b2.kind, publicInputs: b2.inputs, proof: b2.proof, leaves: b2.leaves)
        ledger.close()
        let again = try Ledger(directory: d, proofSystem: ps, fault: nil)
        XCTAssertEqual(again.head.sequence, 2)
        XCTAssertEqual(again.tree.root, f.tree.root)
        XCTAssertEqual(again.tree.leaf(at: 5), Fr(14))
        let snap = try LedgerSnapshot.load(directory: d)
        XCTAssertEqual(snap.records.map { $0.record.leaves }, [b1.leaves, b2.leaves])
        XCTAssertEqual(snap.records.map { $0.record.proof }, [b1.proof, b2.proof])
        let audit = Audit.run(directory: d, proofSystem: ps)
        XCTAssertTrue(audit.ok, "\(String(describing: audit.failure))")
        XCTAssertEqual(audit.root, f.tree.root)
        XCTAssertEqual(audit.recordsVerified, 2)
    }

    /// Asserts `body` is rejected with a rejection matching `expect` and the directory is unchanged.
    func assertRejected(_ d: String, _ ledger: Ledger, _ what: String, _ expect: (Rejection) -> Bool,
                        _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
        let before = TestDirs.fingerprint(d)
        let headBefore = ledger.head
        do {
            try body()
            XCTFail("\(what): accepted", file: file, line: line)
        } catch LedgerError.rejected(let r) {
            XCTAssertTrue(expect(r), "\(what): wrong reason \(r)", file: file, line: line)
        } catch {
            XCTFail("\(what): unexpected error \(error)", file: file, line: line)
        }
        XCTAssertEqual(TestDirs.fingerprint(d), before, "\(what): directory changed", file: file, line: line)
        XCTAssertEqual(ledger.head, headBefore, "\(what): head changed", file: file, line: line)
    }

    func testRejectionsLeaveDirectoryUnchanged() throws {
        let d = try makeLedger(extraKinds: [("other", MACProofSystem.key(secret: "k2")), ("wide", MACProofSystem.key(nPublic: 7, secret: "k3"))])
        var f = try BatchFactory(depth: 4, secret: "k1")
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        let b1 = try f.next([(1, Fr(100)), (2, Fr(200))])
        try ledger.submit(kind: "settle", publicInputs: b1.inputs, proof: b1.proof, leaves: b1.leaves)
        var shadow = f
        let b2 = try f.next([(2, Fr(201)), (3, Fr(300))])
        let b3 = try f.next([(4, Fr(400))])
        func submit(_ b: TestBatch, kind: String? = nil, inputs: [Fr]? = nil, proof: [UInt8]? = nil, leaves: [PublishedLeaf]? = nil) throws {
            try ledger.submit(kind: kind ?? b.kind, publicInputs: inputs ?? b.inputs, proof: proof ?? b.proof, leaves: leaves ?? b.leaves)
        }

        assertRejected(d, ledger, "replayed", { if case .wrongSequence(2, "1") = $0 { return true }; return false }) { try submit(b1) }
        assertRejected(d, ledger, "reordered", { if case .wrongSequence(2, "3") = $0 { return true }; return false }) { try submit(b3) }
        // Stale root: sequence right, but built on the genesis state.
        var stale = try BatchFactory(depth: 4, secret: "k1")
        stale.sequence = 1
        let bs = try stale.next([(2, Fr(999))])
        assertRejected(d, ledger, "stale root", { if case .staleRoot = $0 { return true }; return false }) { try submit(bs) }
        assertRejected(d, ledger, "unknown kind", { $0 == .unknownKind("nope") }) { try submit(b2, kind: "nope") }
        assertRejected(d, ledger, "wrong key (kind registered with another vk)", { $0 == .proofInvalid(kind: "other") }) { try submit(b2, kind: "other") }
        assertRejected(d, ledger, "public input count", { if case .wrongPublicInputCount = $0 { return true }; return false }) { try submit(b2, kind: "wide") }
        var tp = b2.proof; tp[7] ^= 0x10
        assertRejected(d, ledger, "tampered proof", { $0 == .proofInvalid(kind: "settle") }) { try submit(b2, proof: tp) }
        assertRejected(d, ledger, "short proof", { if case .proofMalformed = $0 { return true }; return false }) { try submit(b2, proof: Array(tp.prefix(31))) }
        var ti = b2.inputs; ti[5] = ti[5] + .one     // price changed: rules pass, proof fails
        assertRejected(d, ledger, "tampered public input (price)", { $0 == .proofInvalid(kind: "settle") }) { try submit(b2, inputs: ti) }
        var tn = b2.inputs; tn[1] = tn[1] + .one
        assertRejected(d, ledger, "tampered newRoot", { if case .newRootMismatch = $0 { return true }; return false }) { try submit(b2, inputs: tn) }
        var wl = b2.leaves; wl[1].leaf = Fr(301)
        assertRejected(d, ledger, "wrong leaves", { if case .leavesHashMismatch = $0 { return true }; return false }) { try submit(b2, leaves: wl) }
        assertRejected(d, ledger, "reordered leaves", { if case .leavesHashMismatch = $0 { return true }; return false }) { try submit(b2, leaves: Array(b2.leaves.reversed())) }
        assertRejected(d, ledger, "missing leaf", { if case .leavesHashMismatch = $0 { return true }; return false }) { try submit(b2, leaves: Array(b2.leaves.prefix(1))) }
        assertRejected(d, ledger, "no leaves", { $0 == .noLeaves }) { try submit(b2, leaves: []) }
        let outside = [PublishedLeaf(index: 16, leaf: Fr(1))]
        assertRejected(d, ledger, "index outside tree", { if case .leafIndexOutOfRange = $0 { return true }; return false }) { try submit(b2, leaves: outside) }
        // Leaves hash right and proof right, but newRoot claims something else: a consistent
        // lie needs a circuit-valid proof; with the MAC we can sign it, and the ledger still
        // refuses because it recomputes the tree.
        var liar = shadow
        var lieInputs = try liar.next([(2, Fr(201)), (3, Fr(300))]).inputs
        lieInputs[1] = Fr(42)
        let lieProof = MACProofSystem.prove(secret: Array("k1".utf8), lieInputs)
        assertRejected(d, ledger, "newRoot not the applied tree", { if case .newRootMismatch = $0 { return true }; return false }) {
            try submit(b2, inputs: lieInputs, proof: lieProof)
        }
        // Non-canonical public inputs never reach the ledger as Fr: the decoders reject them.
        let r = "21888242871839275222246405745257275088548364400416034343698204186575808495617"   // BN254 scalar modulus
        var strs = b2.inputs.map(\.description)
        strs[4] = "21888242871839275222246405745257275088548364400416034343698204186575808495618"   // r + 1
        XCTAssertThrowsError(try BatchPublicInputs(decimalStrings: strs)) { e in
            XCTAssertEqual(e as? LedgerError, .rejected(.nonCanonicalPublicInput(index: 4, value: strs[4])))
        }
        strs[4] = r
        XCTAssertThrowsError(try BatchPublicInputs(decimalStrings: strs))
        var bytes = b2.inputs.flatMap(\.bytesBE)
        for i in 0..<32 { bytes[32 * 2 + i] = 0xff }
        XCTAssertThrowsError(try BatchPublicInputs.decodeFields(bytesBE: bytes, count: 6)) { e in
            guard case LedgerError.rejected(.nonCanonicalPublicInput(2, _))? = e as? LedgerError else { return XCTFail("\(e)") }
        }
        // A sequence ≥ 2^64 is a rejection too.
        var big = b2.inputs; big[2] = Fr(UInt64.max) + .one
        assertRejected(d, ledger, "sequence ≥ 2^64", { if case .wrongSequence = $0 { return true }; return false }) { try submit(b2, inputs: big) }

        // After all that, the genuine next batches still go in, in order.
        shadow = f
        try submit(b2)
        try submit(b3)
        XCTAssertEqual(ledger.head.sequence, 3)
        XCTAssertEqual(ledger.head.root, shadow.tree.root)
        XCTAssertTrue(Audit.run(directory: d, proofSystem: ps).ok)
    }

    func testSingleWriterLock() throws {
        let d = try makeLedger()
        let first = try Ledger(directory: d, proofSystem: ps, fault: nil)
        XCTAssertThrowsError(try Ledger(directory: d, proofSystem: ps, fault: nil)) { e in
            guard case LedgerError.locked? = e as? LedgerError else { return XCTFail("\(e)") }
        }
        let t0 = Date()
        XCTAssertThrowsError(try Ledger(directory: d, proofSystem: ps, lockTimeout: 0.2, fault: nil))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(t0), 0.19, "waited for the timeout")
        first.close()
        XCTAssertNoThrow(try Ledger(directory: d, proofSystem: ps, fault: nil))
    }

    func testInitRefusesNonEmptyDirectoryAndBadKinds() throws {
        let d = try makeLedger()
        XCTAssertThrowsError(try Ledger.create(at: d, depth: 4, kinds: [("settle", MACProofSystem.key(secret: "x"))], proofSystem: ps))
        let e = TestDirs.fresh(); dirs.append(e)
        XCTAssertThrowsError(try Ledger.create(at: e, depth: 4, kinds: [("bad name", MACProofSystem.key(secret: "x"))], proofSystem: ps))
        XCTAssertThrowsError(try Ledger.create(at: e, depth: 4, kinds: [("k", Array("not a key".utf8))], proofSystem: ps))
        XCTAssertThrowsError(try Ledger.create(at: e, depth: 0, kinds: [("k", MACProofSystem.key(secret: "x"))], proofSystem: ps))
        XCTAssertThrowsError(try Ledger(directory: e, proofSystem: ps, fault: nil), "no ledger there")
        let other = ProofSystem.closure(name: "other") { _, _, _ in true }
        XCTAssertThrowsError(try Ledger(directory: d, proofSystem: other, fault: nil), "proof system must match ledger.json")
    }

    /// The brief's closure form works as a proof system.
    func testClosureProofSystem() throws {
        let cps = ProofSystem.closure(name: "closure") { kind, inputs, proof in
            kind == "settle" && proof == MACProofSystem.prove(secret: Array("c".utf8), inputs)
        }
        let d = TestDirs.fresh(); dirs.append(d)
        try Ledger.create(at: d, depth: 3, kinds: [("settle", Array("opaque".utf8))], proofSystem: cps)
        let ledger = try Ledger(directory: d, proofSystem: cps, fault: nil)
        var f = try BatchFactory(depth: 3, secret: "c")
        let b = try f.next([(1, Fr(5))])
        try ledger.submit(kind: "settle", publicInputs: b.inputs, proof: b.proof, leaves: b.leaves)
        XCTAssertThrowsError(try ledger.submit(kind: "settle", publicInputs: b.inputs, proof: b.proof, leaves: b.leaves))
    }
}

