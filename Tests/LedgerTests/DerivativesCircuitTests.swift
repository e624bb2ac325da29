import Foundation
import XCTest
import BN254
import R1CS
import CircuitLang
@testable import Ledger

/// The derivative circuits (Circuits/derivatives): honest witnesses satisfy the R1CS; tampered
/// ones fail at witness generation (an assert/range check) AND, as hand-modified witness vectors,
/// in the R1CS check (which is what soundness means).
final class DerivativesCircuitTests: XCTestCase {

    // MARK: payoff.zkc library functions

    static let probeSource = """
    import "derivatives/payoff.zkc";
    circuit PayoffProbe {
        public input spot: u64;
        public input strike: u64;
        public input qty: i32;
        public input cost: i64;
        public input bal: i64;
        public input call: i32;
        public input put: i32;
        public input fut: i32;
        output callPay: i64 = call_payoff(qty, spot, strike);
        output putPay: i64 = put_payoff(qty, spot, strike);
        output pnl: i64 = fut_pnl(qty, cost, spot);
        output im: i64 = margin_requirement(call, put, fut, spot, IM_RATE);
        output mm: i64 = margin_requirement(call, put, fut, spot, MM_RATE);
        output okIM: bool = meets_initial(bal, call, put, fut, cost, spot);
        output liq: bool = below_maintenance(bal, call, put, fut, cost, spot);
    }
    """

    nonisolated(unsafe) static var probeCache: CompiledCircuit?

    func probe() throws -> CompiledCircuit {
        if let p = Self.probeCache { return p }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zkclear-deriv-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("probe.zkc").path
        try Self.probeSource.write(toFile: path, atomically: true, encoding: .utf8)
        let c = try Compiler.compile(path: path, options: CompileOptions(includePaths: [Deriv.root + "/Circuits"]))
        Self.probeCache = c
        return c
    }

    struct Case { var spot, strike: UInt64; var qty: Int64; var cost, bal: Int64; var call, put, fut: Int64 }

    /// Expected outputs, computed here from the definitions (docs/DERIVATIVES.md §3), not from the venue.
    func expected(_ c: Case) -> [Int128] {
        let s = Int128(c.spot), k = Int128(c.strike), q = Int128(c.qty)
        let callPay = q * max(s - k, 0)
        let putPay = q * max(k - s, 0)
        let pnl = q * s - Int128(c.cost)
        let units = Int128(c.fut.magnitude) + Int128(max(-c.call, 0)) + Int128(max(-c.put, 0))
        let notional = units * s
        let im = notional * 100_000 / 1_000_000          // non-negative: floor = truncation
        let mm = notional * 50_000 / 1_000_000
        let eq = Int128(c.bal) + Int128(c.fut) * s - Int128(c.cost)
        return [callPay, putPay, pnl, im, mm, eq >= im ? 1 : 0, eq < mm ? 1 : 0]
    }

    func inputs(_ c: Case) -> [String: InputValue] {
        ["spot": .number("\(c.spot)"), "strike": .number("\(c.strike)"), "qty": .number("\(c.qty)"),
         "cost": .number("\(c.cost)"), "bal": .number("\(c.bal)"), "call": .number("\(c.call)"),
         "put": .number("\(c.put)"), "fut": .number("\(c.fut)")]
    }

    static func fr(_ x: Int128) -> Fr { x >= 0 ? Fr(UInt64(x)) : -Fr(UInt64(-x)) }

