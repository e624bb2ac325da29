import BN254

/// A record found in `log.bin` with its position.
public struct LoggedRecord: Sendable {
    /// 1-based record number (= its sequence number in a sound ledger).
    public var number: Int
    /// Byte offset of the frame in log.bin.
    public var offset: Int
    public var frameLength: Int
    public var chain: [UInt8]
    public var record: BatchRecord
    public var inputs: BatchPublicInputs
}

/// The state obtained by replaying a log: tree, chain, sequence.
public struct ReplayState: Sendable {
    public var tree: MerkleTree
    public var chain: [UInt8]
    public var sequence: UInt64
    /// Bytes of log.bin consumed.
    public var offset: Int
    public var records: [LoggedRecord] = []
    /// Roots after each batch: roots[0] = genesis, roots[i] = newRoot of batch i.
    public var roots: [Fr]
}

/// The rules a batch must satisfy against the current state, apart from its proof: shared by
/// `Ledger.submit` (failures are rejections) and replay/audit (failures are corruption).
enum BatchRules {
    static func check(kind: String, publicInputs: [Fr], leaves: [PublishedLeaf], config: LedgerConfig,
                      expectedCount: Int?, tree: MerkleTree, headSequence: UInt64, headRoot: Fr)
        throws -> (BatchPublicInputs, PendingTreeUpdate) {
        guard config.kinds[kind] != nil else { throw LedgerError.rejected(.unknownKind(kind)) }
        if let n = expectedCount, n != publicInputs.count {
            throw LedgerError.rejected(.wrongPublicInputCount(expected: "\(n) (the '\(kind)' key)", got: publicInputs.count))
        }
        var bpi: BatchPublicInputs
        do { bpi = try BatchPublicInputs(publicInputs) }
        catch LedgerError.rejected(.wrongSequence(_, let got)) {
            throw LedgerError.rejected(.wrongSequence(expected: headSequence &+ 1, got: got))
        }
        guard bpi.sequence == headSequence &+ 1, headSequence < UInt64.max else {
            throw LedgerError.rejected(.wrongSequence(expected: headSequence &+ 1, got: String(bpi.sequence)))
        }
        guard bpi.oldRoot == headRoot else {
            throw LedgerError.rejected(.staleRoot(expected: headRoot.description, got: bpi.oldRoot.description))
        }
        guard !leaves.isEmpty else { throw LedgerError.rejected(.noLeaves) }
        for (s, p) in leaves.enumerated() where p.index >= tree.capacity {
            throw LedgerError.rejected(.leafIndexOutOfRange(slot: s, index: p.index, capacity: tree.capacity))
        }
        let lh = LeavesHash.compute(leaves)
        guard lh == bpi.leavesHash else {
            throw LedgerError.rejected(.leavesHashMismatch(expected: bpi.leavesHash.description, computed: lh.description))
        }
        let update = try tree.preview(leaves)
        guard update.root == bpi.newRoot else {
            throw LedgerError.rejected(.newRootMismatch(claimed: bpi.newRoot.description, computed: update.root.description))
        }
        return (bpi, update)
    }
}

enum Replay {
    /// Replays `log[0..<limit]` from genesis, checking framing, CRC, hash chain, payload, and every
    /// batch rule except proofs. Throws `corrupt` naming the first bad record and its offset.
    static func run(config: LedgerConfig, log: [UInt8], limit: Int, keepRecords: Bool,
                    stop: ((ReplayState) -> Bool)? = nil) throws -> ReplayState {
        let (st, error) = try runPartial(config: config, log: log, limit: limit, keepRecords: keepRecords, stop: stop)
        if let error { throw error }
        return st
    }

    /// Like `run`, but returns the state reached before the first bad record together with that
    /// record's error (audit reports both).
    static func runPartial(config: LedgerConfig, log: [UInt8], limit: Int, keepRecords: Bool,
                           stop: ((ReplayState) -> Bool)? = nil) throws -> (ReplayState, LedgerError?) {
        var st = ReplayState(tree: try MerkleTree(depth: config.depth), chain: config.genesisChain,
                             sequence: 0, offset: 0, roots: [])
        guard st.tree.root == config.genesisRoot else {
            throw LedgerError.corrupt(file: "ledger.json", record: nil, offset: nil,
                                      reason: "genesisRoot is not the empty depth-\(config.depth) tree's root")
        }
        st.roots = [st.tree.root]
        var number = 0
        while st.offset < limit {
            if let stop, stop(st) { return (st, nil) }
            number += 1
            let off = st.offset
            func corrupt(_ r: String) -> LedgerError { .corrupt(file: "log.bin", record: number, offset: off, reason: r) }
            let frame: (payload: [UInt8], chain: [UInt8], next: Int)
            do { frame = try RecordFrame.decode(log, at: off, limit: limit) }
            catch let e as RecordFrame.FrameError { return (st, corrupt(e.reason)) }
            guard RecordFrame.chain(previous: st.chain, payload: frame.payload) == frame.chain else {
                return (st, corrupt("hash chain broken: SHA-256(previous chain ‖ payload) differs from the stored chain"))
            }
            let rec: BatchRecord
            do { rec = try BatchRecord.decodePayload(frame.payload) }
            catch { return (st, corrupt("\(error)")) }
            guard rec.sequence == st.sequence + 1 else {
                return (st, corrupt("record sequence \(rec.sequence), expected \(st.sequence + 1)"))
            }
            let checked: (BatchPublicInputs, PendingTreeUpdate)
            do {
                checked = try BatchRules.check(kind: rec.kind, publicInputs: rec.publicInputs, leaves: rec.leaves,
                                               config: config, expectedCount: nil, tree: st.tree,
                                               headSequence: st.sequence, headRoot: st.tree.root)
            } catch LedgerError.rejected(let r) { return (st, corrupt("\(r)")) }
            st.tree.apply(checked.1)
            st.chain = frame.chain
            st.sequence = rec.sequence
            st.offset = frame.next
            st.roots.append(st.tree.root)
            if keepRecords {
                st.records.append(LoggedRecord(number: number, offset: off, frameLength: frame.next - off,
                                               chain: frame.chain, record: rec, inputs: checked.0))
            }
        }
        return (st, nil)
    }

    /// Checks that HEAD agrees with the replayed state.
    static func checkHead(_ head: Head, _ st: ReplayState) throws {
        func bad(_ r: String) -> LedgerError { .corrupt(file: "HEAD", record: nil, offset: nil, reason: r) }
        guard head.sequence == st.sequence else { throw bad("sequence \(head.sequence) but log.bin holds \(st.sequence) records") }
        guard head.chain == st.chain else { throw bad("chain hash differs from the last record's") }
        guard head.root == st.tree.root else { throw bad("root \(head.root) differs from the replayed root \(st.tree.root)") }
    }
}
