import BN254
import Polynomials
import R1CS

/// Phase 2 from a public powers-of-tau ceremony (snarkjs `zkey new` + `zkey contribute`).
///
/// `fromPowersOfTau` builds exactly what `snarkjs zkey new circuit.r1cs pot.ptau circuit.zkey`
/// writes — the same file byte for byte, the BLAKE2b circuit hash in section 10 included (FORMATS.md §3, "Contents of a fresh zkey new"): α, β from the ceremony, γ = δ = 1, and
/// every query as a combination of the ceremony's Lagrange points —
/// A[s] = Σ a_{c,s}·L_c, B[s] = Σ b_{c,s}·L_c (G1 and G2), IC/C[s] = Σ (a_{c,s}·βL_c + b_{c,s}·αL_c +
/// c_{c,s}·L_c), plus L_{m+s} and βL_{m+s} on the public-binding rows, H[i] = L_{2i+1} of the 2N-domain.
/// Such a key is not yet safe (δ = 1 is public); `contributed(delta:)` is one phase-2 contribution:
/// δ·G1, δ·G2 and C, H divided by δ.
extension Setup {
    public static func fromPowersOfTau(_ cs: ConstraintSystem, _ ptau: PowersOfTau, progress: ((String) -> Void)? = nil) throws -> ProvingKey {
        let m = cs.constraintCount, nPub = cs.nPublic, nVars = cs.nWires
        let n = domainSize(constraints: m, nPublic: nPub)
        guard ptau.domainSize == n else {
            throw Groth16Error.keyMismatch(reason: "the circuit needs a domain of \(n) points; the ptau points were read for \(ptau.domainSize)")
        }
        progress?("combining Lagrange points of the ceremony (N = \(n))")
        var a = [G1Jacobian](repeating: .infinity, count: nVars)
        var b1 = [G1Jacobian](repeating: .infinity, count: nVars)
        var b2 = [G2Jacobian](repeating: .infinity, count: nVars)
        var c = [G1Jacobian](repeating: .infinity, count: nVars)   // IC for s ≤ nPublic, C for the rest
        let minusOne = -Fr.one
        func add(_ acc: inout G1Jacobian, _ p: G1Affine, _ k: Fr) {
            if k == .one { acc = acc + p } else if k == minusOne { acc = acc + (-p) } else { acc = acc + G1Jacobian(p).multiplied(by: k) }
        }
        func add(_ acc: inout G2Jacobian, _ p: G2Affine, _ k: Fr) {
            if k == .one { acc = acc + p } else if k == minusOne { acc = acc + (-p) } else { acc = acc + G2Jacobian(p).multiplied(by: k) }
        }
        let entries = walkTerms(cs) { matrix, row, wire, k in
            switch matrix {
            case .a:
                add(&a[wire], ptau.lagrangeG1[row], k)
                add(&c[wire], ptau.betaLagrangeG1[row], k)
            case .b:
                add(&b1[wire], ptau.lagrangeG1[row], k)
                add(&b2[wire], ptau.lagrangeG2[row], k)
                add(&c[wire], ptau.alphaLagrangeG1[row], k)
            case .c:
                add(&c[wire], ptau.lagrangeG1[row], k)
            }
        }
        progress?("affine conversion of \(4 * nVars) points")
        let cAffine = G1Jacobian.toAffine(c)
        var pk = ProvingKey(nVars: nVars, nPublic: nPub, domainSize: n,
                            alpha1: ptau.alpha1, beta1: ptau.beta1, beta2: ptau.beta2,
                            gamma2: .generator, delta1: .generator, delta2: .generator,
                            ic: Array(cAffine[0...nPub]), entries: entries,
                            a: G1Jacobian.toAffine(a), b1: G1Jacobian.toAffine(b1), b2: G2Jacobian.toAffine(b2),
                            c: Array(cAffine[(nPub + 1)...]), h: ptau.oddLagrangeG1Double, mpcParameters: nil)
        // Section 10 as `zkey new` writes it: the circuit hash and no contributions.
        if let hashedH = ptau.hashedH {
            pk.mpcParameters = circuitHash(pk, hashedH: hashedH) + [0, 0, 0, 0]
        }
        return pk
    }

    /// snarkjs's circuit hash (csHash): BLAKE2b-512 over the uncompressed points α1, β1, β2, γ2,
    /// δ1, δ2, then a big-endian u32 count and the points of IC, the H-hash points
    /// (τ^(i+N) − τ^i)·G1 (count N − 1), C, A, B1, B2 (FORMATS.md §3; snarkjs src/zkey_new.js).
    /// "Uncompressed" is big-endian x ‖ y, for G2 x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 — the EIP-196/197
    /// layout. Infinity is all zeros (current snarkjs); `legacyInfinity` hashes it as 0x40 and
    /// zeros, as snarkjs did in 2021.
    static func circuitHash(_ pk: ProvingKey, hashedH: [G1Affine], legacyInfinity: Bool = false) -> [UInt8] {
        var hasher = BLAKE2b()
        func g1(_ p: G1Affine) {
            var b = p.ethereumBytes
            if legacyInfinity && p.isInfinity { b[0] = 0x40 }
            hasher.update(b)
        }
        func g2(_ p: G2Affine) {
            var b = p.ethereumBytes
            if legacyInfinity && p.isInfinity { b[0] = 0x40 }
            hasher.update(b)
        }
        g1(pk.alpha1); g1(pk.beta1); g2(pk.beta2); g2(pk.gamma2); g1(pk.delta1); g2(pk.delta2)
        hasher.update(UInt32BE(pk.ic.count)); pk.ic.forEach(g1)
        hasher.update(UInt32BE(pk.domainSize - 1)); hashedH.forEach(g1)
        hasher.update(UInt32BE(pk.c.count)); pk.c.forEach(g1)
        hasher.update(UInt32BE(pk.a.count)); pk.a.forEach(g1)
        hasher.update(UInt32BE(pk.b1.count)); pk.b1.forEach(g1)
        hasher.update(UInt32BE(pk.b2.count)); pk.b2.forEach(g2)
        return hasher.finalize()
    }
}

extension ProvingKey {
    /// One phase-2 contribution with secret δ ≠ 0: δ1, δ2 multiplied by δ, C and H by δ⁻¹
    /// (FORMATS.md §3). The verifying key changes only in δ2. Section 10 (the MPC transcript) is
    /// dropped: this is a local contribution without snarkjs's transcript.
    public func contributed(delta: Fr) throws -> ProvingKey {
        guard let inv = delta.inverse() else { throw Groth16Error.keyMismatch(reason: "a contribution needs δ ≠ 0") }
        var k = self
        k.delta1 = G1Jacobian(delta1).multiplied(by: delta).toAffine()
        k.delta2 = G2Jacobian(delta2).multiplied(by: delta).toAffine()
        k.c = ProvingKey.scaled(c, by: inv)
        k.h = ProvingKey.scaled(h, by: inv)
        k.mpcParameters = nil
        return k
    }

    /// [k]P for every P, in parallel chunks (each converted to affine with one inversion).
    static func scaled(_ points: [G1Affine], by k: Fr) -> [G1Affine] {
        var out = [G1Affine](repeating: .infinity, count: points.count)
        FixedBase.parallelChunks(points.count, { range in
            (range, G1Jacobian.toAffine(points[range].map { G1Jacobian($0).multiplied(by: k) }))
        }, collect: { range, chunk in out.replaceSubrange(range, with: chunk) })
        return out
    }
}
