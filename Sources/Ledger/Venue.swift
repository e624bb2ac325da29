import Foundation
import BN254
import CircuitLang

/// The compiled derivative circuits (Circuits/derivatives), one per batch kind.
public struct VenueCircuits: @unchecked Sendable {
    /// Batch kinds in a stable order; each is the file `<kind>.zkc`.
    public static let kinds = ["deposit", "withdraw", "open", "mark", "expire"]
    /// Batch sizes (k published leaves) of each kind as the files declare them.
    public static let batchSize: [String: Int] = ["deposit": 1, "withdraw": 1, "open": 2, "mark": 4, "expire": 4]
    /// Merkle depth as account.zkc declares it (`const DEPTH`).
    public static let depth = 4

    public let circuits: [String: CompiledCircuit]
    /// Batch sizes of these compiled circuits (differ from the defaults when compiled with overrides).
    public let batchSize: [String: Int]
    /// Merkle depth of these compiled circuits.
    public let depth: Int

    public init(circuits: [String: CompiledCircuit], batchSize: [String: Int] = VenueCircuits.batchSize,
                depth: Int = VenueCircuits.depth) {
        self.circuits = circuits
        self.batchSize = batchSize
        self.depth = depth
    }

    /// Compiles `<directory>/<kind>.zkc` for every kind (directory = …/Circuits/derivatives).
    /// - Parameters:
    ///   - settleBatchSize: slots K of the mark and expire batches (overrides their `const K`).
    ///   - depth: Merkle depth (overrides account.zkc's `const DEPTH`; every kind imports it).
    public static func compile(directory: String, kinds: [String] = VenueCircuits.kinds,
                               settleBatchSize: Int? = nil, depth: Int? = nil) throws -> VenueCircuits {
        if let k = settleBatchSize, !(1...64).contains(k) {
            throw VenueError.invalidArgument("settle batch size must be 1…64 (flags are one 64-bit word), got \(k)")
        }
        if let d = depth, !(1...32).contains(d) { throw VenueError.invalidArgument("tree depth must be 1…32, got \(d)") }
        var out: [String: CompiledCircuit] = [:]
        var sizes = VenueCircuits.batchSize
        for k in kinds {
            var constants: [String: String] = [:]
            if let d = depth { constants["DEPTH"] = String(d) }
            if let n = settleBatchSize, k == "mark" || k == "expire" {
                constants["K"] = String(n)
                sizes[k] = n
            }
            out[k] = try Compiler.compile(path: directory + "/" + k + ".zkc", options: CompileOptions(constants: constants))
        }
        return VenueCircuits(circuits: out, batchSize: sizes, depth: depth ?? VenueCircuits.depth)
    }

    public func circuit(_ kind: String) throws -> CompiledCircuit {
        guard let c = circuits[kind] else { throw VenueError.invalidArgument("no compiled circuit for batch kind '\(kind)'") }
        return c
    }
}

/// The operator's off-chain state of a derivatives venue on one listed series (a call with strike
/// Kc, a put with strike Kp, a future), and the translation of business actions into batches.
///
/// Every action: checks the business rules natively (clear errors), computes the new account
/// states with fresh random salts, builds the circuit input, runs the witness program (which
/// re-checks every rule inside the circuit), cross-checks the public inputs the circuit computed,
/// and only then commits the new state. Amounts and prices are fixed point with scale 10^6
/// (`VenueMath.units`).
public final class Venue {
    public let depth: Int
    public let circuits: VenueCircuits
    /// The listed series: instrument = Poseidon(series, callStrike, putStrike).
    public let series: UInt64
    public let callStrike: UInt64
    public let putStrike: UInt64
    public let instrument: Fr
    /// When true, every witness is also checked against the R1CS (slower; tests use it).
    public var checkConstraints: Bool
    /// Off by default; tests switch the native pre-checks off to show the circuit refuses too.
    var skipNativeChecks = false

