import Foundation
import XCTest
import BN254
import CircuitLang
@testable import Ledger

/// The venue's batches against the real ledger (docs/LEDGER.md): public-input layout, sequence,
/// leavesHash and the root derived from the published leaves all agree. Proofs are the ledger
/// tests' MAC stand-in, issued only for witnesses that satisfy the circuit's R1CS.
final class VenueLedgerTests: XCTestCase {
    func testVenueBatchesAreAcceptedByTheLedger() throws {
        let circuits = try Deriv.circuits()
        let v = try Deriv.venue()
        let dir = TestDirs.fresh("venue")
        defer { TestDirs.remove(dir) }
        var kinds: [(name: String, verificationKey: [UInt8])] = []
        for k in VenueCircuits.kinds {
            kinds.append((k, MACProofSystem.key(nPublic: try circuits.circuit(k).publicInputCount, secret: "s-\(k)")))
        }
        try Ledger.create(at: dir, depth: VenueCircuits.depth, kinds: kinds, proofSystem: MACProofSystem.system)
        let ledger = try Ledger(directory: dir, proofSystem: MACProofSystem.system)
        XCTAssertEqual(ledger.head.root, v.genesisRoot)

        func submit(_ b: VenueBatch) throws -> Head {
            let c = try circuits.circuit(b.kind)
            XCTAssertNil(c.firstUnsatisfied(b.witness), b.summary)
            let proof = MACProofSystem.prove(secret: Array("s-\(b.kind)".utf8), b.publicInputs)
            return try ledger.submit(kind: b.kind, publicInputs: b.publicInputs, proof: proof,
                                     leaves: b.leaves.map { PublishedLeaf(index: $0.index, leaf: $0.leaf) })
        }
        for n in ["alice", "bob", "carol", "dave"] { _ = try submit(v.deposit(account: n, amount: Deriv.cash(1000))) }
        _ = try submit(v.trade(buyer: "alice", seller: "bob", product: .call, qty: 2, price: Deriv.px(5), referencePrice: Deriv.px(100)))
        _ = try submit(v.trade(buyer: "carol", seller: "dave", product: .put, qty: 3, price: Deriv.px(4), referencePrice: Deriv.px(100)))
        _ = try submit(v.trade(buyer: "alice", seller: "carol", product: .future, qty: 1, price: Deriv.px(100), referencePrice: Deriv.px(100)))
        _ = try submit(v.trade(buyer: "dave", seller: "bob", product: .future, qty: 2, price: Deriv.px(102), referencePrice: Deriv.px(100)))
        _ = try submit(v.mark(price: Deriv.px(110)))
        // Expiry of all four option holders.
        let head = try submit(v.expire(settlementPrice: Deriv.px(85)))
        XCTAssertEqual(head.root, v.root)
        XCTAssertEqual(head.sequence, v.nextSequence - 1)

        // A batch whose published leaves do not match its proof's leavesHash is rejected, as is a
        // replayed one (wrong sequence).
        let b = try v.withdraw(account: "carol", amount: Deriv.cash(10), referencePrice: Deriv.px(85))
        let proof = MACProofSystem.prove(secret: Array("s-withdraw".utf8), b.publicInputs)
        XCTAssertThrowsError(try ledger.submit(kind: "withdraw", publicInputs: b.publicInputs, proof: proof,
                                               leaves: [PublishedLeaf(index: b.leaves[0].index, leaf: b.leaves[0].leaf + .one)]))
        XCTAssertThrowsError(try ledger.submit(kind: "withdraw", publicInputs: b.publicInputs, proof: proof,
                                               leaves: [PublishedLeaf(index: b.leaves[0].index ^ 1, leaf: b.leaves[0].leaf)]))
        let ok = try ledger.submit(kind: "withdraw", publicInputs: b.publicInputs, proof: proof,
                                   leaves: b.leaves.map { PublishedLeaf(index: $0.index, leaf: $0.leaf) })
        XCTAssertEqual(ok.root, v.root)
        XCTAssertThrowsError(try ledger.submit(kind: "withdraw", publicInputs: b.publicInputs, proof: proof,
                                               leaves: b.leaves.map { PublishedLeaf(index: $0.index, leaf: $0.leaf) }))
        // The ledger's own leaves hash and tree agree with the venue's.
        XCTAssertEqual(LeavesHash.compute(b.leaves.map { PublishedLeaf(index: $0.index, leaf: $0.leaf) }), b.publicInputs[3])
        XCTAssertEqual(ledger.tree.root, v.root)
        ledger.close()
        let report = Audit.run(directory: dir, proofSystem: MACProofSystem.system)
        XCTAssertTrue(report.ok, "\(String(describing: report.failure))")
        XCTAssertEqual(report.sequence, 11)
    }
}
