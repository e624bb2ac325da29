/// Double-width (512-bit) values for lazy reduction in the tower: products of `Fp` elements kept
/// unreduced, added and subtracted, and brought back to `Fp` by one Montgomery reduction (REDC).
///
/// Technique: Aranha, Karabina, Longa, Gebotys, López, "Faster explicit formulas for computing
/// pairings over ordinary curves" (EUROCRYPT 2011, §3: lazy reduction in Fp2/Fp6/Fp12), as in mcl's
/// `FpDbl`. A Karatsuba Fp12 product then costs 54 integer products but only 12 reductions
/// (against 54 Montgomery multiplications).
///
/// Invariant: every `FpDbl` value lies in [0, p·R) with R = 2^256, so REDC returns a value < 2p
/// and one conditional subtraction finishes it. Addition and subtraction are modulo p·R — since
/// the low half is unconstrained, that is a modular operation on the high half with the low half's
/// carry or borrow: the cost of an `Fp` addition plus four limbs. Products are formed only from
/// operands whose product is below p·R: two reduced elements (< p²), or two unreduced sums of two
/// reduced elements (< 4p² < p·R because 4p < R).
@frozen @usableFromInline
struct FpDbl: Sendable {
    @usableFromInline var lo: Limbs4
    @usableFromInline var hi: Limbs4

    @inlinable @inline(__always) init(lo: Limbs4, hi: Limbs4) { self.lo = lo; self.hi = hi }

    /// The plain 512-bit product of the Montgomery representations (schoolbook, 16 multiplies).
    /// a·b < p·R is required (see the type's invariant).
    ///
    /// Row form: each row a·b_i is formed as five limbs by one add chain over its four (hi, lo)
    /// pairs (`timesWord`), then added into the running sum by one five-limb chain. Against the
    /// multiply-accumulate form (each partial product plus two addends, two carries each), a mulx
    /// build of the Fp12 product went 1.43 → 1.40 µs here (session 6; 14978 → 14887 instructions).
    /// Session 8 went back to that form inside the Fp12 product's Fp2 products (423 against 445
    /// instructions each); session 9 returned to this one with the Fp2 product's finish sequenced
    /// (`Fp2Dbl.productOffset(_:_:into:)`): 13254 → 13066 instructions, 1.25–1.26 → 1.21–1.22 µs.
    /// The multiply-accumulate form is gone with its last use.
    @inlinable @inline(__always) static func product(_ a: Limbs4, _ b: Limbs4) -> FpDbl {
        let x = timesWord(a, b.0)
        var r1 = x.1, r2 = x.2, r3 = x.3, r4 = x.4, r5: UInt64, r6: UInt64, r7: UInt64, c: UInt64
        let y = timesWord(a, b.1)
        (r1, c) = adc(r1, y.0, 0); (r2, c) = adc(r2, y.1, c); (r3, c) = adc(r3, y.2, c); (r4, c) = adc(r4, y.3, c)
        r5 = y.4 &+ c
        let z = timesWord(a, b.2)
        (r2, c) = adc(r2, z.0, 0); (r3, c) = adc(r3, z.1, c); (r4, c) = adc(r4, z.2, c); (r5, c) = adc(r5, z.3, c)
        r6 = z.4 &+ c
        let w = timesWord(a, b.3)
        (r3, c) = adc(r3, w.0, 0); (r4, c) = adc(r4, w.1, c); (r5, c) = adc(r5, w.2, c); (r6, c) = adc(r6, w.3, c)
        r7 = w.4 &+ c
        return FpDbl(lo: (x.0, r1, r2, r3), hi: (r4, r5, r6, r7))
    }

    @inlinable @inline(__always) static func product(_ a: Fp, _ b: Fp) -> FpDbl { product(a.montgomery, b.montgomery) }

