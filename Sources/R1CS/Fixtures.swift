import BN254

/// Generated circuits for benchmarks and tests.
public enum R1CSFixtures {
    /// A chain of `n` constraints (n ≥ 1; smaller values are raised to 1), one public output:
    ///
    ///     x_{i+1} = x_i · (x_i + (i + 1))      for i = 0 … n−1,   out = x_n
    ///
    /// Wires in circom order: 0 = 1, 1 = out (public output), 2 = x_0 (private input),
    /// 3 … n+1 = x_1 … x_{n−1}. Constraint i is A = {x_i: 1}, B = {0: i+1, x_i: 1}, C = {x_{i+1}: 1}.
    /// Returns the system and its satisfying witness (x_0 = `input`).
    public static func multiplicationChain(constraints n: Int, input: Fr = Fr(3)) -> (ConstraintSystem, Witness) {
        let n = max(1, n)
        let nWires = n + 2
        @inline(__always) func wire(_ i: Int) -> UInt32 {
            UInt32(truncatingIfNeeded: i == 0 ? 2 : (i == n ? 1 : 2 + i))
        }
        var terms: [Term] = []
        terms.reserveCapacity(4 * n)
        var offsets: [Int] = [0]
        offsets.reserveCapacity(3 * n + 1)
        var values = [Fr](repeating: .zero, count: nWires)
        values[0] = .one
        var x = input
        values[2] = x
        for i in 0..<n {
            let k = Fr(UInt64(i + 1))
            terms.append(Term(wire: wire(i), coefficient: .one)); offsets.append(terms.count)
            terms.append(Term(wire: 0, coefficient: k))
            terms.append(Term(wire: wire(i), coefficient: .one)); offsets.append(terms.count)
            terms.append(Term(wire: wire(i + 1), coefficient: .one)); offsets.append(terms.count)
            x = x * (x + k)
            values[Int(wire(i + 1))] = x
        }
        let system = ConstraintSystem(unchecked: 1, 0, 1, nWires, UInt64(nWires), terms, offsets, nil)
        return (system, Witness(values: values))
    }
}
