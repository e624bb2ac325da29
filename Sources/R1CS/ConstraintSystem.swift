import BN254

/// A rank-1 constraint system over BN254's Fr in circom's wire order:
/// wire 0 is the constant 1, then `nPublicOutputs` public outputs, `nPublicInputs` public inputs,
/// `nPrivateInputs` private inputs, then every other (intermediate) wire up to `nWires`.
///
/// Storage is flat so that 10⁶ constraints cost three arrays, not 3·10⁶ allocations:
/// every term of every linear combination lives in `terms`; combination k = 3·i + matrix of
/// constraint i is `terms[lcOffsets[k] ..< lcOffsets[k + 1]]` (so `lcOffsets.count == 3m + 1`).
/// Invariants (checked by every public initialiser and by the file reader): wire ids < nWires,
/// counts consistent, labels < nLabels. Terms keep the order they were given in (a file's order,
/// which circom does not always sort; the builder's output is sorted), and a wire may repeat
/// (its coefficients add). `linearCombination(constraint:matrix:)` returns the normalised form.
public struct ConstraintSystem: Sendable, Equatable {
    /// BN254's scalar-field modulus r, the only prime this module accepts.
    public static var prime: String { Fr.modulusBigInt.description }

    public let nPublicOutputs: Int
    public let nPublicInputs: Int
    public let nPrivateInputs: Int
    /// Total wires including wire 0.
    public let nWires: Int
    /// Number of labels (original signals); ≥ every entry of `wireToLabel`.
    public let nLabels: UInt64
    /// All terms, constraint by constraint, A then B then C.
    public private(set) var terms: [Term]
    /// Start offsets into `terms` of each linear combination, plus the final end (3m + 1 entries).
    public private(set) var lcOffsets: [Int]
    /// wire → label id; nil means the identity map.
    public let wireToLabel: [UInt64]?

    /// Groth16's nPublic: outputs then public inputs (the constant wire not counted).
    @inlinable public var nPublic: Int { nPublicOutputs + nPublicInputs }
    @inlinable public var constraintCount: Int { (lcOffsets.count - 1) / 3 }
    /// Wires that are neither the constant nor an input or output.
    public var nIntermediates: Int { nWires - 1 - nPublic - nPrivateInputs }

    /// The index range in `terms` of one linear combination.
    @inlinable public func lcRange(constraint i: Int, matrix: Matrix) -> Range<Int> {
        let k = 3 * i + matrix.rawValue
        return lcOffsets[k] ..< lcOffsets[k + 1]
    }

    /// One combination in normalised form (sorted by wire, repeats merged, zero terms dropped).
    public func linearCombination(constraint i: Int, matrix: Matrix) -> LinearCombination {
        let t = Array(terms[lcRange(constraint: i, matrix: matrix)])
        var normal = true
        for k in t.indices where t[k].coefficient.isZero || (k > 0 && t[k - 1].wire >= t[k].wire) { normal = false; break }
        return normal ? LinearCombination(sortedTerms: t) : LinearCombination(terms: t)
    }

    public func constraint(_ i: Int) -> Constraint {
        Constraint(a: linearCombination(constraint: i, matrix: .a),
                   b: linearCombination(constraint: i, matrix: .b),
                   c: linearCombination(constraint: i, matrix: .c))
    }

    /// Every constraint as a value (allocates; use `terms`/`lcRange` in hot loops).
    public var constraints: [Constraint] { (0..<constraintCount).map(constraint) }

    /// The role of a wire in circom order; nil when the wire does not exist. Wire 0 (the
    /// constant 1) is reported as nil too: it has no kind.
    public func kind(ofWire w: Int) -> WireKind? {
        guard w >= 1, w < nWires else { return nil }
        if w <= nPublicOutputs { return .publicOutput }
        if w <= nPublic { return .publicInput }
        if w <= nPublic + nPrivateInputs { return .privateInput }
        return .intermediate
    }

    /// The label id of a wire (the identity when there is no map); nil when the wire does not exist.
    public func label(ofWire w: Int) -> UInt64? {
        guard w >= 0, w < nWires else { return nil }
        if let m = wireToLabel { return m[w] }
        return UInt64(w)
    }

