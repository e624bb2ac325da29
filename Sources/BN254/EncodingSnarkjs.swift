/// snarkjs point encodings (FORMATS.md §3 and §5):
/// * JSON: decimal strings, affine with a projective z appended. G1 `["x", "y", "1"]`, infinity
///   `["0", "1", "0"]`; G2 `[["x.c0", "x.c1"], ["y.c0", "y.c1"], ["1", "0"]]` (real part first),
///   infinity `[["0", "0"], ["1", "0"], ["0", "0"]]`.
/// * Binary ("LEM", inside `.zkey` and `.ptau`): affine x ‖ y, each coordinate 32 bytes holding
///   value·2²⁵⁶ mod p little-endian (Montgomery form); G2 is x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1; infinity
///   is all zeros.
/// Decoders validate like every other decoder (canonical, on the curve, G2 subgroup).

extension PointDecoding {
    /// The projective z of a snarkjs JSON point: true for "1" (affine), false for "0" (infinity).
    static func snarkjsZ(_ z: [String], what: String) throws -> Bool {
        switch z {
        case ["1"], ["1", "0"]: return true
        case ["0"], ["0", "0"]: return false
        default:
            throw BN254Error.invalidEncoding(what: what, reason: "projective z must be 1 (affine) or 0 (infinity), got \(z)")
        }
    }

    /// A canonical decimal coordinate: ASCII digits only (no sign, no spaces), value < p.
    static func fpDecimal(_ s: String, what: String) throws -> Fp {
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw BN254Error.malformedNumber(what: what, text: s)
        }
        return try Fp(decimal: s, what: what)
    }
}

extension G1Affine {
    /// Decodes snarkjs JSON `["x", "y", "1"]` (or `["x", "y"]`); z = "0" is infinity. Rejects
    /// malformed or non-canonical numbers and points off the curve.
    public init(snarkjs strings: [String], what: String = "G1") throws {
        guard strings.count == 2 || strings.count == 3 else {
            throw BN254Error.invalidEncoding(what: what, reason: "expected [x, y, z] with 2 or 3 decimal strings, got \(strings.count)")
        }
        let x = try PointDecoding.fpDecimal(strings[0], what: "\(what).x")
        let y = try PointDecoding.fpDecimal(strings[1], what: "\(what).y")
        if strings.count == 3, try !PointDecoding.snarkjsZ([strings[2]], what: "\(what).z") {
            self = .infinity
            return
        }
        self = try PointDecoding.g1(x: x, y: y, what: what)
    }

    /// snarkjs JSON form: `["x", "y", "1"]`, infinity `["0", "1", "0"]`.
    public var snarkjs: [String] {
        isInfinity ? ["0", "1", "0"] : [x.description, y.description, "1"]
    }

    /// Decodes the snarkjs `.zkey`/`.ptau` layout (64 bytes, Montgomery little-endian; zeros =
    /// infinity), validating like every decoder.
    public init<C: Collection>(montgomeryBytesLE bytes: C, what: String = "G1") throws where C.Element == UInt8 {
        try PointDecoding.checkLength(bytes, 64, what: what)
        let b = Array(bytes)
        let x = try PointDecoding.fpMontgomeryLE(b[0..<32], what: "\(what).x")
        let y = try PointDecoding.fpMontgomeryLE(b[32..<64], what: "\(what).y")
        self = try PointDecoding.g1(x: x, y: y, what: what)
    }

    /// The snarkjs `.zkey`/`.ptau` layout: x ‖ y, Montgomery form, little-endian (64 bytes).
    public var montgomeryBytesLE: [UInt8] { x.montgomeryBytesLE + y.montgomeryBytesLE }
}