    func testPayoffLibraryMatchesDefinitions() throws {
        let p = try probe()
        XCTAssertEqual(p.publicOutputCount, 7)
        var cases: [Case] = [
            Case(spot: 120_000_000, strike: 100_000_000, qty: 2, cost: 200_000_000, bal: 50_000_000, call: 2, put: 0, fut: 1),
            Case(spot: 100_000_000, strike: 100_000_000, qty: -3, cost: -300_000_000, bal: 0, call: -1, put: -1, fut: -1),  // at the money
            Case(spot: 80_000_000, strike: 100_000_000, qty: -5, cost: 0, bal: 1, call: 0, put: -5, fut: 0),
            Case(spot: 0, strike: 0, qty: 0, cost: 0, bal: 0, call: 0, put: 0, fut: 0),
        ]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<24 {
            cases.append(Case(spot: UInt64.random(in: 0...500_000_000, using: &rng), strike: UInt64.random(in: 0...500_000_000, using: &rng),
                              qty: Int64.random(in: -1000...1000, using: &rng), cost: Int64.random(in: -(1 << 40)...(1 << 40), using: &rng),
                              bal: Int64.random(in: -(1 << 40)...(1 << 40), using: &rng), call: Int64.random(in: -100...100, using: &rng),
                              put: Int64.random(in: -100...100, using: &rng), fut: Int64.random(in: -100...100, using: &rng)))
        }
        var sawTrue = [false, false], sawFalse = [false, false]
        for c in cases {
            let w = try p.witnessProgram.evaluate(inputs: inputs(c))
            XCTAssertNil(p.firstUnsatisfied(w))
            let e = expected(c)
            for (i, v) in e.enumerated() { XCTAssertEqual(w[1 + i], Self.fr(v), "output \(i) of \(c)") }
            for j in 0..<2 { if e[5 + j] == 1 { sawTrue[j] = true } else { sawFalse[j] = true } }
        }
        XCTAssertEqual(sawTrue + sawFalse, [true, true, true, true], "both outcomes of the margin flags were exercised")
    }

    func testPayoffWrongOutputsFailR1CS() throws {
        let p = try probe()
        let c = Case(spot: 130_000_000, strike: 100_000_000, qty: -4, cost: -400_000_000, bal: 10_000_000, call: -4, put: 0, fut: -4)
        let w = try p.witnessProgram.evaluate(inputs: inputs(c))
        let e = expected(c)
        XCTAssertEqual(w[1], Self.fr(e[0]))
        let two64 = Fr(UInt64.max) + .one
        Deriv.expectUnsatisfied(p, w, "call payoff off by one") { $0[1] = $0[1] + .one }
        Deriv.expectUnsatisfied(p, w, "call payoff with the wrong sign") { $0[1] = -$0[1] }
        Deriv.expectUnsatisfied(p, w, "put payoff non-zero out of the money") { $0[2] = Fr(1) }
        Deriv.expectUnsatisfied(p, w, "futures PnL with the wrong sign") { $0[3] = -$0[3] }
        Deriv.expectUnsatisfied(p, w, "futures PnL wrapped by 2^64") { $0[3] = $0[3] + two64 }
        Deriv.expectUnsatisfied(p, w, "initial margin understated") { $0[4] = $0[4] - .one }
        Deriv.expectUnsatisfied(p, w, "maintenance margin overstated") { $0[5] = $0[5] + .one }
        Deriv.expectUnsatisfied(p, w, "initial-margin verdict flipped") { $0[6] = .one - $0[6] }
        Deriv.expectUnsatisfied(p, w, "liquidation flag flipped") { $0[7] = .one - $0[7] }
        // The spot input itself changed under the same outputs.
        Deriv.expectUnsatisfied(p, w, "settlement price changed") { $0[8] = $0[8] + .one }
    }

    func testPayoffOverflowIsRejected() throws {
        let p = try probe()
        // qty · (S − K) ≥ 2^63: the i64 cast must fail at witness generation …
        let big = Case(spot: UInt64(1) << 62, strike: 0, qty: 4, cost: 0, bal: 0, call: 0, put: 0, fut: 0)
        Deriv.expectRejected(p, inputs(big), "value out of range for i64")
        // … and just below the bound it is accepted.
        let ok = Case(spot: (UInt64(1) << 61) - 1, strike: 0, qty: 4, cost: 0, bal: 0, call: 0, put: 0, fut: 0)
        XCTAssertEqual(try p.witnessProgram.evaluate(inputs: inputs(ok))[1], Fr((UInt64(1) << 63) - 4))
        // Inputs outside 64/32 bits are refused by the input range checks.
        var bad = inputs(ok); bad["spot"] = .number("18446744073709551616")
        Deriv.expectRejected(p, bad, "spot")
        bad = inputs(ok); bad["qty"] = .number("2147483648")
        Deriv.expectRejected(p, bad, "qty")
        // R1CS: a spot ≥ 2^64 written straight into the witness breaks the range check.
        let w = try p.witnessProgram.evaluate(inputs: inputs(ok))
        Deriv.expectUnsatisfied(p, w, "spot ≥ 2^64") { $0[8] = $0[8] + Fr(UInt64.max) + .one }
    }

