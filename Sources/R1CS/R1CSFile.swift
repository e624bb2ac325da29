import BN254

/// Reader and writer for circom's iden3 `.r1cs` constraint-system file, version 1.
///
/// Format spec: iden3/r1csfile `doc/r1cs_bin_format.md` (CC0) at 6db2432c, with the reference
/// reader `src/r1csfile.js`; summarised field by field in shared/vectors/FORMATS.md §0–§1.
/// Container: magic `r1cs`, u32 version 1, sections in any order. Section 1 header (n8, prime,
/// nWires, nPubOut, nPubIn, nPrvIn, u64 nLabels, mConstraints), section 2 constraints
/// (per constraint A, B, C; each `u32 nTerms` then nTerms × (u32 wire, n8-byte plain LE
/// coefficient)), section 3 wire→label map (nWires × u64). Sections 4/5 (custom gates) are
/// PLONK-only and rejected.
///
/// Untrusted input never traps: every count is checked against the bytes left before anything
/// is allocated, coefficients ≥ r are rejected (never reduced), every term must name an existing
/// wire, and section sizes must match their contents exactly. Terms are kept in file order: the
/// spec says they MUST be sorted, but circom 2 does not always sort them (snarkjs/groth16's
/// circuit.r1cs has 9 unsorted combinations), and keeping the order makes files round-trip.
public enum R1CSFile {
    static let headerSize = 4 + 32 + 4 * 4 + 8 + 4     // n8 = 32

    public static func read(path: String) throws -> ConstraintSystem {
        try decode(FileIO.read(path), file: path)
    }

    public static func write(_ system: ConstraintSystem, to path: String) throws {
        try FileIO.write(encode(system), to: path)
    }

    public static func decode(_ bytes: [UInt8], file: String = "<memory>") throws -> ConstraintSystem {
        try bytes.withUnsafeBytes { try decode(buffer: $0, file: file) }
    }

