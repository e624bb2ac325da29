// NOTE from the lead: @inlinable/@inline(__always) removed from Fp6/Fp12/Pairing — with them a release build of
// BN254 took 30+ CPU-minutes (exponential inlining); without them ~2 minutes. Keep them off; the optimiser
// still inlines inside the module.
/// The optimal ate pairing on BN254 (alt_bn128): e: G1 × G2 → μ_r ⊂ Fp12*.
///
/// * Miller loop over the NAF of 6x + 2 (x = 4965661367192848881, 66 signed digits, 22 non-zero),
///   followed by the two Frobenius-twisted addition steps with π(Q) and −π²(Q)
///   (Vercauteren, "Optimal pairings", IEEE TIT 2010; Beuchat et al., "High-speed software
///   implementation of the optimal ate pairing over Barreto–Naehrig curves", Pairing 2010, Alg. 1).
/// * The twist point T is kept in homogeneous projective coordinates (x = X/Z, y = Y/Z) and lines
///   are evaluated without inversions by the formulas of Aranha, Karabina, Longa, Gebotys, López,
///   "Faster explicit formulas for computing pairings over ordinary curves" (Eurocrypt 2011, §4).
///   For the D-type twist (ψ(x', y') = (x'w², y'w³), w⁶ = ξ) a line is l0 + l3·w + l4·w³ and is
///   multiplied in with `Fp12.mulBy034` (39 Fp M).
/// * Final exponentiation f^((p¹² − 1)/r · m): easy part f^((p⁶ − 1)(p² + 1)), hard part via the
///   x-chain of Fuentes-Castañeda, Knapp, Rodríguez-Henríquez, "Faster hashing to G2" (SAC 2011,
///   §6), which raises to m·(p⁴ − p² + 1)/r with m = 2x(6x² + 3x + 1) (coprime to r), using
///   3 exponentiations by x in the cyclotomic subgroup. The pairing value is therefore the m-th
///   power of the "textbook" reduced pairing (as in arkworks/gnark); every check of the form
///   ∏e(Pi, Qi) = 1 and every bilinearity relation is unaffected.
///
/// Infinity (in either argument) pairs to 1: such pairs are skipped.
public enum Pairing {
    /// NAF of 6x + 2, most significant digit first (66 digits).
    @usableFromInline static let loopNAF: [Int8] = [
        1, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 0, -1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 1,
        0, 0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 1, 0, 0, 0, -1, 0, 0, -1, 0, 1, 0, 1, 0, 0, 0,
    ]

    /// 3b' with b' = 3/ξ the twist coefficient.
    static var threeB: Fp2 {
        Fp2(Fp(montgomery: (0x3baa927cb62e0d6a, 0xd71e7c52d1b664fd, 0x03873e63d95d4664, 0x0e75b5b1082ab8f4)),
            Fp(montgomery: (0xaab7c6667596fe35, 0x31d21a78bb6a27ba, 0x85dd7297680401ff, 0x03c52d6adf39a7e9)))
    }

    /// A point of E'(Fp2) in homogeneous projective coordinates (x = X/Z, y = Y/Z).
    @usableFromInline struct TwistProjective {
        @usableFromInline var x: Fp2
        @usableFromInline var y: Fp2
        @usableFromInline var z: Fp2
        init(x: Fp2, y: Fp2, z: Fp2) { self.x = x; self.y = y; self.z = z }
        init(_ q: G2Affine) { x = q.x; y = q.y; z = .one }
    }

    /// The coefficients of one line: the value at P = (xP, yP) is
    /// (c0·yP) + (c1·xP)·w + c2·w³.
    @usableFromInline struct Line: Sendable {
        @usableFromInline var c0: Fp2
        @usableFromInline var c1: Fp2
        @usableFromInline var c2: Fp2
        init(_ c0: Fp2, _ c1: Fp2, _ c2: Fp2) { self.c0 = c0; self.c1 = c1; self.c2 = c2 }
    }

    /// T ← 2T and the tangent line at T (Aranha et al. 2011, §4, eq. (10), D-type):
    /// A = XY/2, B = Y², C = Z², E = 3b'C, F = 3E, G = (B + F)/2, H = (Y + Z)² − (B + C), I = E − B,
    /// J = X²; X3 = A(B − F), Y3 = G² − 3E², Z3 = B·H; line = −H·yP + 3J·xP·w + I·w³.
    /// Cost 2 Fp2 M + 7 Fp2 S + 1 multiplication by 3b' (+ 4 Fp M to evaluate at P).
    static func doublingStep(_ t: inout TwistProjective) -> Line {
        let a = (t.x * t.y).halved()
        let b = t.y.squared()
        let c = t.z.squared()
        let e = threeB * c
        let f = e + e + e
        let g = (b + f).halved()
        let h = (t.y + t.z).squared() - (b + c)
        let i = e - b
        let j = t.x.squared()
        let e2 = e.squared()
        t.x = a * (b - f)
        t.y = g.squared() - (e2 + e2 + e2)
        t.z = b * h
        return Line(-h, j + j + j, i)
    }

