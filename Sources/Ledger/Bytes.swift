/// Little-endian byte writer/reader for the log and HEAD formats (docs/LEDGER.md §3).
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { for i in 0..<2 { bytes.append(UInt8(truncatingIfNeeded: v >> UInt16(8 * i))) } }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(8 * i))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * i))) } }
    mutating func raw<B: Sequence>(_ b: B) where B.Element == UInt8 { bytes.append(contentsOf: b) }
}

/// Reads from a byte array; every read is bounds-checked and throws `short` past the end.
struct ByteReader {
    struct Short: Error { let what: String }
    let bytes: [UInt8]
    var position: Int
    init(_ bytes: [UInt8], position: Int = 0) { self.bytes = bytes; self.position = position }

    var remaining: Int { bytes.count - position }

    mutating func take(_ n: Int, _ what: String) throws -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw Short(what: what) }
        defer { position += n }
        return bytes[position..<(position + n)]
    }
    mutating func u8(_ what: String) throws -> UInt8 { try take(1, what).first ?? 0 }
    mutating func u16(_ what: String) throws -> UInt16 {
        var v: UInt16 = 0
        for (i, b) in try take(2, what).enumerated() { v |= UInt16(b) << UInt16(8 * i) }
        return v
    }
    mutating func u32(_ what: String) throws -> UInt32 {
        var v: UInt32 = 0
        for (i, b) in try take(4, what).enumerated() { v |= UInt32(b) << UInt32(8 * i) }
        return v
    }
    mutating func u64(_ what: String) throws -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in try take(8, what).enumerated() { v |= UInt64(b) << UInt64(8 * i) }
        return v
    }
}