    // MARK: batch circuits

    func testConstraintCountsAndLayout() throws {
        let cs = try Deriv.circuits()
        for k in VenueCircuits.kinds {
            let c = try cs.circuit(k)
            XCTAssertEqual(c.publicOutputCount, 0, k)
            let names = c.witnessProgram.inputs.filter(\.isPublic).map(\.name)
            XCTAssertEqual(Array(names.prefix(6)), ["oldRoot", "newRoot", "seq", "leavesHash", "instrument", "price"], k)
            print("derivatives: \(k): \(c.constraintCount) constraints, \(c.publicInputCount) public inputs, \(c.wireCount) wires")
            let lint = c.lint()
            XCTAssertTrue(lint.isClean, "\(k): \(lint)")
            // Every public input is bound by some constraint (else a proof would verify for any
            // value of it: Groth16's IC point for the wire would be the identity).
            var used = Set<UInt32>()
            for t in c.constraintSystem.terms where !t.coefficient.isZero { used.insert(t.wire) }
            for w in 1...c.publicInputCount { XCTAssertTrue(used.contains(UInt32(w)), "\(k): public input \(w) is in no constraint") }
        }
    }

    /// The shared scenario: 4 accounts, trades in calls/puts/futures.
    func scenario() throws -> (Venue, [VenueBatch]) {
        let v = try Deriv.venue()
        var out: [VenueBatch] = []
        for n in ["alice", "bob", "carol", "dave"] { out.append(try v.deposit(account: n, amount: Deriv.cash(1000))) }
        out.append(try v.trade(buyer: "alice", seller: "bob", product: .call, qty: 2, price: Deriv.px(5), referencePrice: Deriv.px(100)))
        out.append(try v.trade(buyer: "carol", seller: "dave", product: .put, qty: 3, price: Deriv.px(4), referencePrice: Deriv.px(100)))
        out.append(try v.trade(buyer: "alice", seller: "carol", product: .future, qty: 1, price: Deriv.px(100), referencePrice: Deriv.px(100)))
        out.append(try v.trade(buyer: "dave", seller: "bob", product: .future, qty: 2, price: Deriv.px(102), referencePrice: Deriv.px(100), fee: 1000))
        return (v, out)
    }