    /// Validating initialiser from value constraints; wires must be < nWires.
    public init(nPublicOutputs: Int, nPublicInputs: Int, nPrivateInputs: Int, nWires: Int,
                constraints: [Constraint], wireToLabel: [UInt64]? = nil, nLabels: UInt64? = nil) throws {
        var terms: [Term] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(3 * constraints.count + 1)
        for c in constraints {
            for m in Matrix.allCases {
                terms.append(contentsOf: c[m].terms)
                offsets.append(terms.count)
            }
        }
        try self.init(nPublicOutputs: nPublicOutputs, nPublicInputs: nPublicInputs,
                      nPrivateInputs: nPrivateInputs, nWires: nWires, terms: terms,
                      lcOffsets: offsets, wireToLabel: wireToLabel, nLabels: nLabels)
    }

    /// Validating initialiser from flat storage (see the type's documentation).
    public init(nPublicOutputs: Int, nPublicInputs: Int, nPrivateInputs: Int, nWires: Int,
                terms: [Term], lcOffsets: [Int], wireToLabel: [UInt64]? = nil, nLabels: UInt64? = nil,
                context: String = "<memory>") throws {
        try Self.validateCounts(nPublicOutputs: nPublicOutputs, nPublicInputs: nPublicInputs,
                                nPrivateInputs: nPrivateInputs, nWires: nWires, file: context)
        guard lcOffsets.count % 3 == 1, lcOffsets.first == 0, lcOffsets.last == terms.count else {
            throw R1CSError.invalidHeader(file: context, field: "lcOffsets",
                                          reason: "must hold 3·m + 1 offsets from 0 to terms.count")
        }
        for k in 0..<(lcOffsets.count - 1) {
            let lo = lcOffsets[k], hi = lcOffsets[k + 1]
            guard lo <= hi else {
                throw R1CSError.invalidHeader(file: context, field: "lcOffsets", reason: "offsets decrease at \(k)")
            }
            for t in lo..<hi {
                let w = terms[t].wire
                guard Int(w) < nWires else {
                    let where_ = "constraint \(k / 3) \(Matrix(rawValue: k % 3)?.name ?? "?") term \(t - lo)"
                    throw R1CSError.wireOutOfRange(file: context, location: where_, wire: UInt64(w), nWires: nWires)
                }
            }
        }
        let labels = nLabels ?? UInt64(nWires)
        if let map = wireToLabel {
            guard map.count == nWires else {
                throw R1CSError.invalidHeader(file: context, field: "wireToLabel",
                                              reason: "has \(map.count) entries, expected nWires = \(nWires)")
            }
            for (w, l) in map.enumerated() where l >= labels {
                throw R1CSError.labelOutOfRange(file: context, wire: w, label: l, nLabels: labels)
            }
        } else if labels < UInt64(nWires) {
            throw R1CSError.invalidHeader(file: context, field: "nLabels",
                                          reason: "\(labels) is less than nWires = \(nWires) with the identity label map")
        }
        self.init(unchecked: nPublicOutputs, nPublicInputs, nPrivateInputs, nWires, labels, terms, lcOffsets, wireToLabel)
    }

    /// No validation: for the file reader and the builder, which establish the invariants.
    init(unchecked nPublicOutputs: Int, _ nPublicInputs: Int, _ nPrivateInputs: Int, _ nWires: Int,
         _ nLabels: UInt64, _ terms: [Term], _ lcOffsets: [Int], _ wireToLabel: [UInt64]?) {
        self.nPublicOutputs = nPublicOutputs
        self.nPublicInputs = nPublicInputs
        self.nPrivateInputs = nPrivateInputs
        self.nWires = nWires
        self.nLabels = nLabels
        self.terms = terms
        self.lcOffsets = lcOffsets
        self.wireToLabel = wireToLabel
    }

    static func validateCounts(nPublicOutputs: Int, nPublicInputs: Int, nPrivateInputs: Int,
                               nWires: Int, file: String) throws {
        guard nWires >= 1 else {
            throw R1CSError.invalidHeader(file: file, field: "nWires", reason: "must be ≥ 1 (wire 0 is the constant 1)")
        }
        guard nWires <= Int(UInt32.max) else {
            throw R1CSError.tooLarge(what: "\(file): nWires", count: nWires, maximum: Int(UInt32.max))
        }
        guard nPublicOutputs >= 0, nPublicInputs >= 0, nPrivateInputs >= 0,
              1 + nPublicOutputs + nPublicInputs + nPrivateInputs <= nWires else {
            throw R1CSError.invalidHeader(
                file: file, field: "nPubOut/nPubIn/nPrvIn",
                reason: "1 + \(nPublicOutputs) + \(nPublicInputs) + \(nPrivateInputs) exceeds nWires = \(nWires)")
        }
    }

