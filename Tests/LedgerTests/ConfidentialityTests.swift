import Foundation
import XCTest
import BN254
@testable import Ledger

/// The ledger only ever sees commitments: no balance, position, salt or owner key may appear in
/// any file of the directory, in any encoding the project uses.
final class ConfidentialityTests: XCTestCase {
    func encodings(_ x: Fr) -> [[UInt8]] {
        var out: [[UInt8]] = [x.bytesBE, x.bytesLE, x.montgomeryBytesLE]
        for s in [x.description, hexString(x.bytesBE), hexString(x.bytesBE).uppercased(), hexString(x.bytesLE)] {
            out.append(Array(s.utf8))
        }
        // Short integers also in their natural 8-byte and stripped hex forms.
        let c = x.canonical
        if c.1 == 0 && c.2 == 0 && c.3 == 0 {
            var be: [UInt8] = [], le: [UInt8] = []
            for i in 0..<8 { le.append(UInt8(truncatingIfNeeded: c.0 >> UInt64(8 * i))) }
            be = le.reversed()
            out += [be, le, Array(String(c.0, radix: 16).utf8)]
        }
        return out
    }

    func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == first && Array(hay[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    func testNoSecretAppearsInAnyFile() throws {
        let ps = MACProofSystem.system
        let d = TestDirs.fresh("confidential")
        defer { TestDirs.remove(d) }
        try Ledger.create(at: d, depth: 5, kinds: [("settle", MACProofSystem.key(secret: "k1"))], proofSystem: ps)
        let ledger = try Ledger(directory: d, proofSystem: ps, fault: nil)
        var f = try BatchFactory(depth: 5, secret: "k1")
        var rng = SplitMix(seed: 77)
        var accounts: [Account] = (0..<6).map { _ in
            Account(owner: Fr.random(), balance: Fr(UInt64.random(in: 1 << 40 ..< 1 << 60, using: &rng)),
                    position: Fr(UInt64.random(in: 1 << 40 ..< 1 << 60, using: &rng)), salt: Fr.random())
        }
        var secrets: [Fr] = []
        for round in 0..<3 {
            var updates: [(UInt64, Fr)] = []
            for i in accounts.indices {
                if round > 0 {   // settle: move balances, new salt
                    accounts[i].balance = accounts[i].balance + Fr(UInt64(1000 + 37 * i))
                    accounts[i].salt = Fr.random()
                }
                secrets += [accounts[i].owner, accounts[i].balance, accounts[i].position, accounts[i].salt]
                updates.append((UInt64(3 * i + 1), accounts[i].leaf))
            }
            let b = try f.next(updates)
            try ledger.submit(kind: b.kind, publicInputs: b.inputs, proof: b.proof, leaves: b.leaves)
        }
        ledger.close()
        var files: [String: [UInt8]] = [:]
        for rel in TestDirs.fingerprint(d).keys where !rel.hasSuffix("/") { files[rel] = try readAllBytes(d + "/" + rel) }
        XCTAssertTrue(files.keys.contains("log.bin"))
        XCTAssertGreaterThan(files["log.bin"]?.count ?? 0, 1000)
        // The search can find things: the published leaves are there (as they should be).
        XCTAssertTrue(contains(files["log.bin"] ?? [], accounts[0].leaf.bytesBE), "the search works")
        for s in secrets {
            for enc in encodings(s) {
                for (name, bytes) in files {
                    XCTAssertFalse(contains(bytes, enc), "a secret (\(s)) appears in \(name)")
                }
            }
        }
    }
}
