import XCTest
import BN254
import R1CS
@testable import CircuitLang

final class WitnessTests: XCTestCase {
    let src = """
    circuit W {
        public input price: u64;
        input qty: u32;
        input limit: u64;
        let notional = price * qty;
        assert notional <= limit, "notional above the limit";
        output n: u96 = notional;
    }
    """

    func testInputErrorsNameTheInput() throws {
        let c = try compileSource(src)
        let ok: [String: InputValue] = ["price": num(10), "qty": num(3), "limit": num(100)]
        XCTAssertEqual(try c.output("n", ok), [fr(30)])
        var missing = ok; missing["qty"] = nil
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: missing)) { XCTAssertTrue("\($0)".contains("'qty' is missing"), "\($0)") }
        var extra = ok; extra["bogus"] = num(1)
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: extra)) { XCTAssertTrue("\($0)".contains("'bogus'"), "\($0)") }
        var range = ok; range["qty"] = .number("4294967296")
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: range)) { XCTAssertTrue("\($0)".contains("'qty'") && "\($0)".contains("u32"), "\($0)") }
        var neg = ok; neg["price"] = num(-1)
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: neg)) { XCTAssertTrue("\($0)".contains("'price'"), "\($0)") }
        var shape = ok; shape["price"] = nums([1, 2])
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: shape)) { XCTAssertTrue("\($0)".contains("shape"), "\($0)") }
        var junk = ok; junk["price"] = .number("12abc")
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: junk))
    }

    func testFailedAssertReportsSourceLine() throws {
        let c = try compileSource(src)
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["price": num(10), "qty": num(30), "limit": num(100)])) { e in
            let s = "\(e)"
            XCTAssertTrue(s.contains("test_inline.zkc:6:") && s.contains("notional above the limit"), s)
        }
    }

    func testZkwRoundTripAndCorruption() throws {
        let c = try compileSource(src)
        let bytes = c.witnessProgram.serialized()
        let back = try WitnessProgram(serialized: bytes)
        let ins: [String: InputValue] = ["price": num(12), "qty": num(7), "limit": num(1000)]
        XCTAssertEqual(try back.evaluate(inputs: ins), try c.witnessProgram.evaluate(inputs: ins))
        XCTAssertEqual(back.serialized(), bytes)
        // Truncations and bad magic are rejected, never trapped on.
        for cut in [0, 3, 12, bytes.count / 2, bytes.count - 1] {
            XCTAssertThrowsError(try WitnessProgram(serialized: Array(bytes.prefix(cut))), "cut at \(cut)")
        }
        var bad = bytes; bad[0] = 0x41
        XCTAssertThrowsError(try WitnessProgram(serialized: bad))
        XCTAssertThrowsError(try WitnessProgram(serialized: bytes + [0]))
        // Random byte flips: either rejected or still a well-formed program (never a crash).
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var m = bytes
            let i = Int.random(in: 12..<m.count, using: &rng)
            m[i] ^= UInt8.random(in: 1...255, using: &rng)
            if let p = try? WitnessProgram(serialized: m) { _ = try? p.evaluate(inputs: ins) }
        }
    }

    func testWritesCircomFiles() throws {
        let c = try compileSource(src)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zkc-out-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("w").path
        try c.write(toBase: base)
        let sys = try R1CSFile.read(path: base + ".r1cs")
        XCTAssertEqual(sys, c.constraintSystem)
        XCTAssertEqual(sys.nPublicOutputs, 1)
        XCTAssertEqual(sys.nPublicInputs, 1)
        XCTAssertEqual(sys.nPrivateInputs, 2)
        let prog = try WitnessProgram.read(path: base + ".zkw")
        let w = Witness(values: try prog.evaluate(inputs: ["price": num(5), "qty": num(5), "limit": num(25)]))
        XCTAssertNil(try sys.firstUnsatisfied(w))
        try WtnsFile.write(w, to: base + ".wtns")
        XCTAssertEqual(try WtnsFile.read(path: base + ".wtns"), w)
        let syms = try SymFile.read(path: base + ".sym")
        XCTAssertEqual(syms.wire(named: "main.price"), 2)
        XCTAssertEqual(syms.wire(named: "main.n"), 1)
        XCTAssertNoThrow(try syms.validate(against: sys))
        // JSON inputs (snarkjs style: strings or numbers).
        let json = dir.appendingPathComponent("input.json")
        try #"{"price": "5", "qty": 5, "limit": "25"}"#.write(to: json, atomically: true, encoding: .utf8)
        XCTAssertEqual(try prog.evaluate(inputJSONPath: json.path), w.values)
    }

    /// Signed arithmetic: negatives are r − |x|; overflow is caught at witness time and cannot
    /// be forced through the constraints.
    func testSignedOverflowCannotPass() throws {
        let c = try compileSource("""
        circuit S { input a: i64; input b: i64; output d: i64 = i64(a - b); output p: i128 = a * b; }
        """)
        let w = try c.witness(["a": num(-5), "b": num(7)])
        XCTAssertEqual(w[c.outputWire("d")], fr(-12))
        XCTAssertEqual(w[c.outputWire("p")], fr(-35))
        let maxI = "9223372036854775807", minI = "-9223372036854775808"
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: ["a": .number(maxI), "b": num(-1)])) { e in
            XCTAssertTrue("\(e)".contains("i64"), "\(e)")
        }
        XCTAssertNoThrow(try c.witnessProgram.evaluate(inputs: ["a": .number(minI), "b": num(0)]))
        // Forge: wrap the difference into range by setting d = a − b − 2^64 (as an i64) — rejected.
        let good = try c.witness(["a": .number(maxI), "b": num(0)])
        var forged = good
        forged[c.outputWire("d")] = good[c.outputWire("d")] - Fr.pow2(64)
        XCTAssertFalse(c.isSatisfied(forged))
        // Unsigned subtraction is checked: a negative result is unsatisfiable.
        let u = try compileSource("circuit U { input a: u8; input b: u8; output d: u8 = a - b; }")
        XCTAssertEqual(try u.output("d", ["a": num(9), "b": num(4)]), [fr(5)])
        XCTAssertThrowsError(try u.witnessProgram.evaluate(inputs: ["a": num(4), "b": num(9)])) { e in
            XCTAssertTrue("\(e)".contains("would be negative"), "\(e)")
        }
        var wu = try u.witness(["a": num(9), "b": num(9)])
        wu[u.outputWire("d")] = -Fr(1)                 // forge a = 9, b = 9 … claim d = −1
        XCTAssertFalse(u.isSatisfied(wu))
    }
}
