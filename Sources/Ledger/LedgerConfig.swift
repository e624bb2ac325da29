import Foundation
import BN254

/// `ledger.json`: the ledger's fixed configuration, written once by `init`.
///
///     { "format": "zkclear-ledger", "version": 1, "depth": 16, "proofSystem": "groth16-bn254",
///       "genesisRoot": "<decimal>",
///       "kinds": { "settle": { "vk": "keys/settle.vk.json", "sha256": "<hex>" }, … } }
public struct LedgerConfig: Sendable, Equatable {
    public struct Kind: Sendable, Equatable {
        public var name: String
        /// Path relative to the ledger directory (`keys/<kind>.vk.json`).
        public var vkFile: String
        /// SHA-256 of the key file's bytes, lower-case hex.
        public var sha256: String
    }

    public static let format = "zkclear-ledger"
    public static let version = 1

    public var depth: Int
    public var proofSystem: String
    public var genesisRoot: Fr
    public var kinds: [String: Kind]

    /// chain_0 = SHA-256("zkclear-ledger-v1" ‖ u8 depth ‖ genesis root (32 BE)).
    public var genesisChain: [UInt8] {
        SHA256.hash(Array("zkclear-ledger-v1".utf8) + [UInt8(truncatingIfNeeded: depth)] + genesisRoot.bytesBE)
    }

    /// A batch kind name: 1…64 of [A-Za-z0-9_-].
    public static func isValidKindName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x5f || c == 0x2d
        }
    }

    public func encode() -> [UInt8] {
        var kindsJSON: [String: Any] = [:]
        for (n, k) in kinds { kindsJSON[n] = ["vk": k.vkFile, "sha256": k.sha256] }
        let obj: [String: Any] = ["format": Self.format, "version": Self.version, "depth": depth,
                                  "proofSystem": proofSystem, "genesisRoot": genesisRoot.description, "kinds": kindsJSON]
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return Array(data) + [0x0a]
    }

    public static func decode(_ bytes: [UInt8]) throws -> LedgerConfig {
        func bad(_ r: String) -> LedgerError { .corrupt(file: "ledger.json", record: nil, offset: nil, reason: r) }
        guard let obj = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { throw bad("not a JSON object") }
        guard obj["format"] as? String == format else { throw bad("\"format\" must be \"\(format)\"") }
        guard let v = obj["version"] as? Int, v == version else { throw bad("\"version\" must be \(version)") }
        guard let depth = obj["depth"] as? Int, depth >= MerkleTree.minDepth, depth <= MerkleTree.maxDepth else {
            throw bad("\"depth\" must be an integer \(MerkleTree.minDepth)…\(MerkleTree.maxDepth)")
        }
        guard let ps = obj["proofSystem"] as? String else { throw bad("\"proofSystem\" must be a string") }
        guard let gs = obj["genesisRoot"] as? String, let g = try? Fr(decimal: gs) else { throw bad("\"genesisRoot\" must be a canonical decimal string") }
        guard let ks = obj["kinds"] as? [String: Any] else { throw bad("\"kinds\" must be an object") }
        var kinds: [String: Kind] = [:]
        for (n, kv) in ks {
            guard isValidKindName(n) else { throw bad("kind name '\(n)' is not 1…64 of [A-Za-z0-9_-]") }
            guard let k = kv as? [String: Any], let f = k["vk"] as? String, let h = k["sha256"] as? String,
                  f == "keys/\(n).vk.json", h.count == 64 else {
                throw bad("kinds.\(n) must be {\"vk\": \"keys/\(n).vk.json\", \"sha256\": <64 hex digits>}")
            }
            kinds[n] = Kind(name: n, vkFile: f, sha256: h)
        }
        return LedgerConfig(depth: depth, proofSystem: ps, genesisRoot: g, kinds: kinds)
    }
}
