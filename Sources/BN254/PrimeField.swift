import GMP

/// A prime field in Montgomery form on four 64-bit limbs: `Fp` (the base field) and `Fr` (the
/// scalar field). The hot operations are `@inlinable` and call the limb helpers in `Limbs.swift`
/// with the conforming type's constants, so a concrete use compiles to straight-line code.
/// Slow paths (parsing, printing, inversion through GMP) live in `PrimeField+Encoding.swift`.
public protocol PrimeField: Sendable, Hashable, CustomStringConvertible {
    /// The modulus, canonical limbs.
    static var modulus: Limbs4 { get }
    /// The same limbs as `modulus`, read from a global in memory rather than written as literals:
    /// the operand the Montgomery multiply uses (see `fpModulusInMemory`).
    static var modulusInMemory: Limbs4 { get }
    /// −modulus⁻¹ mod 2⁶⁴.
    static var montgomeryInverse: UInt64 { get }
    /// 2²⁵⁶ mod modulus: the Montgomery form of one.
    static var montgomeryOne: Limbs4 { get }
    /// 2⁵¹² mod modulus: multiplies a canonical value into Montgomery form.
    static var montgomeryR2: Limbs4 { get }
    /// A short name for messages ("Fp", "Fr").
    static var fieldName: String { get }
    /// The Montgomery representation a·2²⁵⁶ mod modulus, always fully reduced (< modulus).
    var montgomery: Limbs4 { get set }
    /// Wraps limbs that are already in Montgomery form and < modulus.
    init(montgomery: Limbs4)
}

extension PrimeField {
    @inlinable @inline(__always) public static var zero: Self { Self(montgomery: (0, 0, 0, 0)) }
    @inlinable @inline(__always) public static var one: Self { Self(montgomery: montgomeryOne) }

    /// A small integer.
    @inlinable public init(_ value: UInt64) {
        self.init(montgomery: montMul((value, 0, 0, 0), Self.montgomeryR2, Self.modulus, Self.montgomeryInverse))
    }

    /// From canonical limbs (must be < modulus: callers that take input use the throwing decoders).
    @inlinable public init(canonicalUnchecked limbs: Limbs4) {
        self.init(montgomery: montMul(limbs, Self.montgomeryR2, Self.modulus, Self.montgomeryInverse))
    }

    /// The canonical integer value as limbs (out of Montgomery form).
    @inlinable public var canonical: Limbs4 {
        montMul(montgomery, (1, 0, 0, 0), Self.modulus, Self.montgomeryInverse)
    }

    @inlinable @inline(__always) public var isZero: Bool {
        (montgomery.0 | montgomery.1 | montgomery.2 | montgomery.3) == 0
    }
    @inlinable public var isOne: Bool { limbsEqual(montgomery, Self.montgomeryOne) }

    @inlinable @inline(__always) public static func == (a: Self, b: Self) -> Bool {
        limbsEqual(a.montgomery, b.montgomery)
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(montgomery.0); hasher.combine(montgomery.1)
        hasher.combine(montgomery.2); hasher.combine(montgomery.3)
    }

    // MARK: arithmetic

    @inlinable @inline(__always) public static func + (a: Self, b: Self) -> Self {
        Self(montgomery: modAdd(a.montgomery, b.montgomery, modulus))
    }
    @inlinable @inline(__always) public static func - (a: Self, b: Self) -> Self {
        Self(montgomery: modSub(a.montgomery, b.montgomery, modulus))
    }
    @inlinable @inline(__always) public static func * (a: Self, b: Self) -> Self {
        Self(montgomery: montMul(a.montgomery, b.montgomery, modulusInMemory, montgomeryInverse))
    }
    @inlinable @inline(__always) public static prefix func - (a: Self) -> Self {
        Self(montgomery: modNeg(a.montgomery, modulus))
    }
    @inlinable @inline(__always) public static func += (a: inout Self, b: Self) { a = a + b }
    @inlinable @inline(__always) public static func -= (a: inout Self, b: Self) { a = a - b }
    @inlinable @inline(__always) public static func *= (a: inout Self, b: Self) { a = a * b }

