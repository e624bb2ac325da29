import BN254

/// One non-zero entry of the A or B matrix as a snarkjs `.zkey` stores it (section 4): the
/// prover builds A·w and B·w over the evaluation domain from these.
public struct MatrixEntry: Sendable, Equatable {
    /// 0 = A, 1 = B.
    public var matrix: UInt8
    /// Row: a constraint index, or m + s for the public-binding row of signal s.
    public var constraint: UInt32
    /// Column: the wire.
    public var signal: UInt32
    public var value: Fr

    public init(matrix: UInt8, constraint: UInt32, signal: UInt32, value: Fr) {
        self.matrix = matrix; self.constraint = constraint; self.signal = signal; self.value = value
    }
}

/// A Groth16 proving key with exactly the contents of a snarkjs Groth16 `.zkey`
/// (FORMATS.md §3), so one type serves keys made by `zkclear setup` and by `snarkjs zkey new`.
public struct ProvingKey: Sendable {
    /// Wires, including wire 0 = 1.
    public var nVars: Int
    /// Public signals (outputs then inputs), without wire 0.
    public var nPublic: Int
    /// N: a power of two > constraints + nPublic.
    public var domainSize: Int
    public var alpha1: G1Affine
    public var beta1: G1Affine
    public var beta2: G2Affine
    public var gamma2: G2Affine
    public var delta1: G1Affine
    public var delta2: G2Affine
    /// (β·Aᵢ(τ) + α·Bᵢ(τ) + Cᵢ(τ))/γ · G1 for the nPublic + 1 public wires (wire 0 included).
    public var ic: [G1Affine]
    public var entries: [MatrixEntry]
    /// Aᵢ(τ)·G1 for every wire.
    public var a: [G1Affine]
    /// Bᵢ(τ)·G1 for every wire.
    public var b1: [G1Affine]
    /// Bᵢ(τ)·G2 for every wire.
    public var b2: [G2Affine]
    /// (β·Aᵢ(τ) + α·Bᵢ(τ) + Cᵢ(τ))/δ · G1 for the private wires nPublic+1 ..< nVars.
    public var c: [G1Affine]
    /// L_{2i+1}(τ)/δ · G1 over the 2N-domain (the odd points), i < N: MSM(h, P) = p(τ)/δ · G1.
    public var h: [G1Affine]
    /// Section 10 (phase-2 MPC transcript) kept verbatim for round trips; nil when absent.
    public var mpcParameters: [UInt8]?

    public var verifyingKey: VerifyingKey {
        VerifyingKey(alpha1: alpha1, beta2: beta2, gamma2: gamma2, delta2: delta2, ic: ic)
    }
}

/// The verifying key of `verification_key.json`.
public struct VerifyingKey: Sendable, Equatable {
    public var alpha1: G1Affine
    public var beta2: G2Affine
    public var gamma2: G2Affine
    public var delta2: G2Affine
    /// nPublic + 1 points.
    public var ic: [G1Affine]

    public init(alpha1: G1Affine, beta2: G2Affine, gamma2: G2Affine, delta2: G2Affine, ic: [G1Affine]) {
        self.alpha1 = alpha1; self.beta2 = beta2; self.gamma2 = gamma2; self.delta2 = delta2; self.ic = ic
    }

    public var nPublic: Int { ic.count - 1 }
}

/// A Groth16 proof (π_A, π_B, π_C).
public struct Proof: Sendable, Equatable {
    public var a: G1Affine
    public var b: G2Affine
    public var c: G1Affine
    public init(a: G1Affine, b: G2Affine, c: G1Affine) { self.a = a; self.b = b; self.c = c }
}
