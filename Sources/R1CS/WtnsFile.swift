import BN254

/// Reader and writer for the iden3 `.wtns` witness file (circom/snarkjs), version 2 (1 and 2 are
/// read; they share the layout).
///
/// Format spec: iden3/snarkjs `src/wtns_utils.js` at 9a8f1c00 (read/write of the container from
/// iden3/binfileutils), summarised in shared/vectors/FORMATS.md §0 and §2: magic `wtns`,
/// section 1 = u32 n8, prime (n8 bytes LE, must be r), u32 nWitness; section 2 = nWitness × n8-byte
/// plain little-endian values (not Montgomery). Values ≥ r are rejected, never reduced. Whether
/// entry 0 is 1 is a property of the witness, checked by `ConstraintSystem.checkShape`.
public enum WtnsFile {
    public static func read(path: String) throws -> Witness {
        try decode(FileIO.read(path), file: path)
    }

    public static func write(_ witness: Witness, to path: String) throws {
        try FileIO.write(encode(witness), to: path)
    }

    public static func decode(_ bytes: [UInt8], file: String = "<memory>") throws -> Witness {
        try bytes.withUnsafeBytes { buf in
            let container = try BinaryContainer.parse(buf, magic: "wtns", file: file, versions: 1...2, unique: [1, 2])
            guard let h = container.section(1) else { throw R1CSError.missingSection(file: file, section: 1, name: "header") }
            var r = ByteReader(buf, file: file, start: h.offset, end: h.offset + h.size, location: "header section 1")
            let n8 = try r.u32("n8")
            guard n8 == 32 else { throw R1CSError.unsupportedFieldSize(file: file, n8: n8) }
            let prime = try r.bytes(32, "prime")
            guard prime == FieldBytes.primeLE else {
                throw R1CSError.wrongPrime(file: file, prime: FieldBytes.decimalLE(prime))
            }
            let n = Int(try r.u32("nWitness"))
            guard r.remaining == 0 else {
                throw R1CSError.badSectionSize(file: file, section: "header section 1", expected: "40", got: UInt64(h.size))
            }
            guard let v = container.section(2) else { throw R1CSError.missingSection(file: file, section: 2, name: "witness values") }
            guard v.size == 32 * n else {
                throw R1CSError.badSectionSize(file: file, section: "witness values section 2",
                                               expected: "32·nWitness = \(32 * n)", got: UInt64(v.size))
            }
            var values = [Fr]()
            values.reserveCapacity(n)
            r = ByteReader(buf, file: file, start: v.offset, end: v.offset + v.size, location: "witness values section 2")
            for i in 0..<n { values.append(try r.fr("value \(i)")) }
            return Witness(values: values)
        }
    }

    /// Version-2 bytes, sections 1 then 2 (the layout snarkjs writes).
    public static func encode(_ witness: Witness) -> [UInt8] {
        let n = witness.count
        return ByteWriter.make(size: 12 + 12 + 40 + 12 + 32 * n) { w in
            w.bytes(Array("wtns".utf8)); w.u32(2); w.u32(2)
            w.u32(1); w.u64(40); w.u32(32); w.bytes(FieldBytes.primeLE); w.u32(UInt32(truncatingIfNeeded: n))
            w.u32(2); w.u64(UInt64(32 * n))
            for x in witness.values { w.fr(x) }
        }
    }
}
