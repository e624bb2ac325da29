import BN254
import Polynomials
import R1CS

/// The Groth16 prover, in snarkjs's convention so that it works with any snarkjs Groth16 `.zkey`
/// (FORMATS.md §3, "Prover convention"):
///
/// 1. A·w and B·w are evaluated on the N-domain from the key's matrix entries; C·w = (A·w)∘(B·w).
/// 2. Each is interpolated (inverse NTT) and evaluated on the coset ω_{2N}·⟨ω_N⟩ (the odd 2N-th roots),
///    where p = A·B − C no longer vanishes; P = A·B − C pointwise there.
/// 3. MSM(H, P) = p(τ)/δ · G1 because the key's H points are L_{2i+1}(τ)/δ · G1 — no division by Z.
/// 4. π_A = α₁ + Σ wᵢ·Aᵢ + r·δ₁,  π_B = β₂ + Σ wᵢ·B2ᵢ + s·δ₂,
///    π_C = Σ_{private} wᵢ·Cᵢ + MSM(H, P) + s·π_A + r·(β₁ + Σ wᵢ·B1ᵢ + s·δ₁) − r·s·δ₁.
public enum Prover {
    /// Timings of the last proof's phases, for `--progress` and benchmarks.
    public struct Timings: Sendable {
        public var quotient: Double = 0
        public var msm: Double = 0
    }

    /// Proves with fresh randomisers r, s from the system CSPRNG.
    ///
    /// - Parameters:
    ///   - constraintSystem: when given, the witness is checked against it first and the first
    ///     unsatisfied constraint is reported. Without it, the finished proof is verified against the
    ///     key's own verifying key, and an invalid one is reported as an unsatisfied witness.
    public static func prove(_ pk: ProvingKey, witness: [Fr], constraintSystem: ConstraintSystem? = nil,
                             progress: ((String) -> Void)? = nil) throws -> Proof {
        var rng = SystemRandomNumberGenerator()
        return try prove(pk, witness: witness, constraintSystem: constraintSystem,
                         r: Fr.random(using: &rng), s: Fr.random(using: &rng), progress: progress)
    }

    /// Proves with the given randomisers (tests use fixed ones; real proofs use `prove(_:witness:)`).
    public static func prove(_ pk: ProvingKey, witness w: [Fr], constraintSystem: ConstraintSystem? = nil,
                             r: Fr, s: Fr, progress: ((String) -> Void)? = nil) throws -> Proof {
        guard w.count == pk.nVars else {
            throw Groth16Error.witnessMismatch(reason: "the key has \(pk.nVars) wires, the witness \(w.count) values")
        }
        guard w.first == .one else { throw Groth16Error.witnessMismatch(reason: "witness[0] must be 1") }
        if let cs = constraintSystem {
            guard cs.nWires == pk.nVars, cs.nPublic == pk.nPublic else {
                throw Groth16Error.keyMismatch(reason: "the circuit has \(cs.nWires) wires and \(cs.nPublic) public signals; the key \(pk.nVars) and \(pk.nPublic)")
            }
            try cs.checkSatisfied(Witness(values: w))   // R1CSError.unsatisfied names the constraint
        }
        progress?("computing the quotient on the coset (NTT, N = \(pk.domainSize))")
        let p = try quotientEvaluations(pk, w)

        progress?("multi-scalar multiplications (\(pk.nVars) wires, \(pk.domainSize) H points)")
        let nPub = pk.nPublic
        let privateW = Array(w[(nPub + 1)...])
        let msmA = MSM.g1(pk.a, w)
        let msmB1 = MSM.g1(pk.b1, w)
        let msmB2 = MSM.g2(pk.b2, w)
        let msmC = MSM.g1(pk.c, privateW)
        let msmH = MSM.g1(pk.h, p)

        let piA = G1Jacobian(pk.alpha1) + msmA + G1Jacobian(pk.delta1) * r
        let piB = G2Jacobian(pk.beta2) + msmB2 + G2Jacobian(pk.delta2) * s
        let b1 = G1Jacobian(pk.beta1) + msmB1 + G1Jacobian(pk.delta1) * s
        let piC = msmC + msmH + piA * s + b1 * r - G1Jacobian(pk.delta1) * (r * s)
        let proof = Proof(a: piA.toAffine(), b: piB.toAffine(), c: piC.toAffine())
        // The key's B2 points are read with a curve check only; a point outside G2's subgroup would
        // show up here (π_B outside the subgroup), so no such proof is ever returned.
        guard proof.b.isInSubgroup else {
            throw Groth16Error.keyMismatch(reason: "the proving key's B2 points are not all in G2's prime-order subgroup")
        }

        if constraintSystem == nil {
            // Without the R1CS the witness could not be checked up front (a .zkey holds no C matrix):
            // check the result instead, so a bad witness never yields a silently invalid proof.
            let publicInputs = Array(w[1...nPub])
            guard try Verifier.verify(pk.verifyingKey, publicInputs: publicInputs, proof: proof) else {
                throw Groth16Error.unsatisfiedWitness(constraint: -1, label: "the witness does not satisfy the circuit: the proof it gives does not verify (pass the .r1cs to find the constraint)")
            }
        }
        return proof
    }

    /// P = A·B − C on the odd-2N-roots coset, as described in the type's documentation.
    static func quotientEvaluations(_ pk: ProvingKey, _ w: [Fr]) throws -> [Fr] {
        let n = pk.domainSize
        let domain = try EvaluationDomain(size: n)
        var a = [Fr](repeating: .zero, count: n)
        var b = [Fr](repeating: .zero, count: n)
        for e in pk.entries {
            let row = Int(e.constraint), col = Int(e.signal)
            guard row < n, col < w.count else {
                throw Groth16Error.keyMismatch(reason: "matrix entry (\(e.matrix), \(row), \(col)) is outside the domain or the witness")
            }
            if e.matrix == 0 { a[row] += e.value * w[col] } else { b[row] += e.value * w[col] }
        }
        var c = [Fr](repeating: .zero, count: n)
        for i in 0..<n { c[i] = a[i] * b[i] }
        let coset = domain.oddRootsCoset
        try domain.inverse(&a); try coset.forward(&a)
        try domain.inverse(&b); try coset.forward(&b)
        try domain.inverse(&c); try coset.forward(&c)
        for i in 0..<n { a[i] = a[i] * b[i] - c[i] }
        return a
    }
}
