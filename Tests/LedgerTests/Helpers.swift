import Foundation
import XCTest
import BN254
import CircuitLang
@testable import Ledger

/// A stand-in proof system for storage tests (fast, and exercises every rule): the "key" is a
/// JSON object {"protocol": "test-mac", "nPublic": n, "secret": s}; a "proof" is
/// SHA-256(secret ‖ public inputs as 32-byte BE) — valid only for that key and those inputs.
enum MACProofSystem {
    static let system = ProofSystem(
        name: "test-mac",
        prepare: { kind, vk in
            guard let obj = (try? JSONSerialization.jsonObject(with: Data(vk))) as? [String: Any],
                  obj["protocol"] as? String == "test-mac", let n = obj["nPublic"] as? Int,
                  let secret = obj["secret"] as? String else {
                throw LedgerError.malformed(what: "test-mac key for \(kind)", reason: "bad shape")
            }
            let s = Array(secret.utf8)
            return KindVerifier(publicInputCount: n) { inputs, proof in
                guard proof.count == 32 else { throw LedgerError.rejected(.proofMalformed("expected 32 bytes, got \(proof.count)")) }
                return prove(secret: s, inputs) == proof
            }
        },
        encodeProof: { $0 })

    static func key(nPublic: Int = 6, secret: String) -> [UInt8] {
        Array("{\"protocol\": \"test-mac\", \"nPublic\": \(nPublic), \"secret\": \"\(secret)\"}".utf8)
    }

    static func prove(secret: [UInt8], _ inputs: [Fr]) -> [UInt8] {
        var h = SHA256()
        h.update(secret)
        for x in inputs { h.update(x.bytesBE) }
        return h.finalize()
    }
}

/// A private account as a client holds it: the ledger only ever sees `leaf`.
struct Account {
    var owner: Fr
    var balance: Fr
    var position: Fr
    var salt: Fr
    var leaf: Fr { (try? AccountCommitment.leaf(owner: owner, balance: balance, positions: [position], salt: salt)) ?? .zero }
}

/// A batch ready to submit.
struct TestBatch {
    var kind: String
    var inputs: [Fr]
    var proof: [UInt8]
    var leaves: [PublishedLeaf]
}

/// Builds consistent batches against a shadow tree, the way an operator with a prover would.
struct BatchFactory {
    var tree: MerkleTree
    var sequence: UInt64 = 0
    var secret: [UInt8]
    var kind: String

    init(depth: Int, secret: String, kind: String = "settle") throws {
        tree = try MerkleTree(depth: depth)
        self.secret = Array(secret.utf8)
        self.kind = kind
    }

    /// The next batch updating `updates` (index → new leaf); advances the shadow state.
    mutating func next(_ updates: [(UInt64, Fr)], instrument: UInt64 = 7, price: UInt64 = 123_456) throws -> TestBatch {
        let leaves = updates.map { PublishedLeaf(index: $0.0, leaf: $0.1) }
        let old = tree.root
        for p in leaves { try tree.update(index: p.index, leaf: p.leaf) }
        sequence += 1
        let bpi = BatchPublicInputs(oldRoot: old, newRoot: tree.root, sequence: sequence,
                                    leavesHash: LeavesHash.compute(leaves), instrument: Fr(instrument), price: Fr(price))
        return TestBatch(kind: kind, inputs: bpi.fields, proof: MACProofSystem.prove(secret: secret, bpi.fields), leaves: leaves)
    }
}

enum TestDirs {
    /// A fresh empty temporary directory path (not created).
    static func fresh(_ name: String = "ledger") -> String {
        let base = NSTemporaryDirectory() + "zkclear-ledger-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        return base + "/\(name)-\(UUID().uuidString)"
    }

    /// SHA-256 of every file under `dir` by relative path (new, missing or changed files all show).
    static func fingerprint(_ dir: String) -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: dir) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            let p = dir + "/" + rel
            if fm.fileExists(atPath: p, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = (try? readAllBytes(p)).map { hexString(SHA256.hash($0)) } ?? "unreadable"
            } else { out[rel + "/"] = "dir" }
        }
        return out
    }

    static func remove(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }
}

func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
