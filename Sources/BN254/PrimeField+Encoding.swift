import GMP

/// The slow paths of `PrimeField`: conversions through GMP, canonical encodings, inversion,
/// square roots and randomness. Every decoder of untrusted data rejects values ≥ the modulus.
extension PrimeField {
    /// The modulus as an arbitrary-precision integer.
    public static var modulusBigInt: BigInt { BigInt(limbs: limbsArray(modulus)) }

    /// The canonical value as an arbitrary-precision integer.
    public var bigInt: BigInt { BigInt(limbs: limbsArray(canonical)) }

    /// From an integer in [0, modulus); throws `notCanonical` otherwise (no silent reduction).
    public init(bigInt value: BigInt) throws {
        guard value.signum >= 0, value < Self.modulusBigInt, let l = value.limbs(count: 4) else {
            throw BN254Error.notCanonical(field: Self.fieldName, value: value.description)
        }
        self.init(canonicalUnchecked: (l[0], l[1], l[2], l[3]))
    }

    /// From any integer, reduced modulo the modulus (negative values wrap). Use only where
    /// reduction is the intended semantics, never to decode untrusted input.
    public init(reducing value: BigInt) {
        let m = Self.modulusBigInt
        let r = value.mod(m) ?? BigInt()            // safe: modulus is non-zero
        let l = r.limbs(count: 4) ?? [0, 0, 0, 0]  // safe: r < m < 2^256
        self.init(canonicalUnchecked: (l[0], l[1], l[2], l[3]))
    }

    /// From a decimal string (snarkjs JSON style) in [0, modulus). `what` names the field in errors.
    public init(decimal text: String, what: String = "") throws {
        guard let v = BigInt(text, radix: 10), v.signum >= 0 else {
            throw BN254Error.malformedNumber(what: what.isEmpty ? Self.fieldName : what, text: text)
        }
        guard v < Self.modulusBigInt else {
            throw BN254Error.notCanonical(field: what.isEmpty ? Self.fieldName : what, value: text)
        }
        try self.init(bigInt: v)
    }

    /// The canonical value in decimal.
    public var description: String { bigInt.description }

    // MARK: bytes

    /// 32 bytes, big-endian, canonical (the Ethereum precompile layout).
    public var bytesBE: [UInt8] {
        let c = canonical
        var out = [UInt8](repeating: 0, count: 32)
        for (i, limb) in [c.3, c.2, c.1, c.0].enumerated() {
            for j in 0..<8 { out[i * 8 + j] = UInt8(truncatingIfNeeded: limb >> UInt64(56 - 8 * j)) }
        }
        return out
    }

    /// 32 bytes, little-endian, canonical (the iden3 `.wtns`/`.r1cs` layout).
    public var bytesLE: [UInt8] { Array(bytesBE.reversed()) }

    /// Decodes 32 big-endian bytes; throws if the length is wrong or the value is ≥ the modulus.
    public init<B: Collection>(bytesBE bytes: B) throws where B.Element == UInt8 {
        guard bytes.count == 32 else {
            throw BN254Error.wrongLength(what: Self.fieldName, expected: 32, got: bytes.count)
        }
        try self.init(limbs: Self.limbsFromBE(Array(bytes)))
    }

    /// Decodes 32 little-endian bytes; throws if the length is wrong or the value is ≥ the modulus.
    public init<B: Collection>(bytesLE bytes: B) throws where B.Element == UInt8 {
        guard bytes.count == 32 else {
            throw BN254Error.wrongLength(what: Self.fieldName, expected: 32, got: bytes.count)
        }
        try self.init(limbs: Self.limbsFromBE(Array(bytes.reversed())))
    }

    /// From canonical limbs; throws if ≥ the modulus.
    public init(limbs l: Limbs4) throws {
        guard limbsLess(l, Self.modulus) else {
            throw BN254Error.notCanonical(field: Self.fieldName, value: BigInt(limbs: limbsArray(l)).description)
        }
        self.init(canonicalUnchecked: l)
    }

