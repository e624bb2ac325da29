/// The Fp12 product with one reduction per output coefficient and no modular correction between
/// the products and that reduction.
///
/// The formula is the Karatsuba product of `Fp12.mulReference` (Devegili et al., ePrint 2006/471:
/// Karatsuba over Fp6, each Fp6 product Karatsuba over Fp2): 18 Fp2 products, 54 integer products.
/// What differs from `Fp6Dbl.product` is how the products are combined:
///
/// 1. The 18 Fp2 products are formed once, each by one out-of-line call, straight into a scratch
///    buffer (`Fp2Dbl.productOffset`): coefficients are exact non-negative integers below 9.3p².
///    The Karatsuba m-products form their operand sums x_i + x_j in registers from the operands
///    in place (`productOffset(sumOf:…)`).
/// 2. Every one of the 12 output `Fp` coefficients is a signed integer combination of at most 12
///    of those coefficients and ξ-multiples of at most 9 more. Each is summed exactly in nine
///    registers (`FpAccumulator`, 576 bits), ξ = 9 + u applied once per output as a multiply by 9
///    and an add, and reduced once (`FpAccumulator.reduced`). For the three outputs with a long ξ part,
///    T.c0 and T.c1 are each summed once and both components formed from them (`ProductTerms.pair`).
///
/// Where the Fp6-level combination stored and reloaded every intermediate double-width value and
/// corrected each sum modulo p·R (and each multiplication by 9 with a quotient estimate), here a
/// term costs nine add-with-carry instructions with a memory operand.
///
/// The scratch buffers are the only unsafe memory in the tower: `withUnsafeTemporaryAllocation`
/// inside `productKaratsubaExact`, with fixed indices.
extension Fp12 {
    /// Karatsuba over Fp6 with exact accumulation (see the file comment). Cost 54 integer products
    /// and 12 reductions, as the `Fp6Dbl`-based lazy product (`productFp6Lazy`), with a third
    /// fewer of the other instructions (callgrind: 17.9k against 21.5k in all).
    @usableFromInline @inline(never)
    static func productKaratsubaExact(_ a: Fp12, _ b: Fp12) -> Fp12 {
        withUnsafePointer(to: a) { pa in
        withUnsafePointer(to: b) { pb in
        withProductScratch(orElse: mulReference(a, b)) { sOperands, dA, dB, dS in
            // The three Fp6 products A = a0·b0, B = a1·b1, S = (a0 + a1)(b0 + b1). A and B read
            // their operands in place; S's (reduced, so that its Fp2 sums stay below 2p) are
            // written to sOperands.
            let x = UnsafeRawPointer(pa), y = UnsafeRawPointer(pb), s = UnsafeMutableRawPointer(sOperands)
            let f2 = ProductTerms.fp2Stride, f6 = 3 * f2
            for k in 0..<3 {
                s.storeBytes(of: x.load(fromByteOffset: k * f2, as: Fp2.self) + x.load(fromByteOffset: f6 + k * f2, as: Fp2.self),
                             toByteOffset: k * f2, as: Fp2.self)
                s.storeBytes(of: y.load(fromByteOffset: k * f2, as: Fp2.self) + y.load(fromByteOffset: f6 + k * f2, as: Fp2.self),
                             toByteOffset: f6 + k * f2, as: Fp2.self)
            }
            ProductTerms.multiplyFp6(x, y, into: dA)
            ProductTerms.multiplyFp6(x + f6, y + f6, into: dB)
            ProductTerms.multiplyFp6(UnsafeRawPointer(s), UnsafeRawPointer(s + f6), into: dS)
            return ProductTerms.combine(ProductTerms.Products(a: dA, b: dB, s: dS))
        }}}
    }

    /// One operand buffer (6 `Fp2`: two Fp6 operands) and three product buffers (6 `Fp2Dbl`),
    /// uninitialised, on the stack: of 384 and 768 bytes, because withUnsafeTemporaryAllocation
    /// takes the stack only up to 1 KiB and mallocs beyond. `fallback` is for an allocation
    /// without a base address, which does not happen for a non-zero capacity.
    @inline(__always) static func withProductScratch<R>(
        orElse fallback: @autoclosure () -> R,
        _ body: (UnsafeMutablePointer<Fp2>, UnsafeMutablePointer<Fp2Dbl>, UnsafeMutablePointer<Fp2Dbl>, UnsafeMutablePointer<Fp2Dbl>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: Fp2.self, capacity: 6) { operands in
        withUnsafeTemporaryAllocation(of: Fp2Dbl.self, capacity: 6) { dA in
        withUnsafeTemporaryAllocation(of: Fp2Dbl.self, capacity: 6) { dB in
        withUnsafeTemporaryAllocation(of: Fp2Dbl.self, capacity: 6) { dS in
            guard let so = operands.baseAddress,
                  let da = dA.baseAddress, let db = dB.baseAddress, let ds = dS.baseAddress else { return fallback() }
            return body(so, da, db, ds)
        }}}}
    }
}

