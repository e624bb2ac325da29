import XCTest
import BN254
@testable import CircuitLang

/// The optimiser preserves the set of satisfying witnesses projected on the wires it keeps
/// (public and input wires always among them), in both directions.
final class OptimizerTests: XCTestCase {
    let src = """
    import "std/poseidon.zkc";
    circuit O {
        public input a: u16;
        public input b: u16;
        input s: bool;
        input x: field;
        let m = if s { a } else { b };
        let q: u16 = a / 3;
        let lt = a < b;
        let h = poseidon([x, field(m)]);
        assert x != 0, "x must be non-zero";
        let y = x * x + 3 * x + 7;
        let z = y + 1;
        output o1: field = h + z;
        output o2: u16 = q;
        output o3: bool = lt && s;
    }
    """

    func sat(_ cons: [IRConstraint], _ v: [Fr]) -> Bool {
        cons.allSatisfy { $0.a.evaluate(v) * $0.b.evaluate(v) == $0.c.evaluate(v) }
    }

    func extend(_ c: CompiledCircuit, _ v: [Fr]) -> [Fr] {
        var e = v
        for (w, expr) in c.substitutions.reversed() { e[Int(w)] = expr.evaluate(e) }
        return e
    }

    func testOptimisationPreservesSatisfyingProjections() throws {
        let c = try compileSource(src)
        XCTAssertGreaterThan(c.optimizerStats.linearEliminated, 0)
        XCTAssertLessThan(c.finalConstraints.count, c.rawConstraints.count)
        // Public and input signals are never eliminated.
        let eliminated = Set(c.substitutions.map(\.0))
        for (i, k) in c.signalKinds.enumerated() where k == .publicInput || k == .privateInput || k == .publicOutput {
            XCTAssertFalse(eliminated.contains(Int32(i)))
        }
        var rng = SystemRandomNumberGenerator()
        var kept = Set<Int32>()
        for con in c.finalConstraints { for lc in [con.a, con.b, con.c] { for t in lc.terms { kept.insert(t.w) } } }
        let keptList = kept.sorted()
        var satisfiedSeen = 0, unsatisfiedSeen = 0
        for trial in 0..<60 {
            let ins: [String: InputValue] = ["a": num(Int.random(in: 0..<65536, using: &rng)), "b": num(Int.random(in: 0..<65536, using: &rng)),
                                             "s": num(Int.random(in: 0...1, using: &rng)), "x": num(Int.random(in: 1..<1_000_000, using: &rng))]
            let honest = try c.witnessProgram.run(ins)
            // Direction 1: a witness of the original system projects to one of the optimised system.
            XCTAssertTrue(sat(c.rawConstraints, honest))
            XCTAssertTrue(sat(c.finalConstraints, honest))
            // Direction 2 (and its converse): an assignment of the kept wires satisfies the optimised
            // system exactly when its extension through the recorded substitutions satisfies the original.
            var v = honest
            if trial % 3 != 0 {
                let w = Int(keptList[Int.random(in: 0..<keptList.count, using: &rng)])
                v[w] = v[w] + Fr.random(using: &rng)
            }
            let optOK = sat(c.finalConstraints, v)
            let rawOK = sat(c.rawConstraints, extend(c, v))
            XCTAssertEqual(optOK, rawOK, "trial \(trial)")
            if optOK { satisfiedSeen += 1 } else { unsatisfiedSeen += 1 }
            // Random values on every kept wire: essentially never satisfying, and both systems agree.
            var r = honest
            for w in keptList where w != 0 { r[Int(w)] = Fr.random(using: &rng) }
            XCTAssertEqual(sat(c.finalConstraints, r), sat(c.rawConstraints, extend(c, r)))
        }
        XCTAssertGreaterThan(satisfiedSeen, 10)
        XCTAssertGreaterThan(unsatisfiedSeen, 10)
    }

    func testUnoptimisedAndOptimisedAgreeOnOutputs() throws {
        let opt = try compileSource(src)
        let raw = try compileSource(src, optimize: false)
        XCTAssertEqual(raw.constraintCount, raw.rawConstraints.count)
        XCTAssertLessThan(opt.constraintCount, raw.constraintCount)
        for (a, b, s, x) in [(5, 9, 0, 3), (60000, 2, 1, 77), (0, 0, 1, 1)] {
            let ins: [String: InputValue] = ["a": num(a), "b": num(b), "s": num(s), "x": num(x)]
            let wo = try opt.witness(ins), wr = try raw.witness(ins)
            XCTAssertEqual(Array(wo[0...(opt.publicOutputCount + opt.publicInputCount)]), Array(wr[0...(raw.publicOutputCount + raw.publicInputCount)]))
        }
    }

    func testConstantFoldingAndDuplicates() throws {
        // Constant sub-expressions produce no constraints; a repeated product is computed once.
        let c = try compileSource("""
        circuit K { input x: field; let k = (3 * 4 + 1) * 2; let a = x * x; let b = x * x;
          assert a == b, "same"; output o: field = a * k + b; }
        """)
        XCTAssertEqual(c.constraintCount, 1)
        XCTAssertEqual(try c.output("o", ["x": num(3)]), [fr(9 * 26 + 9)])
        // A constraint on public wires only is kept, never eliminated.
        let p = try compileSource("circuit P { public input a: field; public input b: field; assert a == b + 1, \"link\"; }")
        XCTAssertEqual(p.constraintCount, 1)
        let w = try p.witness(["a": num(5), "b": num(4)])
        var bad = w; bad[2] += .one
        XCTAssertFalse(p.isSatisfied(bad))
    }
}
