import Foundation
import XCTest
import BN254
import R1CS
import CircuitLang
@testable import Ledger

/// Soundness with complete cheating witnesses: a "cheat" copy of a batch circuit has one business
/// rule turned from `assert` into an unchecked `let`, so its witness program happily produces a
/// FULL witness for a forbidden action (margin violated, value not conserved, negative balance).
/// Mapped onto the real circuit's wires (through the pre-optimisation signal labels, which both
/// compilations share), that witness must violate the real R1CS. As a control, the same mapping
/// of an allowed action's cheat witness satisfies the real R1CS — so the failure is the rule's,
/// not the mapping's.
final class DerivativesCheatTests: XCTestCase {

    /// Compiles `<kind>.zkc` with the asserts whose lines contain `rules` rewritten to `let`.
    func cheatCircuit(_ kind: String, rules: [String]) throws -> CompiledCircuit {
        let src = try String(contentsOfFile: Deriv.directory + "/\(kind).zkc", encoding: .utf8)
        var lines = src.components(separatedBy: "\n")
        for (r, rule) in rules.enumerated() {
            let hits = lines.indices.filter { lines[$0].contains(rule) && lines[$0].contains("assert ") }
            XCTAssertEqual(hits.count, 1, "exactly one assert of \(kind).zkc mentions '\(rule)'")
            guard let i = hits.first, let a = lines[i].range(of: "assert "), let comma = lines[i].range(of: ", \"", options: .backwards) else {
                throw VenueError.invalidArgument("no assert for \(rule)")
            }
            lines[i] = String(lines[i][..<a.lowerBound]) + "let cheat_unchecked\(r) = " + String(lines[i][a.upperBound..<comma.lowerBound]) + ";"
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zkclear-cheat-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("\(kind)-cheat.zkc").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try Compiler.compile(path: path, options: CompileOptions(includePaths: [Deriv.directory, Deriv.root + "/Circuits"]))
    }

    /// The cheat witness on the real circuit's wires (nil when a real wire has no cheat counterpart).
    func mapWitness(_ w: [Fr], from cheat: CompiledCircuit, to real: CompiledCircuit) -> [Fr]? {
        guard let cl = cheat.constraintSystem.wireToLabel, let rl = real.constraintSystem.wireToLabel else { return nil }
        var byLabel: [UInt64: Int] = [:]
        for (wire, label) in cl.enumerated() { byLabel[label] = wire }
        var out: [Fr] = []
        for label in rl {
            guard let cw = byLabel[label] else { return nil }
            out.append(w[cw])
        }
        return out
    }

    /// A venue whose `kind` circuit is the cheat copy, with the native checks off.
    func cheatVenue(_ kind: String, _ cheat: CompiledCircuit) throws -> Venue {
        var cs = try Deriv.circuits().circuits
        cs[kind] = cheat
        let v = try Venue(circuits: VenueCircuits(circuits: cs), series: 7, callStrike: Deriv.px(100), putStrike: Deriv.px(90))
        v.skipNativeChecks = true
        return v
    }

    func assertCheat(_ kind: String, _ cheat: CompiledCircuit, allowed: VenueBatch, forbidden: VenueBatch,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let real = try Deriv.circuits().circuit(kind)
        XCTAssertNil(cheat.firstUnsatisfied(forbidden.witness), "the cheat circuit accepts the forbidden action", file: file, line: line)
        let good = try XCTUnwrap(mapWitness(allowed.witness, from: cheat, to: real), "labels map", file: file, line: line)
        XCTAssertNil(real.firstUnsatisfied(good), "control: an allowed action's mapped witness satisfies the real R1CS", file: file, line: line)
        let bad = try XCTUnwrap(mapWitness(forbidden.witness, from: cheat, to: real), "labels map", file: file, line: line)
        XCTAssertNotNil(real.firstUnsatisfied(bad), "the real R1CS must reject the forbidden action's full witness", file: file, line: line)
        XCTAssertFalse(real.constraintSystem.isSatisfied(by: Witness(values: bad)), file: file, line: line)
    }

    func testMarginViolationFullWitnessFails() throws {
        let cheat = try cheatCircuit("open", rules: ["initial margin violated"])
        let v = try cheatVenue("open", cheat)
        _ = try v.deposit(account: "alice", amount: Deriv.cash(1000))
        _ = try v.deposit(account: "bob", amount: Deriv.cash(5))
        let allowed = try v.trade(buyer: "bob", seller: "alice", product: .future, qty: 1, price: Deriv.px(40), referencePrice: Deriv.px(40))
        // bob (equity ≈ 5) sells 10 futures at 100: initial margin 100 ≫ 5.
        let forbidden = try v.trade(buyer: "alice", seller: "bob", product: .future, qty: 10, price: Deriv.px(100), referencePrice: Deriv.px(100))
        try assertCheat("open", cheat, allowed: allowed, forbidden: forbidden)
    }

    func testUnconservedSettlementFullWitnessFails() throws {
        let cheat = try cheatCircuit("expire", rules: ["value not conserved"])
        let v = try cheatVenue("expire", cheat)
        for n in ["a", "b", "c"] { _ = try v.deposit(account: n, amount: Deriv.cash(1000)) }
        _ = try v.trade(buyer: "a", seller: "b", product: .call, qty: 1, price: Deriv.px(3), referencePrice: Deriv.px(100))
        _ = try v.trade(buyer: "c", seller: "b", product: .put, qty: 2, price: Deriv.px(3), referencePrice: Deriv.px(100))
        // Only a's call is settled: +30 appears from nowhere (b's −30 is skipped).
        let forbidden = try v.expire(settlementPrice: Deriv.px(130), accounts: ["a", "c"])
        XCTAssertEqual(try v.account("a").balance, 1027_000_000)
        // Control: a balanced expiry on another venue with the same cheat circuit.
        let v2 = try cheatVenue("expire", cheat)
        for n in ["a", "b"] { _ = try v2.deposit(account: n, amount: Deriv.cash(1000)) }
        _ = try v2.trade(buyer: "a", seller: "b", product: .call, qty: 1, price: Deriv.px(3), referencePrice: Deriv.px(100))
        let balanced = try v2.expire(settlementPrice: Deriv.px(130))
        try assertCheat("expire", cheat, allowed: balanced, forbidden: forbidden)
    }

    func testNegativeWithdrawalFullWitnessFails() throws {
        let cheat = try cheatCircuit("withdraw", rules: ["balance would become negative", "initial margin violated"])
        let v = try cheatVenue("withdraw", cheat)
        _ = try v.deposit(account: "alice", amount: Deriv.cash(10))
        let allowed = try v.withdraw(account: "alice", amount: Deriv.cash(4), referencePrice: Deriv.px(100))
        let forbidden = try v.withdraw(account: "alice", amount: Deriv.cash(7), referencePrice: Deriv.px(100))
        XCTAssertEqual(try v.account("alice").balance, -1_000_000)
        try assertCheat("withdraw", cheat, allowed: allowed, forbidden: forbidden)
    }
}
