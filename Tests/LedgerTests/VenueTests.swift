import Foundation
import XCTest
import BN254
import R1CS
import CircuitLang
@testable import Ledger

/// The venue driver: every business action yields a witness that satisfies its circuit and
/// public inputs / published leaves that an independent tree replay agrees with; bad actions are
/// refused with a clear error, natively and (with the native checks off) by the circuit itself.
final class VenueTests: XCTestCase {

    /// Replays published leaves on an independent dense tree.
    struct Replay {
        var leaves = [Fr](repeating: .zero, count: 16)
        var root: Fr {
            var l = leaves
            while l.count > 1 { l = stride(from: 0, to: l.count, by: 2).map { Poseidon.hash(l[$0], l[$0 + 1]) } }
            return l[0]
        }
    }

    func check(_ b: VenueBatch, _ replay: inout Replay, seq: UInt64, file: StaticString = #filePath, line: UInt = #line) throws {
        let c = try Deriv.circuits().circuit(b.kind)
        XCTAssertNil(c.firstUnsatisfied(b.witness), "\(b.summary): R1CS", file: file, line: line)
        XCTAssertEqual(b.leaves.count, VenueCircuits.batchSize[b.kind], file: file, line: line)
        XCTAssertEqual(b.publicInputs.count, c.publicInputCount, file: file, line: line)
        XCTAssertEqual(Array(b.witness[1...c.publicInputCount]), b.publicInputs, file: file, line: line)
        XCTAssertEqual(b.publicInputs[0], replay.root, "\(b.summary): old root", file: file, line: line)
        XCTAssertEqual(b.publicInputs[2], Fr(seq), file: file, line: line)
        XCTAssertEqual(b.publicInputs[3], Deriv.leavesHash(b.leaves.map { ($0.index, $0.leaf) }), file: file, line: line)
        for l in b.leaves { replay.leaves[Int(l.index)] = l.leaf }
        XCTAssertEqual(b.publicInputs[1], replay.root, "\(b.summary): new root", file: file, line: line)
    }

    func testBusinessFlowSatisfiesEveryCircuit() throws {
        let v = try Deriv.venue()
        var r = Replay()
        XCTAssertEqual(v.genesisRoot, r.root)
        var seq: UInt64 = 1
        func run(_ b: VenueBatch) throws { try check(b, &r, seq: seq); seq += 1 }
        for n in ["alice", "bob", "carol", "dave"] { try run(v.deposit(account: n, amount: Deriv.cash(1000))) }
        try run(v.deposit(account: "alice", amount: Deriv.cash(1)))
        XCTAssertEqual(try v.account("alice").balance, 1001_000_000)
        try run(v.trade(buyer: "alice", seller: "bob", product: .call, qty: 2, price: Deriv.px(5), referencePrice: Deriv.px(100)))
        XCTAssertEqual(try v.account("alice").balance, 991_000_000)
        XCTAssertEqual(try v.account("bob").balance, 1010_000_000)
        XCTAssertEqual(try v.account("bob").callQty, -2)
        try run(v.trade(buyer: "carol", seller: "dave", product: .put, qty: 3, price: Deriv.px(4), referencePrice: Deriv.px(100), fee: 10_000))
        XCTAssertEqual(try v.account("dave").balance, 1012_000_000 - 10_000)
        try run(v.trade(buyer: "alice", seller: "carol", product: .future, qty: 1, price: Deriv.px(100), referencePrice: Deriv.px(100)))
        try run(v.trade(buyer: "dave", seller: "bob", product: .future, qty: 2, price: Deriv.px(102), referencePrice: Deriv.px(100)))
        let mark = try v.mark(price: Deriv.px(110))
        try run(mark)
        // alice +10, carol −10, dave +16, bob −16.
        XCTAssertEqual(try v.account("alice").balance, 1001_000_000 - 10_000_000 + 10_000_000)
        XCTAssertEqual(try v.account("bob").balance, 1010_000_000 - 16_000_000)
        XCTAssertEqual(mark.flags, 0)
        try run(v.withdraw(account: "dave", amount: Deriv.cash(16), referencePrice: Deriv.px(110)))
        // Expiry at 80: calls worthless, puts pay 3·(90 − 80) = 30 from dave to carol.
        let carol0 = try v.account("carol").balance, dave0 = try v.account("dave").balance
        try run(v.expire(settlementPrice: Deriv.px(80)))
        XCTAssertEqual(try v.account("carol").balance - carol0, 30_000_000)
        XCTAssertEqual(try v.account("dave").balance - dave0, -30_000_000)
        // Mark with a fee and fewer accounts than slots (padded by repetition; net zero still).
        try run(v.mark(price: Deriv.px(105), accounts: ["alice", "carol"], fee: 0))
        XCTAssertEqual(v.nextSequence, seq)
        XCTAssertEqual(v.root, r.root)
    }

