import BN254
import CircuitLang

/// The public-input layout every batch circuit follows (the CONTRACT between the ledger and the
/// circuits; docs/LEDGER.md §2):
///
/// | index | name | meaning |
/// | --- | --- | --- |
/// | 0 | oldRoot | the ledger's head root the batch starts from |
/// | 1 | newRoot | the root after the batch |
/// | 2 | sequence | the batch number, first batch = 1, < 2^64 |
/// | 3 | leavesHash | `LeavesHash.compute` of the (index, leaf) pairs the batch publishes |
/// | 4 | instrument | instrument id |
/// | 5 | price | oracle settlement / mark price (fixed point as the circuit defines) |
/// | 6… | extra | kind-specific extra public inputs (may be none) |
public struct BatchPublicInputs: Sendable, Equatable {
    public static let fixedCount = 6

    public var oldRoot: Fr
    public var newRoot: Fr
    public var sequence: UInt64
    public var leavesHash: Fr
    public var instrument: Fr
    public var price: Fr
    public var extra: [Fr]

    public init(oldRoot: Fr, newRoot: Fr, sequence: UInt64, leavesHash: Fr, instrument: Fr, price: Fr, extra: [Fr] = []) {
        self.oldRoot = oldRoot; self.newRoot = newRoot; self.sequence = sequence
        self.leavesHash = leavesHash; self.instrument = instrument; self.price = price; self.extra = extra
    }

    /// The public inputs in circuit order.
    public var fields: [Fr] { [oldRoot, newRoot, Fr(sequence), leavesHash, instrument, price] + extra }

    /// Decodes field elements in the layout above; rejects fewer than 6 and a sequence ≥ 2^64.
    public init(_ fields: [Fr]) throws {
        guard fields.count >= Self.fixedCount else {
            throw LedgerError.rejected(.wrongPublicInputCount(expected: "at least \(Self.fixedCount)", got: fields.count))
        }
        let s = fields[2].canonical
        guard s.1 == 0, s.2 == 0, s.3 == 0 else {
            throw LedgerError.rejected(.wrongSequence(expected: 0, got: fields[2].description))
        }
        self.init(oldRoot: fields[0], newRoot: fields[1], sequence: s.0, leavesHash: fields[3],
                  instrument: fields[4], price: fields[5], extra: Array(fields[6...]))
    }

    /// Decodes snarkjs `public.json` strings (decimal); a value ≥ r is rejected, never reduced.
    public init(decimalStrings: [String]) throws {
        var out: [Fr] = []
        for (i, s) in decimalStrings.enumerated() {
            do { out.append(try Fr(decimal: s, what: "public[\(i)]")) }
            catch BN254Error.notCanonical { throw LedgerError.rejected(.nonCanonicalPublicInput(index: i, value: s)) }
            catch { throw LedgerError.malformed(what: "public input [\(i)]", reason: "'\(s.prefix(80))' is not a decimal integer") }
        }
        try self.init(out)
    }

    /// Decodes 32-byte big-endian canonical encodings (the log's layout); ≥ r is rejected.
    public static func decodeFields(bytesBE data: [UInt8], count: Int) throws -> [Fr] {
        guard data.count == 32 * count else {
            throw LedgerError.malformed(what: "public inputs", reason: "expected \(32 * count) bytes, got \(data.count)")
        }
        var out: [Fr] = []
        for i in 0..<count {
            do { out.append(try Fr(bytesBE: data[(32 * i)..<(32 * i + 32)])) }
            catch { throw LedgerError.rejected(.nonCanonicalPublicInput(index: i, value: "0x" + hexString(data[(32 * i)..<(32 * i + 32)]))) }
        }
        return out
    }
}

/// One (index, leaf) pair a batch publishes: the new commitment of the account at `index`.
public struct PublishedLeaf: Sendable, Equatable {
    public var index: UInt64
    public var leaf: Fr
    public init(index: UInt64, leaf: Fr) { self.index = index; self.leaf = leaf }
}

/// The hash that binds a batch's published leaves to its proof (public input [3]):
///
///     h_0 = 0,  h_{i+1} = Poseidon(h_i, Poseidon(index_i, leaf_i)),  leavesHash = h_k
///
/// with Poseidon the circomlib-compatible Poseidon(2). A batch kind of size k publishes exactly k
/// pairs in circuit order — every slot is a real account update (an unchanged account publishes
/// its current leaf); indices may repeat, later pairs overwrite earlier ones.
public enum LeavesHash {
    public static func compute(_ leaves: [PublishedLeaf]) -> Fr {
        var h = Fr.zero
        for p in leaves { h = Poseidon.hash(h, Poseidon.hash(Fr(p.index), p.leaf)) }
        return h
    }
}

/// An account's leaf commitment: Poseidon(owner key, balance, position…, salt) (circomlib
/// Poseidon(n), 2 ≤ n ≤ 16). The ledger never sees the preimage; this helper is for clients
/// and tests.
public enum AccountCommitment {
    public static func leaf(owner: Fr, balance: Fr, positions: [Fr], salt: Fr) throws -> Fr {
        let inputs = [owner, balance] + positions + [salt]
        guard inputs.count <= 16 else {
            throw LedgerError.invalidArgument("an account commitment takes at most 16 inputs (owner, balance, ≤ 13 positions, salt)")
        }
        return try Poseidon.hash(inputs)
    }
}
