import XCTest
import BN254
@testable import CircuitLang

/// Mutated sources never crash the compiler: each run either compiles or reports diagnostics.
final class SourceFuzzTests: XCTestCase {
    func testMutatedSourcesNeverCrash() throws {
        let root = packageRoot().appendingPathComponent("Circuits/std")
        var corpus: [String] = []
        for f in ["bits.zkc", "comparators.zkc", "fixed.zkc", "minmax.zkc", "mux.zkc"] {
            corpus.append(try String(contentsOf: root.appendingPathComponent(f), encoding: .utf8))
        }
        corpus.append("""
        circuit F { public input a: u32; input b: i16; input c: field[3]; let x = a * 2 + 1;
          let y = if a < 5 { c[0] } else { c[1] }; assert b != 0, "nz"; let z: u8 = hint a % 256;
          output o: field = y + field(x) + field(z); output p: i18 = b - 1; }
        """)
        let pieces = ["(", ")", "{", "}", "[", "]", ";", ",", "u64", "i8", "field", "0", "-1", "<", "==", "hint ", "let ", "for i in 0..3 ", "if ", "else", "\"", "/*", "input x: u8;", "return ", "N", "<3>"]
        var rng = SystemRandomNumberGenerator()
        var compiled = 0, rejected = 0
        let rounds = Int(ProcessInfo.processInfo.environment["ZKCLEAR_FUZZ_ROUNDS"] ?? "") ?? 400
        for round in 0..<rounds {
            var s = Array(corpus[round % corpus.count])
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                guard !s.isEmpty else { break }
                let i = Int.random(in: 0..<s.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: s.remove(at: i)
                case 1: s.insert(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &rng)], at: i)
                default: s[i] = Character(UnicodeScalar(UInt8.random(in: 32...126, using: &rng)))
                }
            }
            var src = String(s)
            if !src.contains("circuit ") { src += "\ncircuit W { input w: field; output o: field = w; }" }
            do {
                let c = try Compiler.compile(source: src, path: packageRoot().appendingPathComponent("Circuits/fuzz.zkc").path)
                compiled += 1
                // Random inputs: either a typed error or a witness that satisfies the constraints.
                func value(_ shape: ArraySlice<Int>) -> InputValue {
                    guard let n = shape.first else {
                        let choices = ["0", "1", "-1", "255", "65536", "-32768", "21888242871839275222246405745257275088548364400416034343698204186575808495616"]
                        return .number(choices[Int.random(in: 0..<choices.count, using: &rng)])
                    }
                    return .array((0..<n).map { _ in value(shape.dropFirst()) })
                }
                var ins: [String: InputValue] = [:]
                for i in c.witnessProgram.inputs { ins[i.name] = value(i.shape[...]) }
                if let w = try? c.witnessProgram.evaluate(inputs: ins) {
                    XCTAssertTrue(c.isSatisfied(w), "a witness the program accepts must satisfy:\n\(src)")
                }
            } catch CircuitLangError.compilationFailed(let ds) {
                XCTAssertFalse(ds.filter { $0.severity == .error }.isEmpty)
                rejected += 1
            }
        }
        XCTAssertGreaterThan(rejected, 50)
        // Pathological nesting is an error, not a stack overflow.
        let deep = "circuit D { input a: field; output o: field = " + String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000) + "; }"
        XCTAssertFalse(compileErrors(deep).isEmpty)
        print("fuzz: \(compiled) compiled, \(rejected) rejected")
    }
}
