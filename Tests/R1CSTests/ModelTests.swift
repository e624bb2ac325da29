import XCTest
import Foundation
import BN254
@testable import R1CS

/// Stand-alone tests (no shared vectors): linear combinations against a dense reference, the
/// satisfaction check against a slow per-constraint reference, the builder's renumbering, and
/// write→read round trips of generated systems.
final class ModelTests: XCTestCase {
    // MARK: linear combinations vs. a dense reference

    static let width = 24

    func randomLC(_ rng: inout SplitMix64) -> (LinearCombination, [Fr]) {
        var dense = [Fr](repeating: .zero, count: Self.width)
        var raw: [Term] = []
        for _ in 0..<Int(rng.next() % 12) {
            let w = UInt32(rng.next() % UInt64(Self.width))
            // Small coefficients so that cancellations (zero sums) actually happen.
            let c = rng.next() % 3 == 0 ? -Fr(rng.next() % 3) : Fr(rng.next() % 3)
            raw.append(Term(wire: w, coefficient: c))
            dense[Int(w)] += c
        }
        return (LinearCombination(terms: raw), dense)
    }

    func dense(_ lc: LinearCombination) -> [Fr] {
        var d = [Fr](repeating: .zero, count: Self.width)
        for t in lc.terms { d[Int(t.wire)] += t.coefficient }
        return d
    }