    // MARK: satisfaction

    /// The wire count and wire-0 checks that precede constraint evaluation.
    public func checkShape(_ witness: Witness) throws {
        guard witness.count == nWires else { throw R1CSError.witnessLength(expected: nWires, got: witness.count) }
        guard witness.values[0].isOne else { throw R1CSError.witnessWireZeroNotOne(value: witness.values[0].description) }
    }

    /// The index of the first constraint with ⟨A,w⟩·⟨B,w⟩ ≠ ⟨C,w⟩, or nil when all hold.
    /// Throws only for a witness of the wrong shape (`checkShape`). Cost: one multiplication per
    /// term plus one per constraint.
    public func firstUnsatisfied(_ witness: Witness) throws -> Int? {
        try checkShape(witness)
        let m = constraintCount
        return terms.withUnsafeBufferPointer { t in
            lcOffsets.withUnsafeBufferPointer { off in
                witness.values.withUnsafeBufferPointer { w in
                    for i in 0..<m {
                        let a = Self.eval(t, off[3 * i], off[3 * i + 1], w)
                        let b = Self.eval(t, off[3 * i + 1], off[3 * i + 2], w)
                        let c = Self.eval(t, off[3 * i + 2], off[3 * i + 3], w)
                        if a * b != c { return i }
                    }
                    return nil
                }
            }
        }
    }

    @inline(__always)
    static func eval(_ t: UnsafeBufferPointer<Term>, _ lo: Int, _ hi: Int, _ w: UnsafeBufferPointer<Fr>) -> Fr {
        var acc = Fr.zero
        var k = lo
        while k < hi {
            acc += t[k].coefficient * w[Int(t[k].wire)]   // wire < nWires == w.count (invariant + checkShape)
            k += 1
        }
        return acc
    }

    /// Throws `R1CSError.unsatisfied` for the first failing constraint (with its source label and
    /// the names of its wires when known), or a witness-shape error.
    /// - Parameters:
    ///   - constraintLabel: constraint index → source label (e.g. "settle.zkc:12:5").
    ///   - symbols: a `.sym` table naming wires.
    public func checkSatisfied(_ witness: Witness, constraintLabel: ((Int) -> String?)? = nil,
                               symbols: SymbolTable? = nil) throws {
        guard let i = try firstUnsatisfied(witness) else { return }
        let a = linearCombination(constraint: i, matrix: .a).evaluate(witness) ?? .zero
        let b = linearCombination(constraint: i, matrix: .b).evaluate(witness) ?? .zero
        let c = linearCombination(constraint: i, matrix: .c).evaluate(witness) ?? .zero
        var wireText: String? = nil
        if let symbols {
            var seen = Set<UInt32>()
            var parts: [String] = []
            for k in lcOffsets[3 * i] ..< lcOffsets[3 * i + 3] {
                let w = terms[k].wire
                guard w != 0, seen.insert(w).inserted else { continue }
                if parts.count == 8 { parts.append("…"); break }
                parts.append("w\(w)=\(symbols.name(ofWire: Int(w)) ?? "?")")
            }
            wireText = parts.joined(separator: ", ")
        }
        throw R1CSError.unsatisfied(index: i, label: constraintLabel?(i), a: a.description,
                                    b: b.description, c: c.description, wires: wireText)
    }

    /// `checkSatisfied` with a dictionary of constraint labels.
    public func checkSatisfied(_ witness: Witness, labels: [Int: String]?, symbols: SymbolTable? = nil) throws {
        try checkSatisfied(witness, constraintLabel: labels.map { d in { d[$0] } }, symbols: symbols)
    }

    /// Whether every constraint holds (and the witness has the right shape).
    public func isSatisfied(by witness: Witness) -> Bool {
        do { return try firstUnsatisfied(witness) == nil } catch { return false }
    }
}
