/// Compressed points, following gnark-crypto's BN254 convention (ecc/bn254/marshal.go):
///
/// * G1: 32 bytes, x big-endian; G2: 64 bytes, x.c1 ‖ x.c0 big-endian (imaginary part first).
/// * The two most significant bits of the first byte (free, since p < 2²⁵⁴) are flags:
///   `0b10` = y is the lexicographically smallest root, `0b11` = y is the largest,
///   `0b01` = infinity (every other bit zero). `0b00` (gnark's uncompressed marker) is rejected.
/// * "Largest" for Fp: the canonical value is > (p − 1)/2. For Fp2: decided by c1, or by c0
///   when c1 = 0 (gnark's `E2.LexicographicallyLargest`).
///
/// Decoding recomputes y by a square root and validates (G2: also the subgroup); x ≥ p, a
/// missing square root, bad flags or stray bits in an infinity encoding are rejected.

@usableFromInline
enum CompressionFlag {
    static let mask: UInt8 = 0b1100_0000
    static let smallest: UInt8 = 0b1000_0000
    static let largest: UInt8 = 0b1100_0000
    static let infinity: UInt8 = 0b0100_0000

    /// The encoding of a point whose x bytes are `payload` (nil: infinity, `length` bytes).
    static func encode(_ payload: [UInt8]?, largest: Bool, length: Int) -> [UInt8] {
        guard var out = payload else {
            var out = [UInt8](repeating: 0, count: length)
            out[0] = infinity
            return out
        }
        out[0] |= largest ? CompressionFlag.largest : CompressionFlag.smallest
        return out
    }

    /// Checks the length and the flags: nil for a valid infinity encoding, else the x bytes with
    /// the flags cleared and whether y is the largest root.
    static func decode<C: Collection>(_ bytes: C, length: Int, what: String) throws
        -> (payload: [UInt8], largest: Bool)? where C.Element == UInt8 {
        try PointDecoding.checkLength(bytes, length, what: what)
        var b = Array(bytes)
        let flag = b[0] & mask
        b[0] &= ~mask
        switch flag {
        case infinity:
            guard b.allSatisfy({ $0 == 0 }) else {
                throw BN254Error.invalidEncoding(what: what, reason: "infinity flag with non-zero bits")
            }
            return nil
        case smallest, largest:
            return (b, flag == largest)
        default:
            throw BN254Error.invalidEncoding(what: what, reason: "top bits 00 are not a compressed point")
        }
    }
}

extension Fp {
    /// (p − 1)/2 as canonical limbs.
    @usableFromInline static let halfModulus: Limbs4 = (0x9e10460b6c3e7ea3, 0xcbc0b548b438e546, 0xdc2822db40c0ac2e, 0x183227397098d014)

    /// True when the canonical value is > (p − 1)/2, i.e. larger than its negation.
    public var isLexicographicallyLargest: Bool { limbsLess(Fp.halfModulus, canonical) }
}

extension Fp2 {
    /// gnark's order: c1 decides, c0 when c1 = 0.
    public var isLexicographicallyLargest: Bool {
        c1.isZero ? c0.isLexicographicallyLargest : c1.isLexicographicallyLargest
    }
}

extension G1Affine {
    /// 32 bytes: x big-endian with flags in the top two bits (see file comment).
    public var compressedBytes: [UInt8] {
        CompressionFlag.encode(isInfinity ? nil : x.bytesBE, largest: y.isLexicographicallyLargest, length: 32)
    }

    /// Decodes the 32-byte compressed form, validating flags, x < p and that x³ + 3 is a square.
    public init<C: Collection>(compressedBytes bytes: C, what: String = "G1") throws where C.Element == UInt8 {
        guard let (b, largest) = try CompressionFlag.decode(bytes, length: 32, what: what) else {
            self = .infinity
            return
        }
        let x = try PointDecoding.fpBE(b[...], what: "\(what).x")
        guard var y = (x.squared() * x + G1Affine.b).sqrt() else {
            throw BN254Error.invalidEncoding(what: what, reason: "no curve point has this x")
        }
        if y.isLexicographicallyLargest != largest { y = -y }
        self = try PointDecoding.g1(x: x, y: y, what: what)
    }
}

extension G2Affine {
    /// 64 bytes: x.c1 ‖ x.c0 big-endian with flags in the top two bits of the first byte.
    public var compressedBytes: [UInt8] {
        CompressionFlag.encode(isInfinity ? nil : x.c1.bytesBE + x.c0.bytesBE, largest: y.isLexicographicallyLargest, length: 64)
    }

    /// Decodes the 64-byte compressed form, validating flags, coordinates < p, that x³ + b' is a
    /// square in Fp2, and subgroup membership.
    public init<C: Collection>(compressedBytes bytes: C, what: String = "G2") throws where C.Element == UInt8 {
        guard let (b, largest) = try CompressionFlag.decode(bytes, length: 64, what: what) else {
            self = .infinity
            return
        }
        let x1 = try PointDecoding.fpBE(b[0..<32], what: "\(what).x.c1")
        let x0 = try PointDecoding.fpBE(b[32..<64], what: "\(what).x.c0")
        let x = Fp2(x0, x1)
        guard var y = (x.squared() * x + G2Affine.b).sqrt() else {
            throw BN254Error.invalidEncoding(what: what, reason: "no twist point has this x")
        }
        if y.isLexicographicallyLargest != largest { y = -y }
        self = try PointDecoding.g2(x: x, y: y, what: what)
    }
}