    func testDepositHonestAndTampered() throws {
        let c = try Deriv.circuits().circuit("deposit")
        let (v, _) = try scenario()
        let b = try v.deposit(account: "alice", amount: Deriv.cash(50))
        XCTAssertNil(c.firstUnsatisfied(b.witness))
        XCTAssertEqual(Array(b.witness[1...7]), b.publicInputs)

        var t = b.inputs; t["newRoot"] = .number("12345")
        Deriv.expectRejected(c, t, "new root mismatch")
        t = b.inputs; t["oldRoot"] = .number("12345")
        Deriv.expectRejected(c, t, "old leaf is not in the old tree")
        t = b.inputs; var sib = Deriv.array(t["siblings"]); sib[1] = .number("99"); t["siblings"] = .array(sib)
        Deriv.expectRejected(c, t, "old leaf is not in the old tree")
        t = b.inputs; t["ownerSecret"] = .number("42")
        Deriv.expectRejected(c, t, "old leaf is not in the old tree")
        t = b.inputs; t["amount"] = .number("51000000")
        Deriv.expectRejected(c, t, "new root mismatch")
        t = b.inputs; t["fresh"] = .number("1")
        Deriv.expectRejected(c, t, "fresh account")
        // Overflow: the balance would pass 2^63 − 1.
        t = b.inputs; t["amount"] = .number("\(UInt64(Int64.max))")
        Deriv.expectRejected(c, t, "deposit.zkc")

        // R1CS: wrong roots, wrong published leaves, wrong amount, wrong sibling, wrong seq.
        Deriv.expectUnsatisfied(c, b.witness, "new root") { $0[2] = $0[2] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "old root") { $0[1] = $0[1] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "leaves hash") { $0[4] = $0[4] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "amount") { $0[7] = $0[7] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "instrument must be 0") { $0[5] = .one }
        Deriv.expectUnsatisfied(c, b.witness, "seq ≥ 2^64") { $0[3] = $0[3] + Fr(UInt64.max) + .one }
        let sw = try XCTUnwrap(Deriv.privateWire(c, "siblings", element: 2))
        Deriv.expectUnsatisfied(c, b.witness, "Merkle sibling") { $0[sw] = $0[sw] + .one }

        // Wrong payoff of a deposit: a new leaf crediting amount + 1, with consistent root and hash.
        let a = try v.account("alice")   // state after the batch
        let wrongLeaf = try Deriv.leaf(owner: a.ownerKey, bal: a.balance + 1, call: Int64(a.callQty), put: Int64(a.putQty),
                                       fut: Int64(a.futQty), cost: a.futCost, salt: a.salt)
        let sibs = try Deriv.array(b.inputs["siblings"]).map { try Deriv.fr($0) }
        let wrongRoot = Deriv.root(leaf: wrongLeaf, index: a.index, siblings: sibs)
        XCTAssertEqual(Deriv.root(leaf: a.leaf, index: a.index, siblings: sibs), b.publicInputs[1], "independent root recomputation")
        let wrongHash = Deriv.leavesHash([(a.index, wrongLeaf)])
        t = b.inputs; t["newRoot"] = .number(wrongRoot.description); t["leavesHash"] = .number(wrongHash.description)
        Deriv.expectRejected(c, t, "new root mismatch")
        Deriv.expectUnsatisfied(c, b.witness, "credit amount + 1") { $0[2] = wrongRoot; $0[4] = wrongHash }
    }

    func testWithdrawHonestAndTampered() throws {
        let c = try Deriv.circuits().circuit("withdraw")
        let (v, _) = try scenario()
        let b = try v.withdraw(account: "carol", amount: Deriv.cash(100), referencePrice: Deriv.px(100))
        XCTAssertNil(c.firstUnsatisfied(b.witness))
        // More than the balance: the balance would be negative.
        let bal = try v.account("carol").balance
        var t = b.inputs; t["amount"] = .number("\(bal + 101_000_000)")
        Deriv.expectRejected(c, t, "balance would become negative")
        // Leaving too little for initial margin: carol is short 1 future and long 3 puts; keep 1 unit.
        t = b.inputs; t["amount"] = .number("\(bal + 100_000_000 - 1_000_000)")
        Deriv.expectRejected(c, t, "initial margin violated")
        t = b.inputs; t["instrument"] = .number("5")
        Deriv.expectRejected(c, t, "instrument id mismatch")
        Deriv.expectUnsatisfied(c, b.witness, "amount") { $0[7] = $0[7] - .one }
        Deriv.expectUnsatisfied(c, b.witness, "reference price") { $0[6] = $0[6] + Fr(1_000_000) }
        Deriv.expectUnsatisfied(c, b.witness, "instrument") { $0[5] = $0[5] + .one }
    }

