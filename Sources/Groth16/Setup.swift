import BN254
import Polynomials
import R1CS

/// Circuit-specific Groth16 setup (Groth 2016, §3.2) producing a key in snarkjs's `.zkey`
/// semantics (FORMATS.md §3), so our keys and snarkjs's are interchangeable:
///
/// * N = the smallest power of two > m + nPublic (m constraints plus one public-binding row per
///   public wire, including wire 0: row m + s has A = 1 on wire s, which makes the public inputs
///   linearly independent);
/// * Aᵢ(τ), Bᵢ(τ), Cᵢ(τ) from the Lagrange basis of the N-domain at τ;
/// * H[i] = L_{2i+1}(τ)/δ over the 2N-domain (see `Prover`).
///
/// The toxic waste τ, α, β, γ, δ comes from the system CSPRNG and is overwritten with zero
/// before returning (best effort: Swift gives no guarantee that no copy survives in registers
/// or freed memory).
public enum Setup {
    /// Visits every term of A, B and C, then the public-binding rows (A, m + s, s, 1) for
    /// s = 0…nPublic, and returns the A and B entries in snarkjs's section-4 order (per constraint
    /// A terms then B terms, then the binding rows).
    static func walkTerms(_ cs: ConstraintSystem, _ visit: (Matrix, _ row: Int, _ wire: Int, Fr) -> Void) -> [MatrixEntry] {
        var entries: [MatrixEntry] = []
        let m = cs.constraintCount
        cs.terms.withUnsafeBufferPointer { terms in
            for i in 0..<m {
                for (matrix, id) in [(Matrix.a, UInt8(0)), (Matrix.b, UInt8(1))] {
                    for k in cs.lcRange(constraint: i, matrix: matrix) {
                        let t = terms[k]
                        entries.append(MatrixEntry(matrix: id, constraint: UInt32(i), signal: t.wire, value: t.coefficient))
                        visit(matrix, i, Int(t.wire), t.coefficient)
                    }
                }
                for k in cs.lcRange(constraint: i, matrix: .c) {
                    let t = terms[k]
                    visit(.c, i, Int(t.wire), t.coefficient)
                }
            }
        }
        for s in 0...cs.nPublic {
            entries.append(MatrixEntry(matrix: 0, constraint: UInt32(m + s), signal: UInt32(s), value: .one))
            visit(.a, m + s, s, .one)
        }
        return entries
    }

    public static func domainSize(constraints m: Int, nPublic: Int) -> Int {
        var n = 1
        while n <= m + nPublic { n <<= 1 }
        return n
    }

    public static func setup(_ cs: ConstraintSystem, progress: ((String) -> Void)? = nil) throws -> ProvingKey {
        var rng = SystemRandomNumberGenerator()
        func nonZero() -> Fr { while true { let x = Fr.random(using: &rng); if !x.isZero { return x } } }
        var waste = ToxicWaste(tau: nonZero(), alpha: nonZero(), beta: nonZero(), gamma: nonZero(), delta: nonZero())
        defer { waste.zeroize() }
        return try setup(cs, waste: waste, progress: progress)
    }

    /// The secret scalars of a setup. Anyone who knows them can forge proofs.
    public struct ToxicWaste: Sendable {
        public var tau, alpha, beta, gamma, delta: Fr
        public init(tau: Fr, alpha: Fr, beta: Fr, gamma: Fr, delta: Fr) {
            self.tau = tau; self.alpha = alpha; self.beta = beta; self.gamma = gamma; self.delta = delta
        }
        mutating func zeroize() { tau = .zero; alpha = .zero; beta = .zero; gamma = .zero; delta = .zero }
    }

    /// Deterministic setup from given toxic waste (tests only: a known τ breaks soundness).
    public static func setup(_ cs: ConstraintSystem, waste: ToxicWaste, progress: ((String) -> Void)? = nil) throws -> ProvingKey {
        let m = cs.constraintCount
        let nPub = cs.nPublic
        let nVars = cs.nWires
        let n = domainSize(constraints: m, nPublic: nPub)
        guard n <= 1 << EvaluationDomain.maxLogSize else {
            throw Groth16Error.keyMismatch(reason: "\(m) constraints need a domain of \(n) points, more than BN254's Fr supports")
        }
        guard let gammaInv = waste.gamma.inverse(), let deltaInv = waste.delta.inverse() else {
            throw Groth16Error.keyMismatch(reason: "γ and δ must be non-zero")
        }
        progress?("Lagrange basis at τ (N = \(n))")
        let domain = try EvaluationDomain(size: n)
        var lagrange = domain.lagrangeCoefficients(at: waste.tau)

        var aT = [Fr](repeating: .zero, count: nVars)
        var bT = [Fr](repeating: .zero, count: nVars)
        var cT = [Fr](repeating: .zero, count: nVars)
        let entries = walkTerms(cs) { matrix, row, wire, coefficient in
            switch matrix {
            case .a: aT[wire] += coefficient * lagrange[row]
            case .b: bT[wire] += coefficient * lagrange[row]
            case .c: cT[wire] += coefficient * lagrange[row]
            }
        }

        // (β·A + α·B + C) / γ for public wires, / δ for the rest.
        var icScalars = [Fr](), cScalars = [Fr]()
        icScalars.reserveCapacity(nPub + 1)
        cScalars.reserveCapacity(nVars - nPub - 1)
        for s in 0..<nVars {
            let v = waste.beta * aT[s] + waste.alpha * bT[s] + cT[s]
            if s <= nPub { icScalars.append(v * gammaInv) } else { cScalars.append(v * deltaInv) }
        }

        progress?("H points: odd Lagrange points of the 2N-domain")
        let domain2 = try EvaluationDomain(size: 2 * n)
        let lagrange2 = domain2.lagrangeCoefficients(at: waste.tau)
        var hScalars = [Fr](repeating: .zero, count: n)
        for i in 0..<n { hScalars[i] = lagrange2[2 * i + 1] * deltaInv }

        progress?("fixed-base multiplications: \(3 * nVars + n) in G1, \(nVars) in G2")
        let g1 = G1Affine.generator, g2 = G2Affine.generator
        let pointsA = FixedBase.g1(g1, aT)
        let pointsB1 = FixedBase.g1(g1, bT)
        let pointsB2 = FixedBase.g2(g2, bT)
        let pointsC = FixedBase.g1(g1, cScalars)
        let pointsIC = FixedBase.g1(g1, icScalars)
        let pointsH = FixedBase.g1(g1, hScalars)
        let singles = FixedBase.g1(g1, [waste.alpha, waste.beta, waste.delta])
        let singles2 = FixedBase.g2(g2, [waste.beta, waste.gamma, waste.delta])

        for i in 0..<lagrange.count { lagrange[i] = .zero }
        return ProvingKey(nVars: nVars, nPublic: nPub, domainSize: n,
                          alpha1: singles[0], beta1: singles[1], beta2: singles2[0], gamma2: singles2[1],
                          delta1: singles[2], delta2: singles2[2], ic: pointsIC, entries: entries,
                          a: pointsA, b1: pointsB1, b2: pointsB2, c: pointsC, h: pointsH, mpcParameters: nil)
    }
}
