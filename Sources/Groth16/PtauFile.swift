import BN254
import Foundation
import R1CS

/// The points of a prepared (phase-2 ready) snarkjs/Hermez `.ptau` file that a Groth16 key of
/// domain size N needs (FORMATS.md §4; snarkjs src/powersoftau_preparephase2.js):
///
/// * α·G1, β·G1, β·G2: the first points of sections 4, 5 and 6;
/// * the Lagrange basis at τ of the N-domain, L_i(τ)·G1 (section 12), L_i(τ)·G2 (13),
///   α·L_i(τ)·G1 (14) and β·L_i(τ)·G1 (15) — the domain-2^k block starts at point 2^k − 1;
/// * the odd points L_{2i+1}(τ)·G1 of the 2N-domain block of section 12 (the H query).
///
/// Every G1 point is checked on the curve; β·G2 also in the subgroup (it goes into the verifying
/// key); the Lagrange G2 points on the twist only, as the zkey's B2 points (`ZKeyFile`).
public struct PowersOfTau: Sendable {
    /// The file's power: it holds domains up to 2^power (2^(power + 1) in section 12).
    public let power: Int
    public let domainSize: Int
    public let alpha1: G1Affine
    public let beta1: G1Affine
    public let beta2: G2Affine
    public let lagrangeG1: [G1Affine]
    public let lagrangeG2: [G2Affine]
    public let alphaLagrangeG1: [G1Affine]
    public let betaLagrangeG1: [G1Affine]
    /// L_{2i+1}(τ)·G1 over the 2N-domain, i < N.
    public let oddLagrangeG1Double: [G1Affine]
    /// (τ^(i+N) − τ^i)·G1 for the indices snarkjs hashes into the circuit hash (`hashHPoints`:
    /// N − 1 points, or whole chunks of 2^14 when N − 1 is larger); nil when section 2 is too short
    /// for that (then the key's circuit hash is left zero).
    public let hashedH: [G1Affine]?

    /// How many H points snarkjs's `hashHPoints` hashes for a domain of n: chunks of 2^14 starting
    /// below n − 1, each of min(n − 1, 2^14) points.
    static func hashedHCount(_ n: Int) -> Int {
        let chunk = 1 << 14
        return n - 1 <= chunk ? n - 1 : ((n - 1 + chunk - 1) / chunk) * chunk
    }
}

public enum PtauFile {
    static let sectionIDs: Set<UInt32> = [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15]