    func testOpenHonestAndTampered() throws {
        let c = try Deriv.circuits().circuit("open")
        let (v, batches) = try scenario()
        for b in batches where b.kind == "open" { XCTAssertNil(c.firstUnsatisfied(b.witness), b.summary) }
        let b = try v.trade(buyer: "bob", seller: "alice", product: .call, qty: 1, price: Deriv.px(6), referencePrice: Deriv.px(100), fee: 500)
        XCTAssertNil(c.firstUnsatisfied(b.witness))
        var t = b.inputs; t["product"] = .number("3")
        Deriv.expectRejected(c, t, "product must be")
        t = b.inputs; t["qty"] = .number("0")
        Deriv.expectRejected(c, t, "quantity must be positive")
        t = b.inputs; t["price"] = .number("\(Deriv.px(7))")
        Deriv.expectRejected(c, t, "old leaf is not in the old tree")  // slot 0 changed, so slot 1's path no longer matches
        t = b.inputs; t["index"] = .array([.number("0"), .number("0")])
        Deriv.expectRejected(c, t, "different accounts")
        t = b.inputs; var secrets = Deriv.array(t["ownerSecret"]); secrets[1] = .number("7"); t["ownerSecret"] = .array(secrets)
        Deriv.expectRejected(c, t, "old leaf is not in the old tree")
        // Margin: a premium that takes the buyer's whole balance and more.
        t = b.inputs; t["price"] = .number("\(Deriv.px(2000))")
        Deriv.expectRejected(c, t, "initial margin violated")
        // Unbalanced sizes / prices in the published trade, and a wrong fee.
        Deriv.expectUnsatisfied(c, b.witness, "quantity") { $0[8] = $0[8] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "premium") { $0[6] = $0[6] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "product") { $0[7] = Fr(2) }
        Deriv.expectUnsatisfied(c, b.witness, "fee") { $0[9] = $0[9] + .one }
        // Seller's position delta not the negative of the buyer's: the seller's new leaf written with
        // callQty one higher (consistent root and hash), i.e. Σ deltas = +1.
        let seller = try v.account("alice")
        let sibs = try Deriv.array(Deriv.array(b.inputs["siblings"])[1]).map { try Deriv.fr($0) }
        let bad = try Deriv.leaf(owner: seller.ownerKey, bal: seller.balance, call: Int64(seller.callQty) + 1, put: Int64(seller.putQty),
                                 fut: Int64(seller.futQty), cost: seller.futCost, salt: seller.salt)
        XCTAssertEqual(Deriv.root(leaf: seller.leaf, index: seller.index, siblings: sibs), b.publicInputs[1])
        let badRoot = Deriv.root(leaf: bad, index: seller.index, siblings: sibs)
        let badHash = Deriv.leavesHash([(b.leaves[0].index, b.leaves[0].leaf), (seller.index, bad)])
        t = b.inputs; t["newRoot"] = .number(badRoot.description); t["leavesHash"] = .number(badHash.description)
        Deriv.expectRejected(c, t, "new root mismatch")
        Deriv.expectUnsatisfied(c, b.witness, "unbalanced position deltas") { $0[2] = badRoot; $0[4] = badHash }
    }

