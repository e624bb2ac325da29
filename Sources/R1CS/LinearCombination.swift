import BN254

/// One term `coefficient · w[wire]` of a linear combination. 40 bytes, no references.
@frozen public struct Term: Sendable, Equatable {
    public var wire: UInt32
    public var coefficient: Fr
    @inlinable public init(wire: UInt32, coefficient: Fr) {
        self.wire = wire
        self.coefficient = coefficient
    }
}

/// The three matrices of an R1CS: constraint i reads ⟨A_i,w⟩·⟨B_i,w⟩ = ⟨C_i,w⟩.
public enum Matrix: Int, Sendable, CaseIterable {
    case a = 0, b = 1, c = 2
    public var name: String { ["A", "B", "C"][rawValue] }
}

/// A sparse linear combination Σ cᵢ·w[iᵢ] over Fr: one contiguous array of `Term`s (a single
/// allocation, none when empty), wire ids strictly increasing.
///
/// Values built through this API also have every coefficient non-zero. Combinations read from
/// an `.r1cs` file keep coefficients exactly as stored (a zero coefficient survives) so that
/// files round-trip byte for byte; `isNormalized` tells the two apart.
public struct LinearCombination: Sendable, Equatable {
    public private(set) var terms: [Term]

    /// The empty combination (the value 0).
    public init() { terms = [] }

    /// Normalises arbitrary terms: sorts by wire, merges repeated wires, drops zero sums.
    /// Cost O(n log n).
    public init(terms raw: [Term]) {
        var t = raw
        t.sort { $0.wire < $1.wire }
        var out: [Term] = []
        out.reserveCapacity(t.count)
        for term in t {
            if let last = out.last, last.wire == term.wire {
                out[out.count - 1].coefficient += term.coefficient
                if out[out.count - 1].coefficient.isZero { out.removeLast() }
            } else if !term.coefficient.isZero {
                out.append(term)
            }
        }
        terms = out
    }

    /// From terms the caller guarantees are strictly increasing by wire (not checked here;
    /// `ConstraintSystem` validates what it stores).
    public init(sortedTerms: [Term]) { terms = sortedTerms }

    /// The single term `coefficient · w[wire]` (empty when the coefficient is zero).
    public init(wire: UInt32, coefficient: Fr = .one) {
        terms = coefficient.isZero ? [] : [Term(wire: wire, coefficient: coefficient)]
    }

    /// The constant `value` (a multiple of wire 0, the constant-1 wire).
    public static func constant(_ value: Fr) -> LinearCombination {
        LinearCombination(wire: 0, coefficient: value)
    }

    @inlinable public var count: Int { terms.count }
    @inlinable public var isEmpty: Bool { terms.isEmpty }
    @inlinable public var wires: [UInt32] { terms.map(\.wire) }
    @inlinable public var coefficients: [Fr] { terms.map(\.coefficient) }

    /// Wires strictly increasing and no zero coefficient.
    public var isNormalized: Bool {
        for i in terms.indices {
            if terms[i].coefficient.isZero { return false }
            if i > 0, terms[i - 1].wire >= terms[i].wire { return false }
        }
        return true
    }

