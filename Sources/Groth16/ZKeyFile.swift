import BN254
import Dispatch
import Foundation
import R1CS

/// snarkjs Groth16 `.zkey` (iden3 container, magic "zkey", version 1), read and written
/// section by section as FORMATS.md §3 describes (snarkjs src/zkey_utils.js):
///
/// 1 protocol id (1 = Groth16) · 2 header (q, r, nVars, nPublic, domainSize, α₁ β₁ β₂ γ₂ δ₁ δ₂) ·
/// 3 IC · 4 matrix entries (values stored as coef·R² mod r) · 5 A · 6 B1 · 7 B2 · 8 C · 9 H ·
/// 10 MPC parameters (kept verbatim).
///
/// Points are affine x‖y with Montgomery little-endian coordinates; infinity is all zeros. Every
/// point is validated on reading: on the curve for G1; on the twist and in the r-order subgroup
/// for the header's G2 points (β₂, γ₂, δ₂, which go into the verifying key). The B2 array is
/// checked on the twist only; the prover checks the subgroup membership of every π_B it makes.
public enum ZKeyFile {
    static let sectionIDs: Set<UInt32> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

    public static func read(path: String) throws -> ProvingKey {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw Groth16Error.io(file: path, reason: "\(error)") }
        return try decode(bytes, file: path)
    }

    public static func write(_ pk: ProvingKey, path: String) throws {
        do { try FileIO.write(encode(pk), to: path) } catch { throw Groth16Error.io(file: path, reason: "\(error)") }
    }

    // MARK: decoding

    public static func decode(_ bytes: [UInt8], file: String = "<memory>") throws -> ProvingKey {
        try bytes.withUnsafeBytes { buf in
            let container = try BinaryContainer.parse(buf, magic: "zkey", file: file, versions: 1...1, unique: sectionIDs)
            func section(_ id: UInt32, _ name: String) throws -> BinaryContainer.Section {
                guard let s = container.section(id) else {
                    throw Groth16Error.malformed(file: file, field: "section \(id) (\(name))", reason: "missing")
                }
                return s
            }
            func reader(_ s: BinaryContainer.Section, _ name: String) -> ByteReader {
                ByteReader(buf, file: file, start: s.offset, end: s.offset + s.size, location: "section \(s.id) (\(name))")
            }
            // 1: protocol
            var r1 = reader(try section(1, "protocol"), "protocol")
            let protocolID = try r1.u32("protocol id")
            guard protocolID == 1 else { throw Groth16Error.unsupportedProtocol(file: file, id: protocolID) }

            // 2: header
            let s2 = try section(2, "Groth16 header")
            var h = reader(s2, "Groth16 header")
            let n8q = try h.u32("n8q")
            guard n8q == 32 else { throw Groth16Error.malformed(file: file, field: "header n8q", reason: "expected 32, got \(n8q)") }
            let q = try h.bytes(32, "q")
            guard q == Fp.modulusLE else { throw Groth16Error.malformed(file: file, field: "header q", reason: "not BN254's base field modulus") }
            let n8r = try h.u32("n8r")
            guard n8r == 32 else { throw Groth16Error.malformed(file: file, field: "header n8r", reason: "expected 32, got \(n8r)") }
            let r = try h.bytes(32, "r")
            guard r == FieldBytes.primeLE else { throw Groth16Error.malformed(file: file, field: "header r", reason: "not BN254's scalar field modulus") }
            let nVars = Int(try h.u32("nVars"))
            let nPublic = Int(try h.u32("nPublic"))
            let domainSize = Int(try h.u32("domainSize"))
            guard nVars >= 1, nPublic < nVars else {
                throw Groth16Error.malformed(file: file, field: "header", reason: "nPublic \(nPublic) must be < nVars \(nVars)")
            }
            guard domainSize >= 1, domainSize & (domainSize - 1) == 0, domainSize <= 1 << 28 else {
                throw Groth16Error.malformed(file: file, field: "header domainSize", reason: "\(domainSize) is not a power of two ≤ 2^28")
            }
            let alpha1 = try g1(&h, file, "alpha1")
            let beta1 = try g1(&h, file, "beta1")
            let beta2 = try g2(&h, file, "beta2")
            let gamma2 = try g2(&h, file, "gamma2")
            let delta1 = try g1(&h, file, "delta1")
            let delta2 = try g2(&h, file, "delta2")
            guard h.remaining == 0 else {
                throw Groth16Error.malformed(file: file, field: "section 2", reason: "\(h.remaining) unexpected trailing bytes")
            }

            let ic = try g1Array(buf, try section(3, "IC"), count: nPublic + 1, file: file, name: "IC")

            // 4: matrix entries
            var r4 = reader(try section(4, "coefficients"), "coefficients")
            let nCoefs = Int(try r4.u32("nCoefs"))
            guard nCoefs * 44 == r4.remaining else {
                throw Groth16Error.malformed(file: file, field: "section 4", reason: "\(nCoefs) entries need \(nCoefs * 44) bytes, the section has \(r4.remaining)")
            }
            var entries: [MatrixEntry] = []
            entries.reserveCapacity(nCoefs)
            for k in 0..<nCoefs {
                let matrix = try r4.u32("entry \(k) matrix")
                let constraint = try r4.u32("entry \(k) constraint")
                let signal = try r4.u32("entry \(k) signal")
                // Stored value is coef·R² mod r (plain LE). Reading it as Montgomery limbs gives the
                // element coef·R; one more Montgomery reduction (× R⁻¹) yields coef.
                let raw = try r4.fr("entry \(k) value")   // canonical check (< r) included
                let value = Fr(montgomery: raw.canonical).montgomeryReduced
                guard matrix <= 1 else {
                    throw Groth16Error.malformed(file: file, field: "section 4 entry \(k)", reason: "matrix \(matrix) (expected 0 = A or 1 = B)")
                }
                guard Int(constraint) < domainSize, Int(signal) < nVars else {
                    throw Groth16Error.malformed(file: file, field: "section 4 entry \(k)", reason: "row \(constraint) or wire \(signal) out of range (domain \(domainSize), \(nVars) wires)")
                }
                entries.append(MatrixEntry(matrix: UInt8(matrix), constraint: constraint, signal: signal, value: value))
            }
            let a = try g1Array(buf, try section(5, "A"), count: nVars, file: file, name: "A")
            let b1 = try g1Array(buf, try section(6, "B1"), count: nVars, file: file, name: "B1")
            let b2 = try g2Array(buf, try section(7, "B2"), count: nVars, file: file, name: "B2")
            let c = try g1Array(buf, try section(8, "C"), count: nVars - nPublic - 1, file: file, name: "C")
            let hPoints = try g1Array(buf, try section(9, "H"), count: domainSize, file: file, name: "H")
            var mpc: [UInt8]? = nil
            if let s10 = container.section(10) { mpc = Array(buf[s10.offset ..< s10.offset + s10.size]) }
            return ProvingKey(nVars: nVars, nPublic: nPublic, domainSize: domainSize,
                              alpha1: alpha1, beta1: beta1, beta2: beta2, gamma2: gamma2, delta1: delta1, delta2: delta2,
                              ic: ic, entries: entries, a: a, b1: b1, b2: b2, c: c, h: hPoints, mpcParameters: mpc)
        }
    }

    static func g1(_ r: inout ByteReader, _ file: String, _ name: String) throws -> G1Affine {
        let b = try r.bytes(64, name)
        do { return try G1Affine(montgomeryBytesLE: b, what: name) }
        catch { throw Groth16Error.invalidPoint(file: file, field: name, reason: "\(error)") }
    }

    static func g2(_ r: inout ByteReader, _ file: String, _ name: String) throws -> G2Affine {
        let b = try r.bytes(128, name)
        do { return try G2Affine(montgomeryBytesLE: b, what: name) }
        catch { throw Groth16Error.invalidPoint(file: file, field: name, reason: "\(error)") }
    }

    /// Decodes `count` points of `size` bytes in parallel chunks, validating each.
    static func pointArray<P: Sendable>(_ buf: UnsafeRawBufferPointer, _ s: BinaryContainer.Section, count: Int, size: Int,
                              file: String, name: String, decode: @escaping @Sendable ([UInt8], String) throws -> P) throws -> [P] {
        guard s.size == count * size else {
            throw Groth16Error.malformed(file: file, field: "section \(s.id) (\(name))",
                                         reason: "\(count) points need \(count * size) bytes, the section has \(s.size)")
        }
        if count == 0 { return [] }
        let chunk = max(1024, (count + 31) / 32)
        let chunks = (count + chunk - 1) / chunk
        let box = ResultBox<Result<[P], Error>>(count: chunks)
        let base = UnsafeSendableRaw(buf)
        DispatchQueue.concurrentPerform(iterations: chunks) { ci in
            let lo = ci * chunk, hi = min(count, lo + chunk)
            var out: [P] = []
            out.reserveCapacity(hi - lo)
            do {
                for i in lo..<hi {
                    let start = s.offset + i * size
                    out.append(try decode(Array(base.buf[start ..< start + size]), "\(name)[\(i)]"))
                }
                box.set(ci, .success(out))
            } catch { box.set(ci, .failure(error)) }
        }
        var all: [P] = []
        all.reserveCapacity(count)
        for ci in 0..<chunks {
            switch box.get(ci) {
            case .success(let part)?: all.append(contentsOf: part)
            case .failure(let e)?: throw Groth16Error.invalidPoint(file: file, field: name, reason: "\(e)")
            case nil: throw Groth16Error.malformed(file: file, field: name, reason: "internal: a chunk was not decoded")
            }
        }
        return all
    }

    static func g1Array(_ buf: UnsafeRawBufferPointer, _ s: BinaryContainer.Section, count: Int, file: String, name: String) throws -> [G1Affine] {
        try pointArray(buf, s, count: count, size: 64, file: file, name: name) { try G1Affine(montgomeryBytesLE: $0, what: $1) }
    }

    static func g2Array(_ buf: UnsafeRawBufferPointer, _ s: BinaryContainer.Section, count: Int, file: String, name: String) throws -> [G2Affine] {
        // Curve check only (see G2Affine(montgomeryBytesLEOnCurveOnly:)): the prover checks π_B's
        // subgroup membership instead of 2^k subgroup checks here.
        try pointArray(buf, s, count: count, size: 128, file: file, name: name) { try G2Affine(montgomeryBytesLEOnCurveOnly: $0, what: $1) }
    }

    // MARK: encoding

    public static func encode(_ pk: ProvingKey) -> [UInt8] {
        var sections: [(UInt32, [UInt8])] = []
        sections.append((1, le32(1)))
        var header = le32(32) + Fp.modulusLE + le32(32) + FieldBytes.primeLE
        header += le32(UInt32(pk.nVars)) + le32(UInt32(pk.nPublic)) + le32(UInt32(pk.domainSize))
        header += pk.alpha1.montgomeryBytesLE + pk.beta1.montgomeryBytesLE + pk.beta2.montgomeryBytesLE
        header += pk.gamma2.montgomeryBytesLE + pk.delta1.montgomeryBytesLE + pk.delta2.montgomeryBytesLE
        sections.append((2, header))
        sections.append((3, pk.ic.flatMap { $0.montgomeryBytesLE }))
        var coefs = le32(UInt32(pk.entries.count))
        coefs.reserveCapacity(4 + 44 * pk.entries.count)
        for e in pk.entries {
            coefs += le32(UInt32(e.matrix)) + le32(e.constraint) + le32(e.signal)
            // Stored as the plain integer coef·R² mod r.
            coefs += e.value.timesR.timesR.bytesLE
        }
        sections.append((4, coefs))
        sections.append((5, pk.a.flatMap { $0.montgomeryBytesLE }))
        sections.append((6, pk.b1.flatMap { $0.montgomeryBytesLE }))
        sections.append((7, pk.b2.flatMap { $0.montgomeryBytesLE }))
        sections.append((8, pk.c.flatMap { $0.montgomeryBytesLE }))
        sections.append((9, pk.h.flatMap { $0.montgomeryBytesLE }))
        if let mpc = pk.mpcParameters {
            sections.append((10, mpc))
        } else {
            // No contributions: a zero csHash (informational only) and nContributions = 0.
            sections.append((10, [UInt8](repeating: 0, count: 64) + le32(0)))
        }
        // snarkjs's order: 1, 2, 4, 3, 9, 8, 5, 6, 7, 10.
        let order: [UInt32] = [1, 2, 4, 3, 9, 8, 5, 6, 7, 10]
        var out = Array("zkey".utf8) + le32(1) + le32(UInt32(sections.count))
        for id in order {
            guard let s = sections.first(where: { $0.0 == id }) else { continue }
            out += le32(id) + le64(UInt64(s.1.count)) + s.1
        }
        return out
    }

    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> UInt32(8 * $0)) } }
    static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> UInt64(8 * $0)) } }
}

/// A raw buffer that crosses into `concurrentPerform` (read-only there).
struct UnsafeSendableRaw: @unchecked Sendable {
    let buf: UnsafeRawBufferPointer
    init(_ buf: UnsafeRawBufferPointer) { self.buf = buf }
}

extension Fp {
    /// q as 32 little-endian bytes.
    static var modulusLE: [UInt8] {
        let m = Fp.modulus
        return [m.0, m.1, m.2, m.3].flatMap { l in (0..<8).map { UInt8(truncatingIfNeeded: l >> UInt64(8 * $0)) } }
    }
}

extension Fr {
    /// self·R⁻¹ (one Montgomery reduction of the representation).
    var montgomeryReduced: Fr { Fr(montgomery: canonical) }
    /// self·R.
    var timesR: Fr { self * Fr(montgomery: Fr.montgomeryR2) }
}