    func testMarkHonestAndTampered() throws {
        let c = try Deriv.circuits().circuit("mark")
        let (v, _) = try scenario()
        let b = try v.mark(price: Deriv.px(110))
        XCTAssertNil(c.firstUnsatisfied(b.witness))
        XCTAssertEqual(b.leaves.count, 4)
        // bob: short 2 futures at 102 marked at 110 loses 16; alice long 1 at 100 gains 10.
        let bob = try v.account("bob")
        XCTAssertEqual(bob.futCost, -2 * Int64(Deriv.px(110)))
        // Wrong mark price, wrong flags, wrong fee.
        var t = b.inputs; t["price"] = .number("\(Deriv.px(111))")
        Deriv.expectRejected(c, t, "old leaf is not in the old tree")
        t = b.inputs; t["flags"] = .number("\(b.flags ^ 1)")
        Deriv.expectRejected(c, t, "flags mismatch")
        Deriv.expectUnsatisfied(c, b.witness, "flags") { $0[8] = $0[8] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "mark price") { $0[6] = $0[6] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "fee") { $0[7] = $0[7] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "new root") { $0[2] = $0[2] + .one }

        // Wrong sign: slot 3's PnL applied with the opposite sign (consistent root and hash).
        let s = 3
        let name = v.order.first { (try? v.account($0).index) == b.leaves[s].index } ?? ""
        let a = try v.account(name)
        let oldBal = try Deriv.fr(Deriv.array(b.inputs["bal"])[s])
        let newBal = Fr(signed: a.balance)
        let flipped = oldBal + oldBal - newBal      // bal − pnl instead of bal + pnl
        XCTAssertNotEqual(flipped, newBal)
        let flippedLeaf = try Poseidon.hash([a.ownerKey, flipped, Fr(signed: Int64(a.callQty)), Fr(signed: Int64(a.putQty)),
                                             Fr(signed: Int64(a.futQty)), Fr(signed: a.futCost), a.salt])
        XCTAssertEqual(try Self.rootOf(depth: 4, base: v, overrides: [:]), b.publicInputs[1], "independent root")
        let badRoot = try Self.rootOf(depth: 4, base: v, overrides: [a.index: flippedLeaf])
        let badHash = Deriv.leavesHash(b.leaves.enumerated().map { ($0.element.index, $0.offset == s ? flippedLeaf : $0.element.leaf) })
        t = b.inputs; t["newRoot"] = .number(badRoot.description); t["leavesHash"] = .number(badHash.description)
        Deriv.expectRejected(c, t, "new root mismatch")
        Deriv.expectUnsatisfied(c, b.witness, "PnL with the wrong sign") { $0[2] = badRoot; $0[4] = badHash }
    }

    func testMarkUnbalancedAndLiquidationFlag() throws {
        let c = try Deriv.circuits().circuit("mark")
        let (v, _) = try scenario()
        // Only alice and carol (alice long 1, carol short 1 but bob/dave hold the other pair) —
        // this subset nets to zero; alice + bob does not.
        XCTAssertThrowsError(try v.mark(price: Deriv.px(110), accounts: ["alice", "bob"])) { e in
            guard case VenueError.unbalanced = e else { return XCTFail("\(e)") }
        }
        v.skipNativeChecks = true
        XCTAssertThrowsError(try v.mark(price: Deriv.px(110), accounts: ["alice", "bob"])) { e in
            guard case VenueError.circuitRejected(_, let r) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(r.contains("value not conserved"), r)
        }
        v.skipNativeChecks = false
        // A crash to 1: dave (long 2 at 102) loses 202 of 1000, bob gains; nobody flagged.
        // A spike to 600: bob (short 2 at 102, short 2 calls) loses 996: flagged.
        let b = try v.mark(price: Deriv.px(600))
        XCTAssertNil(c.firstUnsatisfied(b.witness))
        let bobSlot = try XCTUnwrap(b.leaves.firstIndex { $0.index == (try? v.account("bob").index) })
        XCTAssertEqual((b.flags >> UInt64(bobSlot)) & 1, 1, "bob must be flagged")
        Deriv.expectUnsatisfied(c, b.witness, "hiding the liquidation flag") { $0[8] = $0[8] - Fr(UInt64(1) << UInt64(bobSlot)) }
        var t = b.inputs; t["flags"] = .number("0")
        Deriv.expectRejected(c, t, "flags mismatch")
    }