    @inlinable @inline(__always) public func squared() -> Self { self * self }
    @inlinable @inline(__always) public mutating func square() { self = self * self }
    @inlinable @inline(__always) public func doubled() -> Self { self + self }
    /// self/2 (a shift and a conditional addition of the modulus; the Montgomery form halves with
    /// the value). Cheaper than multiplying by 1/2.
    @inlinable @inline(__always) public func halved() -> Self { Self(montgomery: modHalve(montgomery, Self.modulus)) }
    @inlinable @inline(__always) public mutating func double() { self = self + self }
    @inlinable @inline(__always) public func negated() -> Self { -self }
    @inlinable @inline(__always) public mutating func negate() { self = -self }

    /// self^e for an exponent given as little-endian limbs (square-and-multiply, left to right).
    @inlinable public func pow(_ exponent: [UInt64]) -> Self {
        var result = Self.one
        for limb in exponent.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                result.square()
                if (limb >> UInt64(bit)) & 1 == 1 { result *= self }
            }
        }
        return result
    }

    @inlinable public func pow(_ exponent: UInt64) -> Self { pow([exponent]) }

    /// Inverse by Fermat's little theorem (self^(m−2)): the slow reference the GMP path is tested against.
    public func inverseFermat() -> Self? {
        guard !isZero else { return nil }
        var e = limbsArray(Self.modulus)
        e[0] -= 2   // safe: both moduli end in ...01 or ...47, so no borrow
        return pow(e)
    }

    /// Montgomery's trick: inverts every non-zero element in place with one inversion and
    /// 3(n−1) multiplications; zeros stay zero. `@inlinable` so that callers in other modules get
    /// it specialised for `Fp`/`Fr`: the generic body read 128 ns per element in `ZKBench`.
    @inlinable
    public static func batchInvert(_ xs: inout [Self]) {
        xs.withUnsafeMutableBufferPointer { batchInvert($0) }
    }

    /// Montgomery's trick over a buffer (see `batchInvert(_:)`); allocates one scratch array.
    @inlinable
    public static func batchInvert(_ xs: UnsafeMutableBufferPointer<Self>) {
        let n = xs.count
        guard n > 0 else { return }
        var prefix = [Self](repeating: .one, count: n)
        var acc = Self.one
        for i in 0..<n {
            prefix[i] = acc
            if !xs[i].isZero { acc *= xs[i] }
        }
        guard var inv = acc.inverse() else { return } // safe: acc is a product of non-zero elements
        for i in stride(from: n - 1, through: 0, by: -1) where !xs[i].isZero {
            let x = xs[i]
            xs[i] = inv * prefix[i]
            inv *= x
        }
    }
}

// MARK: - Constants of BN254's two fields (checked against GMP in FieldTests)

/// The moduli again, as globals that are never written: what the Montgomery multiply reads its
/// modulus limbs from. With the literals, the optimiser rematerialises each limb with a 10-byte
/// `movabs` into a register at every use (21 in the benchmark's multiply loop, 4 now) and spills
/// around them; read from memory, each limb is a memory operand of `mulx`/`sub`. A dependent `Fr`
/// multiply went 24.0 → 23.5 ns in `ZKBench` and 23.2 → 21.4 ns in a two-module probe. `var` so that the
/// optimiser cannot fold them back into literals; `@exclusivity(unchecked)` because a checked
/// global access calls `swift_beginAccess`; internal, so only this module could write them, and
/// it does not (`FieldTests.testMontgomeryConstantsAgainstGMP` compares them with GMP's moduli).
/// The literal `modulus` stays everywhere else: where folding matters (`highModP` divides by a
/// constant derived from it), and in the tower's REDC (`FpDbl.reduced`), where reading the modulus
/// from memory made the Fp12 product 40 % slower (docs/BENCHMARKS.md, session 7).
@exclusivity(unchecked) @usableFromInline nonisolated(unsafe)
var fpModulusInMemory: Limbs4 = (0x3c208c16d87cfd47, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029)
@exclusivity(unchecked) @usableFromInline nonisolated(unsafe)
var frModulusInMemory: Limbs4 = (0x43e1f593f0000001, 0x2833e84879b97091, 0xb85045b68181585d, 0x30644e72e131a029)