/// An operand of `Fp2Dbl.productOffset`: Montgomery limbs that may be an unreduced sum of two
/// reduced values (each coefficient < 2p), so not an `Fp2`.
@frozen @usableFromInline
struct Fp2Operand: Sendable {
    @usableFromInline var c0: Limbs4
    @usableFromInline var c1: Limbs4
    /// x + y without reduction.
    @inlinable @inline(__always) init(_ x: Fp2, plus y: Fp2) {
        c0 = addNoReduce(x.c0.montgomery, y.c0.montgomery); c1 = addNoReduce(x.c1.montgomery, y.c1.montgomery)
    }
}

/// The linear combinations of `Fp12.productKaratsubaExact`.
///
/// Product j ∈ {v0, v1, v2, m12, m01, m02} of Fp6 product X ∈ {A, B, S} is at `Products.a/b/s[j]`
/// (v_i = x_i·y_i, m_ij = (x_i + x_j)(y_i + y_j)). An Fp6 Karatsuba product is, coefficient by
/// coefficient, a plain part plus ξ times a "ξ part":
///
///     C0 = v0               + ξ(m12 − v1 − v2)
///     C1 = m01 − v0 − v1    + ξ(v2)
///     C2 = m02 − v0 − v2 + v1
///
/// and the Fp12 product is c0 = A + v·B = (A.C0 + ξB.C2, A.C1 + B.C0, A.C2 + B.C1), c1 = S − A − B.
/// Each output Fp2 coefficient is then P + ξT with P and T sums of Fp2 products, so
/// out.c0 = 9T.c0 − T.c1 + P.c0 and out.c1 = 9T.c1 + T.c0 + P.c1.
///
/// Bounds (B = p² ≈ 2^507.2): every term lies in [0, 9.3B) (`Fp2Dbl.productOffset`); T has at
/// most 9 terms and P at most 12, so |out| < (81 + 9 + 12)·9.3B < 950B < 2^517.1, inside the
/// |V| < 2^518 that `FpAccumulator.reduced` requires. `LazyReductionTests` checks the bounds.
@usableFromInline
enum ProductTerms {
    /// The three Fp6 products' Fp2 products, six each.
    @usableFromInline struct Products {
        let a, b, s: UnsafePointer<Fp2Dbl>
        @usableFromInline init(a: UnsafeMutablePointer<Fp2Dbl>, b: UnsafeMutablePointer<Fp2Dbl>, s: UnsafeMutablePointer<Fp2Dbl>) {
            self.a = UnsafePointer(a); self.b = UnsafePointer(b); self.s = UnsafePointer(s)
        }
    }
    static let A = 0, B = 1, S = 2
    static let v0 = 0, v1 = 1, v2 = 2, m12 = 3, m01 = 4, m02 = 5

    /// The distance between the coefficients of an Fp6 (and between Fp12's halves, 3 of these):
    /// `LazyReductionTests` checks it against `MemoryLayout.offset(of:)`.
    static let fp2Stride = MemoryLayout<Fp2>.stride

    /// The six Fp2 products of the Fp6 Karatsuba product x·y into d, for x and y three Fp2
    /// coefficients each (reduced) at x, x + 64, x + 128: v0, v1, v2 read x and y in place, the
    /// m-products (x1 + x2)(y1 + y2), (x0 + x1)(y0 + y1), (x0 + x2)(y0 + y2) form their operand
    /// sums themselves. Writing the sums to scratch first and reading them back cost the
    /// `Fp12` product ~2 % (docs/BENCHMARKS.md, session 8).
    @inline(__always) static func multiplyFp6(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, into d: UnsafeMutablePointer<Fp2Dbl>) {
        let f = fp2Stride
        for j in 0..<3 { Fp2Dbl.productOffset(x + j * f, y + j * f, into: d + j) }
        Fp2Dbl.productOffset(sumOf: x + f, x + 2 * f, times: y + f, y + 2 * f, into: d + 3)
        Fp2Dbl.productOffset(sumOf: x, x + f, times: y, y + f, into: d + 4)
        Fp2Dbl.productOffset(sumOf: x, x + 2 * f, times: y, y + 2 * f, into: d + 5)
    }