    static func decode(buffer buf: UnsafeRawBufferPointer, file: String) throws -> ConstraintSystem {
        let container = try BinaryContainer.parse(buf, magic: "r1cs", file: file, versions: 1...1,
                                                  unique: [1, 2, 3, 4, 5])
        for id: UInt32 in [4, 5] where container.section(id) != nil {
            throw R1CSError.customGates(file: file, section: id)
        }
        // Section 1: header.
        guard let h = container.section(1) else { throw R1CSError.missingSection(file: file, section: 1, name: "header") }
        var r = ByteReader(buf, file: file, start: h.offset, end: h.offset + h.size, location: "header section 1")
        let n8 = try r.u32("n8")
        guard n8 == 32 else { throw R1CSError.unsupportedFieldSize(file: file, n8: n8) }
        let prime = try r.bytes(32, "prime")
        guard prime == FieldBytes.primeLE else {
            throw R1CSError.wrongPrime(file: file, prime: FieldBytes.decimalLE(prime))
        }
        let nWires = Int(try r.u32("nWires"))
        let nPubOut = Int(try r.u32("nPubOut"))
        let nPubIn = Int(try r.u32("nPubIn"))
        let nPrvIn = Int(try r.u32("nPrvIn"))
        let nLabels = try r.u64("nLabels")
        let m = Int(try r.u32("mConstraints"))
        guard r.remaining == 0 else {
            throw R1CSError.badSectionSize(file: file, section: "header section 1", expected: "\(headerSize)", got: UInt64(h.size))
        }
        try ConstraintSystem.validateCounts(nPublicOutputs: nPubOut, nPublicInputs: nPubIn,
                                            nPrivateInputs: nPrvIn, nWires: nWires, file: file)
        guard nLabels >= UInt64(nWires) else {
            throw R1CSError.invalidHeader(file: file, field: "nLabels", reason: "\(nLabels) is less than nWires = \(nWires)")
        }

        // Section 2: constraints.
        guard let cs = container.section(2) else { throw R1CSError.missingSection(file: file, section: 2, name: "constraints") }
        let maxM = cs.size / 12                   // each constraint holds at least three u32 nTerms
        guard m <= maxM else {
            throw R1CSError.countTooLarge(file: file, location: "header mConstraints", count: UInt64(m), maximum: UInt64(maxM))
        }
        let maxTerms = (cs.size - 12 * m) / 36
        var offsets = [Int](repeating: 0, count: 3 * m + 1)
        r = ByteReader(buf, file: file, start: cs.offset, end: cs.offset + cs.size, location: "constraints section 2")
        // Terms are written straight into uninitialised storage sized by the bound above; `Term`
        // is trivial, so `count` only has to be right when the closure returns or throws.
        let terms = try [Term](unsafeUninitializedCapacity: maxTerms) { out, count in
            count = 0
            for i in 0..<m {
                for j in 0..<3 {
                    let nTerms = Int(try r.u32("constraint \(i) \(Matrix(rawValue: j)?.name ?? "") nTerms"))
                    // Bytes still needed: these terms plus at least the remaining nTerms fields.
                    let rest = (3 * (m - i) - j - 1) * 4
                    let fit = max(0, r.remaining - rest) / 36
                    guard nTerms <= fit, count + nTerms <= out.count else {
                        throw R1CSError.countTooLarge(file: file, location: "constraints section 2 constraint \(i) \(Matrix(rawValue: j)?.name ?? "") nTerms",
                                                      count: UInt64(nTerms), maximum: UInt64(fit))
                    }
                    // The 36·nTerms bytes are present (checked above): read without per-field checks.
                    var p = r.pos
                    for k in 0..<nTerms {
                        let w = UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: p, as: UInt32.self))
                        guard Int(w) < nWires else {
                            throw R1CSError.wireOutOfRange(file: file, location: "constraints section 2 constraint \(i) \(Matrix(rawValue: j)?.name ?? "") term \(k)",
                                                           wire: UInt64(w), nWires: nWires)
                        }
                        guard let c = FieldBytes.decodeLE(buf, at: p + 4) else {
                            throw R1CSError.valueNotCanonical(file: file, location: "constraints section 2 constraint \(i) \(Matrix(rawValue: j)?.name ?? "") term \(k) coefficient")
                        }
                        out.initializeElement(at: count, to: Term(wire: w, coefficient: c))
                        count += 1
                        p += 36
                    }
                    r.pos = p
                    offsets[3 * i + j + 1] = count
                }
            }
        }
        guard r.remaining == 0 else {
            throw R1CSError.badSectionSize(file: file, section: "constraints section 2",
                                           expected: "\(cs.size - r.remaining) for \(m) constraints", got: UInt64(cs.size))
        }

        // Section 3: wire → label map (optional; absent means the identity).
        var map: [UInt64]? = nil
        if let s = container.section(3) {
            guard s.size == 8 * nWires else {
                throw R1CSError.badSectionSize(file: file, section: "wire→label map section 3",
                                               expected: "8·nWires = \(8 * nWires)", got: UInt64(s.size))
            }
            r = ByteReader(buf, file: file, start: s.offset, end: s.offset + s.size, location: "wire→label map section 3")
            var labels = [UInt64](repeating: 0, count: nWires)
            var identity = true
            for w in 0..<nWires {
                let l = try r.u64("wire \(w)")
                guard l < nLabels else { throw R1CSError.labelOutOfRange(file: file, wire: w, label: l, nLabels: nLabels) }
                labels[w] = l
                if l != UInt64(w) { identity = false }
            }
            if !identity { map = labels }
        }
        return ConstraintSystem(unchecked: nPubOut, nPubIn, nPrvIn, nWires, nLabels, terms, offsets, map)
    }

    /// The file bytes, sections in canonical order 1, 2, 3; the label map is always written
    /// (the identity when the system has none).
    public static func encode(_ system: ConstraintSystem) -> [UInt8] {
        let m = system.constraintCount
        let s2 = 12 * m + 36 * system.terms.count
        let s3 = 8 * system.nWires
        let total = 12 + 3 * 12 + headerSize + s2 + s3
        return ByteWriter.make(size: total) { w in
            w.bytes(Array("r1cs".utf8)); w.u32(1); w.u32(3)
            w.u32(1); w.u64(UInt64(headerSize))
            w.u32(32); w.bytes(FieldBytes.primeLE)
            w.u32(UInt32(truncatingIfNeeded: system.nWires))
            w.u32(UInt32(truncatingIfNeeded: system.nPublicOutputs))
            w.u32(UInt32(truncatingIfNeeded: system.nPublicInputs))
            w.u32(UInt32(truncatingIfNeeded: system.nPrivateInputs))
            w.u64(system.nLabels)
            w.u32(UInt32(truncatingIfNeeded: m))
            w.u32(2); w.u64(UInt64(s2))
            system.terms.withUnsafeBufferPointer { t in
                system.lcOffsets.withUnsafeBufferPointer { off in
                    for k in 0..<(off.count - 1) {
                        w.u32(UInt32(truncatingIfNeeded: off[k + 1] - off[k]))
                        for x in off[k]..<off[k + 1] { w.u32(t[x].wire); w.fr(t[x].coefficient) }
                    }
                }
            }
            w.u32(3); w.u64(UInt64(s3))
            if let map = system.wireToLabel { for l in map { w.u64(l) } }
            else { for i in 0..<system.nWires { w.u64(UInt64(i)) } }
        }
    }
}
