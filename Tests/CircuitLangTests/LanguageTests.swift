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
