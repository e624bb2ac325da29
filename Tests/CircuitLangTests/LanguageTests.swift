import XCTest
import BN254
@testable import CircuitLang

final class LanguageTests: XCTestCase {
    func testSmokeEndToEnd() throws {
        let c = try compileSource("""
        // smoke
        const SCALE = 1000;
        fn sq(x: field) -> field { return x * x; }
        circuit Smoke {
            public input a: u64;
            input b: u64;
            input xs: field[3];
            let c = a * b;
            let lt = a < b;
            var acc = 0;
            for i in 0..3 { acc = acc + sq(xs[i]); }
            output prod: u128 = c;
            output less: bool = lt;
            output sum: field = acc;
            output m: u64 = if lt { a } else { b };
            output scaled: u80 = a * SCALE;
        }
        """)
        let ins: [String: InputValue] = ["a": num(7), "b": num(9), "xs": nums([1, 2, 3])]
        let w = try c.witness(ins)
        XCTAssertEqual(w[c.outputWire("prod")], fr(63))
        XCTAssertEqual(w[c.outputWire("less")], fr(1))
        XCTAssertEqual(w[c.outputWire("sum")], fr(14))
        XCTAssertEqual(w[c.outputWire("m")], fr(7))
        XCTAssertEqual(w[c.outputWire("scaled")], fr(7000))
        XCTAssertEqual(c.publicOutputCount, 5)
        XCTAssertEqual(c.publicInputCount, 1)
        XCTAssertEqual(c.privateInputCount, 4)
        let w2 = try c.witness(["a": num(10), "b": num(9), "xs": nums([0, 0, 5])])
        XCTAssertEqual(w2[c.outputWire("less")], fr(0))
        XCTAssertEqual(w2[c.outputWire("m")], fr(9))
        // Tampering with the comparison result breaks the constraints.
        var bad = w2
        bad[c.outputWire("less")] = fr(1)
        XCTAssertFalse(c.isSatisfied(bad))
        print(c.report)
    }
}

final class TypingTests: XCTestCase {
    /// A run-time choice between two constants is typed by their joint bound, not as a constant.
    func testSelectOfLiteralsIsBounded() throws {
        let c = try compileSource("""
        circuit T { input s: bool; let v = if s { 5 } else { 1000 }; output o: u10 = v; }
        """)
        XCTAssertEqual(try c.output("o", ["s": num(1)]), [fr(5)])
        XCTAssertEqual(try c.output("o", ["s": num(0)]), [fr(1000)])
        XCTAssertFalse(compileErrors("circuit T { input s: bool; let v = if s { 5 } else { 1000 }; output o: u9 = v; }").isEmpty)
    }

    func testBitsPackingGadgets() throws {
        let c = try compileSource("""
        import "std/bits.zkc";
        circuit B { input x: field; let b = num2bits<8>(x); output back: field = bits2num<8>(b);
          output pop: field = popcount<8>(x); output b3: bool = b[3]; }
        """)
        let w = try c.witness(["x": num(0b1010_1101)])
        XCTAssertEqual(w[c.outputWire("back")], fr(0b1010_1101))
        XCTAssertEqual(w[c.outputWire("pop")], fr(5))
        XCTAssertEqual(w[c.outputWire("b3")], fr(1))
        for o in ["back", "pop", "b3"] {
            var bad = w
            bad[c.outputWire(o)] += .one
            XCTAssertFalse(c.isSatisfied(bad), o)
        }
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["x": num(256)]))
    }

    func testHintsExplicitInverseAndBits() throws {
        let c = try compileSource("""
        circuit H {
            input x: field;
            input y: u16;
            let inv = hint 1 / x;
            assert x * inv == 1, "x must be non-zero";
            let bits: bool[4] = hint to_bits(y % 16, 4);
            assert field(from_bits(bits)) + 16 * field(y / 16) == field(y), "packing";
            output o: field = inv;
            output lo: u4 = from_bits(bits);
        }
        """)
        let w = try c.witness(["x": num(7), "y": num(0x1234)])
        XCTAssertEqual(w[c.outputWire("o")] * Fr(7), .one)
        XCTAssertEqual(w[c.outputWire("lo")], fr(4))
        var bad = w
        bad[c.outputWire("lo")] = fr(5)
        XCTAssertFalse(c.isSatisfied(bad))
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["x": num(0), "y": num(1)])) { e in
            XCTAssertTrue("\(e)".contains("x must be non-zero"), "\(e)")
        }
    }

    func testCompileTimeControlFlowAndFunctions() throws {
        let c = try compileSource("""
        const N = 4;
        fn pick<M>(xs: field[M], first: bool) -> field { if first { return xs[0]; } return xs[M - 1]; }
        fn fact(n: field) -> field { var acc: field = 1; for i in 1..6 { acc = acc * i; } return acc * n; }
        circuit C {
            input xs: field[N];
            var total: field = 0;
            for i in 0..N { if i % 2 == 0 { total += xs[i]; } else { total -= xs[i]; } }
            output t: field = total;
            output p: field = pick(xs, true) + pick<4>(xs, false);
            output f: field = fact(xs[1]);
            output g: field[2] = [xs[0] * 2, xs[3]];
        }
        """)
        let w = try c.witness(["xs": nums([10, 20, 30, 40])])
        XCTAssertEqual(w[c.outputWire("t")], fr(10 - 20 + 30 - 40))
        XCTAssertEqual(w[c.outputWire("p")], fr(50))
        XCTAssertEqual(w[c.outputWire("f")], fr(120 * 20))
        XCTAssertEqual(w[c.outputWire("g", 1)], fr(40))
        XCTAssertEqual(c.constraintCount, 5, "only the 5 output bindings (linear over input and output wires, which are never eliminated)")
    }
}