    /// T ← T + Q (Q affine) and the line through T and Q (Aranha et al. 2011, §4, eq. (12)):
    /// θ = Y − y2·Z, λ = X − x2·Z, C = θ², D = λ², E = λ·D, F = Z·C, G = X·D, H = E + F − 2G;
    /// X3 = λH, Y3 = θ(G − H) − E·Y, Z3 = Z·E; line = λ·yP − θ·xP·w + (θx2 − λy2)·w³.
    /// Cost 11 Fp2 M + 2 Fp2 S (+ 4 Fp M to evaluate at P).
    static func additionStep(_ t: inout TwistProjective, _ qx: Fp2, _ qy: Fp2) -> Line {
        let theta = t.y - qy * t.z
        let lambda = t.x - qx * t.z
        let c = theta.squared()
        let d = lambda.squared()
        let e = lambda * d
        let f = t.z * c
        let g = t.x * d
        let h = e + f - g.doubled()
        t.x = lambda * h
        t.y = theta * (g - h) - e * t.y
        t.z = t.z * e
        let j = theta * qx - lambda * qy
        return Line(lambda, -theta, j)
    }

    /// f ← f · l(P).
    static func evaluate(_ f: inout Fp12, _ l: Line, _ p: G1Affine) {
        f.mulAssignBy034(l.c0.mulByFp(p.y), l.c1.mulByFp(p.x), l.c2)
    }

    /// π(Q) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)) on the twist.
    static func frobeniusTwist(_ x: Fp2, _ y: Fp2) -> (Fp2, Fp2) {
        (x.conjugate * Frobenius.g12, y.conjugate * Frobenius.g13)
    }
    /// −π²(Q) = (x·ξ^((p²−1)/3), y) (since ξ^((p²−1)/2) = −1).
    static func negFrobenius2Twist(_ x: Fp2, _ y: Fp2) -> (Fp2, Fp2) {
        (x.mulByFp(Frobenius.g22), y)
    }

    // MARK: Miller loop

    /// The product of the Miller loops f_{6x+2,Q}(P)·l_{T,π(Q)}(P)·l_{T',−π²(Q)}(P) over all pairs,
    /// sharing the Fp12 squarings. Pairs with an infinite point contribute 1. The result still
    /// needs `finalExponentiation`.
    public static func millerLoop(_ pairs: [(G1Affine, G2Affine)]) -> Fp12 {
        let live = pairs.filter { !$0.0.isInfinity && !$0.1.isInfinity }
        guard !live.isEmpty else { return .one }
        let ps = live.map { $0.0 }
        let qs = live.map { $0.1 }
        let negQy = qs.map { -$0.y }
        var ts = qs.map { TwistProjective($0) }
        var f = Fp12.one
        let naf = loopNAF
        for i in 1..<naf.count {
            if i > 1 { f.square() }
            for k in 0..<ts.count { evaluate(&f, doublingStep(&ts[k]), ps[k]) }
            let d = naf[i]
            if d == 1 {
                for k in 0..<ts.count { evaluate(&f, additionStep(&ts[k], qs[k].x, qs[k].y), ps[k]) }
            } else if d == -1 {
                for k in 0..<ts.count { evaluate(&f, additionStep(&ts[k], qs[k].x, negQy[k]), ps[k]) }
            }
        }
        for k in 0..<ts.count {
            let (x1, y1) = frobeniusTwist(qs[k].x, qs[k].y)
            evaluate(&f, additionStep(&ts[k], x1, y1), ps[k])
            let (x2, y2) = negFrobenius2Twist(qs[k].x, qs[k].y)
            evaluate(&f, additionStep(&ts[k], x2, y2), ps[k])
        }
        return f
    }

    /// The Miller loop of one pair.
    public static func millerLoop(_ p: G1Affine, _ q: G2Affine) -> Fp12 { millerLoop([(p, q)]) }

    // MARK: final exponentiation