    /// ± coefficient k of product j of Fp6 product X.
    @inline(__always) static func term(_ acc: inout FpAccumulator, _ d: Products, _ X: Int, _ j: Int, _ k: Int, _ negated: Bool) {
        let p = X == A ? d.a : X == B ? d.b : d.s
        let x = k == 0 ? p[j].c0 : p[j].c1
        if negated { acc.subtract(x) } else { acc.add(x) }
    }

    // The parts of the Fp6 product at base X (coefficient k, sign n).
    @inline(__always) static func c0Plain(_ a: inout FpAccumulator, _ d: Products, _ X: Int, _ k: Int, _ n: Bool) {
        term(&a, d, X, v0, k, n)
    }
    @inline(__always) static func c0Xi(_ a: inout FpAccumulator, _ d: Products, _ X: Int, _ k: Int, _ n: Bool) {
        term(&a, d, X, m12, k, n); term(&a, d, X, v1, k, !n); term(&a, d, X, v2, k, !n)
    }
    @inline(__always) static func c1Plain(_ a: inout FpAccumulator, _ d: Products, _ X: Int, _ k: Int, _ n: Bool) {
        term(&a, d, X, m01, k, n); term(&a, d, X, v0, k, !n); term(&a, d, X, v1, k, !n)
    }
    @inline(__always) static func c1Xi(_ a: inout FpAccumulator, _ d: Products, _ X: Int, _ k: Int, _ n: Bool) {
        term(&a, d, X, v2, k, n)
    }
    @inline(__always) static func c2Plain(_ a: inout FpAccumulator, _ d: Products, _ X: Int, _ k: Int, _ n: Bool) {
        term(&a, d, X, m02, k, n); term(&a, d, X, v0, k, !n); term(&a, d, X, v2, k, !n); term(&a, d, X, v1, k, n)
    }

    /// The six output Fp2 coefficients.
    enum Output { case c0c0, c0c1, c0c2, c1c0, c1c1, c1c2 }

    /// ±T (component k) of an output:
    /// c0.c0 = A.C0 + ξB.C2, c0.c1 = A.C1 + B.C0, c0.c2 = A.C2 + B.C1, c1.ci = S.Ci − A.Ci − B.Ci.
    @inline(__always) static func xi(_ o: Output, _ a: inout FpAccumulator, _ d: Products, _ k: Int, _ n: Bool) {
        switch o {
        case .c0c0: c0Xi(&a, d, A, k, n); c2Plain(&a, d, B, k, n)
        case .c0c1: c1Xi(&a, d, A, k, n); c0Xi(&a, d, B, k, n)
        case .c0c2: c1Xi(&a, d, B, k, n)
        case .c1c0: c0Xi(&a, d, S, k, n); c0Xi(&a, d, A, k, !n); c0Xi(&a, d, B, k, !n)
        case .c1c1: c1Xi(&a, d, S, k, n); c1Xi(&a, d, A, k, !n); c1Xi(&a, d, B, k, !n)
        case .c1c2: break
        }
    }
    /// +P (component k) of an output.
    @inline(__always) static func plain(_ o: Output, _ a: inout FpAccumulator, _ d: Products, _ k: Int) {
        switch o {
        case .c0c0: c0Plain(&a, d, A, k, false)
        case .c0c1: c1Plain(&a, d, A, k, false); c0Plain(&a, d, B, k, false)
        case .c0c2: c2Plain(&a, d, A, k, false); c1Plain(&a, d, B, k, false)
        case .c1c0: c0Plain(&a, d, S, k, false); c0Plain(&a, d, A, k, true); c0Plain(&a, d, B, k, true)
        case .c1c1: c1Plain(&a, d, S, k, false); c1Plain(&a, d, A, k, true); c1Plain(&a, d, B, k, true)
        case .c1c2: c2Plain(&a, d, S, k, false); c2Plain(&a, d, A, k, true); c2Plain(&a, d, B, k, true)
        }
    }
    /// out.c0 = 9T.c0 − T.c1 + P.c0 (k = 0) or out.c1 = 9T.c1 + T.c0 + P.c1 (k = 1), reduced.
    @inline(__always) static func component(_ o: Output, _ d: Products, _ k: Int) -> Fp {
        var x = FpAccumulator()
        if o != .c1c2 {
            xi(o, &x, d, k, false)
            x.multiplyByNine()
            xi(o, &x, d, 1 - k, k == 0)
        }
        plain(o, &x, d, k)
        return x.reduced()
    }

