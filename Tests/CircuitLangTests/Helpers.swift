import XCTest
import BN254
@testable import CircuitLang

/// Compile source text (imports resolve against the package's Circuits/ directory).
func compileSource(_ src: String, optimize: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws -> CompiledCircuit {
    let path = packageRoot().appendingPathComponent("Circuits/test_inline.zkc").path
    do {
        return try Compiler.compile(source: src, path: path, options: CompileOptions(optimize: optimize))
    } catch let e as CircuitLangError {
        XCTFail("compile failed:\n\(e)", file: file, line: line)
        throw e
    }
}

/// Diagnostics of a source expected to fail.
func compileErrors(_ src: String) -> [Diagnostic] {
    let path = packageRoot().appendingPathComponent("Circuits/test_inline.zkc").path
    do {
        _ = try Compiler.compile(source: src, path: path)
        return []
    } catch CircuitLangError.compilationFailed(let ds) {
        return ds.filter { $0.severity == .error }
    } catch { return [] }
}

func num(_ v: Int) -> InputValue { .number(String(v)) }
func nums(_ vs: [Int]) -> InputValue { .array(vs.map { num($0) }) }
func fr(_ v: Int) -> Fr { v >= 0 ? Fr(UInt64(v)) : -Fr(UInt64(-v)) }

extension CompiledCircuit {
    /// Honest witness; asserts it satisfies the constraints.
    func witness(_ inputs: [String: InputValue], file: StaticString = #filePath, line: UInt = #line) throws -> [Fr] {
        let w = try witnessProgram.evaluate(inputs: inputs)
        XCTAssertEqual(w.count, wireCount, file: file, line: line)
        XCTAssertTrue(isSatisfied(w), "honest witness must satisfy (first failing \(String(describing: firstUnsatisfied(w))))", file: file, line: line)
        return w
    }
    func output(_ name: String, _ inputs: [String: InputValue]) throws -> [Fr] {
        try witnessProgram.outputValues(inputs: inputs)[name] ?? []
    }
    /// Wire index of a named output element (outputs are wires 1…).
    func outputWire(_ name: String, _ k: Int = 0) -> Int {
        var w = 1
        for o in witnessProgram.outputs {
            if o.name == name { return w + k }
            w += o.slots.count
        }
        return -1
    }
    func inputWire(_ name: String, _ k: Int = 0) -> Int {
        var w = 1 + publicOutputCount
        for i in witnessProgram.inputs where i.isPublic {
            if i.name == name { return w + k }
            w += i.slots.count
        }
        for i in witnessProgram.inputs where !i.isPublic {
            if i.name == name { return w + k }
            w += i.slots.count
        }
        return -1
    }
}
