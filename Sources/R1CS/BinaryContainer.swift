import BN254
#if canImport(Foundation)
import Foundation
#endif

/// The iden3 binary container shared by `.r1cs`, `.wtns`, `.zkey` and `.ptau`
/// (iden3/binfileutils; summarised in shared/vectors/FORMATS.md §0): 4-byte ASCII magic,
/// u32 version, u32 nSections, then nSections × (u32 id, u64 size, payload). Little-endian.
/// Sections may come in any order; unknown ids are skipped.
package struct BinaryContainer {
    package struct Section {
        package let id: UInt32; package let offset: Int; package let size: Int
        /// Records first ..< first + count of `size` bytes each, as a section of their own; nil
        /// when they do not lie inside this one.
        package func records(first: Int, count: Int, size: Int) -> Section? {
            guard first >= 0, count >= 0, size > 0, (first + count) * size <= self.size else { return nil }
            return Section(id: id, offset: offset + first * size, size: count * size)
        }
    }
    package let version: UInt32
    package let sections: [Section]

    /// Parses the section table, bounds-checking every size against the bytes present.
    /// `unique` lists the ids that may appear at most once.
    package static func parse(_ buf: UnsafeRawBufferPointer, magic: String, file: String,
                      versions: ClosedRange<UInt32>, unique: Set<UInt32>) throws -> BinaryContainer {
        var r = ByteReader(buf, file: file, start: 0, end: buf.count, location: "file header")
        let m = Array(magic.utf8)
        guard buf.count >= 4 else {
            throw R1CSError.truncated(file: file, location: "magic", needed: 4, available: buf.count)
        }
        let found = Array(buf[0..<4])
        guard found == m else { throw R1CSError.badMagic(file: file, expected: magic, found: found) }
        r.pos = 4
        let version = try r.u32("version")
        guard versions.contains(version) else {
            let sup = versions.count == 1 ? "\(versions.lowerBound)" : "\(versions.lowerBound)…\(versions.upperBound)"
            throw R1CSError.unsupportedVersion(file: file, format: magic, version: version, supported: sup)
        }
        let n = try r.u32("nSections")
        let maxSections = UInt64(r.remaining / 12)
        guard UInt64(n) <= maxSections else {
            throw R1CSError.countTooLarge(file: file, location: "file header nSections", count: UInt64(n), maximum: maxSections)
        }
        var sections: [Section] = []
        sections.reserveCapacity(Int(n))
        var seen = Set<UInt32>()
        for s in 0..<Int(n) {
            r.location = "section table entry \(s)"
            let id = try r.u32("sectionId")
            let size = try r.u64("sectionSize")
            guard size <= UInt64(r.remaining) else {
                throw R1CSError.truncated(file: file, location: "section \(id) (entry \(s)) payload",
                                          needed: size > UInt64(Int.max) ? Int.max : Int(size), available: r.remaining)
            }
            if unique.contains(id), !seen.insert(id).inserted {
                throw R1CSError.duplicateSection(file: file, section: id)
            }
            sections.append(Section(id: id, offset: r.pos, size: Int(size)))
            r.pos += Int(size)
        }
        guard r.remaining == 0 else {
            throw R1CSError.trailingBytes(file: file, location: "the last section", count: r.remaining)
        }
        return BinaryContainer(version: version, sections: sections)
    }

    package func section(_ id: UInt32) -> Section? { sections.first { $0.id == id } }
}

/// A bounds-checked little-endian cursor over a byte buffer. Every read checks the bytes left in
/// the current window and throws `truncated` naming the file, location and field.
package struct ByteReader {
    package let buf: UnsafeRawBufferPointer
    package let file: String
    package var pos: Int
    package let end: Int
    package var location: String

    package init(_ buf: UnsafeRawBufferPointer, file: String, start: Int, end: Int, location: String) {
        self.buf = buf; self.file = file; pos = start; self.end = end; self.location = location
    }

    @inline(__always) package var remaining: Int { end - pos }

    @inline(__always) package mutating func need(_ n: Int, _ field: @autoclosure () -> String) throws {
        guard n <= end - pos else {
            throw R1CSError.truncated(file: file, location: "\(location) \(field())", needed: n, available: end - pos)
        }
    }

    @inline(__always) package mutating func u32(_ field: @autoclosure () -> String) throws -> UInt32 {
        try need(4, field())
        let v = UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: pos, as: UInt32.self))
        pos += 4
        return v
    }

    @inline(__always) package mutating func u64(_ field: @autoclosure () -> String) throws -> UInt64 {
        try need(8, field())
        let v = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
        pos += 8
        return v
    }

    /// A 32-byte little-endian canonical Fr value; throws `valueNotCanonical` when ≥ r.
    @inline(__always) package mutating func fr(_ field: @autoclosure () -> String) throws -> Fr {
        try need(32, field())
        guard let v = FieldBytes.decodeLE(buf, at: pos) else {
            throw R1CSError.valueNotCanonical(file: file, location: "\(location) \(field())")
        }
        pos += 32
        return v
    }

    package mutating func bytes(_ n: Int, _ field: @autoclosure () -> String) throws -> [UInt8] {
        try need(n, field())
        let out = Array(buf[pos..<(pos + n)])
        pos += n
        return out
    }
}

