import CGMP

/// An arbitrary-precision signed integer backed by GMP's `mpz_t`, with value semantics.
///
/// The pattern follows swift-crypto's `ArbitraryPrecisionInteger`: a struct over a private final
/// class that owns the C value and clears it in `deinit`; mutation copies on write.
/// This is the general (slow) path of zkclear: parsing, printing, constants, single inversions,
/// and the oracle the limb arithmetic in `BN254` is tested against.
public struct BigInt: Sendable {
    /// Owns one heap-allocated `mpz_t`. A stable pointer (not a stored struct) so GMP calls that
    /// alias the same value (x·x, −x in place) raise no exclusivity conflict.
    private final class Storage: @unchecked Sendable {
        let value: UnsafeMutablePointer<zk_mpz>
        init() {
            value = UnsafeMutablePointer<zk_mpz>.allocate(capacity: 1)
            zk_mpz_init(value)
        }
        deinit {
            zk_mpz_clear(value)
            value.deallocate()
        }
    }

    private var storage: Storage

    /// Zero.
    public init() { storage = Storage() }

    public init(_ value: Int) {
        storage = Storage()
        zk_mpz_set_si(storage.value, value)
    }

    public init(_ value: UInt64) {
        storage = Storage()
        zk_mpz_set_ui(storage.value, UInt(value))
    }

    /// Little-endian 64-bit limbs (least significant first), interpreted as a non-negative number.
    public init<C: Collection>(limbs: C) where C.Element == UInt64 {
        storage = Storage()
        let array = Array(limbs)
        array.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                zk_mpz_import_limbs(storage.value, base, buffer.count)
            }
        }
    }

    /// Parses an optionally signed integer in the given base (2…62); `0x` prefix accepted for base 16.
    /// Returns nil on any malformed input (empty string, stray characters, whitespace).
    public init?(_ text: String, radix: Int = 10) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        if radix == 16, body.hasPrefix("0x") || body.hasPrefix("0X") { body = body.dropFirst(2) }
        guard !body.isEmpty, radix >= 2, radix <= 62 else { return nil }
        let allowed: (Character) -> Bool = { ch in
            guard let v = ch.hexDigitValue ?? (ch.isLetter && ch.isASCII ? 99 : nil) else { return false }
            return v < radix
        }
        guard body.allSatisfy(allowed) else { return nil }
        storage = Storage()
        let ok = String(body).withCString { zk_mpz_set_str(storage.value, $0, Int32(radix)) }
        guard ok == 0 else { return nil }
        if negative { zk_mpz_neg(storage.value, storage.value) }
    }

    /// Builds a fresh value with `body(result)`.
    private static func make(_ body: (UnsafeMutablePointer<zk_mpz>) -> Void) -> BigInt {
        let r = BigInt()
        body(r.storage.value)
        return r
    }
}

// MARK: - Printing and limbs

extension BigInt: CustomStringConvertible, CustomDebugStringConvertible {
    public func toString(radix: Int = 10) -> String {
        guard let cstr = zk_mpz_get_str(storage.value, Int32(radix)) else { return "?" } // safe: GMP aborts rather than return NULL
        defer { zk_free_str(cstr) }
        return String(cString: cstr)
    }
    public var description: String { toString() }
    public var debugDescription: String { "BigInt(\(toString()))" }

    /// Sign: -1, 0 or 1.
    public var signum: Int { Int(zk_mpz_sgn(storage.value)) }
    public var isZero: Bool { signum == 0 }

    /// Number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(zk_mpz_sizeinbase(storage.value, 2)) }

    public func testBit(_ i: Int) -> Bool { zk_mpz_tstbit(storage.value, UInt(i)) != 0 }

    /// |self| as exactly `count` little-endian limbs, or nil if it does not fit.
    public func limbs(count: Int) -> [UInt64]? {
        var out = [UInt64](repeating: 0, count: count)
        let needed = out.withUnsafeMutableBufferPointer { buf -> Int in
            Int(zk_mpz_export_limbs(buf.baseAddress, count, storage.value))
        }
        return needed <= count ? out : nil
    }
}

// MARK: - Comparison

extension BigInt: Comparable, Hashable {
    public static func == (a: BigInt, b: BigInt) -> Bool { zk_mpz_cmp(a.storage.value, b.storage.value) == 0 }
    public static func < (a: BigInt, b: BigInt) -> Bool { zk_mpz_cmp(a.storage.value, b.storage.value) < 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(toString(radix: 16)) }
}

