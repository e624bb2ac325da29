import XCTest
import BN254
@testable import CircuitLang

/// The compiler reports several errors at once, each with a code, file, line, column, the source
/// line with a caret, and a hint; a file with errors produces no output.
final class DiagnosticsTests: XCTestCase {
    func testSeveralErrorsAtOnceWithCaretsAndHints() throws {
        let src = """
        circuit Bad {
            input a: u64;
            let b = a + undefined_thing;
            let c: u300 = 1;
            let d = a $ 2;
            output o: u64 = nosuch(a);
        }
        """
        let errs = compileErrors(src)
        XCTAssertGreaterThanOrEqual(errs.count, 4, errs.map(\.description).joined(separator: "\n"))
        let codes = Set(errs.map(\.code))
        XCTAssertTrue(codes.isSuperset(of: ["E0202", "E0206", "E0001", "E0203"]), "\(codes)")
        for e in errs {
            XCTAssertTrue(e.path.hasSuffix("test_inline.zkc"))
            XCTAssertGreaterThan(e.line, 0)
            XCTAssertGreaterThan(e.column, 0)
            XCTAssertNotNil(e.hint, "\(e.code) has a hint")
            XCTAssertTrue(e.description.contains("^"))
            XCTAssertTrue(e.description.contains("error[\(e.code)]"))
        }
        let undefined = try XCTUnwrap(errs.first { $0.code == "E0202" })
        XCTAssertEqual(undefined.line, 3)
        XCTAssertEqual(undefined.column, 17)
        XCTAssertEqual(undefined.caretLength, "undefined_thing".count)
        XCTAssertEqual(undefined.sourceLine, "    let b = a + undefined_thing;")
        let rendered = undefined.description
        XCTAssertTrue(rendered.contains("3 |     let b = a + undefined_thing;\n  |                 ^^^^^^^^^^^^^^^"), rendered)
    }

    func testParseErrorsRecoverAndContinue() {
        let errs = compileErrors("""
        fn f(x: field) -> field { return x * ; }
        fn g(y field) -> field { return y; }
        circuit C { input a: field; let z = a a; output o: field = f(a); }
        """)
        XCTAssertGreaterThanOrEqual(errs.count, 3, errs.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(Set(errs.map(\.line)), [1, 2, 3])
    }

    func testTypeErrorsDuringLowering() {
        let errs = compileErrors("""
        circuit C {
            input a: u64;
            input b: u64;
            input f: field;
            let s: u64 = a + b;
            let t = f < a;
            if a == b { }
            let big = a * a * a * a * a;
        }
        """)
        let codes = errs.map(\.code)
        XCTAssertTrue(codes.contains("E0307"), "narrowing needs a cast: \(codes)")
        XCTAssertTrue(codes.contains("E0305"), "field has no order: \(codes)")
        XCTAssertTrue(codes.contains("E0302"), "run-time if: \(codes)")
        XCTAssertTrue(codes.contains("E0303"), "may overflow the field: \(codes)")
        let narrowing = errs.first { $0.code == "E0307" }
        XCTAssertTrue(narrowing?.hint?.contains("u64(") ?? false)
    }

    func testNoOutputOnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zkc-diag-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.zkc")
        try "circuit C { input a: u8; output o: u8 = a + ; }".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Compiler.compile(path: file.path)) { e in
            guard case CircuitLangError.compilationFailed(let ds) = e else { return XCTFail("\(e)") }
            XCTAssertFalse(ds.isEmpty)
            XCTAssertTrue("\(e)".contains("no output written"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["bad.zkc"])
    }

    func testImportsAndMissingImport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zkc-imp-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "const K = 7;\nfn triple(x: field) -> field { return 3 * x; }\n".write(to: dir.appendingPathComponent("lib/util.zkc"), atomically: true, encoding: .utf8)
        try """
        import "lib/util.zkc";
        circuit C { input a: field; output o: field = triple(a) + K; }
        """.write(to: dir.appendingPathComponent("main.zkc"), atomically: true, encoding: .utf8)
        let c = try Compiler.compile(path: dir.appendingPathComponent("main.zkc").path)
        XCTAssertEqual(try c.output("o", ["a": num(5)]), [fr(22)])
        try "import \"lib/nope.zkc\";\ncircuit C { input a: field; }".write(to: dir.appendingPathComponent("bad.zkc"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Compiler.compile(path: dir.appendingPathComponent("bad.zkc").path)) { e in
            XCTAssertTrue("\(e)".contains("E0601"), "\(e)")
        }
    }

    /// `CompileOptions.constants` overrides a const in an imported file (sizes follow), a typed const
    /// keeps its type check, and unknown names or non-integer values are E0213.
    func testConstantOverrides() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zkc-const-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "const K = 2;\nconst SMALL: u8 = 3;\n".write(to: dir.appendingPathComponent("sizes.zkc"), atomically: true, encoding: .utf8)
        try """
        import "sizes.zkc";
        circuit C {
            input xs: field[K];
            var acc: field = 0;
            for i in 0..K { acc = acc + xs[i]; }
            output s: field = acc + SMALL;
        }
        """.write(to: dir.appendingPathComponent("main.zkc"), atomically: true, encoding: .utf8)
        let main = dir.appendingPathComponent("main.zkc").path
        let base = try Compiler.compile(path: main)
        XCTAssertEqual(try base.output("s", ["xs": .array([num(1), num(2)])]), [fr(6)])
        let four = try Compiler.compile(path: main, options: CompileOptions(constants: ["K": "4", "SMALL": "0x10"]))
        XCTAssertEqual(try four.output("s", ["xs": .array([num(1), num(2), num(3), num(4)])]), [fr(26)])
        // The old shape is now the wrong one.
        XCTAssertThrowsError(try four.output("s", ["xs": .array([num(1), num(2)])]))
        for (bad, code) in [(["NOPE": "1"], "E0213"), (["K": "-1"], "E0213"), (["K": "two"], "E0213"), (["SMALL": "300"], "E03")] {
            XCTAssertThrowsError(try Compiler.compile(path: main, options: CompileOptions(constants: bad)), "\(bad)") { e in
                XCTAssertTrue("\(e)".contains(code), "\(bad): \(e)")
            }
        }
        // An unknown name lists what can be overridden.
        XCTAssertThrowsError(try Compiler.compile(path: main, options: CompileOptions(constants: ["NOPE": "1"]))) { e in
            XCTAssertTrue("\(e)".contains("constants that can be overridden: K, SMALL"), "\(e)")
        }
    }
}