    /// Both components of an output, with T.c0 and T.c1 summed once each (for the outputs whose
    /// ξ part is long: 7, 4 and 9 terms): out.c0 = 9T.c0 − T.c1 + P.c0, out.c1 = 9T.c1 + T.c0 + P.c1.
    /// Against two `component` calls, each of which reads T's terms twice, this reads them once
    /// and the two reductions can overlap: the product 1.32 → 1.29 µs (session 8). For the other
    /// three outputs pairs were no faster.
    @inline(__always) static func pair(_ o: Output, _ d: Products) -> Fp2 {
        var t0 = FpAccumulator(), t1 = FpAccumulator()
        xi(o, &t0, d, 0, false)
        xi(o, &t1, d, 1, false)
        var x = t0
        x.multiplyByNine(); x.subtract(t1); plain(o, &x, d, 0)
        let r0 = x.reduced()
        var y = t1
        y.multiplyByNine(); y.add(t0); plain(o, &y, d, 1)
        return Fp2(r0, y.reduced())
    }
    @usableFromInline @inline(never) static func c0c0Pair(_ d: Products) -> Fp2 { pair(.c0c0, d) }
    @usableFromInline @inline(never) static func c0c1Pair(_ d: Products) -> Fp2 { pair(.c0c1, d) }
    @usableFromInline @inline(never) static func c1c0Pair(_ d: Products) -> Fp2 { pair(.c1c0, d) }

    // One function per output component: in a body that formed both components, the optimiser
    // loads each term once for both and spills it; in two, every term is read straight from
    // memory by the instruction that adds it.
    @usableFromInline @inline(never) static func c0c0k0(_ d: Products) -> Fp { component(.c0c0, d, 0) }
    @usableFromInline @inline(never) static func c0c0k1(_ d: Products) -> Fp { component(.c0c0, d, 1) }
    @usableFromInline @inline(never) static func c0c1k0(_ d: Products) -> Fp { component(.c0c1, d, 0) }
    @usableFromInline @inline(never) static func c0c1k1(_ d: Products) -> Fp { component(.c0c1, d, 1) }
    @usableFromInline @inline(never) static func c0c2k0(_ d: Products) -> Fp { component(.c0c2, d, 0) }
    @usableFromInline @inline(never) static func c0c2k1(_ d: Products) -> Fp { component(.c0c2, d, 1) }
    @usableFromInline @inline(never) static func c1c0k0(_ d: Products) -> Fp { component(.c1c0, d, 0) }
    @usableFromInline @inline(never) static func c1c0k1(_ d: Products) -> Fp { component(.c1c0, d, 1) }
    @usableFromInline @inline(never) static func c1c1k0(_ d: Products) -> Fp { component(.c1c1, d, 0) }
    @usableFromInline @inline(never) static func c1c1k1(_ d: Products) -> Fp { component(.c1c1, d, 1) }
    @usableFromInline @inline(never) static func c1c2k0(_ d: Products) -> Fp { component(.c1c2, d, 0) }
    @usableFromInline @inline(never) static func c1c2k1(_ d: Products) -> Fp { component(.c1c2, d, 1) }

    /// The product from its 18 Fp2 products.
    @inline(__always) static func combine(_ d: Products) -> Fp12 {
        Fp12(Fp6(c0c0Pair(d), c0c1Pair(d), Fp2(c0c2k0(d), c0c2k1(d))),
             Fp6(c1c0Pair(d), Fp2(c1c1k0(d), c1c1k1(d)), Fp2(c1c2k0(d), c1c2k1(d))))
    }
}

extension Fp2Dbl {
    /// Karatsuba as `product`, with both coefficients exact non-negative integers. For operand
    /// coefficients below 2p (`Fp2Operand`): v0 = a0b0 and v1 = a1b1 are below 4p², the sums
    /// a0 + a1 and b0 + b1 below 4p < 2^256 and their product below 16p² < 2^512, and
    /// c0 = v0 − v1 + p·R ∈ (p·R − 4p², p·R + 4p²) ⊂ [0, 9.3p²) (p·R ≈ 5.29p²),
    /// c1 = a0b1 + a1b0 = s − (v0 + v1) ∈ [0, 8p²).
    /// Adding p·R does not change the value after REDC (it is p·R·R⁻¹ = p ≡ 0) and keeps every
    /// term of an `FpAccumulator` sum non-negative. Cost 3P; c1 as one subtraction of v0 + v1
    /// (< 8p² < 2^511) rather than two.
    @inlinable @inline(__always) static func productOffset(_ a: Fp2Operand, _ b: Fp2Operand) -> Fp2Dbl {
        let v0 = FpDbl.product(a.c0, b.c0)
        let v1 = FpDbl.product(a.c1, b.c1)
        let s = FpDbl.product(addNoReduce(a.c0, a.c1), addNoReduce(b.c0, b.c1))
        let w = FpDbl(lo: v0.lo, hi: add256(v0.hi, Fp.modulus).0)   // v0 + p·R < 2^511
        return Fp2Dbl(FpDbl.subtractingExact(w, v1), FpDbl.subtractingExact(s, FpDbl.addingExact(v0, v1)))
    }