    /// Montgomery reduction: self·R⁻¹ mod p, i.e. the `Fp` whose Montgomery form is that value.
    /// Four rows of 4 multiplies (the low one only for its carry, `montLowCarry`); the result is
    /// < 2p before the final conditional subtraction.
    @inlinable @inline(__always) func reduced() -> Fp {
        let m = Fp.modulus, inv = Fp.montgomeryInverse
        var t0 = lo.0, t1 = lo.1, t2 = lo.2, t3 = lo.3
        var t4 = hi.0, t5 = hi.1, t6 = hi.2, t7 = hi.3
        var c: UInt64, k: UInt64, x: UInt64

        var q = t0 &* inv
        c = montLowCarry(q, m.0, t0)
        (c, t1) = mac(q, m.1, t1, c)
        (c, t2) = mac(q, m.2, t2, c)
        (c, t3) = mac(q, m.3, t3, c)
        (t4, k) = adc(t4, c, 0)

        q = t1 &* inv
        c = montLowCarry(q, m.0, t1)
        (c, t2) = mac(q, m.1, t2, c)
        (c, t3) = mac(q, m.2, t3, c)
        (c, t4) = mac(q, m.3, t4, c)
        (t5, x) = adc(t5, c, k); k = x

        q = t2 &* inv
        c = montLowCarry(q, m.0, t2)
        (c, t3) = mac(q, m.1, t3, c)
        (c, t4) = mac(q, m.2, t4, c)
        (c, t5) = mac(q, m.3, t5, c)
        (t6, x) = adc(t6, c, k); k = x

        q = t3 &* inv
        c = montLowCarry(q, m.0, t3)
        (c, t4) = mac(q, m.1, t4, c)
        (c, t5) = mac(q, m.2, t5, c)
        (c, t6) = mac(q, m.3, t6, c)
        (t7, _) = adc(t7, c, k)   // no carry out: the result is < 2p < 2^256
        return Fp(montgomery: reduceOnce((t4, t5, t6, t7), m))
    }

    /// (a + b) mod p·R.
    @inlinable @inline(__always) static func + (a: FpDbl, b: FpDbl) -> FpDbl {
        let (l, k) = add256(a.lo, b.lo)
        let (h, _) = add256(a.hi, b.hi, carry: k)
        return FpDbl(lo: l, hi: reduceOnce(h, Fp.modulus))
    }

    /// (a − b) mod p·R.
    @inlinable @inline(__always) static func - (a: FpDbl, b: FpDbl) -> FpDbl {
        let (l, k) = subChain256(a.lo, b.lo)
        let (h, j) = subChain256(a.hi, b.hi, borrow: k)
        let m = Fp.modulus, mask = 0 &- UInt64(j)   // went below zero: add p·R back
        return FpDbl(lo: l, hi: add256(h, (m.0 & mask, m.1 & mask, m.2 & mask, m.3 & mask)).0)
    }

    /// a − b mod 2^512: for a ≥ b known in advance (e.g. (a0 + a1)(b0 + b1) − a0b0 − a1b1, no
    /// correction) or a two's-complement difference. Four 128-bit subtractions, the borrow passed
    /// on as a value: this compiles to sub/sbb pairs, where the same chain written as a + ~b + 1
    /// through `subChain256` went through setae/setb/movzbl and `not` between limbs (the Fp2
    /// product's Karatsuba finish: 469 → 445 instructions; `mulBy034` 1.18 → 1.03 µs).
    @inlinable @inline(__always) static func subtractingExact(_ a: FpDbl, _ b: FpDbl) -> FpDbl {
        let (x0, o0) = wide(a.lo.0, a.lo.1).subtractingReportingOverflow(wide(b.lo.0, b.lo.1))
        let (y1, o1) = wide(a.lo.2, a.lo.3).subtractingReportingOverflow(wide(b.lo.2, b.lo.3))
        let (x1, p1) = y1.subtractingReportingOverflow(UInt128(bit(o0)))
        let (y2, o2) = wide(a.hi.0, a.hi.1).subtractingReportingOverflow(wide(b.hi.0, b.hi.1))
        let (x2, p2) = y2.subtractingReportingOverflow(UInt128(bit(o1) | bit(p1)))
        let x3 = wide(a.hi.2, a.hi.3) &- wide(b.hi.2, b.hi.3) &- UInt128(bit(o2) | bit(p2))
        return FpDbl(lo: (UInt64(truncatingIfNeeded: x0), UInt64(truncatingIfNeeded: x0 &>> 64),
                          UInt64(truncatingIfNeeded: x1), UInt64(truncatingIfNeeded: x1 &>> 64)),
                     hi: (UInt64(truncatingIfNeeded: x2), UInt64(truncatingIfNeeded: x2 &>> 64),
                          UInt64(truncatingIfNeeded: x3), UInt64(truncatingIfNeeded: x3 &>> 64)))
    }