    /// The Montgomery limbs as 32 little-endian bytes (the snarkjs `.zkey`/`.ptau` point layout).
    public var montgomeryBytesLE: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let m = montgomery
        for (i, limb) in [m.0, m.1, m.2, m.3].enumerated() {
            for j in 0..<8 { out[i * 8 + j] = UInt8(truncatingIfNeeded: limb >> UInt64(8 * j)) }
        }
        return out
    }

    /// Decodes 32 little-endian bytes that hold a Montgomery-form value (a·2²⁵⁶ mod m); throws if
    /// the stored value is ≥ the modulus.
    public init<B: Collection>(montgomeryBytesLE bytes: B) throws where B.Element == UInt8 {
        guard bytes.count == 32 else {
            throw BN254Error.wrongLength(what: Self.fieldName, expected: 32, got: bytes.count)
        }
        let l = Self.limbsFromBE(Array(bytes.reversed()))
        guard limbsLess(l, Self.modulus) else {
            throw BN254Error.notCanonical(field: Self.fieldName, value: BigInt(limbs: limbsArray(l)).description)
        }
        self.init(montgomery: l)
    }

    @usableFromInline static func limbsFromBE(_ b: [UInt8]) -> Limbs4 {
        var l: [UInt64] = [0, 0, 0, 0]
        for i in 0..<32 { l[3 - i / 8] = (l[3 - i / 8] << 8) | UInt64(b[i]) }
        return (l[0], l[1], l[2], l[3])
    }

    // MARK: inversion, roots

    /// The multiplicative inverse through GMP's `mpz_invert`; nil for zero. Inverts the Montgomery
    /// form directly — (aR)⁻¹ = a⁻¹R⁻¹ — and multiplies by R² twice to reach a⁻¹R, so no BigInt
    /// is built (`BigInt.inverse(limbs:modulus:)` wraps the limbs read-only).
    public func inverse() -> Self? {
        guard !isZero, let inv = BigInt.inverse(limbs: montgomery, modulus: Self.modulus) else { return nil }
        let r2 = Self.montgomeryR2, m = Self.modulus, k = Self.montgomeryInverse
        return Self(montgomery: montMul(montMul(inv, r2, m, k), r2, m, k))
    }

    /// The inverse through BigInt conversions: the reference for `inverse()`.
    public func inverseReference() -> Self? {
        guard !isZero, let inv = bigInt.invMod(Self.modulusBigInt), let l = inv.limbs(count: 4) else { return nil }
        return Self(canonicalUnchecked: (l[0], l[1], l[2], l[3]))
    }

    /// Legendre symbol: 0 for zero, 1 for a non-zero square, −1 otherwise (via GMP).
    public var legendre: Int { bigInt.legendre(Self.modulusBigInt) }

    /// Legendre symbol by Euler's criterion self^((m−1)/2): the slow reference.
    public var legendreEuler: Int {
        if isZero { return 0 }
        let e = ((Self.modulusBigInt - BigInt(1)) >> 1).limbs(count: 4) ?? []
        return pow(e).isOne ? 1 : -1
    }

    /// A square root (Tonelli–Shanks; for m ≡ 3 mod 4 the single exponentiation self^((m+1)/4)),
    /// or nil when self is not a square. Which of the two roots is returned is unspecified.
    public func sqrt() -> Self? {
        if isZero { return self }
        guard legendre == 1 else { return nil }
        let m = Self.modulusBigInt
        if Self.modulus.0 & 3 == 3 {
            let e = ((m + BigInt(1)) >> 2).limbs(count: 4) ?? []
            let r = pow(e)
            return r.squared() == self ? r : nil
        }
        // m − 1 = 2^s · q
        var s = 0
        var q = m - BigInt(1)
        while !q.testBit(0) { q = q >> 1; s += 1 }
        // a non-residue z
        var z = Self(2)
        while z.legendre != -1 { z += .one }
        let qLimbs = q.limbs(count: 4) ?? []
        var c = z.pow(qLimbs)
        var t = pow(qLimbs)
        var r = pow(((q + BigInt(1)) >> 1).limbs(count: 4) ?? [])
        var mm = s
        while !t.isOne {
            var i = 0
            var t2 = t
            while !t2.isOne { t2.square(); i += 1 }
            var b = c
            for _ in 0..<(mm - i - 1) { b.square() }
            mm = i
            c = b.squared()
            t *= c
            r *= b
        }
        return r
    }

    // MARK: randomness

    /// A uniformly random element (rejection sampling on 254-bit values).
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> Self {
        let topMask = UInt64.max >> UInt64(Self.modulus.3.leadingZeroBitCount)
        while true {
            let l: Limbs4 = (rng.next(), rng.next(), rng.next(), rng.next() & topMask)
            if limbsLess(l, modulus) { return Self(canonicalUnchecked: l) }
        }
    }

    /// A uniformly random element from the system CSPRNG.
    public static func random() -> Self {
        var g = SystemRandomNumberGenerator()
        return random(using: &g)
    }
}