    /// `productOffset` of (x_i + x_j)(y_i + y_j) for four reduced `Fp2` at the pointers, the sums
    /// formed in registers (coefficients below 2p).
    @usableFromInline @inline(never)
    static func productOffset(sumOf xi: UnsafeRawPointer, _ xj: UnsafeRawPointer, times yi: UnsafeRawPointer, _ yj: UnsafeRawPointer,
                              into r: UnsafeMutablePointer<Fp2Dbl>) {
        r.initialize(to: productOffset(Fp2Operand(xi.load(as: Fp2.self), plus: xj.load(as: Fp2.self)),
                                       Fp2Operand(yi.load(as: Fp2.self), plus: yj.load(as: Fp2.self))))
    }

    /// `productOffset` of the operands at a and b (an `Fp2` or an `Fp2Operand`: the same layout)
    /// written to `r`: one call per product, no copies of operands or result. The finish is
    /// sequenced: c0 = v0 + p·R − v1 is stored and only v0 + v1 kept before s is formed, and the
    /// operands are loaded where they are used, so fewer limbs are live at once (stack references
    /// 122 → 96 in this function; with the row-form products the Fp12 product went 13254 → 13066
    /// instructions, 1.25–1.26 → 1.21–1.22 µs; session 9). r must not overlap a or b. The same
    /// sequencing in the `sumOf` form added instructions and was no faster. The finish repeats
    /// `productOffset(_:_:)`'s three lines in this order on purpose: one shared helper for both
    /// changed the schedule (13066 → 13102 instructions, 1.21 → 1.22 µs in three runs each).
    @usableFromInline @inline(never)
    static func productOffset(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, into r: UnsafeMutablePointer<Fp2Dbl>) {
        let out = UnsafeMutableRawPointer(r)
        let v0 = FpDbl.product(a.load(as: Limbs4.self), b.load(as: Limbs4.self))
        let v1 = FpDbl.product(a.load(fromByteOffset: 32, as: Limbs4.self), b.load(fromByteOffset: 32, as: Limbs4.self))
        let w = FpDbl(lo: v0.lo, hi: add256(v0.hi, Fp.modulus).0)
        let u = FpDbl.addingExact(v0, v1)
        out.storeBytes(of: FpDbl.subtractingExact(w, v1), as: FpDbl.self)
        let s = FpDbl.product(addNoReduce(a.load(as: Limbs4.self), a.load(fromByteOffset: 32, as: Limbs4.self)),
                              addNoReduce(b.load(as: Limbs4.self), b.load(fromByteOffset: 32, as: Limbs4.self)))
        out.storeBytes(of: FpDbl.subtractingExact(s, u), toByteOffset: 64, as: FpDbl.self)
    }
}

/// A 576-bit two's-complement integer lo + hi·2^256 + top·2^512: an exact sum of double-width
/// terms. `add`/`subtract` take a non-negative `FpDbl` and cost nine add-with-carry instructions;
/// `reduced()` maps any value V with |V| < 2^518 to V·R⁻¹ mod p.
@frozen @usableFromInline
struct FpAccumulator: Sendable {
    @usableFromInline var lo: Limbs4 = (0, 0, 0, 0)
    @usableFromInline var hi: Limbs4 = (0, 0, 0, 0)
    @usableFromInline var top: UInt64 = 0

    @inlinable @inline(__always) init() {}

    @inlinable @inline(__always) mutating func add(_ x: FpDbl) {
        let (l, k) = add256(lo, x.lo)
        let (h, c) = add256(hi, x.hi, carry: k)
        lo = l; hi = h; top = top &+ c
    }

    @inlinable @inline(__always) mutating func add(_ x: FpAccumulator) {
        let (l, k) = add256(lo, x.lo)
        let (h, c) = add256(hi, x.hi, carry: k)
        lo = l; hi = h; top = top &+ x.top &+ c
    }

    @inlinable @inline(__always) mutating func subtract(_ x: FpAccumulator) {
        let (l, k) = subChain256(lo, x.lo)
        let (h, b) = subChain256(hi, x.hi, borrow: k)
        lo = l; hi = h; top = top &- x.top &- b
    }