    public private(set) var accounts: [String: VenueAccount] = [:]
    public private(set) var order: [String] = []
    private var tree: VenueTree
    /// The sequence number of the next batch (the ledger's first batch is 1).
    public private(set) var nextSequence: UInt64 = 1

    public init(depth: Int? = nil, circuits: VenueCircuits, series: UInt64 = 1,
                callStrike: UInt64, putStrike: UInt64, checkConstraints: Bool = false) throws {
        let depth = depth ?? circuits.depth
        guard depth == circuits.depth else {
            throw VenueError.invalidArgument("the derivative circuits are compiled for depth \(circuits.depth), got \(depth)")
        }
        self.depth = depth
        self.circuits = circuits
        self.series = series
        self.callStrike = callStrike
        self.putStrike = putStrike
        self.instrument = try Poseidon.hash([Fr(series), Fr(callStrike), Fr(putStrike)])
        self.checkConstraints = checkConstraints
        self.tree = try VenueTree(depth: depth)
    }

    /// The current root (= the ledger's head root once every batch is submitted).
    public var root: Fr { tree.root }
    /// The root of the empty tree (the ledger's genesis root).
    public var genesisRoot: Fr { (try? VenueTree(depth: depth))?.root ?? .zero }

    public func account(_ name: String) throws -> VenueAccount {
        guard let a = accounts[name] else { throw VenueError.unknownAccount(name) }
        return a
    }

    // MARK: actions

    /// `name` deposits `amount` (fixed point); a new name opens an account at the next free index.
    public func deposit(account name: String, amount: UInt64) throws -> VenueBatch {
        guard amount <= UInt64(Int64.max) else { throw VenueError.overflow(what: "deposit amount \(amount)") }
        let fresh = accounts[name] == nil
        var acct: VenueAccount
        if let a = accounts[name] { acct = a } else {
            guard order.count < tree.capacity else { throw VenueError.venueFull(capacity: tree.capacity) }
            let secret = Fr.random()
            acct = VenueAccount(name: name, index: UInt64(order.count), ownerSecret: secret,
                                ownerKey: try Poseidon.hash([secret]), balance: 0, callQty: 0, putQty: 0,
                                futQty: 0, futCost: 0, salt: .zero)
        }
        var ins = slotInputs([acct], withSecret: true)
        ins["fresh"] = num(fresh ? 1 : 0)
        var next = acct
        next.balance = try VenueMath.i64(Int128(acct.balance) + Int128(amount), "balance of '\(name)' after the deposit")
        next.salt = Fr.random()
        ins["amount"] = num(amount)
        return try finish(kind: "deposit", inputs: ins, updates: [next], instrument: .zero, price: .zero,
                          extras: [Fr(amount)], flags: 0, summary: "\(name) deposits \(VenueMath.format(Int64(amount)))")
    }

    /// `name` withdraws `amount`; refused when the balance would become negative or the account
    /// would fall below initial margin at `referencePrice`.
    public func withdraw(account name: String, amount: UInt64, referencePrice: UInt64) throws -> VenueBatch {
        let acct = try account(name)
        var next = acct
        let nb = Int128(acct.balance) - Int128(amount)
        if !skipNativeChecks {
            guard nb >= 0 else { throw VenueError.insufficientBalance(account: name, balance: acct.balance, requested: amount) }
        }
        next.balance = try VenueMath.i64(nb, "balance after the withdrawal")
        if !skipNativeChecks { try checkInitialMargin(next, ref: referencePrice) }
        next.salt = Fr.random()
        var ins = slotInputs([acct], withSecret: true)
        ins.merge(seriesInputs()) { a, _ in a }
        ins["amount"] = num(amount)
        ins["price"] = num(referencePrice)
        return try finish(kind: "withdraw", inputs: ins, updates: [next], instrument: instrument, price: Fr(referencePrice),
                          extras: [Fr(amount)], flags: 0, summary: "\(name) withdraws \(VenueMath.format(Int64(clamping: amount)))")
    }

