/// 256-bit limb arithmetic shared by `Fp` and `Fr`: the hot path of everything above it.
///
/// All helpers are `@inlinable @inline(__always)` free functions that take the modulus as
/// arguments; each field calls them with its constants (literals, except the multiply's modulus,
/// which is read from memory: `PrimeField.modulusInMemory`), so after inlining the optimiser sees
/// straight-line code. Carries travel as `UInt64` (via `UInt128`), never as `Bool`.

/// Four 64-bit limbs, least significant first.
public typealias Limbs4 = (UInt64, UInt64, UInt64, UInt64)

/// (hi, lo) of a·b + c.
@inlinable @inline(__always)
func mac(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &* UInt128(b) &+ UInt128(c)
    return (UInt64(truncatingIfNeeded: t &>> 64), UInt64(truncatingIfNeeded: t))
}

/// (hi, lo) of a·b + c + d (cannot overflow 128 bits).
@inlinable @inline(__always)
func mac(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &* UInt128(b) &+ UInt128(c) &+ UInt128(d)
    return (UInt64(truncatingIfNeeded: t &>> 64), UInt64(truncatingIfNeeded: t))
}

/// (sum, carry) of a + b + carry.
@inlinable @inline(__always)
func adc(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &+ UInt128(b) &+ UInt128(carry)
    return (UInt64(truncatingIfNeeded: t), UInt64(truncatingIfNeeded: t &>> 64))
}

/// (difference, borrow ∈ {0,1}) of a − b − borrow.
@inlinable @inline(__always)
func sbb(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &- UInt128(b) &- UInt128(borrow)
    return (UInt64(truncatingIfNeeded: t), UInt64(truncatingIfNeeded: t &>> 127))
}

/// The 0/1 value of a flag, as a byte (keeps LLVM from branching on it).
@inlinable @inline(__always)
func bit(_ b: Bool) -> UInt8 { UInt8(truncatingIfNeeded: b ? 1 : 0) }

@inlinable @inline(__always)
func wide(_ lo: UInt64, _ hi: UInt64) -> UInt128 { UInt128(hi) &<< 64 | UInt128(lo) }

/// (a − b − borrow, borrow out) on 256 bits. Written as two 128-bit subtractions: LLVM turns
/// that into a sub/sbb chain, where a per-limb `sbb` through `UInt128` compiled to ~3× the
/// instructions (add/adc/sar sequences).
@inlinable @inline(__always)
func sub256(_ a: Limbs4, _ b: Limbs4, borrow: UInt8 = 0) -> (Limbs4, UInt8) {
    let (l0, o0) = wide(a.0, a.1).subtractingReportingOverflow(wide(b.0, b.1))
    let (l1, o1) = l0.subtractingReportingOverflow(UInt128(borrow))
    let (h0, o2) = wide(a.2, a.3).subtractingReportingOverflow(wide(b.2, b.3))
    let (h1, o3) = h0.subtractingReportingOverflow(UInt128(bit(o0) | bit(o1)))
    return ((UInt64(truncatingIfNeeded: l1), UInt64(truncatingIfNeeded: l1 &>> 64),
             UInt64(truncatingIfNeeded: h1), UInt64(truncatingIfNeeded: h1 &>> 64)), bit(o2) | bit(o3))
}

/// (a − b − borrow, borrow out ∈ {0, 1}) on 256 bits as a + ~b + (1 − borrow) through `adc`.
/// For 512-bit chains (`FpDbl`): two of these chain into one sub/sbb run, where chaining two
/// `sub256` calls goes through setb/or between the halves. (`sub256` stays the faster choice
/// ahead of a select, as in `reduceOnce`.)
@inlinable @inline(__always)
func subChain256(_ a: Limbs4, _ b: Limbs4, borrow: UInt64 = 0) -> (Limbs4, UInt64) {
    let (s0, c0) = adc(a.0, ~b.0, 1 &- borrow)
    let (s1, c1) = adc(a.1, ~b.1, c0)
    let (s2, c2) = adc(a.2, ~b.2, c1)
    let (s3, c3) = adc(a.3, ~b.3, c2)
    return ((s0, s1, s2, s3), 1 &- c3)
}

/// (a + b + carry, carry out) on 256 bits (an add/adc chain).
@inlinable @inline(__always)
func add256(_ a: Limbs4, _ b: Limbs4, carry: UInt64 = 0) -> (Limbs4, UInt64) {
    let (s0, c0) = adc(a.0, b.0, carry)
    let (s1, c1) = adc(a.1, b.1, c0)
    let (s2, c2) = adc(a.2, b.2, c1)
    let (s3, c3) = adc(a.3, b.3, c2)
    return ((s0, s1, s2, s3), c3)
}