    @inlinable @inline(__always) mutating func subtract(_ x: FpDbl) {
        let (l, k) = subChain256(lo, x.lo)
        let (h, b) = subChain256(hi, x.hi, borrow: k)
        lo = l; hi = h; top = top &- b
    }

    /// self ± c·x for a small constant c (x < 2^512, c < 2^9): c·x as nine limbs (eight
    /// multiplies), then one add or subtract chain. For a term that enters a sum more than once,
    /// so that it is read once.
    @inlinable @inline(__always) mutating func add(_ x: FpDbl, times c: UInt64, negated: Bool) {
        let (k0, l0) = mac(x.lo.0, c, 0), (k1, l1) = mac(x.lo.1, c, k0), (k2, l2) = mac(x.lo.2, c, k1), (k3, l3) = mac(x.lo.3, c, k2)
        let (j0, h0) = mac(x.hi.0, c, k3), (j1, h1) = mac(x.hi.1, c, j0), (j2, h2) = mac(x.hi.2, c, j1), (t, h3) = mac(x.hi.3, c, j2)
        if negated {
            let (l, k) = subChain256(lo, (l0, l1, l2, l3))
            let (h, b) = subChain256(hi, (h0, h1, h2, h3), borrow: k)
            lo = l; hi = h; top = top &- t &- b
        } else {
            let (l, k) = add256(lo, (l0, l1, l2, l3))
            let (h, carry) = add256(hi, (h0, h1, h2, h3), carry: k)
            lo = l; hi = h; top = top &+ t &+ carry
        }
    }

    /// self ← 9·self (mod 2^576; exact while |9·self| < 2^575): one multiply-by-9 chain (nine
    /// mulx). Written as self + 8·self with shifted limbs, the optimiser turned each limb into
    /// lea/shr with its own setb carry (~60 instructions); this way the product has 290 fewer.
    @inlinable @inline(__always) mutating func multiplyByNine() {
        var c: UInt64
        (c, lo.0) = mac(lo.0, 9, 0); (c, lo.1) = mac(lo.1, 9, c); (c, lo.2) = mac(lo.2, 9, c); (c, lo.3) = mac(lo.3, 9, c)
        (c, hi.0) = mac(hi.0, 9, c); (c, hi.1) = mac(hi.1, 9, c); (c, hi.2) = mac(hi.2, 9, c); (c, hi.3) = mac(hi.3, 9, c)
        top = top &* 9 &+ c
    }

    /// V·R⁻¹ mod p for |V| < 2^518. V + 2^9·p·R (≈ 2^518.6) lies in [0, 2^520), so its high part
    /// H = ⌊(V + 2^9·p·R) / 2^256⌋ is below 2^264 and `highModP` takes it to h = H mod p. Then
    /// lo + h·R < p·R is congruent to V + 2^9·p·R modulo p·R, and REDC finishes.
    @inlinable @inline(__always) func reduced() -> Fp {
        let m = Fp.modulus
        let offset: Limbs4 = (m.0 &<< 9, (m.1 &<< 9) | (m.0 &>> 55), (m.2 &<< 9) | (m.1 &>> 55), (m.3 &<< 9) | (m.2 &>> 55))
        let (t, c) = add256(hi, offset)
        let h = highModP(t, top &+ (m.3 &>> 55) &+ c)
        return FpDbl(lo: lo, hi: h).reduced()
    }
}

/// The Fp12 square by the same exact accumulation as `productKaratsubaExact`.
///
/// The formula is `squaredReference`'s (complex squaring over Fp6, Devegili et al., ePrint
/// 2006/471): with X = c0·c1 and Y = (c0 + c1)(c0 + v·c1), two Fp6 Karatsuba products,
/// 12 Fp2 products in all,
///
///     out.c0 = Y − X − v·X = (Y.C0 − X.C0 − ξX.C2, Y.C1 − X.C1 − X.C0, Y.C2 − X.C2 − X.C1),
///     out.c1 = 2X.
///
/// X's products sit where the multiply keeps A's, Y's where it keeps S's, and every output is
/// again P + ξT summed exactly in an `FpAccumulator` and reduced once; out.c1 is doubled after
/// its reduction (one modular addition per coefficient).
///
/// The sums, once written out, cancel and merge (`SquareTerms`): 50 term reads per output
/// coefficient against 68 for the Fp6-level expressions.
extension Fp12 {
    /// The square (see above). Cost 36 integer products and 12 reductions, against 54 and 12
    /// for a product.
    @usableFromInline @inline(never)
    static func squareKaratsubaExact(_ a: Fp12) -> Fp12 {
        withUnsafePointer(to: a) { pa in
        withProductScratch(orElse: a.squaredReference()) { sOperands, dX, _, dY in
            // Y's operands c0 + c1 and c0 + v·c1 (reduced: their Fp2 sums inside the Fp6
            // product must stay below 2p) into sOperands; X reads c0 and c1 in place.
            let x = UnsafeRawPointer(pa), s = UnsafeMutableRawPointer(sOperands)
            let f2 = ProductTerms.fp2Stride, f6 = 3 * f2
            let vc1 = a.c1.mulByNonResidue()
            s.storeBytes(of: a.c0 + a.c1, as: Fp6.self)
            s.storeBytes(of: a.c0 + vc1, toByteOffset: f6, as: Fp6.self)
            ProductTerms.multiplyFp6(x, x + f6, into: dX)
            ProductTerms.multiplyFp6(UnsafeRawPointer(s), UnsafeRawPointer(s + f6), into: dY)
            return SquareTerms.combine(ProductTerms.Products(a: dX, b: dX, s: dY))
        }}
    }
}