    func testFreshSaltsForEveryLeaf() throws {
        let v = try Deriv.venue()
        let a = try v.deposit(account: "alice", amount: 5)
        let b = try v.deposit(account: "bob", amount: 5)
        XCTAssertNotEqual(a.leaves[0].leaf, b.leaves[0].leaf)
        let s1 = try v.account("alice").salt
        _ = try v.deposit(account: "alice", amount: 0)
        XCTAssertNotEqual(try v.account("alice").salt, s1)
        XCTAssertNotEqual(try v.account("alice").ownerSecret, try v.account("bob").ownerSecret)
    }

    func testWithdrawMoreThanBalanceIsRefused() throws {
        let v = try Deriv.venue()
        _ = try v.deposit(account: "alice", amount: Deriv.cash(10))
        let root = v.root, seq = v.nextSequence
        XCTAssertThrowsError(try v.withdraw(account: "alice", amount: Deriv.cash(11), referencePrice: Deriv.px(100))) { e in
            XCTAssertEqual(e as? VenueError, .insufficientBalance(account: "alice", balance: 10_000_000, requested: 11_000_000))
            XCTAssertTrue("\(e)".contains("cannot withdraw"))
        }
        v.skipNativeChecks = true
        XCTAssertThrowsError(try v.withdraw(account: "alice", amount: Deriv.cash(11), referencePrice: Deriv.px(100))) { e in
            guard case VenueError.circuitRejected(let k, let r) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(k, "withdraw")
            XCTAssertTrue(r.contains("negative"), r)
        }
        XCTAssertEqual(v.root, root, "a refused action changes nothing")
        XCTAssertEqual(v.nextSequence, seq)
        v.skipNativeChecks = false
        _ = try v.withdraw(account: "alice", amount: Deriv.cash(10), referencePrice: Deriv.px(100))
        XCTAssertEqual(try v.account("alice").balance, 0)
    }

