import BN254

/// A small unsigned 256-bit integer for the integer semantics of hints (division, shifts, bit
/// extraction) and for literal parsing. Slow and simple (bitwise long division): it runs only on
/// hint instructions, never on the constraint hot path.
struct U256: Equatable, Comparable, Sendable {
    var l: (UInt64, UInt64, UInt64, UInt64)

    static let zero = U256(l: (0, 0, 0, 0))
    init(l: (UInt64, UInt64, UInt64, UInt64)) { self.l = l }
    init(_ v: UInt64) { l = (v, 0, 0, 0) }
    init(_ f: Fr) { l = f.canonical }

    var limbs: [UInt64] { [l.0, l.1, l.2, l.3] }
    init(limbs a: [UInt64]) { l = (a[0], a[1], a[2], a[3]) }

    static func == (a: U256, b: U256) -> Bool { a.l.0 == b.l.0 && a.l.1 == b.l.1 && a.l.2 == b.l.2 && a.l.3 == b.l.3 }
    static func < (a: U256, b: U256) -> Bool {
        if a.l.3 != b.l.3 { return a.l.3 < b.l.3 }
        if a.l.2 != b.l.2 { return a.l.2 < b.l.2 }
        if a.l.1 != b.l.1 { return a.l.1 < b.l.1 }
        return a.l.0 < b.l.0
    }
    var isZero: Bool { self == .zero }

    /// Number of significant bits (0 for zero).
    var bitLength: Int {
        let a = limbs
        for i in stride(from: 3, through: 0, by: -1) where a[i] != 0 { return i * 64 + (64 - a[i].leadingZeroBitCount) }
        return 0
    }
    func bit(_ i: Int) -> Bool { i < 0 || i >= 256 ? false : (limbs[i / 64] >> UInt64(i % 64)) & 1 == 1 }

    /// Wrapping add/sub (mod 2^256), returning the carry/borrow.
    static func addc(_ a: U256, _ b: U256) -> (U256, Bool) {
        var r = [UInt64](repeating: 0, count: 4)
        var carry: UInt64 = 0
        let x = a.limbs, y = b.limbs
        for i in 0..<4 {
            let (s1, o1) = x[i].addingReportingOverflow(y[i])
            let (s2, o2) = s1.addingReportingOverflow(carry)
            r[i] = s2
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        return (U256(limbs: r), carry != 0)
    }
    static func subb(_ a: U256, _ b: U256) -> (U256, Bool) {
        var r = [UInt64](repeating: 0, count: 4)
        var borrow: UInt64 = 0
        let x = a.limbs, y = b.limbs
        for i in 0..<4 {
            let (s1, o1) = x[i].subtractingReportingOverflow(y[i])
            let (s2, o2) = s1.subtractingReportingOverflow(borrow)
            r[i] = s2
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        return (U256(limbs: r), borrow != 0)
    }
    func shiftedLeft(_ n: Int) -> U256 {
        if n >= 256 { return .zero }
        if n <= 0 { return self }
        var r = [UInt64](repeating: 0, count: 4)
        let a = limbs, w = n / 64, b = n % 64
        for i in stride(from: 3, through: w, by: -1) {
            r[i] = a[i - w] << UInt64(b)
            if b > 0, i - w - 1 >= 0 { r[i] |= a[i - w - 1] >> UInt64(64 - b) }
        }
        return U256(limbs: r)
    }
    func shiftedRight(_ n: Int) -> U256 {
        if n >= 256 { return .zero }
        if n <= 0 { return self }
        var r = [UInt64](repeating: 0, count: 4)
        let a = limbs, w = n / 64, b = n % 64
        for i in 0..<(4 - w) {
            r[i] = a[i + w] >> UInt64(b)
            if b > 0, i + w + 1 < 4 { r[i] |= a[i + w + 1] << UInt64(64 - b) }
        }
        return U256(limbs: r)
    }
    static func & (a: U256, b: U256) -> U256 { U256(l: (a.l.0 & b.l.0, a.l.1 & b.l.1, a.l.2 & b.l.2, a.l.3 & b.l.3)) }
    static func | (a: U256, b: U256) -> U256 { U256(l: (a.l.0 | b.l.0, a.l.1 | b.l.1, a.l.2 | b.l.2, a.l.3 | b.l.3)) }
    static func ^ (a: U256, b: U256) -> U256 { U256(l: (a.l.0 ^ b.l.0, a.l.1 ^ b.l.1, a.l.2 ^ b.l.2, a.l.3 ^ b.l.3)) }

    /// Floor division and remainder; nil when dividing by zero. Bitwise long division.
    func divMod(_ d: U256) -> (U256, U256)? {
        if d.isZero { return nil }
        if self < d { return (.zero, self) }
        var q = U256.zero, r = U256.zero
        for i in stride(from: bitLength - 1, through: 0, by: -1) {
            r = r.shiftedLeft(1)
            if bit(i) { r.l.0 |= 1 }
            if !(r < d) {
                r = U256.subb(r, d).0
                q = q | U256.zero.setBit(i)
            }
        }
        return (q, r)
    }
    func setBit(_ i: Int) -> U256 {
        var a = limbs
        a[i / 64] |= 1 << UInt64(i % 64)
        return U256(limbs: a)
    }
    static func pow2(_ n: Int) -> U256 { U256.zero.setBit(n) }

    /// Parse a decimal or 0x-hex literal; nil when it does not fit in 256 bits.
    init?(literal text: String) {
        var v = U256.zero
        if text.hasPrefix("0x") {
            for ch in text.dropFirst(2) {
                guard let d = ch.hexDigitValue else { return nil }
                if v.bitLength > 252 { return nil }
                v = v.shiftedLeft(4)
                v.l.0 |= UInt64(d)
            }
        } else {
            for ch in text {
                guard let d = ch.wholeNumberValue else { return nil }
                // v*10 + d = v*8 + v*2 + d
                if v.bitLength > 251 { return nil }
                let (a, _) = U256.addc(v.shiftedLeft(3), v.shiftedLeft(1))
                let (b, c) = U256.addc(a, U256(UInt64(d)))
                if c { return nil }
                v = b
            }
        }
        self = v
    }

    /// The field element with this value, if it is below r.
    var fr: Fr? {
        let m = U256(l: Fr.modulus)
        guard self < m else { return nil }
        return Fr(canonicalUnchecked: l)
    }
}

extension Fr {
    /// 2^n as a field element (n < 254).
    static func pow2(_ n: Int) -> Fr { U256.pow2(n).fr ?? .zero }

    /// Signed reading: values above (r-1)/2 are negative. Returns (isNegative, magnitude).
    var signedMagnitude: (Bool, U256) {
        let v = U256(self)
        let half = U256(l: Fr.modulus).shiftedRight(1)
        if half < v { return (true, U256((-self))) }
        return (false, v)
    }
    /// Decimal text of the signed reading (e.g. "-5" for r-5).
    var signedDescription: String {
        let (neg, _) = signedMagnitude
        return neg ? "-" + (-self).description : description
    }
}