    /// `buyer` buys `qty` contracts of `product` from `seller` at `price` (premium per contract
    /// for options, the futures price for a future); each side pays `fee`. Both must meet initial
    /// margin afterwards at the underlying reference price `referencePrice`.
    public func trade(buyer: String, seller: String, product: VenueProduct, qty: UInt32, price: UInt64,
                      referencePrice: UInt64, fee: UInt64 = 0) throws -> VenueBatch {
        guard buyer != seller else { throw VenueError.invalidArgument("a trade needs two different accounts, got '\(buyer)' twice") }
        guard qty > 0 else { throw VenueError.invalidArgument("a trade needs a positive quantity") }
        let before = [try account(buyer), try account(seller)]
        var after: [VenueAccount] = []
        for (s, a) in before.enumerated() {
            let dq: Int128 = s == 0 ? Int128(qty) : -Int128(qty)
            let flow = dq * Int128(price)
            var n = a
            let isOpt = product != .future
            n.balance = try VenueMath.i64(Int128(a.balance) - (isOpt ? flow : 0) - Int128(fee), "balance of '\(a.name)' after the trade")
            if product == .call { n.callQty = try VenueMath.i32(Int128(a.callQty) + dq, "call position of '\(a.name)'") }
            if product == .put { n.putQty = try VenueMath.i32(Int128(a.putQty) + dq, "put position of '\(a.name)'") }
            if product == .future {
                n.futQty = try VenueMath.i32(Int128(a.futQty) + dq, "futures position of '\(a.name)'")
                n.futCost = try VenueMath.i64(Int128(a.futCost) + flow, "futures cost basis of '\(a.name)'")
            }
            if !skipNativeChecks { try checkInitialMargin(n, ref: referencePrice) }
            n.salt = Fr.random()
            after.append(n)
        }
        var ins = slotInputs(before, withSecret: true)
        ins.merge(seriesInputs()) { a, _ in a }
        ins["price"] = num(price)
        ins["product"] = num(UInt64(product.rawValue))
        ins["qty"] = num(UInt64(qty))
        ins["fee"] = num(fee)
        ins["ref"] = num(referencePrice)
        let what = ["call", "put", "future"][product.rawValue]
        return try finish(kind: "open", inputs: ins, updates: after, instrument: instrument, price: Fr(price),
                          extras: [Fr(UInt64(product.rawValue)), Fr(UInt64(qty)), Fr(fee), Fr(referencePrice)], flags: 0,
                          summary: "\(buyer) buys \(qty) \(what) from \(seller) at \(VenueMath.format(Int64(clamping: price)))")
    }

    /// Marks the futures of `names` (default: every account with a futures position or cost
    /// basis) at `price`. The accounts' PnL must net to zero (Σ qty = 0 and Σ cost = 0 in practice).
    public func mark(price: UInt64, accounts names: [String]? = nil, fee: UInt64 = 0) throws -> VenueBatch {
        let list = try names ?? order.filter { n in let a = try account(n); return a.futQty != 0 || a.futCost != 0 }
        return try settleBatch(kind: "mark", price: price, names: list, fee: fee) { a in
            let pnl = try VenueMath.i64(Int128(a.futQty) * Int128(price) - Int128(a.futCost), "futures PnL of '\(a.name)'")
            var n = a
            n.balance = try VenueMath.i64(Int128(a.balance) + Int128(pnl) - Int128(fee), "balance of '\(a.name)' after marking")
            n.futCost = try VenueMath.i64(Int128(a.futQty) * Int128(price), "marked cost basis of '\(a.name)'")
            return n
        }
    }