/// The base field of BN254, p = 21888242871839275222246405745257275088696311157297823662689037894645226208583.
@frozen public struct Fp: PrimeField {
    public var montgomery: Limbs4
    @inlinable @inline(__always) public init(montgomery: Limbs4) { self.montgomery = montgomery }

    @inlinable @inline(__always) public static var modulus: Limbs4 {
        (0x3c208c16d87cfd47, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029)
    }
    @inlinable @inline(__always) public static var modulusInMemory: Limbs4 { fpModulusInMemory }
    @inlinable @inline(__always) public static var montgomeryInverse: UInt64 { 0x87d20782e4866389 }
    @inlinable @inline(__always) public static var montgomeryOne: Limbs4 {
        (0xd35d438dc58f0d9d, 0x0a78eb28f5c70b3d, 0x666ea36f7879462c, 0x0e0a77c19a07df2f)
    }
    @inlinable @inline(__always) public static var montgomeryR2: Limbs4 {
        (0xf32cfc5b538afa89, 0xb5e71911d44501fb, 0x47ab1eff0a417ff6, 0x06d89f71cab8351f)
    }
    public static var fieldName: String { "Fp" }
}

/// The scalar field of BN254 (the order of G1 and G2),
/// r = 21888242871839275222246405745257275088548364400416034343698204186575808495617.
@frozen public struct Fr: PrimeField {
    public var montgomery: Limbs4
    @inlinable @inline(__always) public init(montgomery: Limbs4) { self.montgomery = montgomery }

    @inlinable @inline(__always) public static var modulus: Limbs4 {
        (0x43e1f593f0000001, 0x2833e84879b97091, 0xb85045b68181585d, 0x30644e72e131a029)
    }
    @inlinable @inline(__always) public static var modulusInMemory: Limbs4 { frModulusInMemory }
    @inlinable @inline(__always) public static var montgomeryInverse: UInt64 { 0xc2e1f593efffffff }
    @inlinable @inline(__always) public static var montgomeryOne: Limbs4 {
        (0xac96341c4ffffffb, 0x36fc76959f60cd29, 0x666ea36f7879462e, 0x0e0a77c19a07df2f)
    }
    @inlinable @inline(__always) public static var montgomeryR2: Limbs4 {
        (0x1bb8e645ae216da7, 0x53fe3ab1e35c59e3, 0x8c49833d53bb8085, 0x0216d0b17f4e44a5)
    }
    public static var fieldName: String { "Fr" }

    /// r − 1 = 2²⁸ · t with t odd.
    public static let twoAdicity = 28
    /// A primitive 2²⁸-th root of unity: 5^t, with 5 the multiplicative generator circom and
    /// arkworks use.
    public static let rootOfUnity = Fr(montgomery: (0x636e735580d13d9c, 0xa22bf3742445ffd6, 0x56452ac01eb203d8, 0x1860ef942963f9e7))
    /// The multiplicative generator (5), used for cosets.
    public static let multiplicativeGenerator = Fr(5)

    /// A primitive 2^logSize-th root of unity, for 0 ≤ logSize ≤ 28; nil otherwise.
    public static func rootOfUnity(logSize: Int) -> Fr? {
        guard logSize >= 0, logSize <= twoAdicity else { return nil }
        var w = rootOfUnity
        for _ in logSize..<twoAdicity { w.square() }
        return w
    }
}
