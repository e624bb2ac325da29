/// Point encodings of the Ethereum precompiles (EIP-196/197) and the helpers every point decoder
/// shares. Every decoder of untrusted bytes or strings validates: canonical coordinates (< p),
/// the curve equation, and for G2 the subgroup.
///
/// Layout (big-endian, plain integers, 32 bytes per Fp):
/// * G1: x ‖ y (64 bytes); infinity is all zeros.
/// * G2: x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (128 bytes, imaginary part first); infinity is all zeros.

@usableFromInline
enum PointDecoding {
    /// A 32-byte big-endian coordinate; throws `notCanonical` naming `what` when ≥ p.
    static func fpBE(_ bytes: ArraySlice<UInt8>, what: String) throws -> Fp {
        do {
            return try Fp(bytesBE: bytes)
        } catch BN254Error.notCanonical(_, let value) {
            throw BN254Error.notCanonical(field: what, value: value)
        }
    }

    /// A 32-byte little-endian Montgomery-form coordinate (snarkjs LEM); throws when the stored
    /// value is ≥ p.
    static func fpMontgomeryLE(_ bytes: ArraySlice<UInt8>, what: String) throws -> Fp {
        do {
            return try Fp(montgomeryBytesLE: bytes)
        } catch BN254Error.notCanonical(_, let value) {
            throw BN254Error.notCanonical(field: what, value: value)
        }
    }

    static func checkLength<C: Collection>(_ bytes: C, _ expected: Int, what: String) throws {
        guard bytes.count == expected else {
            throw BN254Error.wrongLength(what: what, expected: expected, got: bytes.count)
        }
    }

    /// A validated G1 point from its coordinates, errors naming `what`.
    static func g1(x: Fp, y: Fp, what: String) throws -> G1Affine {
        let p = G1Affine(uncheckedX: x, y: y)
        guard p.isOnCurve else { throw BN254Error.notOnCurve(group: what) }
        return p
    }

    /// A validated G2 point (on the twist and in the order-r subgroup), errors naming `what`.
    static func g2(x: Fp2, y: Fp2, what: String) throws -> G2Affine {
        let p = G2Affine(uncheckedX: x, y: y)
        guard p.isOnCurve else { throw BN254Error.notOnCurve(group: what) }
        guard p.isInSubgroup else { throw BN254Error.notInSubgroup(group: what) }
        return p
    }
}

extension G1Affine {
    /// Decodes the EIP-196 layout x ‖ y (64 bytes, big-endian; all zeros = infinity). Rejects
    /// coordinates ≥ p and points off the curve. `what` names the point in errors.
    public init<C: Collection>(ethereumBytes bytes: C, what: String = "G1") throws where C.Element == UInt8 {
        try PointDecoding.checkLength(bytes, 64, what: what)
        let b = Array(bytes)
        let x = try PointDecoding.fpBE(b[0..<32], what: "\(what).x")
        let y = try PointDecoding.fpBE(b[32..<64], what: "\(what).y")
        self = try PointDecoding.g1(x: x, y: y, what: what)
    }

    /// The EIP-196 layout x ‖ y (64 bytes); infinity is 64 zero bytes.
    public var ethereumBytes: [UInt8] { x.bytesBE + y.bytesBE }
}

extension G2Affine {
    /// Decodes the EIP-197 layout x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (128 bytes, big-endian, imaginary part
    /// first; all zeros = infinity). Rejects coordinates ≥ p, points off the twist and points
    /// outside the order-r subgroup.
    public init<C: Collection>(ethereumBytes bytes: C, what: String = "G2") throws where C.Element == UInt8 {
        try PointDecoding.checkLength(bytes, 128, what: what)
        let b = Array(bytes)
        let x1 = try PointDecoding.fpBE(b[0..<32], what: "\(what).x.c1")
        let x0 = try PointDecoding.fpBE(b[32..<64], what: "\(what).x.c0")
        let y1 = try PointDecoding.fpBE(b[64..<96], what: "\(what).y.c1")
        let y0 = try PointDecoding.fpBE(b[96..<128], what: "\(what).y.c0")
        self = try PointDecoding.g2(x: Fp2(x0, x1), y: Fp2(y0, y1), what: what)
    }

    /// The EIP-197 layout x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (128 bytes); infinity is 128 zero bytes.
    public var ethereumBytes: [UInt8] { x.c1.bytesBE + x.c0.bytesBE + y.c1.bytesBE + y.c0.bytesBE }
}
