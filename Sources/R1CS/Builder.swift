import BN254

/// The role of a wire; decides where it lands in circom's order.
public enum WireKind: UInt8, Sendable, CaseIterable {
    case publicOutput = 0, publicInput = 1, privateInput = 2, intermediate = 3
}

/// Constraint index → source label, stored as one small id per constraint plus a table of the
/// distinct strings (a compiler has few distinct source positions, 10⁶ constraints).
public struct ConstraintLabels: Sendable, Equatable {
    /// Per constraint: an index into `strings`, or −1 for none.
    public private(set) var ids: [Int32]
    public private(set) var strings: [String]

    public init() { ids = []; strings = [] }
    public init(_ dictionary: [Int: String], constraintCount: Int) {
        var index: [String: Int32] = [:]
        var s: [String] = []
        var ids = [Int32](repeating: -1, count: constraintCount)
        for (i, label) in dictionary where i >= 0 && i < constraintCount {
            if let id = index[label] { ids[i] = id } else {
                let id = Int32(truncatingIfNeeded: s.count)
                index[label] = id; s.append(label); ids[i] = id
            }
        }
        self.ids = ids; strings = s
    }
    init(ids: [Int32], strings: [String]) { self.ids = ids; self.strings = strings }

    public subscript(constraint: Int) -> String? {
        guard constraint >= 0, constraint < ids.count else { return nil }
        let id = Int(ids[constraint])
        return id >= 0 && id < strings.count ? strings[id] : nil
    }
    public var dictionary: [Int: String] {
        var d: [Int: String] = [:]
        for i in ids.indices { if let s = self[i] { d[i] = s } }
        return d
    }
}

/// What `ConstraintSystemBuilder.build()` produces.
public struct BuiltConstraintSystem: Sendable {
    /// The system in circom wire order.
    public let system: ConstraintSystem
    /// builder wire id → circom wire index (entry 0 is 0).
    public let wireIndex: [UInt32]
    /// Named wires as a `.sym` table: labelId = builder id, wireId = circom index, component 0.
    public let symbols: SymbolTable
    /// Source labels of the constraints (same indices as the system's constraints).
    public let constraintLabels: ConstraintLabels

    /// Reorders values indexed by builder wire id into a circom-ordered witness.
    public func witness(fromBuilderValues values: [Fr]) throws -> Witness {
        guard values.count == wireIndex.count else {
            throw R1CSError.witnessLength(expected: wireIndex.count, got: values.count)
        }
        var out = [Fr](repeating: .zero, count: values.count)
        for (id, w) in wireIndex.enumerated() { out[Int(w)] = values[id] }
        return Witness(values: out)
    }

    /// `system.checkSatisfied` with this build's labels and names.
    public func checkSatisfied(_ witness: Witness) throws {
        try system.checkSatisfied(witness, constraintLabel: { constraintLabels[$0] }, symbols: symbols)
    }
}

/// Incremental construction of a constraint system, the target the circuit compiler lowers to.
///
/// Wires are created in any order with a `WireKind`; builder id 0 is the constant 1
/// (`ConstraintSystemBuilder.one`). Constraints are appended into flat storage (no per-term or
/// per-constraint allocation beyond the caller's `LinearCombination`s). `build()` renumbers the
/// wires into circom order — constant, public outputs, public inputs, private inputs, intermediates,
/// each group in creation order — re-sorts each combination, and records the builder id as the
/// wire's label (the original-signal id, as circom does).
public struct ConstraintSystemBuilder: Sendable {
    /// The constant-1 wire.
    public static let one: UInt32 = 0

    public private(set) var kinds: [WireKind] = [.intermediate]     // entry 0: the constant (placed first)
    private var names: [(id: UInt32, name: String)] = [(0, "one")]
    private var terms: [Term] = []
    private var lcOffsets: [Int] = [0]
    private var labelIds: [Int32] = []
    private var labelStrings: [String] = []
    private var labelIndex: [String: Int32] = [:]

    public init() {}

    public var wireCount: Int { kinds.count }
    public var constraintCount: Int { labelIds.count }

    /// Reserves storage for about this many constraints and terms.
    public mutating func reserveCapacity(constraints: Int, terms t: Int) {
        lcOffsets.reserveCapacity(3 * constraints + 1)
        labelIds.reserveCapacity(constraints)
        terms.reserveCapacity(t)
    }

    /// Creates a wire and returns its builder id.
    public mutating func newWire(kind: WireKind, name: String? = nil) -> UInt32 {
        let id = UInt32(truncatingIfNeeded: kinds.count)   // build() rejects > UInt32.max wires
        kinds.append(kind)
        if let name { names.append((id, name)) }
        return id
    }