    /// Cash-settles the series' options of `names` (default: every account holding options) at
    /// the oracle settlement price; option positions become 0.
    public func expire(settlementPrice s: UInt64, accounts names: [String]? = nil, fee: UInt64 = 0) throws -> VenueBatch {
        let list = try names ?? order.filter { n in let a = try account(n); return a.callQty != 0 || a.putQty != 0 }
        let cv = VenueMath.callIntrinsic(s, callStrike), pv = VenueMath.putIntrinsic(s, putStrike)
        return try settleBatch(kind: "expire", price: s, names: list, fee: fee) { a in
            let c = try VenueMath.i64(Int128(a.callQty) * cv, "call payoff of '\(a.name)'")
            let p = try VenueMath.i64(Int128(a.putQty) * pv, "put payoff of '\(a.name)'")
            let payoff = try VenueMath.i64(Int128(c) + Int128(p), "option payoff of '\(a.name)'")
            var n = a
            n.balance = try VenueMath.i64(Int128(a.balance) + Int128(payoff) - Int128(fee), "balance of '\(a.name)' after expiry")
            n.callQty = 0
            n.putQty = 0
            return n
        }
    }

    // MARK: internals

    /// mark / expire: K slots; fewer accounts are padded by repeating the last one (a repeated
    /// account is already settled, so it gains nothing, but pays the per-slot fee again).
    private func settleBatch(kind: String, price: UInt64, names: [String], fee: UInt64,
                             apply: (VenueAccount) throws -> VenueAccount) throws -> VenueBatch {
        let k = circuits.batchSize[kind] ?? 4
        guard !names.isEmpty else { throw VenueError.invalidArgument("\(kind): no accounts to settle") }
        guard names.count <= k else {
            throw VenueError.invalidArgument("\(kind): \(names.count) accounts do not fit one batch of \(k); split them into netting groups")
        }
        guard Set(names).count == names.count else { throw VenueError.invalidArgument("\(kind): an account is listed twice") }
        var slots = names
        while slots.count < k { slots.append(names[names.count - 1]) }
        // Apply sequentially (a repeated account sees its updated state).
        var state: [String: VenueAccount] = [:]
        var before: [VenueAccount] = [], after: [VenueAccount] = []
        var delta: Int128 = 0
        var flags: UInt64 = 0
        for (s, n) in slots.enumerated() {
            let cur = try state[n] ?? account(n)
            var nx = try apply(cur)
            nx.salt = Fr.random()
            delta += Int128(nx.balance) - Int128(cur.balance)
            let eq = try VenueMath.equity(balance: nx.balance, fut: nx.futQty, cost: nx.futCost, ref: price)
            let mm = try VenueMath.requirement(call: nx.callQty, put: nx.putQty, fut: nx.futQty, ref: price,
                                               rate: VenueMath.maintenanceMarginRate)
            if eq < mm { flags |= 1 << UInt64(s) }
            before.append(cur); after.append(nx)
            state[n] = nx
        }
        if !skipNativeChecks {
            let imbalance = delta + Int128(k) * Int128(fee)
            guard imbalance == 0 else {
                throw VenueError.unbalanced(what: "the \(kind) batch of \(names.joined(separator: ", "))", imbalance: "\(imbalance)")
            }
        }
        var ins = slotInputs(before, withSecret: false)
        ins.merge(seriesInputs()) { a, _ in a }
        ins["price"] = num(price)
        ins["fee"] = num(fee)
        ins["flags"] = num(flags)
        let summary = kind == "mark" ? "mark futures at \(VenueMath.format(Int64(clamping: price)))"
                                     : "expire options at \(VenueMath.format(Int64(clamping: price)))"
        return try finish(kind: kind, inputs: ins, updates: after, instrument: instrument, price: Fr(price),
                          extras: [Fr(fee), Fr(flags)], flags: flags, summary: summary)
    }

    private func checkInitialMargin(_ a: VenueAccount, ref: UInt64) throws {
        let eq = try VenueMath.equity(balance: a.balance, fut: a.futQty, cost: a.futCost, ref: ref)
        let im = try VenueMath.requirement(call: a.callQty, put: a.putQty, fut: a.futQty, ref: ref, rate: VenueMath.initialMarginRate)
        guard eq >= im else { throw VenueError.marginViolated(account: a.name, equity: eq, required: im) }
    }

