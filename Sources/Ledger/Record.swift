import BN254

/// One accepted batch as stored in `log.bin` (payload layout in docs/LEDGER.md §3.3).
public struct BatchRecord: Sendable, Equatable {
    public var kind: String
    public var sequence: UInt64
    public var publicInputs: [Fr]
    /// The proof in the ledger's proof encoding (Groth16: 256 bytes, docs/LEDGER.md §3.3).
    public var proof: [UInt8]
    public var leaves: [PublishedLeaf]

    public init(kind: String, sequence: UInt64, publicInputs: [Fr], proof: [UInt8], leaves: [PublishedLeaf]) {
        self.kind = kind; self.sequence = sequence; self.publicInputs = publicInputs
        self.proof = proof; self.leaves = leaves
    }

    static let payloadVersion: UInt8 = 1
    static let maxKindLength = 64
    static let maxPublicInputs = 4096
    static let maxProofBytes = 1 << 20
    static let maxLeaves = 1 << 20

    /// u8 version | u16 kind length | kind (UTF-8) | u64 sequence | u16 n | n × 32-byte BE public
    /// inputs | u32 proof length | proof | u32 k | k × (u64 index | 32-byte BE leaf); integers LE.
    public func encodePayload() -> [UInt8] {
        var w = ByteWriter()
        w.u8(Self.payloadVersion)
        let k = Array(kind.utf8)
        w.u16(UInt16(truncatingIfNeeded: k.count)); w.raw(k)
        w.u64(sequence)
        w.u16(UInt16(truncatingIfNeeded: publicInputs.count))
        for x in publicInputs { w.raw(x.bytesBE) }
        w.u32(UInt32(truncatingIfNeeded: proof.count)); w.raw(proof)
        w.u32(UInt32(truncatingIfNeeded: leaves.count))
        for p in leaves { w.u64(p.index); w.raw(p.leaf.bytesBE) }
        return w.bytes
    }

    /// Decodes a payload; the error text says which field is wrong.
    public static func decodePayload(_ bytes: [UInt8]) throws -> BatchRecord {
        var r = ByteReader(bytes)
        do {
            let v = try r.u8("version")
            guard v == payloadVersion else { throw fail("payload version \(v), expected \(payloadVersion)") }
            let kl = Int(try r.u16("kind length"))
            guard kl >= 1, kl <= maxKindLength else { throw fail("kind length \(kl) out of range") }
            guard let kind = String(validating: Array(try r.take(kl, "kind")), as: UTF8.self) else { throw fail("kind is not UTF-8") }
            let seq = try r.u64("sequence")
            let n = Int(try r.u16("public input count"))
            var inputs: [Fr] = []
            for i in 0..<n {
                guard let x = try? Fr(bytesBE: try r.take(32, "public input \(i)")) else {
                    throw fail("public input [\(i)] is not canonical")
                }
                inputs.append(x)
            }
            let pl = Int(try r.u32("proof length"))
            guard pl <= maxProofBytes else { throw fail("proof length \(pl) too large") }
            let proof = Array(try r.take(pl, "proof"))
            let k = Int(try r.u32("leaf count"))
            guard k <= maxLeaves, k <= r.remaining / 40 else { throw fail("leaf count \(k) does not fit the payload") }
            var leaves: [PublishedLeaf] = []
            for i in 0..<k {
                let idx = try r.u64("leaf \(i) index")
                guard let leaf = try? Fr(bytesBE: try r.take(32, "leaf \(i)")) else { throw fail("leaf #\(i) is not canonical") }
                leaves.append(PublishedLeaf(index: idx, leaf: leaf))
            }
            guard r.remaining == 0 else { throw fail("\(r.remaining) trailing bytes after the leaves") }
            return BatchRecord(kind: kind, sequence: seq, publicInputs: inputs, proof: proof, leaves: leaves)
        } catch let s as ByteReader.Short {
            throw fail("payload ends inside \(s.what)")
        }
    }

    private static func fail(_ reason: String) -> LedgerError { .malformed(what: "record payload", reason: reason) }
}

/// Framing of one record in `log.bin`:
///
///     "ZKLR" | u32 LE payload length | payload | chain (32) | u32 LE CRC-32
///
/// chain = SHA-256(previous chain ‖ payload) (the genesis chain is `LedgerConfig.genesisChain`);
/// the CRC-32 covers every preceding byte of the frame.
public enum RecordFrame {
    public static let magic: [UInt8] = Array("ZKLR".utf8)
    public static let overhead = 4 + 4 + 32 + 4
    public static let maxPayload = 64 << 20

