/// Lazy-reduction products in the tower (see `FpDbl`): Fp2, Fp6 and Fp12 products formed with
/// unreduced double-width coefficients and reduced once per output `Fp` coefficient.
///
/// Costs below count P = a 4×4-limb integer product (16 multiplies, no reduction) and
/// R = a Montgomery reduction (16 multiplies); a Montgomery multiplication is about P + R.
/// Fp2 product: 3P + 2R. Fp6 product: 18P + 6R. Fp12 product: 54P + 12R (against 54(P + R)).
/// Every fast product here has a reference beside it in `TowerTests` (the formulas over reduced
/// arithmetic, and schoolbook products).

/// An Fp2 element with double-width coefficients.
@frozen @usableFromInline
struct Fp2Dbl: Sendable {
    @usableFromInline var c0: FpDbl
    @usableFromInline var c1: FpDbl

    @inlinable @inline(__always) init(_ c0: FpDbl, _ c1: FpDbl) { self.c0 = c0; self.c1 = c1 }

    @inlinable @inline(__always) static func + (a: Fp2Dbl, b: Fp2Dbl) -> Fp2Dbl { Fp2Dbl(a.c0 + b.c0, a.c1 + b.c1) }
    @inlinable @inline(__always) static func - (a: Fp2Dbl, b: Fp2Dbl) -> Fp2Dbl { Fp2Dbl(a.c0 - b.c0, a.c1 - b.c1) }

    /// Karatsuba with unreduced sums: v0 = a0b0, v1 = a1b1, c0 = v0 − v1,
    /// c1 = (a0 + a1)(b0 + b1) − v0 − v1 (exact: it equals a0b1 + a1b0 ≥ 0). Cost 3P.
    @inlinable @inline(__always) static func product(_ a: Fp2, _ b: Fp2) -> Fp2Dbl {
        let v0 = FpDbl.product(a.c0, b.c0)
        let v1 = FpDbl.product(a.c1, b.c1)
        let s = FpDbl.product(addNoReduce(a.c0.montgomery, a.c1.montgomery), addNoReduce(b.c0.montgomery, b.c1.montgomery))
        return Fp2Dbl(v0 - v1, FpDbl.subtractingExact(FpDbl.subtractingExact(s, v0), v1))
    }

    // Out-of-line pieces for the Fp6 and Fp12 products. Inlined there, the 18 products and
    // ~40 double-width additions of an Fp12 product become one body that spills far more than
    // the calls cost. `Fp2 *` keeps the inline `product`. Measured (Fp12 product): 1.25 µs with
    // the inlining the optimiser chose, 1.20 µs with product/sum/difference/ξ out of line,
    // 1.13 µs with the fused kernels below.
    @usableFromInline @inline(never) static func productOutlined(_ a: Fp2, _ b: Fp2) -> Fp2Dbl { product(a, b) }
    @usableFromInline @inline(never) static func sum(_ a: Fp2Dbl, _ b: Fp2Dbl) -> Fp2Dbl { a + b }

    // Fused combination kernels for the Karatsuba products: each reads its operands once and
    // writes one result, where a chain of `difference`/`sum` calls stores and reloads every
    // intermediate double-width value.
    /// ξ(m − a − b) + c: coefficient 0 of an Fp6 Karatsuba product (m = (a1 + a2)(b1 + b2), …).
    @usableFromInline @inline(never) static func xiOfDifferencePlus(_ m: Fp2Dbl, _ a: Fp2Dbl, _ b: Fp2Dbl, _ c: Fp2Dbl) -> Fp2Dbl {
        (m - a - b).mulByNonResidue() + c
    }
    /// (m − a − b) + ξc: coefficient 1.
    @usableFromInline @inline(never) static func differencePlusXi(_ m: Fp2Dbl, _ a: Fp2Dbl, _ b: Fp2Dbl, _ c: Fp2Dbl) -> Fp2Dbl {
        (m - a - b) + c.mulByNonResidue()
    }
    /// m − a − b + c: coefficient 2.
    @usableFromInline @inline(never) static func differencePlus(_ m: Fp2Dbl, _ a: Fp2Dbl, _ b: Fp2Dbl, _ c: Fp2Dbl) -> Fp2Dbl {
        m - a - b + c
    }
    /// (a + ξb) reduced.
    @usableFromInline @inline(never) static func reducedSumXi(_ a: Fp2Dbl, _ b: Fp2Dbl) -> Fp2 { (a + b.mulByNonResidue()).reduced() }
    /// (a + b) reduced.
    @usableFromInline @inline(never) static func reducedSum(_ a: Fp2Dbl, _ b: Fp2Dbl) -> Fp2 { (a + b).reduced() }
    /// (m − a − b) reduced.
    @usableFromInline @inline(never) static func reducedDifference(_ m: Fp2Dbl, _ a: Fp2Dbl, _ b: Fp2Dbl) -> Fp2 { (m - a - b).reduced() }
    /// (m − a − ξb) reduced.
    @usableFromInline @inline(never) static func reducedDifferenceXi(_ m: Fp2Dbl, _ a: Fp2Dbl, _ b: Fp2Dbl) -> Fp2 { (m - a - b.mulByNonResidue()).reduced() }
    /// m − a − b.
    @usableFromInline @inline(never) static func difference(_ m: Fp2Dbl, _ a: Fp2Dbl, _ b: Fp2Dbl) -> Fp2Dbl { m - a - b }
    /// ξa + c.
    @usableFromInline @inline(never) static func xiPlus(_ a: Fp2Dbl, _ c: Fp2Dbl) -> Fp2Dbl { a.mulByNonResidue() + c }