    func testLinearCombinationOpsMatchDenseReference() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<500 {
            let (x, dx) = randomLC(&rng)
            let (y, dy) = randomLC(&rng)
            XCTAssertTrue(x.isNormalized)
            XCTAssertEqual(dense(x), dx)
            let k = Fr.random(using: &rng)
            let sum = x + y
            XCTAssertTrue(sum.isNormalized)
            XCTAssertEqual(dense(sum), zip(dx, dy).map { $0 + $1 })
            let diff = x - y
            XCTAssertTrue(diff.isNormalized)
            XCTAssertEqual(dense(diff), zip(dx, dy).map { $0 - $1 })
            XCTAssertEqual(dense(x.scaled(by: k)), dx.map { $0 * k })
            XCTAssertTrue(x.scaled(by: .zero).isEmpty)
            XCTAssertEqual(dense(x.adding(y, times: k)), zip(dx, dy).map { $0 + $1 * k })
            XCTAssertTrue((x - x).isEmpty, "x − x must cancel to the empty combination")
            var z = x
            let w = UInt32(rng.next() % UInt64(Self.width))
            let c = Fr(rng.next() % 3)
            z.addTerm(wire: w, coefficient: c)
            var dz = dx; dz[Int(w)] += c
            XCTAssertTrue(z.isNormalized)
            XCTAssertEqual(dense(z), dz)
            for wire in 0..<Self.width { XCTAssertEqual(x.coefficient(of: UInt32(wire)), dx[wire]) }
            // Evaluation against a random assignment equals the dense dot product.
            let values = (0..<Self.width).map { _ in Fr.random(using: &rng) }
            var dot = Fr.zero
            for i in 0..<Self.width { dot += dx[i] * values[i] }
            XCTAssertEqual(x.evaluate(values), dot)
        }
    }

    func testEvaluateOutOfRangeIsNil() {
        let lc = LinearCombination(wire: 5)
        XCTAssertNil(lc.evaluate([Fr.one, Fr.one]))
        XCTAssertEqual(LinearCombination.constant(Fr(7)).evaluate([Fr.one]), Fr(7))
        XCTAssertTrue(LinearCombination(wire: 3, coefficient: .zero).isEmpty)
    }

    // MARK: the fixture, checked by hand

    func testMultiplicationChainByHand() throws {
        // x0 = 3; x1 = 3·(3+1) = 12; out = x2 = 12·(12+2) = 168.
        let (cs, w) = R1CSFixtures.multiplicationChain(constraints: 2, input: Fr(3))
        XCTAssertEqual(cs.nWires, 4)
        XCTAssertEqual(cs.nPublicOutputs, 1); XCTAssertEqual(cs.nPublicInputs, 0); XCTAssertEqual(cs.nPrivateInputs, 1)
        XCTAssertEqual(cs.constraintCount, 2)
        XCTAssertEqual(w.values, [Fr(1), Fr(168), Fr(3), Fr(12)])
        XCTAssertEqual(w.publicSignals(of: cs), [Fr(168)])
        XCTAssertNil(try cs.firstUnsatisfied(w))
        XCTAssertEqual(cs.constraint(1), Constraint(a: LinearCombination(wire: 3),
                                                    b: LinearCombination(terms: [Term(wire: 0, coefficient: Fr(2)), Term(wire: 3, coefficient: .one)]),
                                                    c: LinearCombination(wire: 1)))
        // The validating initialiser accepts what the fixture built without checks.
        let again = try ConstraintSystem(nPublicOutputs: 1, nPublicInputs: 0, nPrivateInputs: 1, nWires: 4,
                                         constraints: cs.constraints)
        XCTAssertEqual(again, cs)
    }

    // MARK: satisfaction

    /// Slow reference: evaluates each constraint through `LinearCombination.evaluate`.
    func referenceFirstFailure(_ cs: ConstraintSystem, _ w: Witness) -> Int? {
        for (i, c) in cs.constraints.enumerated() {
            guard let a = c.a.evaluate(w), let b = c.b.evaluate(w), let cc = c.c.evaluate(w) else { return i }
            if a * b != cc { return i }
        }
        return nil
    }

    func testSatisfactionReportsFirstFailingConstraint() throws {
        let n = 40
        let (cs, w) = R1CSFixtures.multiplicationChain(constraints: n)
        XCTAssertTrue(cs.isSatisfied(by: w))
        var rng = SplitMix64(seed: 7)
        for wire in 1..<cs.nWires {
            var bad = w
            bad[wire] += Fr(1 + rng.next() % 1000)
            let got = try cs.firstUnsatisfied(bad)
            XCTAssertEqual(got, referenceFirstFailure(cs, bad))
            // In the chain, wire 1 (out) is produced by the last constraint, wire 2 (x0) is first
            // read by constraint 0, and x_j (wire 2 + j) is produced by constraint j − 1.
            let expected = wire == 1 ? n - 1 : (wire == 2 ? 0 : wire - 3)
            XCTAssertEqual(got, expected, "tampering wire \(wire)")
            XCTAssertFalse(cs.isSatisfied(by: bad))
            XCTAssertThrowsError(try cs.checkSatisfied(bad)) { e in
                guard case let R1CSError.unsatisfied(index, _, _, _, _, _)? = e as? R1CSError else {
                    return XCTFail("unexpected \(e)")
                }
                XCTAssertEqual(index, expected)
            }
        }
    }

    func testWitnessShapeErrors() {
        let (cs, w) = R1CSFixtures.multiplicationChain(constraints: 3)
        var short = w; short.values.removeLast()
        XCTAssertThrowsError(try cs.firstUnsatisfied(short)) {
            XCTAssertEqual($0 as? R1CSError, .witnessLength(expected: cs.nWires, got: cs.nWires - 1))
        }
        var zero = w; zero[0] = Fr(2)
        XCTAssertThrowsError(try cs.checkSatisfied(zero)) {
            XCTAssertEqual($0 as? R1CSError, .witnessWireZeroNotOne(value: "2"))
        }
        XCTAssertFalse(cs.isSatisfied(by: zero))
    }

    func testFailureMessageNamesLabelAndWires() throws {
        let (cs, w) = R1CSFixtures.multiplicationChain(constraints: 4)
        var bad = w
        bad[4] = Fr(99)                      // x2 (wire 4): produced by constraint 1
        let symbols = SymbolTable(entries: [Symbol(labelId: 4, wireId: 4, componentId: 0, name: "main.x2"),
                                            Symbol(labelId: 3, wireId: 3, componentId: 0, name: "main.x1")])
        XCTAssertThrowsError(try cs.checkSatisfied(bad, labels: [1: "chain.zkc:3:5"], symbols: symbols)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("constraint 1"), text)
            XCTAssertTrue(text.contains("chain.zkc:3:5"), text)
            XCTAssertTrue(text.contains("main.x2") && text.contains("main.x1"), text)
        }
    }

    // MARK: validation of directly built systems

    func testValidatingInitialiserRejectsBadSystems() throws {
        let lc = { (w: UInt32) in LinearCombination(wire: w) }
        XCTAssertThrowsError(try ConstraintSystem(nPublicOutputs: 1, nPublicInputs: 0, nPrivateInputs: 0, nWires: 2,
                                                  constraints: [Constraint(a: lc(2), b: lc(0), c: lc(1))])) {
            guard case .wireOutOfRange? = $0 as? R1CSError else { return XCTFail("\($0)") }
        }
        let unsorted = LinearCombination(sortedTerms: [Term(wire: 1, coefficient: .one), Term(wire: 0, coefficient: .one)])
        // Unsorted terms are kept as given (circom writes some); the accessor normalises them.
        let kept = try ConstraintSystem(nPublicOutputs: 1, nPublicInputs: 0, nPrivateInputs: 0, nWires: 2,
                                        constraints: [Constraint(a: unsorted, b: lc(0), c: lc(1))])
        XCTAssertEqual(kept.terms.map(\.wire), [1, 0, 0, 1])
        XCTAssertEqual(kept.linearCombination(constraint: 0, matrix: .a).wires, [0, 1])
        // (w1 + 1)·1 = w1 never holds: the fast check and the reference agree.
        XCTAssertEqual(try kept.firstUnsatisfied(Witness(values: [.one, Fr(5)])), 0)
        XCTAssertEqual(kept.linearCombination(constraint: 0, matrix: .a).evaluate([.one, Fr(5)]), Fr(6))

        XCTAssertThrowsError(try ConstraintSystem(nPublicOutputs: 2, nPublicInputs: 1, nPrivateInputs: 0, nWires: 3, constraints: [])) {
            guard case .invalidHeader? = $0 as? R1CSError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try ConstraintSystem(nPublicOutputs: 0, nPublicInputs: 0, nPrivateInputs: 0, nWires: 0, constraints: [])) {
            guard case .invalidHeader? = $0 as? R1CSError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try ConstraintSystem(nPublicOutputs: 0, nPublicInputs: 0, nPrivateInputs: 0, nWires: 2,
                                                  constraints: [], wireToLabel: [0, 5], nLabels: 3)) {
            guard case .labelOutOfRange? = $0 as? R1CSError else { return XCTFail("\($0)") }
        }
    }

    // MARK: builder

    /// Builds the multiplication chain with wires created in a scrambled order (intermediates
    /// first, output in the middle, input last); `build()` must renumber it into exactly the
    /// fixture's circom-ordered system.
    func testBuilderRenumbersIntoCircomOrder() throws {
        let n = 25
        let (expected, expectedWitness) = R1CSFixtures.multiplicationChain(constraints: n, input: Fr(5))
        var b = ConstraintSystemBuilder()
        var x = [UInt32](repeating: 0, count: n + 1)
        for i in 1..<n { x[i] = b.newWire(kind: .intermediate, name: "x\(i)") }
        x[n] = b.newWire(kind: .publicOutput, name: "out")
        x[0] = b.newWire(kind: .privateInput, name: "x0")
        var values = [Fr](repeating: .zero, count: b.wireCount)
        values[0] = .one
        values[Int(x[0])] = Fr(5)
        for i in 0..<n {
            let k = Fr(UInt64(i + 1))
            try b.addConstraint(LinearCombination(wire: x[i]),
                                LinearCombination(wire: x[i]) + LinearCombination.constant(k),
                                LinearCombination(wire: x[i + 1]), label: "chain:\(i % 3)")
            values[Int(x[i + 1])] = values[Int(x[i])] * (values[Int(x[i])] + k)
        }
        let built = try b.build()
        let cs = built.system
        XCTAssertEqual(cs.nWires, expected.nWires)
        XCTAssertEqual(cs.nPublicOutputs, 1); XCTAssertEqual(cs.nPublicInputs, 0); XCTAssertEqual(cs.nPrivateInputs, 1)
        XCTAssertEqual(cs.terms, expected.terms)
        XCTAssertEqual(cs.lcOffsets, expected.lcOffsets)
        // Labels are the builder ids: label(wire) inverts wireIndex.
        for (id, w) in built.wireIndex.enumerated() { XCTAssertEqual(cs.label(ofWire: Int(w)), UInt64(id)) }
        XCTAssertEqual(built.wireIndex[Int(x[n])], 1)
        XCTAssertEqual(built.wireIndex[Int(x[0])], 2)
        let w = try built.witness(fromBuilderValues: values)
        XCTAssertEqual(w, expectedWitness)
        XCTAssertNoThrow(try built.checkSatisfied(w))
        XCTAssertEqual(built.symbols.name(ofWire: 1), "out")
        XCTAssertEqual(built.symbols.name(ofWire: 2), "x0")
        XCTAssertEqual(built.constraintLabels[4], "chain:1")
        XCTAssertEqual(built.constraintLabels.strings.count, 3)
        // Tampering reports the right constraint with its label and the wire's name.
        var bad = w
        bad[Int(built.wireIndex[Int(x[7])])] += .one
        XCTAssertThrowsError(try built.checkSatisfied(bad)) { e in
            guard case let R1CSError.unsatisfied(index, label, _, _, _, wires)? = e as? R1CSError else { return XCTFail("\(e)") }
            XCTAssertEqual(index, 6)
            XCTAssertEqual(label, "chain:0")
            XCTAssertTrue(wires?.contains("x7") ?? false, "\(String(describing: wires))")
        }
        // The system survives the file format.
        XCTAssertEqual(try R1CSFile.decode(R1CSFile.encode(cs)), cs)
    }

    /// Long combinations whose order the renumbering reverses take the general sort path.
    func testBuilderSortsLongCombinations() throws {
        var b = ConstraintSystemBuilder()
        let priv = (0..<40).map { b.newWire(kind: .privateInput, name: "p\($0)") }
        let pubs = (0..<40).map { b.newWire(kind: .publicInput, name: "q\($0)") }
        let out = b.newWire(kind: .publicOutput)
        var sum = LinearCombination()
        for (i, (p, q)) in zip(priv, pubs).enumerated() {
            sum.addTerm(wire: p, coefficient: Fr(UInt64(i + 1)))
            sum.addTerm(wire: q, coefficient: Fr(UInt64(i + 100)))
        }
        try b.addConstraint(sum, LinearCombination.constant(.one), LinearCombination(wire: out))
        try b.addConstraint(LinearCombination(wire: priv[3]) + LinearCombination(wire: pubs[2]),
                            LinearCombination(wire: out), LinearCombination.constant(Fr(4)))
        let built = try b.build()
        let cs = built.system
        XCTAssertEqual(cs.nPublicOutputs, 1); XCTAssertEqual(cs.nPublicInputs, 40); XCTAssertEqual(cs.nPrivateInputs, 40)
        // Each builder wire lands in a slot of its own kind.
        for id in 1..<b.wireCount { XCTAssertEqual(cs.kind(ofWire: Int(built.wireIndex[id])), b.kinds[id]) }
        XCTAssertNil(cs.kind(ofWire: 0)); XCTAssertNil(cs.kind(ofWire: cs.nWires))
        for k in 0..<(cs.lcOffsets.count - 1) {
            let r = cs.lcOffsets[k]..<cs.lcOffsets[k + 1]
            XCTAssertTrue(LinearCombination(sortedTerms: Array(cs.terms[r])).isNormalized)
        }
        // Public inputs now precede private inputs: the first term of A is q0 at wire 2.
        XCTAssertEqual(cs.terms[0].wire, 2)
        XCTAssertEqual(cs.terms[0].coefficient, Fr(100))
        // Same values under both numberings.
        var rng = SplitMix64(seed: 3)
        let values = (0..<b.wireCount).map { $0 == 0 ? Fr.one : Fr.random(using: &rng) }
        let w = try built.witness(fromBuilderValues: values)
        XCTAssertEqual(cs.linearCombination(constraint: 0, matrix: .a).evaluate(w), sum.evaluate(values))
        XCTAssertEqual(try R1CSFile.decode(R1CSFile.encode(cs)), cs)
    }

    func testBuilderRejectsUnknownWires() {
        var b = ConstraintSystemBuilder()
        let x = b.newWire(kind: .privateInput)
        XCTAssertThrowsError(try b.addConstraint(LinearCombination(wire: x), LinearCombination(wire: x + 1), .init())) {
            guard case let .unknownWire(wire, count, _)? = $0 as? R1CSError else { return XCTFail("\($0)") }
            XCTAssertEqual(wire, x + 1); XCTAssertEqual(count, 2)
        }
        XCTAssertEqual(b.constraintCount, 0, "a rejected constraint must not be half-added")
        XCTAssertThrowsError(try b.setName("nope", ofWire: 9))
        XCTAssertThrowsError(try b.build().witness(fromBuilderValues: [.one]))
    }

    // MARK: generated round trips

    func testGeneratedRoundTrips() throws {
        for n in [1, 2, 17, 300] {
            let (cs, w) = R1CSFixtures.multiplicationChain(constraints: n, input: Fr(UInt64(n)))
            let bytes = R1CSFile.encode(cs)
            let back = try R1CSFile.decode(bytes)
            XCTAssertEqual(back, cs)
            XCTAssertEqual(R1CSFile.encode(back), bytes)
            let wb = WtnsFile.encode(w)
            XCTAssertEqual(try WtnsFile.decode(wb), w)
            XCTAssertEqual(WtnsFile.encode(try WtnsFile.decode(wb)), wb)
            XCTAssertTrue(back.isSatisfied(by: try WtnsFile.decode(wb)))
        }
        // Through the file system, and with a non-identity label map and zero-term combinations.
        let cs = try ConstraintSystem(nPublicOutputs: 1, nPublicInputs: 1, nPrivateInputs: 0, nWires: 3,
                                      constraints: [Constraint(a: .init(), b: .init(), c: .init()),
                                                    Constraint(a: LinearCombination(wire: 2, coefficient: -Fr.one), b: .constant(Fr(2)), c: LinearCombination(wire: 1))],
                                      wireToLabel: [0, 9, 4], nLabels: 10)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r1cs-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = dir.appendingPathComponent("x.r1cs").path
        try R1CSFile.write(cs, to: p)
        XCTAssertEqual(try R1CSFile.read(path: p), cs)
        XCTAssertThrowsError(try R1CSFile.read(path: dir.appendingPathComponent("missing.r1cs").path)) {
            guard case .io? = $0 as? R1CSError else { return XCTFail("\($0)") }
        }
        let sym = SymbolTable(entries: [Symbol(labelId: 9, wireId: 1, componentId: 0, name: "main.out"),
                                        Symbol(labelId: 4, wireId: 2, componentId: 3, name: "main.sub.x[0],odd"),
                                        Symbol(labelId: 7, wireId: -1, componentId: 3, name: "main.gone")])
        let sp = dir.appendingPathComponent("x.sym").path
        try SymFile.write(sym, to: sp)
        XCTAssertEqual(try SymFile.read(path: sp), sym)
        XCTAssertNoThrow(try sym.validate(against: cs))
        for bad in [Symbol(labelId: -1, wireId: 1, componentId: 0, name: "neg"), Symbol(labelId: 1, wireId: 3, componentId: 0, name: "big"),
                    Symbol(labelId: 10, wireId: 1, componentId: 0, name: "label"), Symbol(labelId: 1, wireId: -2, componentId: 0, name: "w")] {
            XCTAssertThrowsError(try SymbolTable(entries: [bad]).validate(against: cs), bad.name)
        }
    }
}