    /// Reads the points for a key of `domainSize` (a power of two) from a prepared `.ptau`.
    public static func read(path: String, domainSize: Int) throws -> PowersOfTau {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw Groth16Error.io(file: path, reason: "\(error)") }
        return try decode(bytes, domainSize: domainSize, file: path)
    }

    public static func decode(_ bytes: [UInt8], domainSize n: Int, file: String = "<memory>") throws -> PowersOfTau {
        guard n >= 1, n & (n - 1) == 0 else {
            throw Groth16Error.keyMismatch(reason: "domain size \(n) is not a power of two")
        }
        let logN = n.trailingZeroBitCount
        return try bytes.withUnsafeBytes { buf in
            let container = try BinaryContainer.parse(buf, magic: "ptau", file: file, versions: 1...1, unique: sectionIDs)
            func section(_ id: UInt32, _ name: String) throws -> BinaryContainer.Section {
                guard let s = container.section(id) else {
                    let hint = id >= 12 ? " (the file is not prepared for phase 2: run `snarkjs powersoftau prepare phase2`, or use a Hermez *_final_*.ptau)" : ""
                    throw Groth16Error.malformed(file: file, field: "section \(id) (\(name))", reason: "missing\(hint)")
                }
                return s
            }
            func records(_ s: BinaryContainer.Section, _ name: String, first: Int, count: Int, size: Int) throws -> BinaryContainer.Section {
                guard let r = s.records(first: first, count: count, size: size) else {
                    throw Groth16Error.malformed(file: file, field: "section \(s.id) (\(name))",
                                                 reason: "points \(first)..<\(first + count) of \(size) bytes lie beyond its \(s.size) bytes")
                }
                return r
            }
            // 1: header
            let s1 = try section(1, "header")
            var h = ByteReader(buf, file: file, start: s1.offset, end: s1.offset + s1.size, location: "section 1 (header)")
            let n8 = try h.u32("n8")
            guard n8 == 32 else { throw Groth16Error.malformed(file: file, field: "header n8", reason: "expected 32, got \(n8)") }
            guard try h.bytes(32, "q") == Fp.modulusLE else {
                throw Groth16Error.malformed(file: file, field: "header q", reason: "not BN254's base field modulus")
            }
            let power = Int(try h.u32("power"))
            guard power >= 1, power <= 28 else { throw Groth16Error.malformed(file: file, field: "header power", reason: "\(power) is not in 1…28") }
            guard logN <= power else {
                throw Groth16Error.keyMismatch(reason: "the circuit needs a domain of 2^\(logN) points; \(file) has power \(power) (use a ptau of power ≥ \(logN))")
            }
            // α, β from sections 4, 5, 6.
            func reader(_ id: UInt32, _ name: String) throws -> ByteReader {
                let sec = try section(id, name)
                return ByteReader(buf, file: file, start: sec.offset, end: sec.offset + sec.size, location: "section \(id) (\(name))")
            }
            var r4 = try reader(4, "alphaTauG1")
            let alpha1 = try ZKeyFile.g1(&r4, file, "alphaTauG1[0]")
            var r5 = try reader(5, "betaTauG1")
            let beta1 = try ZKeyFile.g1(&r5, file, "betaTauG1[0]")
            var r6 = try reader(6, "betaG2")
            let beta2 = try ZKeyFile.g2(&r6, file, "betaG2")
            // Lagrange blocks: domain 2^k starts at point 2^k − 1.
            let s12 = try section(12, "lagrange tauG1"), s13 = try section(13, "lagrange tauG2")
            let s14 = try section(14, "lagrange alphaTauG1"), s15 = try section(15, "lagrange betaTauG1")
            let l1 = try ZKeyFile.g1Array(buf, try records(s12, "lagrange tauG1", first: n - 1, count: n, size: 64), count: n, file: file, name: "lagrange tauG1")
            let l2 = try ZKeyFile.g2Array(buf, try records(s13, "lagrange tauG2", first: n - 1, count: n, size: 128), count: n, file: file, name: "lagrange tauG2")
            let la = try ZKeyFile.g1Array(buf, try records(s14, "lagrange alphaTauG1", first: n - 1, count: n, size: 64), count: n, file: file, name: "lagrange alphaTauG1")
            let lb = try ZKeyFile.g1Array(buf, try records(s15, "lagrange betaTauG1", first: n - 1, count: n, size: 64), count: n, file: file, name: "lagrange betaTauG1")
            let double = try ZKeyFile.g1Array(buf, try records(s12, "lagrange tauG1", first: 2 * n - 1, count: 2 * n, size: 64), count: 2 * n,
                                              file: file, name: "lagrange tauG1 (2N)")
            let odd = (0..<n).map { double[2 * $0 + 1] }
            // Powers τ^i·G1 (section 2) for the circuit hash's H points.
            let s2 = try section(2, "tauG1")
            let hashed = PowersOfTau.hashedHCount(n)
            var hashedH: [G1Affine]? = nil
            if let range = s2.records(first: 0, count: hashed + n, size: 64) {
                let tau = try ZKeyFile.g1Array(buf, range, count: hashed + n, file: file, name: "tauG1")
                hashedH = G1Jacobian.toAffine((0..<hashed).map { G1Jacobian(tau[$0 + n]) + (-tau[$0]) })
            }
            return PowersOfTau(power: power, domainSize: n, alpha1: alpha1, beta1: beta1, beta2: beta2,
                               lagrangeG1: l1, lagrangeG2: l2, alphaLagrangeG1: la, betaLagrangeG1: lb,
                               oddLagrangeG1Double: odd, hashedH: hashedH)
        }
    }
}