    func testExpireHonestAndTampered() throws {
        let c = try Deriv.circuits().circuit("expire")
        let (v, _) = try scenario()
        let before = try ["alice", "bob", "carol", "dave"].map { try v.account($0).balance }
        let b = try v.expire(settlementPrice: Deriv.px(120))
        XCTAssertNil(c.firstUnsatisfied(b.witness))
        // Calls K = 100 at S = 120: alice +2·20, bob −2·20; puts K = 90 out of the money.
        let after = try ["alice", "bob", "carol", "dave"].map { try v.account($0).balance }
        XCTAssertEqual(after[0] - before[0], 40_000_000)
        XCTAssertEqual(after[1] - before[1], -40_000_000)
        XCTAssertEqual(after[2], before[2]); XCTAssertEqual(after[3], before[3])
        for n in ["alice", "bob", "carol", "dave"] { XCTAssertEqual(try v.account(n).callQty, 0) }

        var t = b.inputs; t["price"] = .number("\(Deriv.px(121))")
        Deriv.expectRejected(c, t, "old leaf is not in the old tree")
        t = b.inputs; t["callStrike"] = .number("\(Deriv.px(99))")
        Deriv.expectRejected(c, t, "instrument id mismatch")
        Deriv.expectUnsatisfied(c, b.witness, "settlement price") { $0[6] = $0[6] + .one }
        Deriv.expectUnsatisfied(c, b.witness, "instrument") { $0[5] = $0[5] + .one }
        let kw = try XCTUnwrap(Deriv.privateWire(c, "callStrike"))
        Deriv.expectUnsatisfied(c, b.witness, "strike") { $0[kw] = $0[kw] + .one }

        // Wrong payoff: slot 0 (alice) credited one unit more than 2·(S − K), with a consistent
        // root (recomputed independently from all the leaves) and leaves hash.
        let a = try v.account("alice")
        XCTAssertEqual(b.leaves[0].index, a.index)
        XCTAssertEqual(try Self.rootOf(depth: 4, base: v, overrides: [:]), b.publicInputs[1], "independent root")
        let bad = try Deriv.leaf(owner: a.ownerKey, bal: a.balance + 1, call: 0, put: 0, fut: Int64(a.futQty), cost: a.futCost, salt: a.salt)
        let badRoot = try Self.rootOf(depth: 4, base: v, overrides: [a.index: bad])
        let badHash = Deriv.leavesHash(b.leaves.enumerated().map { ($0.element.index, $0.offset == 0 ? bad : $0.element.leaf) })
        t = b.inputs; t["newRoot"] = .number(badRoot.description); t["leavesHash"] = .number(badHash.description)
        Deriv.expectRejected(c, t, "new root mismatch")
        Deriv.expectUnsatisfied(c, b.witness, "payoff + 1") { $0[2] = badRoot; $0[4] = badHash }
        // Wrong sign: alice pays the call payoff instead of receiving it.
        let neg = try Deriv.leaf(owner: a.ownerKey, bal: a.balance - 80_000_000, call: 0, put: 0, fut: Int64(a.futQty), cost: a.futCost, salt: a.salt)
        let negRoot = try Self.rootOf(depth: 4, base: v, overrides: [a.index: neg])
        let negHash = Deriv.leavesHash(b.leaves.enumerated().map { ($0.element.index, $0.offset == 0 ? neg : $0.element.leaf) })
        Deriv.expectUnsatisfied(c, b.witness, "payoff with the wrong sign") { $0[2] = negRoot; $0[4] = negHash }
    }

    /// The root of the venue's current tree with some leaves overridden (independent recomputation).
    static func rootOf(depth: Int, base v: Venue, overrides: [UInt64: Fr]) throws -> Fr {
        var leaves = [Fr](repeating: .zero, count: 1 << depth)
        for n in v.order { let a = try v.account(n); leaves[Int(a.index)] = a.leaf }
        for (i, l) in overrides { leaves[Int(i)] = l }
        while leaves.count > 1 {
            leaves = stride(from: 0, to: leaves.count, by: 2).map { Poseidon.hash(leaves[$0], leaves[$0 + 1]) }
        }
        return leaves[0]
    }
}


/// Shared fixtures of the derivatives tests: the compiled circuits (compiled once per process)
/// and helpers to locate wires and recompute leaves/roots independently of the venue.
enum Deriv {
    /// The package root (the directory holding Package.swift), found from this file.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }()

    static var directory: String { root + "/Circuits/derivatives" }

    nonisolated(unsafe) private static var cache: VenueCircuits?
    private static let lock = NSLock()

    static func circuits() throws -> VenueCircuits {
        lock.lock(); defer { lock.unlock() }
        if let c = cache { return c }
        let c = try VenueCircuits.compile(directory: directory)
        cache = c
        return c
    }

