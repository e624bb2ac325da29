import XCTest
import BN254
@testable import CircuitLang

/// Every ```zkc example in docs/LANGUAGE.md compiles (function-only snippets inside a trivial circuit).
final class DocsTests: XCTestCase {
    func testLanguageDocExamplesCompile() throws {
        let url = packageRoot().appendingPathComponent("docs/LANGUAGE.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var blocks: [String] = []
        var cur: [String]? = nil
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```zkc") { cur = []; continue }
            if line.hasPrefix("```"), let c = cur { blocks.append(c.joined(separator: "\n")); cur = nil; continue }
            cur?.append(line)
        }
        XCTAssertGreaterThanOrEqual(blocks.count, 3)
        for b in blocks {
            let src = b.contains("circuit ") ? b : b + "\ncircuit DocWrapper { input unused_doc_input: field; }"
            let c = try compileSource(src)
            XCTAssertGreaterThan(c.wireCount, 0)
        }
        // The payoff example computes what it says.
        let payoff = try compileSource(blocks[0])
        let w = try payoff.witness(["spot": .number("105000000"), "strike": .number("100000000"), "qty": num(3)])
        XCTAssertEqual(w[payoff.outputWire("payoff")], fr(15_000_000))
        let otm = try payoff.witness(["spot": .number("95000000"), "strike": .number("100000000"), "qty": num(3)])
        XCTAssertEqual(otm[payoff.outputWire("payoff")], fr(0))
        XCTAssertTrue(payoff.lint().isClean, "\(payoff.lint())")
    }
}
