import BN254
import CircuitLang

/// Errors of the derivatives venue driver (`Venue`): a refused business action, a circuit that
/// rejected the witness, or a bad argument. Every case names what was expected.
public enum VenueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The account name is not known to the venue.
    case unknownAccount(String)
    /// The tree is full (2^depth accounts).
    case venueFull(capacity: Int)
    /// A withdrawal larger than the balance.
    case insufficientBalance(account: String, balance: Int64, requested: UInt64)
    /// After the action the account would not meet initial margin.
    case marginViolated(account: String, equity: Int64, required: Int64)
    /// The accounts of a mark/expiry batch do not net to zero (value would not be conserved).
    case unbalanced(what: String, imbalance: String)
    /// A value left its range (64-bit amounts/prices, 32-bit quantities).
    case overflow(what: String)
    /// An argument the venue cannot use.
    case invalidArgument(String)
    /// The witness program refused the inputs (an assert or range check of the circuit).
    case circuitRejected(kind: String, reason: String)
    /// A venue/circuit disagreement (a bug): the circuit computed different public values.
    case inconsistent(kind: String, what: String)

    public var description: String {
        switch self {
        case .unknownAccount(let n): return "venue: unknown account '\(n)' (deposit into it first)"
        case .venueFull(let c): return "venue: the account tree is full (\(c) accounts)"
        case .insufficientBalance(let a, let b, let r):
            return "venue: '\(a)' cannot withdraw \(r): the balance is \(b) (a withdrawal may not make it negative)"
        case .marginViolated(let a, let e, let r):
            return "venue: '\(a)' would not meet initial margin: equity \(e) < required \(r)"
        case .unbalanced(let w, let i): return "venue: \(w) does not net to zero (imbalance \(i)); value would not be conserved"
        case .overflow(let w): return "venue: \(w) is out of range"
        case .invalidArgument(let m): return "venue: \(m)"
        case .circuitRejected(let k, let r): return "venue: the \(k) circuit rejected the batch: \(r)"
        case .inconsistent(let k, let w): return "venue: internal inconsistency in the \(k) batch: \(w)"
        }
    }
}

/// The traded product of a trade (`open` batch extra [6]).
public enum VenueProduct: Int, Sendable, CaseIterable {
    case call = 0, put = 1, future = 2
}

/// One account's private state, held by the operator (the tree only stores its commitment).
public struct VenueAccount: Sendable, Equatable {
    public let name: String
    public let index: UInt64
    /// ownerKey = Poseidon(ownerSecret).
    public let ownerSecret: Fr
    public let ownerKey: Fr
    /// Cash, fixed point (scale 10^6), signed: settlement losses may make it negative.
    public var balance: Int64
    public var callQty: Int32
    public var putQty: Int32
    public var futQty: Int32
    /// Futures cost basis Σ (signed contracts · trade price) since the last mark.
    public var futCost: Int64
    public var salt: Fr

    /// Poseidon(ownerKey, balance, callQty, putQty, futQty, futCost, salt) — docs/DERIVATIVES.md §2.
    public var leaf: Fr {
        // safe: 7 inputs is within Poseidon's 1…16
        (try? Poseidon.hash([ownerKey, Fr(signed: balance), Fr(signed: Int64(callQty)), Fr(signed: Int64(putQty)),
                              Fr(signed: Int64(futQty)), Fr(signed: futCost), salt])) ?? .zero
    }
}

/// One (index, leaf) pair a batch publishes (the ledger's `PublishedLeaf`).
public struct VenueLeaf: Sendable, Equatable {
    public let index: UInt64
    public let leaf: Fr
    public init(index: UInt64, leaf: Fr) { self.index = index; self.leaf = leaf }
}

/// Everything a batch submission needs, produced by one business action.
public struct VenueBatch: Sendable {
    /// Batch kind = circuit name: deposit, withdraw, open, mark, expire.
    public let kind: String
    /// The circuit's input (input.json as values).
    public let inputs: [String: InputValue]
    /// The full witness in circom wire order (wire 0 = 1, then the public inputs).
    public let witness: [Fr]
    /// The public inputs in the ledger's layout: oldRoot, newRoot, seq, leavesHash, instrument, price, extras.
    public let publicInputs: [Fr]
    /// The k published (index, newLeaf) pairs in slot order.
    public let leaves: [VenueLeaf]
    /// Liquidation flags (mark / expire): bit s set when slot s is below maintenance margin.
    public let flags: UInt64
    /// Human-readable summary ("alice deposits 1000.000000").
    public let summary: String
}

extension Fr {
    /// The field element of a signed integer (negatives as r − |x|, the circuits' iN encoding).
    init(signed x: Int64) {
        self = x >= 0 ? Fr(UInt64(x)) : -Fr(x.magnitude)
    }
}

