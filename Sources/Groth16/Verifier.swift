import BN254

/// A verifying key made ready for many verifications: e(α, β) computed once, and the G2 points
/// γ and δ negated and turned into Miller-loop line coefficients.
public struct PreparedVerifyingKey: Sendable {
    public let key: VerifyingKey
    /// e(α₁, β₂).
    public let alphaBeta: Fp12
    let gammaNeg: G2Prepared
    let deltaNeg: G2Prepared

    public init(_ key: VerifyingKey) {
        self.key = key
        alphaBeta = Pairing.pairing(key.alpha1, key.beta2)
        gammaNeg = G2Prepared(-key.gamma2)
        deltaNeg = G2Prepared(-key.delta2)
    }
}

/// The Groth16 verifier (Groth, "On the Size of Pairing-based Non-interactive Arguments", 2016, §3.2):
///
///     e(π_A, π_B) = e(α, β) · e(Σᵢ xᵢ·ICᵢ, γ) · e(π_C, δ)
///
/// checked as one multi-Miller loop over (π_A, π_B), (vk_x, −γ), (π_C, −δ) and one final
/// exponentiation compared with the precomputed e(α, β).
///
/// The typed inputs are already validated: a `G1Affine` is on the curve and a `G2Affine` is in
/// the prime-order subgroup (their decoders check), and an `Fr` is < r. What is left to check here
/// is the number of public inputs.
public enum Verifier {
    /// True when the proof is valid for these public inputs; throws only when the count is wrong.
    public static func verify(_ pvk: PreparedVerifyingKey, publicInputs: [Fr], proof: Proof) throws -> Bool {
        let vkx = try linearCombination(pvk.key, publicInputs)
        let f = Pairing.millerLoop(prepared: [
            (proof.a, G2Prepared(proof.b)),
            (vkx, pvk.gammaNeg),
            (proof.c, pvk.deltaNeg),
        ])
        return Pairing.finalExponentiation(f) == pvk.alphaBeta
    }

    /// Convenience for a single verification.
    public static func verify(_ vk: VerifyingKey, publicInputs: [Fr], proof: Proof) throws -> Bool {
        try verify(PreparedVerifyingKey(vk), publicInputs: publicInputs, proof: proof)
    }

    /// vk_x = IC₀ + Σᵢ xᵢ·ICᵢ₊₁.
    static func linearCombination(_ vk: VerifyingKey, _ inputs: [Fr]) throws -> G1Affine {
        guard inputs.count == vk.nPublic else {
            throw Groth16Error.wrongPublicInputCount(expected: vk.nPublic, got: inputs.count)
        }
        if inputs.isEmpty { return vk.ic[0] }
        let sum = MSM.g1(Array(vk.ic.dropFirst()), inputs) + vk.ic[0]
        return sum.toAffine()
    }

    /// Verifies many proofs under one key with a random linear combination (Bellare–Garay–Rabin
    /// small-exponent batching): with random ρᵢ,
    ///
    ///     Πᵢ e(ρᵢ·π_Aᵢ, π_Bᵢ) = e(α, β)^(Σρᵢ) · e(Σ ρᵢ·vk_xᵢ, γ) · e(Σ ρᵢ·π_Cᵢ, δ)
    ///
    /// n + 2 Miller loops and one final exponentiation. A false result means at least one proof is
    /// invalid (verify them one by one to find which); a true result is wrong with probability
    /// ≤ 1/2^128 per batch (ρ drawn from 128 bits by the system CSPRNG).
    public static func verifyBatch(_ pvk: PreparedVerifyingKey, _ items: [(publicInputs: [Fr], proof: Proof)]) throws -> Bool {
        if items.isEmpty { return true }
        if items.count == 1 { return try verify(pvk, publicInputs: items[0].publicInputs, proof: items[0].proof) }
        var rng = SystemRandomNumberGenerator()
        var pairs: [(G1Affine, G2Prepared)] = []
        var vkxAcc = G1Jacobian.infinity
        var cAcc = G1Jacobian.infinity
        var rhoSum = Fr.zero
        for item in items {
            let rho = Fr(canonicalUnchecked: (rng.next(), rng.next(), 0, 0))   // 128-bit, < r
            rhoSum += rho
            let vkx = try linearCombination(pvk.key, item.publicInputs)
            pairs.append(((G1Jacobian(item.proof.a) * rho).toAffine(), G2Prepared(item.proof.b)))
            vkxAcc += G1Jacobian(vkx) * rho
            cAcc += G1Jacobian(item.proof.c) * rho
        }
        pairs.append((vkxAcc.toAffine(), pvk.gammaNeg))
        pairs.append((cAcc.toAffine(), pvk.deltaNeg))
        let lhs = Pairing.finalExponentiation(Pairing.millerLoop(prepared: pairs))
        let e = rhoSum.canonical
        return lhs == pvk.alphaBeta.pow([e.0, e.1, e.2, e.3])
    }
}