    /// The coefficient of `wire` (zero when absent). Binary search, O(log n).
    public func coefficient(of wire: UInt32) -> Fr {
        var lo = 0, hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid].wire < wire { lo = mid + 1 } else { hi = mid }
        }
        return lo < terms.count && terms[lo].wire == wire ? terms[lo].coefficient : .zero
    }

    /// self + other: a linear merge of the two sorted term lists, O(n + m).
    public func adding(_ other: LinearCombination) -> LinearCombination {
        if other.terms.isEmpty { return self }
        if terms.isEmpty { return other }
        var out: [Term] = []
        out.reserveCapacity(terms.count + other.terms.count)
        var i = 0, j = 0
        let x = terms, y = other.terms
        while i < x.count, j < y.count {
            if x[i].wire < y[j].wire { out.append(x[i]); i += 1 }
            else if x[i].wire > y[j].wire { out.append(y[j]); j += 1 }
            else {
                let s = x[i].coefficient + y[j].coefficient
                if !s.isZero { out.append(Term(wire: x[i].wire, coefficient: s)) }
                i += 1; j += 1
            }
        }
        while i < x.count { out.append(x[i]); i += 1 }
        while j < y.count { out.append(y[j]); j += 1 }
        return LinearCombination(sortedTerms: out)
    }

    /// self + factor·other (the common `lc += k·x` step of lowering), O(n + m).
    public func adding(_ other: LinearCombination, times factor: Fr) -> LinearCombination {
        adding(other.scaled(by: factor))
    }

    /// self − other.
    public func subtracting(_ other: LinearCombination) -> LinearCombination {
        adding(other.scaled(by: -Fr.one))
    }

    /// factor·self (empty when the factor is zero), O(n).
    public func scaled(by factor: Fr) -> LinearCombination {
        if factor.isZero { return LinearCombination() }
        if factor.isOne { return self }
        return LinearCombination(sortedTerms: terms.map { Term(wire: $0.wire, coefficient: $0.coefficient * factor) })
    }

    /// Adds `coefficient · w[wire]` in place: O(log n) search plus an insertion.
    public mutating func addTerm(wire: UInt32, coefficient: Fr) {
        if coefficient.isZero { return }
        if let last = terms.last, last.wire < wire {          // the common append case
            terms.append(Term(wire: wire, coefficient: coefficient)); return
        }
        var lo = 0, hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid].wire < wire { lo = mid + 1 } else { hi = mid }
        }
        if lo < terms.count, terms[lo].wire == wire {
            let s = terms[lo].coefficient + coefficient
            if s.isZero { terms.remove(at: lo) } else { terms[lo].coefficient = s }
        } else {
            terms.insert(Term(wire: wire, coefficient: coefficient), at: lo)
        }
    }

    /// Σ cᵢ·values[iᵢ], or nil when a wire is outside `values`.
    public func evaluate(_ values: [Fr]) -> Fr? {
        var acc = Fr.zero
        for t in terms {
            guard Int(t.wire) < values.count else { return nil }
            acc += t.coefficient * values[Int(t.wire)]
        }
        return acc
    }

    /// Σ cᵢ·w[iᵢ] against a witness, or nil when a wire is outside it.
    public func evaluate(_ witness: Witness) -> Fr? { evaluate(witness.values) }

    public static func + (a: LinearCombination, b: LinearCombination) -> LinearCombination { a.adding(b) }
    public static func - (a: LinearCombination, b: LinearCombination) -> LinearCombination { a.subtracting(b) }
    public static func * (k: Fr, a: LinearCombination) -> LinearCombination { a.scaled(by: k) }
}

/// One rank-1 constraint A·B = C.
public struct Constraint: Sendable, Equatable {
    public var a: LinearCombination
    public var b: LinearCombination
    public var c: LinearCombination
    public init(a: LinearCombination, b: LinearCombination, c: LinearCombination) {
        self.a = a; self.b = b; self.c = c
    }
    public subscript(matrix: Matrix) -> LinearCombination {
        switch matrix { case .a: return a; case .b: return b; case .c: return c }
    }
}

/// A full assignment of the wires in circom order; `values[0]` must be 1.
public struct Witness: Sendable, Equatable {
    public var values: [Fr]
    public init(values: [Fr]) { self.values = values }
    @inlinable public var count: Int { values.count }
    @inlinable public subscript(wire: Int) -> Fr {
        get { values[wire] }
        set { values[wire] = newValue }
    }
    /// The public signals (wires 1…nPublic), the order of snarkjs `public.json`.
    public func publicSignals(of system: ConstraintSystem) -> [Fr] {
        let n = min(system.nPublic + 1, values.count)
        return n > 1 ? Array(values[1..<n]) : []
    }
}