/// mask ? b : a, limb-wise (mask is all ones or all zeros).
@inlinable @inline(__always)
func select(_ mask: UInt64, _ b: Limbs4, _ a: Limbs4) -> Limbs4 {
    ((b.0 & mask) | (a.0 & ~mask), (b.1 & mask) | (a.1 & ~mask), (b.2 & mask) | (a.2 & ~mask), (b.3 & mask) | (a.3 & ~mask))
}

/// a if it is < m, else a − m (for a < 2m; requires m < 2^255).
///
/// The low half's borrow is added to the modulus's high half before the high subtraction,
/// instead of subtracted from the difference after it (as `sub256` does): the compiler then
/// emits sub/sbb, adc/adc (m's high half plus the borrow, off the critical path since the low
/// limbs of a arrive first), sub/sbb and four `cmovb`, so the select waits one `sbb` after a's top
/// limb. `sub256` here compiled to a second sbb pair, setb, or and cmovne: a dependent `Fr`
/// multiply 23.0–23.5 → 22.0–22.2 ns in a probe (docs/BENCHMARKS.md, session 7).
@inlinable @inline(__always)
func reduceOnce(_ a: Limbs4, _ m: Limbs4) -> Limbs4 {
    let (l, lowBorrow) = wide(a.0, a.1).subtractingReportingOverflow(wide(m.0, m.1))
    let mHigh = wide(m.2, m.3) &+ UInt128(bit(lowBorrow))   // no overflow: m.3 < 2^63
    let (h, borrow) = wide(a.2, a.3).subtractingReportingOverflow(mHigh)
    let d: Limbs4 = (UInt64(truncatingIfNeeded: l), UInt64(truncatingIfNeeded: l &>> 64),
                     UInt64(truncatingIfNeeded: h), UInt64(truncatingIfNeeded: h &>> 64))
    return select(0 &- UInt64(bit(borrow)), a, d)   // borrow: a < m, keep a
}

/// (a + b) mod m for a, b < m (requires 2m < 2^256).
@inlinable @inline(__always)
func modAdd(_ a: Limbs4, _ b: Limbs4, _ m: Limbs4) -> Limbs4 {
    reduceOnce(add256(a, b).0, m)
}

/// (a − b) mod m for a, b < m.
@inlinable @inline(__always)
func modSub(_ a: Limbs4, _ b: Limbs4, _ m: Limbs4) -> Limbs4 {
    let (d, borrow) = sub256(a, b)
    let mask = 0 &- UInt64(borrow)   // all ones when we went below zero: add m back
    return add256(d, (m.0 & mask, m.1 & mask, m.2 & mask, m.3 & mask)).0
}

/// a/2 mod m for a < m and odd m: (a + (a odd ? m : 0)) >> 1, which needs no reduction since
/// a + m < 2m < 2^255 (requires 2m < 2^256).
@inlinable @inline(__always)
func modHalve(_ a: Limbs4, _ m: Limbs4) -> Limbs4 {
    let mask = 0 &- (a.0 & 1)
    let (t, _) = add256(a, (m.0 & mask, m.1 & mask, m.2 & mask, m.3 & mask))
    return ((t.0 >> 1) | (t.1 << 63), (t.1 >> 1) | (t.2 << 63), (t.2 >> 1) | (t.3 << 63), t.3 >> 1)
}

/// (−a) mod m for a < m.
@inlinable @inline(__always)
func modNeg(_ a: Limbs4, _ m: Limbs4) -> Limbs4 {
    let isZero = (a.0 | a.1 | a.2 | a.3) == 0
    let (d, _) = sub256(m, a)
    let keep: UInt64 = isZero ? 0 : ~0
    return (d.0 & keep, d.1 & keep, d.2 & keep, d.3 & keep)
}

/// The carry out of the low limb of q·m0 + t for q = t·(−m⁻¹) mod 2^64, where that limb is 0 by
/// construction: hi(q·m0) + (t ≠ 0). The t ≠ 0 part is known before the multiply, so no add of
/// lo(q·m0) sits on the latency chain q → next q of Montgomery reduction (3 % off a dependent
/// `Fr` multiply here, 21.9 → 21.2 ns). hi(q·m0) ≤ 2^64 − 2, so the sum does not overflow.
@inlinable @inline(__always)
func montLowCarry(_ q: UInt64, _ m0: UInt64, _ t: UInt64) -> UInt64 {
    q.multipliedFullWidth(by: m0).high &+ (t != 0 ? 1 : 0)
}

/// t + a·bi as five limbs, the first half of a CIOS row. Row form: the four partial products
/// a_j·bi are joined by one add chain over their (hi, lo) halves, then added into t by a second
/// chain. In multiply-accumulate form (each partial product plus t_j plus the running carry, as
/// until session 8) this half had two carry words and two add/adc pairs per limb; with the branch
/// in `montMul`, callgrind's `fp-mul` went 208 → 175 instructions.
@inlinable @inline(__always)
func montAccumulate(_ a: Limbs4, _ bi: UInt64, _ t: Limbs4) -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
    let r = timesWord(a, bi)
    var c: UInt64
    var s0, s1, s2, s3: UInt64
    (s0, c) = adc(t.0, r.0, 0)
    (s1, c) = adc(t.1, r.1, c)
    (s2, c) = adc(t.2, r.2, c)
    (s3, c) = adc(t.3, r.3, c)
    return (s0, s1, s2, s3, r.4 &+ c)   // t + a·bi < 2m + m·2^64 < 2^320
}