    /// a + b mod 2^512 (an add/adc chain), for sums known not to overflow.
    @inlinable @inline(__always) static func addingExact(_ a: FpDbl, _ b: FpDbl) -> FpDbl {
        let (l, k) = add256(a.lo, b.lo)
        let (h, _) = add256(a.hi, b.hi, carry: k)
        return FpDbl(lo: l, hi: h)
    }

    /// 9·self mod p·R (for multiplication by ξ = 9 + u), by a multiply-by-9 and one quotient
    /// estimate instead of three doublings and an addition (a latency chain of four modular adds):
    /// 9·lo = lo' + c·2^256 with c ≤ 8, and the high half 9·hi + c < 9p + 9 < 2^257 is reduced
    /// mod p by `highModP`.
    @inlinable @inline(__always) func timesNine() -> FpDbl {
        let (c0, l0) = mac(lo.0, 9, 0)
        let (c1, l1) = mac(lo.1, 9, c0)
        let (c2, l2) = mac(lo.2, 9, c1)
        let (c3, l3) = mac(lo.3, 9, c2)
        let (d0, t0) = mac(hi.0, 9, c3)
        let (d1, t1) = mac(hi.1, 9, d0)
        let (d2, t2) = mac(hi.2, 9, d1)
        let (t4, t3) = mac(hi.3, 9, d2)
        return FpDbl(lo: (l0, l1, l2, l3), hi: highModP((t0, t1, t2, t3), t4))
    }
}

/// H mod p for H = t + t4·2^256 < 2^264 (t4 < 2^8), by one quotient estimate: with
/// H' = ⌊H / 2^200⌋ < 2^64 and P' = ⌊p / 2^200⌋ ≈ 2^53.6, q̂ = ⌊H' / (P' + 1)⌋ satisfies
/// ⌊H/p⌋ − 1 ≤ q̂ ≤ ⌊H/p⌋ (H/p − H'/(P' + 1) < (H' + P' + 1)/(P'(P' + 1)) < 2^−40, and the floor
/// loses less than 1), so H − q̂p < 2p and one conditional subtraction finishes it (only the low
/// four limbs of q̂p are formed: H − q̂p < 2^256). The division is by a constant (a multiply).
@inlinable @inline(__always)
func highModP(_ t: Limbs4, _ t4: UInt64) -> Limbs4 {
    let m = Fp.modulus
    let q = ((t4 &<< 56) | (t.3 &>> 8)) / ((m.3 &>> 8) &+ 1)
    let (e0, u0) = mac(q, m.0, 0)
    let (e1, u1) = mac(q, m.1, e0)
    let (e2, u2) = mac(q, m.2, e1)
    let (_, u3) = mac(q, m.3, e2)
    return reduceOnce(sub256(t, (u0, u1, u2, u3)).0, m)
}

/// a + b without reduction (< 2p for reduced inputs): an operand of `FpDbl.product`.
@inlinable @inline(__always)
func addNoReduce(_ a: Limbs4, _ b: Limbs4) -> Limbs4 { add256(a, b).0 }