// MARK: - Arithmetic

extension BigInt {
    public static func + (a: BigInt, b: BigInt) -> BigInt { make { zk_mpz_add($0, a.storage.value, b.storage.value) } }
    public static func - (a: BigInt, b: BigInt) -> BigInt { make { zk_mpz_sub($0, a.storage.value, b.storage.value) } }
    public static func * (a: BigInt, b: BigInt) -> BigInt { make { zk_mpz_mul($0, a.storage.value, b.storage.value) } }
    public static prefix func - (a: BigInt) -> BigInt { make { zk_mpz_neg($0, a.storage.value) } }
    public static func += (a: inout BigInt, b: BigInt) { a = a + b }
    public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
    public static func *= (a: inout BigInt, b: BigInt) { a = a * b }

    /// Floor division; nil when `d` is zero.
    public func floorDivided(by d: BigInt) -> BigInt? {
        guard !d.isZero else { return nil }
        return BigInt.make { zk_mpz_fdiv_q($0, storage.value, d.storage.value) }
    }

    /// The non-negative residue modulo `m` (m ≠ 0); nil when `m` is zero.
    public func mod(_ m: BigInt) -> BigInt? {
        guard !m.isZero else { return nil }
        return BigInt.make { zk_mpz_mod($0, storage.value, m.storage.value) }
    }

    /// `self^e mod m` for e ≥ 0 and m > 0; nil otherwise.
    public func powMod(_ e: BigInt, _ m: BigInt) -> BigInt? {
        guard e.signum >= 0, m.signum > 0 else { return nil }
        return BigInt.make { zk_mpz_powm($0, storage.value, e.storage.value, m.storage.value) }
    }

    /// The inverse of `self` modulo `m`, or nil when none exists.
    /// a⁻¹ mod m for 4-limb a and m (least significant limb first), without building BigInts:
    /// the fast path of single field inversions. nil when a has no inverse (a ≡ 0, or gcd > 1).
    public static func inverse(limbs a: (UInt64, UInt64, UInt64, UInt64), modulus m: (UInt64, UInt64, UInt64, UInt64))
        -> (UInt64, UInt64, UInt64, UInt64)? {
        var r: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var x = a, mod = m
        let ok = withUnsafeMutablePointer(to: &r) { rp in
            withUnsafePointer(to: &x) { xp in
                withUnsafePointer(to: &mod) { mp in
                    rp.withMemoryRebound(to: UInt64.self, capacity: 4) { r64 in
                        xp.withMemoryRebound(to: UInt64.self, capacity: 4) { a64 in
                            mp.withMemoryRebound(to: UInt64.self, capacity: 4) { m64 in zk_invert_limbs4(r64, a64, m64) }
                        }
                    }
                }
            }
        }
        return ok != 0 ? r : nil
    }

    public func invMod(_ m: BigInt) -> BigInt? {
        guard m.signum > 0 else { return nil }
        let r = BigInt()
        let ok = zk_mpz_invert(r.storage.value, storage.value, m.storage.value)
        return ok != 0 ? r : nil
    }

    /// Legendre symbol (self / p) for an odd prime p: -1, 0 or 1.
    public func legendre(_ p: BigInt) -> Int { Int(zk_mpz_legendre(storage.value, p.storage.value)) }

    /// Integer square root (floor) of a non-negative value; nil for negatives.
    public func squareRootFloor() -> BigInt? {
        guard signum >= 0 else { return nil }
        return BigInt.make { zk_mpz_sqrt($0, storage.value) }
    }

    /// GMP's Miller–Rabin/BPSW test with `reps` rounds.
    public func isProbablePrime(rounds: Int = 40) -> Bool { zk_mpz_probab_prime_p(storage.value, Int32(rounds)) > 0 }

    public static func << (a: BigInt, n: Int) -> BigInt { make { zk_mpz_mul_2exp($0, a.storage.value, UInt(n)) } }
    /// Floor shift right.
    public static func >> (a: BigInt, n: Int) -> BigInt { make { zk_mpz_fdiv_q_2exp($0, a.storage.value, UInt(n)) } }
    public static func & (a: BigInt, b: BigInt) -> BigInt { make { zk_mpz_and($0, a.storage.value, b.storage.value) } }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