/// a·w as five limbs: the four (hi, lo) partial products joined by one add chain (the top limb
/// cannot overflow: a·w < 2^320). A row of `montAccumulate` and of `FpDbl.product`.
@inlinable @inline(__always)
func timesWord(_ a: Limbs4, _ w: UInt64) -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
    let p0 = a.0.multipliedFullWidth(by: w), p1 = a.1.multipliedFullWidth(by: w)
    let p2 = a.2.multipliedFullWidth(by: w), p3 = a.3.multipliedFullWidth(by: w)
    let (r1, c1) = adc(p1.low, p0.high, 0)
    let (r2, c2) = adc(p2.low, p1.high, c1)
    let (r3, c3) = adc(p3.low, p2.high, c2)
    return (p0.low, r1, r2, r3, p3.high &+ c3)
}

/// (s + q·m) / 2^64 with q = s0·(−m⁻¹) mod 2^64 chosen to clear the low limb: the second half
/// of a CIOS row, in multiply-accumulate form (q·m_j plus s_j plus the carry), since in row form
/// the optimiser routed this half's carries through setb/movzbl. For s = t + a·bi with t < 2m,
/// a < m and bi, q < 2^64 the result is < (2m + 2·m·(2^64 − 1)) / 2^64 < 2m, so four rows keep
/// t < 2m (the "no-carry" CIOS of gnark-crypto: m.3 < 2^62 leaves the top limb room).
@inlinable @inline(__always)
func montShift(_ s: (UInt64, UInt64, UInt64, UInt64, UInt64), _ m: Limbs4, _ inv: UInt64) -> Limbs4 {
    let q = s.0 &* inv
    var C = montLowCarry(q, m.0, s.0)
    var t0, t1, t2: UInt64
    (C, t0) = mac(q, m.1, s.1, C)
    (C, t1) = mac(q, m.2, s.2, C)
    (C, t2) = mac(q, m.3, s.3, C)
    return (t0, t1, t2, C &+ s.4)
}

/// Montgomery product a·b·2^−256 mod m for a, b < m (CIOS, four rows of `montAccumulate` then
/// `montShift`; 32 64×64→128 multiplies and four 64-bit ones for the quotients).
///
/// The final conditional subtraction is skipped by a branch when t.3 < m.3, which proves t < m.
/// For a product of reduced operands t < (m² + m·2^256) / 2^256 < 1.2m, so the branch is taken in
/// all but a few per cent of products and predicts well; the rare path is the branch-free
/// `reduceOnce`. Skipping it takes the subtraction's sub/sbb/cmov chain off the path to the next
/// dependent multiply, and with it off the path the rows' smaller instruction count shows: a
/// dependent `Fr` multiply 21.1–21.2 → 18.7–19.2 ns (`ZKBench --only fields`, three alternating
/// runs; session 9), where either change alone gave ~19.5–20.5 (branch) and no gain (rows),
/// because without the branch the multiply is bound by its latency and with it by its
/// instruction count. The timing depends on the operands, as everywhere in zkclear (see
/// `CurveScalar.swift`): nothing here is constant-time.
@inlinable @inline(__always)
func montMul(_ a: Limbs4, _ b: Limbs4, _ m: Limbs4, _ inv: UInt64) -> Limbs4 {
    var t = montShift(montAccumulate(a, b.0, (0, 0, 0, 0)), m, inv)
    t = montShift(montAccumulate(a, b.1, t), m, inv)
    t = montShift(montAccumulate(a, b.2, t), m, inv)
    t = montShift(montAccumulate(a, b.3, t), m, inv)
    if t.3 < m.3 { return t }   // then t < m
    return reduceOnce(t, m)
}

/// a < b as unsigned 256-bit numbers.
@inlinable @inline(__always)
func limbsLess(_ a: Limbs4, _ b: Limbs4) -> Bool {
    if a.3 != b.3 { return a.3 < b.3 }
    if a.2 != b.2 { return a.2 < b.2 }
    if a.1 != b.1 { return a.1 < b.1 }
    return a.0 < b.0
}

@inlinable @inline(__always)
func limbsEqual(_ a: Limbs4, _ b: Limbs4) -> Bool {
    ((a.0 ^ b.0) | (a.1 ^ b.1) | (a.2 ^ b.2) | (a.3 ^ b.3)) == 0
}

@inlinable @inline(__always)
func limbsArray(_ a: Limbs4) -> [UInt64] { [a.0, a.1, a.2, a.3] }
