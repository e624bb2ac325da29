/// The BN254 precompiles of Ethereum: 0x06 ecAdd and 0x07 ecMul (EIP-196), 0x08 ecPairing
/// (EIP-197), with their input rules:
/// * ecAdd: input right-padded with zeros to 128 bytes, bytes beyond 128 ignored; two G1 points
///   x ‖ y (32-byte big-endian words, (0, 0) = infinity); output the 64-byte sum.
/// * ecMul: right-padded to 96 bytes, extra ignored; a G1 point and a 256-bit big-endian scalar
///   (any value, not required to be < r); output the 64-byte product.
/// * ecPairing: length a multiple of 192 (empty allowed); k pairs of G1 (64 bytes) ‖ G2 (128
///   bytes); output 32 bytes, 1 when Π e(P_i, Q_i) = 1 and 0 otherwise.
/// Any coordinate ≥ p or any point off its curve makes the call fail: these functions throw
/// (`BN254Error`), which a caller maps to "the call fails and consumes its gas".
public enum EthereumPrecompiles {
    /// `input` right-padded with zeros to `length` bytes, or its first `length` bytes.
    static func padded(_ input: [UInt8], to length: Int) -> [UInt8] {
        if input.count >= length { return Array(input[0..<length]) }
        return input + [UInt8](repeating: 0, count: length - input.count)
    }

    /// Precompile 0x06 (EIP-196 point addition).
    public static func ecAdd(input: [UInt8]) throws -> [UInt8] {
        let b = padded(input, to: 128)
        let p = try G1Affine(ethereumBytes: b[0..<64], what: "ecAdd input point 1")
        let q = try G1Affine(ethereumBytes: b[64..<128], what: "ecAdd input point 2")
        return (G1Jacobian(p) + q).toAffine().ethereumBytes
    }

    /// Precompile 0x07 (EIP-196 scalar multiplication).
    public static func ecMul(input: [UInt8]) throws -> [UInt8] {
        let b = padded(input, to: 96)
        let p = try G1Affine(ethereumBytes: b[0..<64], what: "ecMul input point")
        // G1 has prime order r, so [k]P = [k mod r]P for the full 256-bit k.
        return try G1Jacobian(p).multiplied(byBigEndian: Array(b[64..<96])).toAffine().ethereumBytes
    }

    /// The validated (G1, G2) pairs of an ecPairing input (EIP-197): the length must be a
    /// multiple of 192; each 192-byte element is a G1 point (64 bytes) then a G2 point (128 bytes,
    /// imaginary parts first), each canonical, on its curve, and G2 in the order-r subgroup, even
    /// when the other point of its pair is infinity.
    public static func pairingInputPoints(_ input: [UInt8]) throws -> [(G1Affine, G2Affine)] {
        guard input.count % 192 == 0 else {
            throw BN254Error.invalidEncoding(what: "ecPairing input",
                                             reason: "length \(input.count) is not a multiple of 192")
        }
        var pairs: [(G1Affine, G2Affine)] = []
        pairs.reserveCapacity(input.count / 192)
        var offset = 0
        while offset < input.count {
            let k = offset / 192
            let p = try G1Affine(ethereumBytes: input[offset..<offset + 64], what: "ecPairing pair \(k) G1")
            let q = try G2Affine(ethereumBytes: input[offset + 64..<offset + 192], what: "ecPairing pair \(k) G2")
            pairs.append((p, q))
            offset += 192
        }
        return pairs
    }

    /// Precompile 0x08 (EIP-197 pairing check) over a pairing-product check supplied by the
    /// caller: `check(pairs)` must return whether Π e(P_i, Q_i) = 1 (true for no pairs). All input
    /// validation (length, canonical coordinates, curves, G2 subgroup) happens here, before
    /// `check` runs. `ecPairing(input:)` is this with `Pairing.pairingCheck`.
    public static func ecPairing(input: [UInt8],
                                 check: ([(G1Affine, G2Affine)]) throws -> Bool) throws -> [UInt8] {
        let pairs = try pairingInputPoints(input)
        var out = [UInt8](repeating: 0, count: 32)
        if try check(pairs) { out[31] = 1 }
        return out
    }

    /// Precompile 0x08 (EIP-197): 32 bytes, 1 when Π e(P_i, Q_i) = 1 (also for empty input).
    public static func ecPairing(input: [UInt8]) throws -> [UInt8] {
        try ecPairing(input: input) { Pairing.pairingCheck($0) }
    }
}