    func testInsufficientMarginIsRefused() throws {
        let v = try Deriv.venue()
        _ = try v.deposit(account: "alice", amount: Deriv.cash(1000))
        _ = try v.deposit(account: "bob", amount: Deriv.cash(5))
        // bob sells 1 future at 100: IM = 10% · 100 = 10 > 5.
        XCTAssertThrowsError(try v.trade(buyer: "alice", seller: "bob", product: .future, qty: 1, price: Deriv.px(100), referencePrice: Deriv.px(100))) { e in
            XCTAssertEqual(e as? VenueError, .marginViolated(account: "bob", equity: 5_000_000, required: 10_000_000))
        }
        // bob writes 1 call: premium 2 + balance 5 = 7 < 10.
        XCTAssertThrowsError(try v.trade(buyer: "alice", seller: "bob", product: .call, qty: 1, price: Deriv.px(2), referencePrice: Deriv.px(100))) { e in
            guard case VenueError.marginViolated(let n, _, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(n, "bob")
        }
        // alice cannot pay a premium beyond her balance.
        XCTAssertThrowsError(try v.trade(buyer: "alice", seller: "bob", product: .put, qty: 1000, price: Deriv.px(2), referencePrice: Deriv.px(100))) { e in
            guard case VenueError.marginViolated(let n, _, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(n, "alice")
        }
        v.skipNativeChecks = true
        XCTAssertThrowsError(try v.trade(buyer: "alice", seller: "bob", product: .future, qty: 1, price: Deriv.px(100), referencePrice: Deriv.px(100))) { e in
            guard case VenueError.circuitRejected(_, let r) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(r.contains("initial margin violated"), r)
        }
        v.skipNativeChecks = false
        // With enough collateral it goes through; withdrawing below margin is then refused.
        _ = try v.deposit(account: "bob", amount: Deriv.cash(20))
        _ = try v.trade(buyer: "alice", seller: "bob", product: .future, qty: 1, price: Deriv.px(100), referencePrice: Deriv.px(100))
        XCTAssertThrowsError(try v.withdraw(account: "bob", amount: Deriv.cash(20), referencePrice: Deriv.px(100))) { e in
            guard case VenueError.marginViolated = e else { return XCTFail("\(e)") }
        }
    }

    func testUnbalancedSettlementIsRefused() throws {
        let v = try Deriv.venue()
        for n in ["a", "b", "c"] { _ = try v.deposit(account: n, amount: Deriv.cash(1000)) }
        _ = try v.trade(buyer: "a", seller: "b", product: .call, qty: 1, price: Deriv.px(3), referencePrice: Deriv.px(100))
        XCTAssertThrowsError(try v.expire(settlementPrice: Deriv.px(130), accounts: ["a", "c"])) { e in
            guard case VenueError.unbalanced = e else { return XCTFail("\(e)") }
            XCTAssertTrue("\(e)".contains("does not net to zero"))
        }
        v.skipNativeChecks = true
        XCTAssertThrowsError(try v.expire(settlementPrice: Deriv.px(130), accounts: ["a", "c"])) { e in
            guard case VenueError.circuitRejected(_, let r) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(r.contains("value not conserved"), r)
        }
        v.skipNativeChecks = false
        let b = try v.expire(settlementPrice: Deriv.px(130))
        XCTAssertEqual(try v.account("a").balance, 1027_000_000)
        XCTAssertEqual(b.leaves.map(\.index), [0, 1, 1, 1])
    }

    func testBadArguments() throws {
        let v = try Deriv.venue()
        _ = try v.deposit(account: "a", amount: 1)
        XCTAssertThrowsError(try v.withdraw(account: "zed", amount: 1, referencePrice: 1)) { e in
            XCTAssertEqual(e as? VenueError, .unknownAccount("zed"))
        }
        XCTAssertThrowsError(try v.trade(buyer: "a", seller: "a", product: .call, qty: 1, price: 1, referencePrice: 1))
        XCTAssertThrowsError(try v.trade(buyer: "a", seller: "zed", product: .call, qty: 1, price: 1, referencePrice: 1))
        XCTAssertThrowsError(try v.mark(price: 1, accounts: []))
        XCTAssertThrowsError(try v.deposit(account: "a", amount: UInt64(Int64.max))) { e in
            guard case VenueError.overflow = e else { return XCTFail("\(e)") }
        }
        for i in 1..<16 { _ = try v.deposit(account: "n\(i)", amount: 1) }
        XCTAssertThrowsError(try v.deposit(account: "one-too-many", amount: 1)) { e in
            XCTAssertEqual(e as? VenueError, .venueFull(capacity: 16))
        }
    }
}

/// Random business actions: every accepted batch satisfies its circuit and replays on an
/// independent tree; every refused one leaves the state unchanged; cash is conserved
/// (deposits − withdrawals − fees = Σ balances).
final class VenueRandomTests: XCTestCase {
    func testRandomActions() throws {
        let v = try Deriv.venue()
        var replay = VenueTests.Replay()
        var rng = SystemRandomNumberGenerator()
        let names = ["a", "b", "c", "d"]
        var external: Int128 = 0      // deposits − withdrawals − fees
        var accepted = 0, refused = 0
        for n in names {
            let amt = UInt64.random(in: 1...2000, using: &rng) * 1_000_000
            let b = try v.deposit(account: n, amount: amt)
            for l in b.leaves { replay.leaves[Int(l.index)] = l.leaf }
            external += Int128(amt)
        }
        for _ in 0..<24 {
            let root = v.root, seq = v.nextSequence
            let ref = UInt64.random(in: 50...150, using: &rng) * 1_000_000
            do {
                let b: VenueBatch
                var fees: Int128 = 0
                var cash: Int128 = 0
                switch Int.random(in: 0..<6, using: &rng) {
                case 0:
                    let amt = UInt64.random(in: 0...500, using: &rng) * 1_000_000
                    b = try v.deposit(account: names.randomElement(using: &rng) ?? "a", amount: amt); cash = Int128(amt)
                case 1:
                    let amt = UInt64.random(in: 0...800, using: &rng) * 1_000_000
                    b = try v.withdraw(account: names.randomElement(using: &rng) ?? "a", amount: amt, referencePrice: ref); cash = -Int128(amt)
                case 2, 3:
                    let pair = names.shuffled(using: &rng)
                    let fee = UInt64.random(in: 0...1000, using: &rng)
                    b = try v.trade(buyer: pair[0], seller: pair[1], product: VenueProduct.allCases.randomElement(using: &rng) ?? .call,
                                    qty: UInt32.random(in: 1...20, using: &rng), price: UInt64.random(in: 1...120, using: &rng) * 1_000_000,
                                    referencePrice: ref, fee: fee)
                    fees = 2 * Int128(fee)
                case 4:
                    b = try v.mark(price: ref)
                default:
                    b = try v.expire(settlementPrice: ref)
                }
                external += cash - fees
                accepted += 1
                let c = try Deriv.circuits().circuit(b.kind)
                XCTAssertNil(c.firstUnsatisfied(b.witness), b.summary)
                XCTAssertEqual(b.publicInputs[0], replay.root)
                for l in b.leaves { replay.leaves[Int(l.index)] = l.leaf }
                XCTAssertEqual(b.publicInputs[1], replay.root, b.summary)
                XCTAssertEqual(b.publicInputs[3], Deriv.leavesHash(b.leaves.map { ($0.index, $0.leaf) }))
            } catch let e as VenueError {
                refused += 1
                XCTAssertFalse("\(e)".isEmpty)
                if case .circuitRejected = e { XCTFail("the native checks should have refused first: \(e)") }
                if case .inconsistent = e { XCTFail("\(e)") }
                XCTAssertEqual(v.root, root); XCTAssertEqual(v.nextSequence, seq)
            }
        }
        let total = try names.reduce(Int128(0)) { $0 + Int128(try v.account($1).balance) }
        XCTAssertEqual(total, external, "cash conservation (accepted \(accepted), refused \(refused))")
        XCTAssertGreaterThan(accepted, 4)
    }

    /// The settle circuits recompiled with K = 8 slots on a depth-5 tree (const overrides): 8 accounts
    /// with option and future positions expire in one batch whose witness satisfies the R1CS and
    /// whose published leaves replay to the new root; a wrong flags word is refused by the circuit.
    func testResizedSettleBatch() throws {
        let cs = try VenueCircuits.compile(directory: Deriv.directory, kinds: ["deposit", "open", "mark", "expire"],
                                           settleBatchSize: 8, depth: 5)
        XCTAssertEqual(cs.batchSize["expire"], 8)
        XCTAssertEqual(cs.batchSize["open"], 2)
        XCTAssertGreaterThan(try cs.circuit("expire").constraintCount, 2 * (try Deriv.circuits().circuit("expire").constraintCount))
        let v = try Venue(circuits: cs, series: 3, callStrike: Deriv.px(100), putStrike: Deriv.px(90), checkConstraints: true)
        XCTAssertEqual(v.depth, 5)
        let names = (0..<8).map { "acct\($0)" }
        for n in names { _ = try v.deposit(account: n, amount: Deriv.cash(1000)) }
        let products: [VenueProduct] = [.call, .put, .future, .call]
        for i in 0..<4 {
            _ = try v.trade(buyer: names[2 * i], seller: names[2 * i + 1], product: products[i], qty: UInt32(i + 1),
                            price: Deriv.px(3), referencePrice: Deriv.px(100))
        }
        let before = try names.map { try v.account($0).balance }
        let b = try v.expire(settlementPrice: Deriv.px(80))
        XCTAssertEqual(b.leaves.count, 8)
        XCTAssertNil(try cs.circuit("expire").firstUnsatisfied(b.witness))
        let after = try names.map { try v.account($0).balance }
        XCTAssertEqual(zip(before, after).map { $1 - $0 }.reduce(0, +), 0, "payoffs net to zero")
        // Puts at 80 pay 2·(90 − 80) from acct3 to acct2.
        XCTAssertEqual(after[2] - before[2], 20_000_000)
        XCTAssertEqual(after[3] - before[3], -20_000_000)
        // The whole depth-5 tree rebuilt from the accounts' leaves gives the venue's root.
        var level = [Fr](repeating: .zero, count: 32)
        for n in names { level[Int(try v.account(n).index)] = try v.account(n).leaf }
        while level.count > 1 { level = stride(from: 0, to: level.count, by: 2).map { Poseidon.hash(level[$0], level[$0 + 1]) } }
        XCTAssertEqual(level[0], v.root)
        // The circuit itself refuses a wrong flags word.
        var ins = b.inputs
        ins["flags"] = .number("1")
        XCTAssertThrowsError(try cs.circuit("expire").witnessProgram.evaluate(inputs: ins))
        XCTAssertThrowsError(try VenueCircuits.compile(directory: Deriv.directory, kinds: ["mark"], settleBatchSize: 65))
    }
}
