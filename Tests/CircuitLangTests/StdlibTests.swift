import XCTest
import BN254
@testable import CircuitLang

/// Constraint-count bars (circom + circomlib figures) and soundness of every stdlib gadget:
/// the honest witness satisfies, a tampered one does not.
final class StdlibTests: XCTestCase {
    func testRangeCheck64Is64AndSound() throws {
        let c = try compileSource("""
        import "std/bits.zkc";
        circuit R { input x: field; let b = num2bits<64>(x); output top: bool = b[63]; }
        """)
        let c0 = try compileSource("""
        import "std/bits.zkc";
        circuit R { input x: field; let y = range_check_n<64>(x); }
        """)
        XCTAssertEqual(c0.constraintCount, 64)
        let w = try c.witness(["x": .number("18446744073709551615")])   // 2^64 − 1
        XCTAssertEqual(w[c.outputWire("top")], fr(1))
        // Out of range: the witness generator names the failing check …
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["x": .number("18446744073709551616")])) { e in
            XCTAssertTrue("\(e)".contains("out of range"), "\(e)")
        }
        // … and no witness passes: flipping any bit wire breaks the packing constraint.
        var bad = w
        bad[c.inputWire("x")] = Fr.pow2(64)       // 2^64 with the bits of 2^64 − 1 left in place
        XCTAssertFalse(c.isSatisfied(bad))
        for k in c.wireCount - 10..<c.wireCount {
            var t = w
            t[k] = t[k] + .one
            XCTAssertFalse(c.isSatisfied(t), "tampered wire \(k)")
        }
    }

    func testLessThan64Is65AndSound() throws {
        let c = try compileSource("""
        import "std/comparators.zkc";
        circuit L { input a: field; input b: field; output o: bool = less_than<64>(a, b); }
        """)
        XCTAssertEqual(c.constraintCount, 65)
        // Typed operator costs the same once the inputs are range-checked.
        let typed = try compileSource("circuit L { input a: field; input b: field; output o: bool = u64(a) < u64(b); }")
        XCTAssertEqual(typed.constraintCount, 64 + 64 + 65)
        for (a, b) in [(3, 5), (5, 3), (7, 7), (0, 0)] {
            let w = try c.witness(["a": num(a), "b": num(b)])
            XCTAssertEqual(w[c.outputWire("o")], fr(a < b ? 1 : 0))
            var bad = w
            bad[c.outputWire("o")] = fr(a < b ? 0 : 1)   // wrong comparison result
            XCTAssertFalse(c.isSatisfied(bad), "\(a) < \(b) with the wrong answer")
        }
        let le = try compileSource("""
        import "std/comparators.zkc";
        circuit L { input a: field; input b: field;
          output le: bool = less_eq<32>(a, b); output gt: bool = greater_than<32>(a, b);
          output ge: bool = greater_eq<32>(a, b); output eq: bool = is_equal(a, b); output z: bool = is_zero_f(a); }
        """)
        for (a, b) in [(3, 5), (5, 3), (7, 7), (0, 9)] {
            let w = try le.witness(["a": num(a), "b": num(b)])
            XCTAssertEqual(w[le.outputWire("le")], fr(a <= b ? 1 : 0))
            XCTAssertEqual(w[le.outputWire("gt")], fr(a > b ? 1 : 0))
            XCTAssertEqual(w[le.outputWire("ge")], fr(a >= b ? 1 : 0))
            XCTAssertEqual(w[le.outputWire("eq")], fr(a == b ? 1 : 0))
            XCTAssertEqual(w[le.outputWire("z")], fr(a == 0 ? 1 : 0))
            for o in ["le", "gt", "ge", "eq", "z"] {
                var bad = w
                bad[le.outputWire(o)] = .one - bad[le.outputWire(o)]
                XCTAssertFalse(le.isSatisfied(bad), "\(o) flipped for \(a), \(b)")
            }
        }
    }

    func testPoseidonCountsAndKAT() throws {
        for (n, bar) in [(2, 240), (5, 321)] {
            let c = try compileSource("""
            import "std/poseidon.zkc";
            circuit P { input x: field[\(n)]; output h: field = poseidon(x); }
            """)
            XCTAssertEqual(c.constraintCount, bar, "Poseidon(\(n))")
            let xs = (1...n).map { $0 }
            let w = try c.witness(["x": nums(xs)])
            XCTAssertEqual(w[c.outputWire("h")], try Poseidon.hash(xs.map { fr($0) }))
            var bad = w
            bad[c.outputWire("h")] += .one          // wrong hash output
            XCTAssertFalse(c.isSatisfied(bad))
        }
        // Every width against the native implementation (which the KAT file pins).
        for n in [1, 3, 4, 16] {
            let c = try compileSource("""
            import "std/poseidon.zkc";
            circuit P { input x: field[\(n)]; output h: field = poseidon(x); }
            """)
            let xs = (0..<n).map { 1000 + $0 }
            let w = try c.witness(["x": nums(xs)])
            XCTAssertEqual(w[c.outputWire("h")], try Poseidon.hash(xs.map { fr($0) }), "n=\(n)")
        }
    }

    func merkleFixture(depth: Int, index: Int) -> (leaf: Fr, siblings: [Fr], bits: [Int], root: Fr) {
        var cur = Fr(424242)
        let leaf = cur
        var sib: [Fr] = []
        var bits: [Int] = []
        for i in 0..<depth {
            let s = Fr(UInt64(7_000 + i * 13))
            let bit = (index >> i) & 1
            sib.append(s)
            bits.append(bit)
            cur = bit == 1 ? Poseidon.hash(s, cur) : Poseidon.hash(cur, s)
        }
        return (leaf, sib, bits, cur)
    }

    func testMerkleDepth16Is3872AndSound() throws {
        let c = try compileSource("""
        import "std/merkle.zkc";
        circuit M { public input root: field; input leaf: field; input siblings: field[16]; input bits: bool[16];
          merkle_verify(leaf, siblings, bits, root); }
        """)
        XCTAssertEqual(c.constraintCount, 3872)
        let f = merkleFixture(depth: 16, index: 0b1011_0010_0110_1001)
        let ins: [String: InputValue] = ["root": .number(f.root.description), "leaf": .number(f.leaf.description),
                                         "siblings": .array(f.siblings.map { .number($0.description) }), "bits": nums(f.bits)]
        let w = try c.witness(ins)
        var bad = w
        bad[c.inputWire("root")] += .one
        XCTAssertFalse(c.isSatisfied(bad), "wrong root")
        var badBit = w
        badBit[c.inputWire("bits", 3)] = .one - badBit[c.inputWire("bits", 3)]
        XCTAssertFalse(c.isSatisfied(badBit), "wrong path bit")
        // The witness generator reports the failing assert with its source line.
        var wrong = ins
        wrong["leaf"] = .number("1")
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: wrong)) { e in
            XCTAssertTrue("\(e)".contains("merkle.zkc") && "\(e)".contains("leaf is not in the tree"), "\(e)")
        }
    }

    func testMerkleUpdate() throws {
        let c = try compileSource("""
        import "std/merkle.zkc";
        circuit U { public input old_root: field; input old_leaf: field; input new_leaf: field;
          input siblings: field[4]; input index: u4;
          let bits = to_bits(index, 4);
          output new_root: field = merkle_update(old_leaf, new_leaf, siblings, bits, old_root); }
        """)
        let f = merkleFixture(depth: 4, index: 6)
        var cur = Fr(99)
        for i in 0..<4 { cur = f.bits[i] == 1 ? Poseidon.hash(f.siblings[i], cur) : Poseidon.hash(cur, f.siblings[i]) }
        let w = try c.witness(["old_root": .number(f.root.description), "old_leaf": .number(f.leaf.description), "new_leaf": num(99),
                               "siblings": .array(f.siblings.map { .number($0.description) }), "index": num(6)])
        XCTAssertEqual(w[c.outputWire("new_root")], cur)
        var bad = w
        bad[c.outputWire("new_root")] += .one
        XCTAssertFalse(c.isSatisfied(bad))
    }

    func testMuxMinMaxAbs() throws {
        let c = try compileSource("""
        import "std/mux.zkc";
        import "std/minmax.zkc";
        circuit X { input s: bool[2]; input xs: field[4]; input a: u32; input b: u32; input v: i32;
          output m: field = mux4(s, xs); output lo: field = min_n<32>(field(a), field(b));
          output hi: field = max_n<32>(field(a), field(b)); output ab: field = abs_n<32>(field(v));
          output neg: bool = is_negative_n<32>(field(v)); output sw: field[2] = cswap(s[0], field(a), field(b)); }
        """)
        for (s0, s1, a, b, v) in [(0, 0, 3, 9, -5), (1, 0, 9, 3, 5), (0, 1, 4, 4, 0), (1, 1, 0, 1, -2147483648)] {
            let w = try c.witness(["s": nums([s0, s1]), "xs": nums([10, 11, 12, 13]), "a": num(a), "b": num(b), "v": num(v)])
            XCTAssertEqual(w[c.outputWire("m")], fr(10 + s0 + 2 * s1))
            XCTAssertEqual(w[c.outputWire("lo")], fr(min(a, b)))
            XCTAssertEqual(w[c.outputWire("hi")], fr(max(a, b)))
            XCTAssertEqual(w[c.outputWire("ab")], fr(abs(v)))
            XCTAssertEqual(w[c.outputWire("neg")], fr(v < 0 ? 1 : 0))
            XCTAssertEqual(w[c.outputWire("sw", 0)], fr(s0 == 1 ? b : a))
            for o in ["m", "lo", "hi", "ab", "neg"] {
                var bad = w
                bad[c.outputWire(o)] += .one
                XCTAssertFalse(c.isSatisfied(bad), "\(o) tampered")
            }
        }
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["s": nums([0, 2]), "xs": nums([1, 2, 3, 4]), "a": num(1), "b": num(1), "v": num(0)])) { e in
            XCTAssertTrue("\(e)".contains("s[1]"), "\(e)")
        }
    }

    func testFixedPointRoundingAndOverflow() throws {
        let c = try compileSource("""
        import "std/fixed.zkc";
        circuit F { input a: i64; input b: i64; input d: u63;
          output m: i64 = fx_mul<100>(a, b); output r: i64 = fx_mul_round<100>(a, b); output q: i64 = fx_div<100>(a, d);
          output h: i64 = fx_mul_hinted<100>(a, b); }
        """)
        func floorDiv(_ x: Int, _ y: Int) -> Int { Int((Double(x) / Double(y)).rounded(.down)) }
        for (a, b, d) in [(150, 1, 3), (-150, 1, 3), (12345, -678, 7), (-1, 1, 1), (250, 150, 100), (-250, 150, 2)] {
            let w = try c.witness(["a": num(a), "b": num(b), "d": num(d)])
            XCTAssertEqual(w[c.outputWire("m")], fr(floorDiv(a * b, 100)), "fx_mul \(a) \(b)")
            XCTAssertEqual(w[c.outputWire("r")], fr(floorDiv(a * b + 50, 100)), "fx_mul_round \(a) \(b)")
            XCTAssertEqual(w[c.outputWire("q")], fr(floorDiv(a * 100, d)), "fx_div \(a) \(d)")
            XCTAssertEqual(w[c.outputWire("h")], w[c.outputWire("m")])
            for o in ["m", "r", "q", "h"] {
                var bad = w
                bad[c.outputWire(o)] += .one          // off by one in either direction is rejected
                XCTAssertFalse(c.isSatisfied(bad), "\(o) + 1")
                bad[c.outputWire(o)] -= Fr(2)
                XCTAssertFalse(c.isSatisfied(bad), "\(o) - 1")
            }
        }
        // Overflow cannot pass: a product beyond i64 after scaling is rejected at witness time …
        let big = ["a": InputValue.number("9223372036854775807"), "b": InputValue.number("9223372036854775807"), "d": num(1)]
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: big)) { e in
            XCTAssertTrue("\(e)".contains("out of range") || "\(e)".contains("fixed.zkc"), "\(e)")
        }
        // … and an out-of-range input is refused by name.
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["a": .number("9223372036854775808"), "b": num(1), "d": num(1)])) { e in
            XCTAssertTrue("\(e)".contains("'a'"), "\(e)")
        }
        // Division by zero is unsatisfiable (r < b fails) and reported.
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["a": num(1), "b": num(1), "d": num(0)]))
    }
}