    /// Runs the witness program on `inputs` completed with the roots, sequence and leaves hash,
    /// cross-checks the public inputs, and commits `updates` (in slot order) to the state.
    private func finish(kind: String, inputs: [String: InputValue], updates: [VenueAccount], instrument: Fr, price: Fr,
                        extras: [Fr], flags: UInt64, summary: String) throws -> VenueBatch {
        let circuit = try circuits.circuit(kind)
        var ins = inputs
        // Chain the updates through a scratch tree: slot s's siblings are taken after slots < s.
        var t = tree
        let oldRoot = t.root
        var leaves: [VenueLeaf] = []
        var siblings: [InputValue] = []
        var newSalts: [InputValue] = []
        for u in updates {
            siblings.append(frs(t.siblings(u.index)))
            let leaf = u.leaf
            t.set(u.index, leaf)
            leaves.append(VenueLeaf(index: u.index, leaf: leaf))
            newSalts.append(fr(u.salt))
        }
        ins["siblings"] = updates.count == 1 ? siblings[0] : .array(siblings)
        ins["newSalt"] = updates.count == 1 ? newSalts[0] : .array(newSalts)
        let leavesHash = VenueLeavesHash.compute(leaves)
        let seq = nextSequence
        ins["oldRoot"] = fr(oldRoot)
        ins["newRoot"] = fr(t.root)
        ins["seq"] = num(seq)
        ins["leavesHash"] = fr(leavesHash)
        ins["instrument"] = fr(instrument)
        if ins["price"] == nil { ins["price"] = fr(price) }
        let witness: [Fr]
        do { witness = try circuit.witnessProgram.evaluate(inputs: ins) }
        catch let e as CircuitLangError { throw VenueError.circuitRejected(kind: kind, reason: e.description) }
        let publicInputs = [oldRoot, t.root, Fr(seq), leavesHash, instrument, price] + extras
        let n = circuit.publicInputCount
        guard circuit.publicOutputCount == 0, n == publicInputs.count, witness.count > n,
              Array(witness[1...n]) == publicInputs else {
            throw VenueError.inconsistent(kind: kind, what: "the circuit's public inputs differ from the venue's")
        }
        if checkConstraints, let i = circuit.firstUnsatisfied(witness) {
            throw VenueError.inconsistent(kind: kind, what: "the witness violates constraint \(i)")
        }
        // Commit.
        tree = t
        for u in updates {
            if accounts[u.name] == nil { order.append(u.name) }
            accounts[u.name] = u
        }
        nextSequence += 1
        return VenueBatch(kind: kind, inputs: ins, witness: witness, publicInputs: publicInputs, leaves: leaves,
                          flags: flags, summary: summary)
    }

    /// The per-account inputs of the slots (scalars for a 1-slot circuit, arrays otherwise).
    private func slotInputs(_ slots: [VenueAccount], withSecret: Bool) -> [String: InputValue] {
        func col(_ f: (VenueAccount) -> InputValue) -> InputValue {
            slots.count == 1 ? f(slots[0]) : .array(slots.map(f))
        }
        var d: [String: InputValue] = [
            "index": col { num($0.index) },
            "bal": col { snum(Int64($0.balance)) },
            "callQty": col { snum(Int64($0.callQty)) },
            "putQty": col { snum(Int64($0.putQty)) },
            "futQty": col { snum(Int64($0.futQty)) },
            "futCost": col { snum($0.futCost) },
            "oldSalt": col { fr($0.salt) },
        ]
        if withSecret { d["ownerSecret"] = col { fr($0.ownerSecret) } } else { d["ownerKey"] = col { fr($0.ownerKey) } }
        return d
    }

    private func seriesInputs() -> [String: InputValue] {
        ["series": num(series), "callStrike": num(callStrike), "putStrike": num(putStrike)]
    }
}

private func num(_ x: UInt64) -> InputValue { .number(String(x)) }
private func num(_ x: Int) -> InputValue { .number(String(x)) }
private func snum(_ x: Int64) -> InputValue { .number(String(x)) }
private func fr(_ x: Fr) -> InputValue { .number(x.description) }
private func frs(_ xs: [Fr]) -> InputValue { .array(xs.map(fr)) }