/// The linear combinations of `Fp12.squareKaratsubaExact`: X's Fp2 products at `Products.a`,
/// Y's at `Products.s`, in `ProductTerms`' order and notation.
///
/// Written out from the Fp6 coefficients, the parts cancel and merge. With x.j the coefficient
/// of product j of X (and y.j of Y), each output is P + ξT:
///
///     c0.c0: T = y.m12 − y.v1 − y.v2 − x.m12 − x.m02 + x.v0 + 2x.v2,  P = y.v0 − x.v0
///     c0.c1: T = y.v2 − x.m12 + x.v1,  P = y.m01 − y.v0 − y.v1 − x.m01 + x.v1
///     c0.c2: T = −x.v2,  P = y.m02 − y.v0 − y.v2 + y.v1 − x.m02 − x.m01 + 2x.v0 + x.v2
///     c1.c0: T = x.m12 − x.v1 − x.v2,  P = x.v0                     (X.C0, doubled later)
///     c1.c1: T = x.v2,  P = x.m01 − x.v0 − x.v1                     (X.C1)
///     c1.c2: P = x.m02 − x.v0 − x.v2 + x.v1                          (X.C2)
///
/// Component k of an output is 9T.k ± T.(1 − k) + P.k, so a product in both T and P (x.v0 in
/// c0.c0, x.v1 in c0.c1, x.v2 in c0.c2) enters component k with one merged coefficient
/// (8, 10, −8), added once as c·x: a term read twice is kept in registers by the optimiser and
/// spilled. Bound: Σ|coefficient| is largest for c0.c0, 9·8 + 8 + 2 = 82, so every sum is below
/// 82·9.3p² < 2^516.8, inside `FpAccumulator.reduced`'s 2^518.
@usableFromInline
enum SquareTerms {
    @usableFromInline typealias T = ProductTerms
    static let X = T.A, Y = T.S
    static let v0 = T.v0, v1 = T.v1, v2 = T.v2, m12 = T.m12, m01 = T.m01, m02 = T.m02

    typealias Output = T.Output

    /// c times coefficient k of product j of X or Y (c a small constant).
    @inline(__always) static func term(_ a: inout FpAccumulator, _ d: T.Products, _ src: Int, _ j: Int, _ k: Int, _ c: Int) {
        let p = src == X ? d.a : d.s
        let x = k == 0 ? p[j].c0 : p[j].c1
        switch c {
        case 1: a.add(x)
        case -1: a.subtract(x)
        default: a.add(x, times: UInt64(c.magnitude), negated: c < 0)
        }
    }