    /// f^((p¹² − 1)/r · m), m = 2x(6x² + 3x + 1) (see the type's documentation). Zero maps to zero.
    ///
    /// Easy part: t = f^((p⁶ − 1)(p² + 1)) = (f̄/f)^(p²) · (f̄/f) (one Fp12 inversion).
    /// Hard part (Fuentes-Castañeda et al. 2011): t^(λ0 + λ1p + λ2p² + λ3p³) with
    /// λ0 = 12x³ + 12x² + 6x + 1, λ1 = 12x³ + 6x² + 4x, λ2 = 12x³ + 6x² + 6x, λ3 = 12x³ + 6x² + 4x − 1,
    /// computed as: a = t^(6x) = (t^x)²·(t^x)⁴, b = a^x = t^(6x²), c = (b²)^x = t^(12x³),
    /// A = c·b·t^(4x) = t^λ1, then t^λ0 = A·b·t^(2x)·t, t^λ2 = A·t^(2x), t^λ3 = A·t̄.
    /// Cost: 3 x-exponentiations (62 cyclotomic S + 23 M each), 11 M, 3 Frobenius, 1 inversion.
    public static func finalExponentiation(_ f: Fp12) -> Fp12 {
        guard let inv = f.inverse() else { return .zero }
        var t = f.conjugate * inv            // f^(p⁶ − 1)
        t = t.frobenius2() * t               // ·^(p² + 1): now in the cyclotomic subgroup
        let fx = t.cyclotomicPowX()
        let f2x = fx.cyclotomicSquared()
        let f4x = f2x.cyclotomicSquared()
        let f6x = f4x * f2x
        let f6x2 = f6x.cyclotomicPowX()
        let f12x3 = f6x2.cyclotomicSquared().cyclotomicPowX()
        let l1 = f12x3 * f6x2 * f4x
        let l3 = l1 * t.conjugate
        let l2 = l1 * f2x
        let l0 = l1 * f6x2 * f2x * t
        return l0 * l1.frobenius1() * l2.frobenius2() * l3.frobenius3()
    }

    /// e(P, Q) = finalExponentiation(millerLoop(P, Q)).
    public static func pairing(_ p: G1Affine, _ q: G2Affine) -> Fp12 {
        finalExponentiation(millerLoop([(p, q)]))
    }

    /// ∏ e(Pi, Qi) == 1, with one shared Miller loop and one final exponentiation (the EIP-197
    /// check). The empty product is 1 (true). Points must already be validated (on the curve,
    /// Q in G2), which the public constructors and decoders guarantee.
    public static func pairingCheck(_ pairs: [(G1Affine, G2Affine)]) -> Bool {
        finalExponentiation(millerLoop(pairs)).isOne
    }

    // MARK: prepared G2

    /// ∏ over pairs of the Miller loop with precomputed line coefficients of each Q.
    public static func millerLoop(prepared pairs: [(G1Affine, G2Prepared)]) -> Fp12 {
        let live = pairs.filter { !$0.0.isInfinity && !$0.1.isInfinity }
        guard !live.isEmpty else { return .one }
        var f = Fp12.one
        var idx = 0
        let naf = loopNAF
        for i in 1..<naf.count {
            if i > 1 { f.square() }
            for (p, q) in live { evaluate(&f, q.lines[idx], p) }
            idx += 1
            if naf[i] != 0 {
                for (p, q) in live { evaluate(&f, q.lines[idx], p) }
                idx += 1
            }
        }
        for (p, q) in live {
            evaluate(&f, q.lines[idx], p)
            evaluate(&f, q.lines[idx + 1], p)
        }
        return f
    }

    /// The Miller loop of P against a prepared Q.
    public static func millerLoop(_ p: G1Affine, prepared q: G2Prepared) -> Fp12 { millerLoop(prepared: [(p, q)]) }

    /// ∏ e(Pi, Qi) == 1 with prepared Qi.
    public static func pairingCheck(prepared pairs: [(G1Affine, G2Prepared)]) -> Bool {
        finalExponentiation(millerLoop(prepared: pairs)).isOne
    }
}

/// The line coefficients of the Miller loop for a fixed G2 point Q (the doubling and addition
/// steps depend only on Q), so pairing against Q repeatedly (a Groth16 verifying key's β, γ, δ)
/// costs only the Fp12 work: 88 lines of 3 Fp2 values (~17 KB).
public struct G2Prepared: Sendable {
    @usableFromInline let lines: [Pairing.Line]
    /// True when prepared from the point at infinity (it then pairs to 1).
    public let isInfinity: Bool

    public init(_ q: G2Affine) {
        guard !q.isInfinity else { lines = []; isInfinity = true; return }
        isInfinity = false
        var out: [Pairing.Line] = []
        out.reserveCapacity(90)
        var t = Pairing.TwistProjective(q)
        let negY = -q.y
        let naf = Pairing.loopNAF
        for i in 1..<naf.count {
            out.append(Pairing.doublingStep(&t))
            if naf[i] == 1 { out.append(Pairing.additionStep(&t, q.x, q.y)) }
            else if naf[i] == -1 { out.append(Pairing.additionStep(&t, q.x, negY)) }
        }
        let (x1, y1) = Pairing.frobeniusTwist(q.x, q.y)
        out.append(Pairing.additionStep(&t, x1, y1))
        let (x2, y2) = Pairing.negFrobenius2Twist(q.x, q.y)
        out.append(Pairing.additionStep(&t, x2, y2))
        lines = out
    }
}