    public static func chain(previous: [UInt8], payload: [UInt8]) -> [UInt8] {
        var s = SHA256()
        s.update(previous)
        s.update(payload)
        return s.finalize()
    }

    public static func encode(payload: [UInt8], previousChain: [UInt8]) -> (frame: [UInt8], chain: [UInt8]) {
        var w = ByteWriter()
        w.raw(magic)
        w.u32(UInt32(truncatingIfNeeded: payload.count))
        w.raw(payload)
        let c = chain(previous: previousChain, payload: payload)
        w.raw(c)
        w.u32(CRC32.checksum(w.bytes))
        return (w.bytes, c)
    }

    /// Parses the frame at `offset`: returns the payload, the stored chain and the next offset.
    /// Throws a reason (without location; the caller adds record and offset).
    static func decode(_ bytes: [UInt8], at offset: Int, limit: Int) throws -> (payload: [UInt8], chain: [UInt8], next: Int) {
        guard limit - offset >= 8 else { throw FrameError("truncated frame header (\(limit - offset) bytes left)") }
        guard Array(bytes[offset..<(offset + 4)]) == magic else { throw FrameError("bad record magic (expected \"ZKLR\")") }
        var r = ByteReader(bytes, position: offset + 4)
        let len = Int((try? r.u32("length")) ?? 0)
        guard len <= maxPayload else { throw FrameError("payload length \(len) exceeds the limit") }
        let end = offset + 8 + len + 36
        guard end <= limit else { throw FrameError("frame of \(end - offset) bytes runs past the end (\(limit - offset) bytes left)") }
        let payload = Array(bytes[(offset + 8)..<(offset + 8 + len)])
        let chain = Array(bytes[(offset + 8 + len)..<(offset + 8 + len + 32)])
        var cr = ByteReader(bytes, position: end - 4)
        let crc = (try? cr.u32("crc")) ?? 0
        guard CRC32.checksum(bytes[offset..<(end - 4)]) == crc else { throw FrameError("CRC-32 mismatch (record damaged)") }
        return (payload, chain, end)
    }

    struct FrameError: Error { let reason: String; init(_ r: String) { reason = r } }
}

/// `HEAD`: the commit point of the ledger, replaced atomically after each durable append.
///
///     "ZKLH" | u8 version (1) | u64 sequence | u64 log length | chain (32) | root (32, BE) | SHA-256 of the preceding 85 bytes
///
/// (117 bytes; integers little-endian).
public struct Head: Sendable, Equatable {
    public var sequence: UInt64
    public var logLength: UInt64
    public var chain: [UInt8]
    public var root: Fr

    public static let magic: [UInt8] = Array("ZKLH".utf8)
    public static let size = 117

    public init(sequence: UInt64, logLength: UInt64, chain: [UInt8], root: Fr) {
        self.sequence = sequence; self.logLength = logLength; self.chain = chain; self.root = root
    }

    public func encode() -> [UInt8] {
        var w = ByteWriter()
        w.raw(Self.magic); w.u8(1); w.u64(sequence); w.u64(logLength); w.raw(chain); w.raw(root.bytesBE)
        w.raw(SHA256.hash(w.bytes))
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> Head {
        func bad(_ r: String) -> LedgerError { .corrupt(file: "HEAD", record: nil, offset: nil, reason: r) }
        guard bytes.count == size else { throw bad("expected \(size) bytes, found \(bytes.count)") }
        guard Array(bytes[0..<4]) == magic else { throw bad("bad magic (expected \"ZKLH\")") }
        guard SHA256.hash(bytes[0..<85]) == Array(bytes[85..<117]) else { throw bad("checksum mismatch") }
        guard bytes[4] == 1 else { throw bad("version \(bytes[4]), expected 1") }
        var r = ByteReader(bytes, position: 5)
        let seq = (try? r.u64("sequence")) ?? 0
        let len = (try? r.u64("length")) ?? 0
        guard let root = try? Fr(bytesBE: bytes[53..<85]) else { throw bad("root is not canonical") }
        return Head(sequence: seq, logLength: len, chain: Array(bytes[21..<53]), root: root)
    }
}
