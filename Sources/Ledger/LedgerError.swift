/// Every error the Ledger module throws. Submit rejections (`rejected`) leave the ledger directory
/// byte-for-byte unchanged; `corrupt` names the record and byte offset where a check first failed.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    /// A batch was refused; the ledger is unchanged.
    case rejected(Rejection)
    /// The directory's files are inconsistent (bad frame, checksum, chain, root, sequence…).
    case corrupt(file: String, record: Int?, offset: Int?, reason: String)
    /// A file could not be read or written (errno text).
    case io(path: String, reason: String)
    /// A user-supplied file or value is malformed (JSON shape, number, length…).
    case malformed(what: String, reason: String)
    /// Another process holds the writer lock.
    case locked(path: String)
    /// `init` on a directory that already holds a ledger, or other misuse of the API.
    case invalidArgument(String)
    /// The fault-injection switch fired (tests only): the writer stopped as if the process died.
    case simulatedCrash(afterBytes: Int)

    public var description: String {
        switch self {
        case let .rejected(r): return "batch rejected: \(r)"
        case let .corrupt(file, record, offset, reason):
            var s = "ledger corrupt: \(file)"
            if let record { s += " record #\(record)" }
            if let offset { s += " at byte \(offset)" }
            return s + ": \(reason)"
        case let .io(path, reason): return "\(path): \(reason)"
        case let .malformed(what, reason): return "\(what): \(reason)"
        case let .locked(path):
            return "\(path): the ledger is locked by another writer (one writer at a time); try again later"
        case let .invalidArgument(s): return s
        case let .simulatedCrash(n): return "simulated crash after \(n) bytes of I/O (fault injection)"
        }
    }
}

/// Why a batch was rejected. Each rule of `Ledger.submit` has its own case.
public enum Rejection: Equatable, CustomStringConvertible, Sendable {
    case unknownKind(String)
    case wrongPublicInputCount(expected: String, got: Int)
    case nonCanonicalPublicInput(index: Int, value: String)
    case staleRoot(expected: String, got: String)
    case wrongSequence(expected: UInt64, got: String)
    case leavesHashMismatch(expected: String, computed: String)
    case leafIndexOutOfRange(slot: Int, index: UInt64, capacity: UInt64)
    case nonCanonicalLeaf(slot: Int, value: String)
    case noLeaves
    case newRootMismatch(claimed: String, computed: String)
    case proofInvalid(kind: String)
    case proofMalformed(String)

    public var description: String {
        switch self {
        case let .unknownKind(k): return "batch kind '\(k)' is not registered in this ledger"
        case let .wrongPublicInputCount(e, g): return "expected \(e) public inputs, got \(g)"
        case let .nonCanonicalPublicInput(i, v):
            return "public input [\(i)] = \(v) is not canonical (must be < r; it is not reduced)"
        case let .staleRoot(e, g): return "oldRoot (public input [0]) is \(g) but the ledger's head root is \(e)"
        case let .wrongSequence(e, g): return "sequence number (public input [2]) is \(g); the next one is \(e)"
        case let .leavesHashMismatch(e, c):
            return "the published leaves hash to \(c) but public input [3] (leavesHash) is \(e)"
        case let .leafIndexOutOfRange(s, i, cap): return "published leaf #\(s): index \(i) is outside the tree (capacity \(cap))"
        case let .nonCanonicalLeaf(s, v): return "published leaf #\(s): \(v) is not canonical (must be < r)"
        case .noLeaves: return "a batch must publish at least one leaf"
        case let .newRootMismatch(claimed, computed):
            return "applying the published leaves gives root \(computed), not newRoot (public input [1]) \(claimed)"
        case let .proofInvalid(k): return "the proof does not verify under the registered '\(k)' verification key"
        case let .proofMalformed(s): return "the proof is malformed: \(s)"
        }
    }
}
