import Foundation
import XCTest
import BN254
import R1CS
import Groth16
@testable import Ledger

/// A tiny batch circuit following the public-input layout: publics [oldRoot, newRoot, sequence,
/// leavesHash, instrument, price], one private x with x · instrument = price. Real Groth16
/// setup/prove/verify; the ledger recomputes the roots and leaves itself.
struct TinyBatchCircuit {
    let built: BuiltConstraintSystem
    let pk: ProvingKey
    var vk: VerifyingKey { pk.verifyingKey }
    var vkJSON: [UInt8] { Array(SnarkJSON.verificationKey(vk).utf8) }

    init() throws {
        var b = ConstraintSystemBuilder()
        let pubs = (0..<6).map { b.newWire(kind: .publicInput, name: "pub\($0)") }
        let x = b.newWire(kind: .privateInput, name: "x")
        try b.addConstraint(LinearCombination(wire: x), LinearCombination(wire: pubs[4]), LinearCombination(wire: pubs[5]), label: "price")
        built = try b.build()
        pk = try Setup.setup(built.system)
    }

    /// A proof for `inputs` (price must be x · instrument; tests pick x and set price).
    func prove(_ inputs: [Fr], x: Fr) throws -> Proof {
        let w = try built.witness(fromBuilderValues: [.one] + inputs + [x])
        return try Prover.prove(pk, witness: w.values, constraintSystem: built.system)
    }
}

/// Builds real-proof batches against a shadow tree.
struct Groth16BatchFactory {
    var tree: MerkleTree
    var sequence: UInt64 = 0
    let circuit: TinyBatchCircuit

    mutating func next(_ updates: [(UInt64, Fr)], instrument: UInt64 = 3, x: UInt64 = 1000) throws -> (inputs: [Fr], proof: Proof, leaves: [PublishedLeaf]) {
        let leaves = updates.map { PublishedLeaf(index: $0.0, leaf: $0.1) }
        let old = tree.root
        for p in leaves { try tree.update(index: p.index, leaf: p.leaf) }
        sequence += 1
        let inputs = BatchPublicInputs(oldRoot: old, newRoot: tree.root, sequence: sequence, leavesHash: LeavesHash.compute(leaves),
                                       instrument: Fr(instrument), price: Fr(instrument * x)).fields
        return (inputs, try circuit.prove(inputs, x: Fr(x)), leaves)
    }
}

final class Groth16LedgerTests: XCTestCase {
    let ps = Groth16Ledger.proofSystem

    func testRealProofsAcceptRejectAudit() throws {
        let circuit = try TinyBatchCircuit()
        let other = try TinyBatchCircuit()          // same circuit, different setup → different key
        let d = TestDirs.fresh("groth16")
        defer { TestDirs.remove(d) }
        try Ledger.create(at: d, depth: 4, kinds: [("settle", circuit.vkJSON), ("other", other.vkJSON)], proofSystem: ps)
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        var f = Groth16BatchFactory(tree: try MerkleTree(depth: 4), circuit: circuit)
        let b1 = try f.next([(1, Fr(11)), (2, Fr(22))])
        try ledger.submit(kind: "settle", publicInputs: b1.inputs, proof: Groth16Ledger.encode(b1.proof), leaves: b1.leaves)
        let b2 = try f.next([(2, Fr(23)), (9, Fr(99))], instrument: 5, x: 77)

        func rejected(_ what: String, kind: String = "settle", inputs: [Fr]? = nil, proof: [UInt8]? = nil, _ expect: (Rejection) -> Bool) {
            let before = TestDirs.fingerprint(d)
            do {
                try ledger.submit(kind: kind, publicInputs: inputs ?? b2.inputs, proof: proof ?? Groth16Ledger.encode(b2.proof), leaves: b2.leaves)
                XCTFail("\(what): accepted")
            } catch LedgerError.rejected(let r) { XCTAssertTrue(expect(r), "\(what): \(r)") }
            catch { XCTFail("\(what): \(error)") }
            XCTAssertEqual(TestDirs.fingerprint(d), before, what)
        }
        rejected("wrong key", kind: "other") { $0 == .proofInvalid(kind: "other") }
        var ti = b2.inputs; ti[5] = ti[5] + .one
        rejected("tampered price", inputs: ti) { $0 == .proofInvalid(kind: "settle") }
        // A valid proof of other public inputs (instrument 6, price 6 = 6·1): the prover refuses unsatisfying witnesses.
        let otherProof = try circuit.prove(b2.inputs.enumerated().map { $0.offset == 4 || $0.offset == 5 ? Fr(6) : $0.element }, x: Fr(1))
        rejected("proof of other inputs", proof: Groth16Ledger.encode(otherProof)) { $0 == .proofInvalid(kind: "settle") }
        var tp = Groth16Ledger.encode(b2.proof); tp[100] ^= 1
        rejected("tampered proof bytes", proof: tp) { r in
            if case .proofMalformed = r { return true }
            return r == .proofInvalid(kind: "settle")
        }
        let swapped = Groth16Ledger.encode(Proof(a: b2.proof.c, b: b2.proof.b, c: b2.proof.a))
        rejected("swapped A and C", proof: swapped) { $0 == .proofInvalid(kind: "settle") }
        rejected("wrong count", inputs: b2.inputs + [Fr(1)]) { if case .wrongPublicInputCount = $0 { return true }; return false }

        try ledger.submit(kind: "settle", publicInputs: b2.inputs, proof: Groth16Ledger.encode(b2.proof), leaves: b2.leaves)
        ledger.close()
        let audit = Audit.run(directory: d, proofSystem: ps)
        XCTAssertTrue(audit.ok, "\(String(describing: audit.failure))")
        XCTAssertEqual(audit.root, f.tree.root)
        // snarkjs proof.json round trip through the proof system's encoder.
        XCTAssertEqual(try ps.encodeProof(Array(SnarkJSON.proof(b1.proof).utf8)), Groth16Ledger.encode(b1.proof))
    }

    /// Throughput of submit with real Groth16 verification (depth 16, k = 4), and of audit with
    /// batch verification.
    func testSubmitThroughputWithVerification() throws {
        let circuit = try TinyBatchCircuit()
        let d = TestDirs.fresh("groth16-tp")
        defer { TestDirs.remove(d) }
        let depth = 16, n = 16
        try Ledger.create(at: d, depth: depth, kinds: [("settle", circuit.vkJSON)], proofSystem: ps)
        var f = Groth16BatchFactory(tree: try MerkleTree(depth: depth), circuit: circuit)
        let batches = try (0..<n).map { i in try f.next((0..<4).map { j in (UInt64(i * 4 + j), Fr.random()) }) }
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        let t0 = Date()
        for b in batches { try ledger.submit(kind: "settle", publicInputs: b.inputs, proof: Groth16Ledger.encode(b.proof), leaves: b.leaves) }
        let dt = Date().timeIntervalSince(t0)
        print(String(format: "ledger submit with Groth16 verification (depth %d, k=4): %.1f batches/s (%.2f ms each)", depth, Double(n) / dt, dt / Double(n) * 1000))
        let t1 = Date()
        XCTAssertTrue(Audit.run(directory: d, proofSystem: ps, batchSize: 16).ok)
        let a1 = Date().timeIntervalSince(t1)
        let t2 = Date()
        XCTAssertTrue(Audit.run(directory: d, proofSystem: ps, batchSize: 1).ok)
        let a2 = Date().timeIntervalSince(t2)
        print(String(format: "ledger audit: %.1f records/s batched, %.1f records/s one by one", Double(n) / a1, Double(n) / a2))
    }
}