    /// a² = (a0 + a1)(a0 − a1) + 2a0a1·u with unreduced a0 + a1 and 2a1. Cost 2P.
    @inlinable @inline(__always) static func square(_ a: Fp2) -> Fp2Dbl {
        let s = addNoReduce(a.c0.montgomery, a.c1.montgomery)
        let d = (a.c0 - a.c1).montgomery
        let twoA1 = addNoReduce(a.c1.montgomery, a.c1.montgomery)
        return Fp2Dbl(FpDbl.product(s, d), FpDbl.product(a.c0.montgomery, twoA1))
    }

    /// ξ·(c0 + c1u) = (9c0 − c1) + (9c1 + c0)u.
    @inlinable @inline(__always) func mulByNonResidue() -> Fp2Dbl {
        Fp2Dbl(c0.timesNine() - c1, c1.timesNine() + c0)
    }

    @inlinable @inline(__always) func reduced() -> Fp2 { Fp2(c0.reduced(), c1.reduced()) }
}

/// An Fp6 element with double-width coefficients.
@usableFromInline
struct Fp6Dbl: Sendable {
    @usableFromInline var c0: Fp2Dbl
    @usableFromInline var c1: Fp2Dbl
    @usableFromInline var c2: Fp2Dbl

    @inlinable @inline(__always) init(_ c0: Fp2Dbl, _ c1: Fp2Dbl, _ c2: Fp2Dbl) { self.c0 = c0; self.c1 = c1; self.c2 = c2 }


    func reduced() -> Fp6 { Fp6(c0.reduced(), c1.reduced(), c2.reduced()) }

    /// Karatsuba over Fp2 (Devegili et al., ePrint 2006/471, §4) with every Fp2 product unreduced:
    /// c0 = v0 + ξ((a1 + a2)(b1 + b2) − v1 − v2), c1 = (a0 + a1)(b0 + b1) − v0 − v1 + ξv2,
    /// c2 = (a0 + a2)(b0 + b2) − v0 − v2 + v1. Cost 18P (the Fp2 sums are reduced additions).
    static func product(_ a: Fp6, _ b: Fp6) -> Fp6Dbl {
        let v0 = Fp2Dbl.productOutlined(a.c0, b.c0)
        let v1 = Fp2Dbl.productOutlined(a.c1, b.c1)
        let v2 = Fp2Dbl.productOutlined(a.c2, b.c2)
        let m12 = Fp2Dbl.productOutlined(a.c1 + a.c2, b.c1 + b.c2)
        let m01 = Fp2Dbl.productOutlined(a.c0 + a.c1, b.c0 + b.c1)
        let m02 = Fp2Dbl.productOutlined(a.c0 + a.c2, b.c0 + b.c2)
        return Fp6Dbl(Fp2Dbl.xiOfDifferencePlus(m12, v1, v2, v0),
                      Fp2Dbl.differencePlusXi(m01, v0, v1, v2),
                      Fp2Dbl.differencePlus(m02, v0, v2, v1))
    }

    /// a·(b0 + b1·v), unreduced (5 Fp2 products):
    /// (a0b0 + ξa2b1) + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)v + (a1b1 + a2b0)v².
    static func productBy01(_ a: Fp6, _ b0: Fp2, _ b1: Fp2) -> Fp6Dbl {
        let v0 = Fp2Dbl.productOutlined(a.c0, b0)
        let v1 = Fp2Dbl.productOutlined(a.c1, b1)
        let t0 = Fp2Dbl.xiPlus(Fp2Dbl.productOutlined(a.c2, b1), v0)
        let t1 = Fp2Dbl.difference(Fp2Dbl.productOutlined(a.c0 + a.c1, b0 + b1), v0, v1)
        let t2 = Fp2Dbl.sum(Fp2Dbl.productOutlined(a.c2, b0), v1)
        return Fp6Dbl(t0, t1, t2)
    }

    /// a·s for an Fp2 scalar s, unreduced (3 Fp2 products).
    static func productByFp2(_ a: Fp6, _ s: Fp2) -> Fp6Dbl {
        Fp6Dbl(Fp2Dbl.productOutlined(a.c0, s), Fp2Dbl.productOutlined(a.c1, s), Fp2Dbl.productOutlined(a.c2, s))
    }
}