    /// Names a wire after creation (for `.sym`).
    public mutating func setName(_ name: String, ofWire id: UInt32) throws {
        guard Int(id) < kinds.count else {
            throw R1CSError.unknownWire(wire: id, wireCount: kinds.count, context: "setName(\(name))")
        }
        names.append((id, name))
    }

    /// Appends A·B = C. Throws if a combination names a wire this builder never created.
    public mutating func addConstraint(_ a: LinearCombination, _ b: LinearCombination, _ c: LinearCombination,
                                       label: String? = nil) throws {
        for (lc, m) in [(a, Matrix.a), (b, .b), (c, .c)] {
            // Terms are sorted, so the last one carries the largest wire.
            if let last = lc.terms.last, Int(last.wire) >= kinds.count {
                throw R1CSError.unknownWire(wire: last.wire, wireCount: kinds.count,
                                            context: "constraint \(constraintCount) \(m.name)\(label.map { " (\($0))" } ?? "")")
            }
        }
        terms.append(contentsOf: a.terms); lcOffsets.append(terms.count)
        terms.append(contentsOf: b.terms); lcOffsets.append(terms.count)
        terms.append(contentsOf: c.terms); lcOffsets.append(terms.count)
        if let label {
            if let id = labelIndex[label] { labelIds.append(id) } else {
                let id = Int32(truncatingIfNeeded: labelStrings.count)
                labelIndex[label] = id; labelStrings.append(label); labelIds.append(id)
            }
        } else {
            labelIds.append(-1)
        }
    }

    /// Appends A·B = C given as value constraint.
    public mutating func addConstraint(_ c: Constraint, label: String? = nil) throws {
        try addConstraint(c.a, c.b, c.c, label: label)
    }

    /// Renumbers into circom order and returns the finished system. O(terms), plus a sort of any
    /// combination whose order the renumbering changed.
    public func build() throws -> BuiltConstraintSystem {
        let n = kinds.count
        guard n <= Int(UInt32.max) else { throw R1CSError.tooLarge(what: "wires", count: n, maximum: Int(UInt32.max)) }
        var counts = [0, 0, 0, 0]
        for id in 1..<max(n, 1) { counts[Int(kinds[id].rawValue)] += 1 }
        var next = [1, 1 + counts[0], 1 + counts[0] + counts[1], 1 + counts[0] + counts[1] + counts[2]]
        var map = [UInt32](repeating: 0, count: n)
        var identity = true
        for id in 1..<max(n, 1) {
            let k = Int(kinds[id].rawValue)
            map[id] = UInt32(truncatingIfNeeded: next[k])
            next[k] += 1
            if Int(map[id]) != id { identity = false }
        }
        var out = terms
        if !identity {
            out.withUnsafeMutableBufferPointer { t in
                map.withUnsafeBufferPointer { mp in
                    for k in 0..<t.count { t[k].wire = mp[Int(t[k].wire)] }
                    // Restore the sorted-by-wire invariant per combination.
                    for j in 0..<(lcOffsets.count - 1) {
                        let lo = lcOffsets[j], hi = lcOffsets[j + 1]
                        var sorted = true
                        var k = lo + 1
                        while k < hi { if t[k - 1].wire > t[k].wire { sorted = false; break }; k += 1 }
                        if sorted { continue }
                        if hi - lo <= 16 {
                            for x in (lo + 1)..<hi {            // insertion sort: short combinations
                                let v = t[x]
                                var y = x - 1
                                while y >= lo, t[y].wire > v.wire { t[y + 1] = t[y]; y -= 1 }
                                t[y + 1] = v
                            }
                        } else {
                            var slice = UnsafeMutableBufferPointer(rebasing: t[lo..<hi])
                            slice.sort { $0.wire < $1.wire }
                        }
                    }
                }
            }
        }
        var wireToLabel: [UInt64]? = nil
        if !identity {
            var inv = [UInt64](repeating: 0, count: n)
            for id in 0..<n { inv[Int(map[id])] = UInt64(id) }
            wireToLabel = inv
        }
        let system = ConstraintSystem(unchecked: counts[0], counts[1], counts[2], n, UInt64(n), out, lcOffsets, wireToLabel)
        let symbols = SymbolTable(entries: names.map {
            Symbol(labelId: Int64($0.id), wireId: Int64(map[Int($0.id)]), componentId: 0, name: $0.name)
        })
        return BuiltConstraintSystem(system: system, wireIndex: map, symbols: symbols,
                                     constraintLabels: ConstraintLabels(ids: labelIds, strings: labelStrings))
    }
}