    /// sign·T (coefficient k). `merged`: leave out the product that P also has (it is added
    /// with the merged coefficient by `plain`).
    @inline(__always) static func xi(_ o: Output, _ a: inout FpAccumulator, _ d: T.Products, _ k: Int, _ sign: Int, merged: Bool) {
        switch o {
        case .c0c0:
            term(&a, d, Y, m12, k, sign); term(&a, d, Y, v1, k, -sign); term(&a, d, Y, v2, k, -sign)
            term(&a, d, X, m12, k, -sign); term(&a, d, X, m02, k, -sign); term(&a, d, X, v2, k, 2 * sign)
            if !merged { term(&a, d, X, v0, k, sign) }
        case .c0c1:
            term(&a, d, Y, v2, k, sign); term(&a, d, X, m12, k, -sign)
            if !merged { term(&a, d, X, v1, k, sign) }
        case .c0c2:
            if !merged { term(&a, d, X, v2, k, -sign) }
        case .c1c0: term(&a, d, X, m12, k, sign); term(&a, d, X, v1, k, -sign); term(&a, d, X, v2, k, -sign)
        case .c1c1: term(&a, d, X, v2, k, sign)
        case .c1c2: break
        }
    }
    /// P (coefficient k), with the merged coefficients 9·(T's) + (P's) where T and P share a product.
    @inline(__always) static func plain(_ o: Output, _ a: inout FpAccumulator, _ d: T.Products, _ k: Int) {
        switch o {
        case .c0c0: term(&a, d, Y, v0, k, 1); term(&a, d, X, v0, k, 9 - 1)
        case .c0c1:
            term(&a, d, Y, m01, k, 1); term(&a, d, Y, v0, k, -1); term(&a, d, Y, v1, k, -1)
            term(&a, d, X, m01, k, -1); term(&a, d, X, v1, k, 9 + 1)
        case .c0c2:
            term(&a, d, Y, m02, k, 1); term(&a, d, Y, v0, k, -1); term(&a, d, Y, v2, k, -1); term(&a, d, Y, v1, k, 1)
            term(&a, d, X, m02, k, -1); term(&a, d, X, m01, k, -1); term(&a, d, X, v0, k, 2); term(&a, d, X, v2, k, -9 + 1)
        case .c1c0: term(&a, d, X, v0, k, 1)
        case .c1c1: term(&a, d, X, m01, k, 1); term(&a, d, X, v0, k, -1); term(&a, d, X, v1, k, -1)
        case .c1c2: term(&a, d, X, m02, k, 1); term(&a, d, X, v0, k, -1); term(&a, d, X, v2, k, -1); term(&a, d, X, v1, k, 1)
        }
    }
    /// out.c0 = 9T.c0 − T.c1 + P.c0 (k = 0) or out.c1 = 9T.c1 + T.c0 + P.c1 (k = 1), reduced.
    @inline(__always) static func component(_ o: Output, _ d: T.Products, _ k: Int) -> Fp {
        var x = FpAccumulator()
        if o != .c1c2 {
            xi(o, &x, d, k, 1, merged: true)
            x.multiplyByNine()
            xi(o, &x, d, 1 - k, k == 0 ? -1 : 1, merged: false)
        }
        plain(o, &x, d, k)
        return x.reduced()
    }

    // One function per output component, as in `ProductTerms` (and for the same reason).
    @usableFromInline @inline(never) static func c0c0k0(_ d: T.Products) -> Fp { component(.c0c0, d, 0) }
    @usableFromInline @inline(never) static func c0c0k1(_ d: T.Products) -> Fp { component(.c0c0, d, 1) }
    @usableFromInline @inline(never) static func c0c1k0(_ d: T.Products) -> Fp { component(.c0c1, d, 0) }
    @usableFromInline @inline(never) static func c0c1k1(_ d: T.Products) -> Fp { component(.c0c1, d, 1) }
    @usableFromInline @inline(never) static func c0c2k0(_ d: T.Products) -> Fp { component(.c0c2, d, 0) }
    @usableFromInline @inline(never) static func c0c2k1(_ d: T.Products) -> Fp { component(.c0c2, d, 1) }
    @usableFromInline @inline(never) static func c1c0k0(_ d: T.Products) -> Fp { component(.c1c0, d, 0) }
    @usableFromInline @inline(never) static func c1c0k1(_ d: T.Products) -> Fp { component(.c1c0, d, 1) }
    @usableFromInline @inline(never) static func c1c1k0(_ d: T.Products) -> Fp { component(.c1c1, d, 0) }
    @usableFromInline @inline(never) static func c1c1k1(_ d: T.Products) -> Fp { component(.c1c1, d, 1) }
    @usableFromInline @inline(never) static func c1c2k0(_ d: T.Products) -> Fp { component(.c1c2, d, 0) }
    @usableFromInline @inline(never) static func c1c2k1(_ d: T.Products) -> Fp { component(.c1c2, d, 1) }

    /// The square from its 12 Fp2 products.
    @inline(__always) static func combine(_ d: T.Products) -> Fp12 {
        Fp12(Fp6(Fp2(c0c0k0(d), c0c0k1(d)), Fp2(c0c1k0(d), c0c1k1(d)), Fp2(c0c2k0(d), c0c2k1(d))),
             Fp6(Fp2(c1c0k0(d), c1c0k1(d)).doubled(), Fp2(c1c1k0(d), c1c1k1(d)).doubled(), Fp2(c1c2k0(d), c1c2k1(d)).doubled()))
    }
}
