import Foundation
import XCTest
import BN254
import CircuitLang
@testable import Ledger

/// Submit throughput of the storage layer (rules, Poseidon tree, framing, 3 fsyncs per batch)
/// with the cheap test proof system; Groth16Tests measures it with real proof verification.
final class ThroughputTests: XCTestCase {
    func testSubmitThroughputStorageOnly() throws {
        let ps = MACProofSystem.system
        let d = TestDirs.fresh("throughput")
        defer { TestDirs.remove(d) }
        let depth = 16, k = 4, n = 40
        try Ledger.create(at: d, depth: depth, kinds: [("settle", MACProofSystem.key(secret: "k"))], proofSystem: ps)
        var f = try BatchFactory(depth: depth, secret: "k")
        let batches = try (0..<n).map { i in try f.next((0..<k).map { j in (UInt64((i * 7 + j * 13) % 1000), Fr.random()) }) }
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        let t0 = Date()
        for b in batches { try ledger.submit(kind: b.kind, publicInputs: b.inputs, proof: b.proof, leaves: b.leaves) }
        let dt = Date().timeIntervalSince(t0)
        XCTAssertEqual(ledger.head.root, f.tree.root)
        print(String(format: "ledger submit (storage only, depth %d, k=%d): %.1f batches/s (%.2f ms each)", depth, k, Double(n) / dt, dt / Double(n) * 1000))
        let t1 = Date()
        let r = Audit.run(directory: d, proofSystem: ps)
        XCTAssertTrue(r.ok)
        print(String(format: "ledger audit (storage only): %.1f records/s", Double(n) / Date().timeIntervalSince(t1)))
        var x = Fr.random()
        let t2 = Date()
        for _ in 0..<2000 { x = Poseidon.hash(x, x) }
        print(String(format: "Poseidon(2) native: %.1f µs per hash (%d per batch here)", Date().timeIntervalSince(t2) / 2000 * 1e6, k * depth + 2 * k))
    }
}