    /// A venue with Kc = 100, Kp = 90 (fixed point) and R1CS checks on.
    static func venue() throws -> Venue {
        try Venue(circuits: try circuits(), series: 7, callStrike: px(100), putStrike: px(90), checkConstraints: true)
    }

    static func px(_ x: Int64) -> UInt64 { UInt64(x * 1_000_000) }
    static func cash(_ x: Int64) -> UInt64 { UInt64(x * 1_000_000) }

    /// The wire of private input `name` (flat element `element`): private inputs follow the public
    /// wires in declaration order.
    static func privateWire(_ c: CompiledCircuit, _ name: String, element: Int = 0) -> Int? {
        var w = 1 + c.publicOutputCount + c.publicInputCount
        for d in c.witnessProgram.inputs where !d.isPublic {
            let n = d.shape.reduce(1, *)
            if d.name == name { return element < n ? w + element : nil }
            w += n
        }
        return nil
    }

    /// Independent leaf commitment: Poseidon(ownerKey, balance, call, put, fut, cost, salt).
    static func leaf(owner: Fr, bal: Int64, call: Int64, put: Int64, fut: Int64, cost: Int64, salt: Fr) throws -> Fr {
        func s(_ x: Int64) -> Fr { x >= 0 ? Fr(UInt64(x)) : -Fr(x.magnitude) }
        return try Poseidon.hash([owner, s(bal), s(call), s(put), s(fut), s(cost), salt])
    }

    /// Root from a leaf, its index and siblings (LSB of index = right child at level 0).
    static func root(leaf: Fr, index: UInt64, siblings: [Fr]) -> Fr {
        var cur = leaf
        for (l, sib) in siblings.enumerated() {
            cur = (index >> UInt64(l)) & 1 == 1 ? Poseidon.hash(sib, cur) : Poseidon.hash(cur, sib)
        }
        return cur
    }

    static func leavesHash(_ pairs: [(UInt64, Fr)]) -> Fr {
        var h = Fr.zero
        for (i, l) in pairs { h = Poseidon.hash(h, Poseidon.hash(Fr(i), l)) }
        return h
    }

    /// Decimal strings of an input array element (scalar or 1-D / 2-D arrays).
    static func scalar(_ v: InputValue?) -> String? { if case .number(let s)? = v { return s }; return nil }
    static func array(_ v: InputValue?) -> [InputValue] { if case .array(let a)? = v { return a }; return [] }
    static func fr(_ v: InputValue?) throws -> Fr {
        guard let s = scalar(v) else { throw VenueError.invalidArgument("not a scalar input") }
        if s.hasPrefix("-") { return -(try Fr(decimal: String(s.dropFirst()))) }
        return try Fr(decimal: s)
    }

    /// Expects witness generation to fail with a message containing `fragment`.
    static func expectRejected(_ c: CompiledCircuit, _ inputs: [String: InputValue], _ fragment: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try c.witnessProgram.evaluate(inputs: inputs)
            XCTFail("the tampered witness was accepted (expected '\(fragment)')", file: file, line: line)
        } catch {
            XCTAssertTrue("\(error)".contains(fragment), "unexpected error: \(error) (expected '\(fragment)')", file: file, line: line)
        }
    }

    /// Expects the R1CS to reject `witness` after `edit`.
    static func expectUnsatisfied(_ c: CompiledCircuit, _ witness: [Fr], _ what: String,
                                  file: StaticString = #filePath, line: UInt = #line, edit: (inout [Fr]) -> Void) {
        XCTAssertNil(c.firstUnsatisfied(witness), "honest witness must satisfy (\(what))", file: file, line: line)
        var w = witness
        edit(&w)
        XCTAssertNotEqual(w, witness, "the edit changed nothing (\(what))", file: file, line: line)
        XCTAssertNotNil(c.firstUnsatisfied(w), "tampered witness satisfies the R1CS: \(what)", file: file, line: line)
        XCTAssertFalse(c.constraintSystem.isSatisfied(by: Witness(values: w)), what, file: file, line: line)
    }
}