/// Fixed-point helpers of the venue (scale 10^6, as Circuits/derivatives/payoff.zkc).
public enum VenueMath {
    public static let scale: Int64 = 1_000_000
    public static let initialMarginRate: Int64 = 100_000      // 10%
    public static let maintenanceMarginRate: Int64 = 50_000   // 5%

    /// An amount of whole currency units in fixed point: 1000 → 1_000_000_000.
    public static func units(_ x: Int64) -> Int64 { x * scale }

    /// "1234.500000" for a fixed-point value.
    public static func format(_ v: Int64) -> String {
        let neg = v < 0
        let m = v.magnitude
        let s = UInt64(scale)
        let frac = String(m % s)
        return (neg ? "-" : "") + "\(m / s)." + String(repeating: "0", count: 6 - frac.count) + frac
    }

    static func i64(_ x: Int128, _ what: String) throws -> Int64 {
        guard x >= Int128(Int64.min), x <= Int128(Int64.max) else { throw VenueError.overflow(what: "\(what) (\(x)) as a signed 64-bit amount") }
        return Int64(x)
    }

    static func i32(_ x: Int128, _ what: String) throws -> Int32 {
        guard x >= Int128(Int32.min), x <= Int128(Int32.max) else { throw VenueError.overflow(what: "\(what) (\(x)) as a signed 32-bit quantity") }
        return Int32(x)
    }

    /// floor(a / b) for b > 0.
    static func floorDiv(_ a: Int128, _ b: Int128) -> Int128 {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }

    static func callIntrinsic(_ spot: UInt64, _ strike: UInt64) -> Int128 { spot > strike ? Int128(spot - strike) : 0 }
    static func putIntrinsic(_ spot: UInt64, _ strike: UInt64) -> Int128 { strike > spot ? Int128(strike - spot) : 0 }

    /// (|fut| + short calls + short puts) · ref, checked to 64 bits (payoff.zkc risk_notional).
    static func riskNotional(call: Int32, put: Int32, fut: Int32, ref: UInt64) throws -> Int64 {
        let units = Int128(fut.magnitude) + Int128(call < 0 ? call.magnitude : 0) + Int128(put < 0 ? put.magnitude : 0)
        return try i64(units * Int128(ref), "risk notional")
    }

    /// floor(notional · rate / scale) (fx_mul).
    static func requirement(call: Int32, put: Int32, fut: Int32, ref: UInt64, rate: Int64) throws -> Int64 {
        let n = try riskNotional(call: call, put: put, fut: fut, ref: ref)
        return try i64(floorDiv(Int128(n) * Int128(rate), Int128(scale)), "margin requirement")
    }

    /// balance + fut · ref − cost, checked (payoff.zkc equity).
    static func equity(balance: Int64, fut: Int32, cost: Int64, ref: UInt64) throws -> Int64 {
        let pnl = try i64(Int128(fut) * Int128(ref) - Int128(cost), "futures PnL")
        return try i64(Int128(balance) + Int128(pnl), "equity")
    }
}

/// The venue's account tree: a dense binary Poseidon Merkle tree (empty leaf 0, node =
/// Poseidon(left, right)), the same tree as the ledger's and std/merkle.zkc.
struct VenueTree: Sendable {
    let depth: Int
    /// levels[l][i]: node i at height l (0 = leaves).
    private(set) var levels: [[Fr]]

    init(depth: Int) throws {
        guard depth >= 1, depth <= 16 else { throw VenueError.invalidArgument("tree depth must be 1…16, got \(depth)") }
        self.depth = depth
        var zero = Fr.zero
        var lv: [[Fr]] = []
        for l in 0...depth {
            lv.append(Array(repeating: zero, count: 1 << (depth - l)))
            zero = Poseidon.hash(zero, zero)
        }
        levels = lv
    }

    var root: Fr { levels[depth][0] }
    var capacity: Int { 1 << depth }

    func leaf(_ index: UInt64) -> Fr { levels[0][Int(index)] }

    /// Siblings from the leaf level up.
    func siblings(_ index: UInt64) -> [Fr] {
        var i = Int(index)
        var out: [Fr] = []
        for l in 0..<depth { out.append(levels[l][i ^ 1]); i >>= 1 }
        return out
    }

    mutating func set(_ index: UInt64, _ leaf: Fr) {
        var i = Int(index)
        levels[0][i] = leaf
        for l in 0..<depth {
            let left = levels[l][i & ~1], right = levels[l][i | 1]
            i >>= 1
            levels[l + 1][i] = Poseidon.hash(left, right)
        }
    }
}

/// h_0 = 0, h_{i+1} = Poseidon(h_i, Poseidon(index_i, leaf_i)) — the ledger's LeavesHash.
public enum VenueLeavesHash {
    public static func compute(_ leaves: [VenueLeaf]) -> Fr {
        var h = Fr.zero
        for p in leaves { h = Poseidon.hash(h, Poseidon.hash(Fr(p.index), p.leaf)) }
        return h
    }
}