/// Plain (not Montgomery) little-endian 32-byte Fr encoding, the `.r1cs`/`.wtns` layout.
package enum FieldBytes {
    /// r as 32 little-endian bytes.
    package static let primeLE: [UInt8] = {
        let m = Fr.modulus
        var out: [UInt8] = []
        for limb in [m.0, m.1, m.2, m.3] { for j in 0..<8 { out.append(UInt8(truncatingIfNeeded: limb >> UInt64(8 * j))) } }
        return out
    }()

    /// Decodes 32 bytes at `offset` (caller checked the bounds); nil when the value is ≥ r.
    @inline(__always) package static func decodeLE(_ buf: UnsafeRawBufferPointer, at offset: Int) -> Fr? {
        let l0 = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let l1 = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        let l2 = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        let l3 = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        let m = Fr.modulus
        let less: Bool
        if l3 != m.3 { less = l3 < m.3 }
        else if l2 != m.2 { less = l2 < m.2 }
        else if l1 != m.1 { less = l1 < m.1 }
        else { less = l0 < m.0 }
        guard less else { return nil }
        // Fast path: circom coefficients are mostly 1 and −1 (r − 1); skip the Montgomery product.
        if (l1 | l2 | l3) == 0, l0 == 1 { return .one }
        if l0 == m.0 &- 1, l1 == m.1, l2 == m.2, l3 == m.3 { return -Fr.one }
        return Fr(canonicalUnchecked: (l0, l1, l2, l3))
    }

    /// Writes the canonical value as 32 little-endian bytes at `p`.
    @inline(__always) package static func encodeLE(_ v: Fr, to p: UnsafeMutableRawPointer) {
        let c = v.isOne ? (1, 0, 0, 0) : v.canonical       // fast path for the common coefficient 1
        p.storeBytes(of: c.0.littleEndian, toByteOffset: 0, as: UInt64.self)
        p.storeBytes(of: c.1.littleEndian, toByteOffset: 8, as: UInt64.self)
        p.storeBytes(of: c.2.littleEndian, toByteOffset: 16, as: UInt64.self)
        p.storeBytes(of: c.3.littleEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The decimal value of 32 little-endian bytes (for error messages about the prime).
    package static func decimalLE(_ bytes: [UInt8]) -> String {
        var limbs: [UInt64] = [0, 0, 0, 0]
        for (i, b) in bytes.prefix(32).enumerated() { limbs[i / 8] |= UInt64(b) << UInt64(8 * (i % 8)) }
        // Repeated division of the 256-bit value by 10 (cold path: error messages only).
        var digits: [Character] = []
        while limbs.contains(where: { $0 != 0 }) {
            var rem: UInt64 = 0
            for i in stride(from: 3, through: 0, by: -1) {
                let cur = (UInt128(rem) << 64) | UInt128(limbs[i])
                limbs[i] = UInt64(truncatingIfNeeded: cur / 10)
                rem = UInt64(truncatingIfNeeded: cur % 10)
            }
            digits.append(Character(String(rem)))
        }
        return digits.isEmpty ? "0" : String(digits.reversed())
    }
}

/// Sequential little-endian writer into a buffer whose exact size was computed up front.
package struct ByteWriter {
    package let base: UnsafeMutableRawPointer
    package var pos = 0
    package init(_ base: UnsafeMutableRawPointer) { self.base = base }
    @inline(__always) package mutating func u32(_ v: UInt32) { base.storeBytes(of: v.littleEndian, toByteOffset: pos, as: UInt32.self); pos += 4 }
    @inline(__always) package mutating func u64(_ v: UInt64) { base.storeBytes(of: v.littleEndian, toByteOffset: pos, as: UInt64.self); pos += 8 }
    @inline(__always) package mutating func fr(_ v: Fr) { FieldBytes.encodeLE(v, to: base + pos); pos += 32 }
    package mutating func bytes(_ b: [UInt8]) { for x in b { base.storeBytes(of: x, toByteOffset: pos, as: UInt8.self); pos += 1 } }

    /// Builds an array of exactly `size` bytes with `body`, which must write all of them.
    package static func make(size: Int, _ body: (inout ByteWriter) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { out, count in
            guard let base = out.baseAddress else { count = 0; return }   // size 0
            var w = ByteWriter(UnsafeMutableRawPointer(base))
            body(&w)
            count = w.pos
        }
    }
}

/// File access for the readers and writers: POSIX read/write straight into and out of the byte
/// arrays (a 10⁶-constraint `.r1cs` is 164 MB; a Foundation `Data` round trip costs extra copies).
/// Writes go to a temporary file in the same directory, then `rename` over the target, so a crash
/// never leaves a half-written file under the real name. Errors become `R1CSError.io`.
package enum FileIO {
    package static func errnoText() -> String { String(cString: strerror(errno)) }

    package static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw R1CSError.io(file: path, reason: "cannot open: \(errnoText())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw R1CSError.io(file: path, reason: "cannot stat: \(errnoText())") }
        let size = Int(st.st_size)
        guard size >= 0 else { throw R1CSError.io(file: path, reason: "negative file size") }
        var failure: String? = nil
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var done = 0
            while done < size, let base = buf.baseAddress {
                let n = Foundation.read(fd, base + done, size - done)
                if n < 0 { if errno == EINTR { continue }; failure = errnoText(); break }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if let failure { throw R1CSError.io(file: path, reason: "read failed: \(failure)") }
        guard bytes.count == size else {
            throw R1CSError.io(file: path, reason: "file changed while reading (\(bytes.count) of \(size) bytes)")
        }
        return bytes
    }

    package static func write(_ bytes: [UInt8], to path: String) throws {
        let tmp = path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw R1CSError.io(file: path, reason: "cannot create \(tmp): \(errnoText())") }
        var failure: String? = nil
        bytes.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count, let base = buf.baseAddress {
                let n = Foundation.write(fd, base + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; failure = errnoText(); break }
                done += n
            }
        }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if let failure {
            unlink(tmp)
            throw R1CSError.io(file: path, reason: "write failed: \(failure)")
        }
        guard rename(tmp, path) == 0 else {
            let reason = errnoText()
            unlink(tmp)
            throw R1CSError.io(file: path, reason: "cannot rename \(tmp) into place: \(reason)")
        }
    }
}