extension G2Affine {
    /// Decodes snarkjs JSON `[["x.c0", "x.c1"], ["y.c0", "y.c1"], ["1", "0"]]` (z optional); z = 0
    /// is infinity. Rejects malformed or non-canonical numbers, points off the twist and points
    /// outside G2.
    public init(snarkjs strings: [[String]], what: String = "G2") throws {
        guard strings.count == 2 || strings.count == 3, strings[0].count == 2, strings[1].count == 2 else {
            throw BN254Error.invalidEncoding(what: what, reason: "expected [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] of decimal strings")
        }
        let x = Fp2(try PointDecoding.fpDecimal(strings[0][0], what: "\(what).x.c0"),
                    try PointDecoding.fpDecimal(strings[0][1], what: "\(what).x.c1"))
        let y = Fp2(try PointDecoding.fpDecimal(strings[1][0], what: "\(what).y.c0"),
                    try PointDecoding.fpDecimal(strings[1][1], what: "\(what).y.c1"))
        if strings.count == 3, try !PointDecoding.snarkjsZ(strings[2], what: "\(what).z") {
            self = .infinity
            return
        }
        self = try PointDecoding.g2(x: x, y: y, what: what)
    }

    /// snarkjs JSON form: `[["x.c0", "x.c1"], ["y.c0", "y.c1"], ["1", "0"]]`; infinity
    /// `[["0", "0"], ["1", "0"], ["0", "0"]]`.
    public var snarkjs: [[String]] {
        if isInfinity { return [["0", "0"], ["1", "0"], ["0", "0"]] }
        return [[x.c0.description, x.c1.description], [y.c0.description, y.c1.description], ["1", "0"]]
    }

    /// Decodes the snarkjs `.zkey`/`.ptau` layout x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1 (128 bytes,
    /// Montgomery little-endian; zeros = infinity), validating curve and subgroup.
    public init<C: Collection>(montgomeryBytesLE bytes: C, what: String = "G2") throws where C.Element == UInt8 {
        let (x, y) = try G2Affine.montgomeryCoordinatesLE(bytes, what: what)
        self = try PointDecoding.g2(x: x, y: y, what: what)
    }

    /// x, y of the 128-byte zkey layout (each coordinate < p), not yet validated as a point.
    private static func montgomeryCoordinatesLE<C: Collection>(_ bytes: C, what: String) throws -> (Fp2, Fp2) where C.Element == UInt8 {
        try PointDecoding.checkLength(bytes, 128, what: what)
        let b = Array(bytes)
        let x0 = try PointDecoding.fpMontgomeryLE(b[0..<32], what: "\(what).x.c0")
        let x1 = try PointDecoding.fpMontgomeryLE(b[32..<64], what: "\(what).x.c1")
        let y0 = try PointDecoding.fpMontgomeryLE(b[64..<96], what: "\(what).y.c0")
        let y1 = try PointDecoding.fpMontgomeryLE(b[96..<128], what: "\(what).y.c1")
        return (Fp2(x0, x1), Fp2(y0, y1))
    }

    /// The zkey layout with the curve check only, no subgroup check — for the B2 points of a
    /// proving key, where 2^k subgroup checks would cost seconds. Safe there because those points
    /// only ever enter our own π_B, and `Prover` checks π_B's subgroup membership (one check)
    /// before returning a proof; verifiers always check it. Package access: not for other input.
    package init<C: Collection>(montgomeryBytesLEOnCurveOnly bytes: C, what: String = "G2") throws where C.Element == UInt8 {
        let (x, y) = try G2Affine.montgomeryCoordinatesLE(bytes, what: what)
        let p = G2Affine(uncheckedX: x, y: y)
        guard p.isOnCurve else { throw BN254Error.notOnCurve(group: what) }
        self = p
    }

    /// The snarkjs `.zkey`/`.ptau` layout (128 bytes).
    public var montgomeryBytesLE: [UInt8] {
        x.c0.montgomeryBytesLE + x.c1.montgomeryBytesLE + y.c0.montgomeryBytesLE + y.c1.montgomeryBytesLE
    }
}
