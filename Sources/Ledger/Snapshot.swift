import BN254

/// A read-only view of a ledger directory (no lock taken): HEAD, and log.bin replayed up to
/// HEAD's length. Bytes beyond it (a torn or unacknowledged tail that the next writer will
/// truncate) are counted, not read.
public struct LedgerSnapshot: Sendable {
    public let directory: String
    public let config: LedgerConfig
    public let head: Head
    public let state: ReplayState
    public let logSize: Int
    public var tailBytes: Int { logSize - Int(head.logLength) }
    public var records: [LoggedRecord] { state.records }

    public static func load(directory: String) throws -> LedgerSnapshot {
        let config = try LedgerConfig.decode(try readConfig(directory))
        let head = try Head.decode(try readAllBytes(directory + "/" + LedgerFiles.head))
        let log = try readAllBytes(directory + "/" + LedgerFiles.log)
        guard head.logLength <= UInt64(log.count) else {
            throw LedgerError.corrupt(file: "log.bin", record: nil, offset: log.count,
                                      reason: "log.bin has \(log.count) bytes but HEAD acknowledges \(head.logLength)")
        }
        let st = try Replay.run(config: config, log: log, limit: Int(head.logLength), keepRecords: true)
        try Replay.checkHead(head, st)
        return LedgerSnapshot(directory: directory, config: config, head: head, state: st, logSize: log.count)
    }

    static func readConfig(_ directory: String) throws -> [UInt8] {
        let path = directory + "/" + LedgerFiles.config
        guard fileExists(path) else {
            throw LedgerError.invalidArgument("\(directory): not a ledger directory (no \(LedgerFiles.config))")
        }
        return try readAllBytes(path)
    }

    /// The tree as it was when its root was `root` (genesis or after some batch), or nil if the
    /// ledger never had that root. Replays from genesis.
    public func tree(atRoot root: Fr) throws -> MerkleTree? {
        if state.tree.root == root { return state.tree }
        guard state.roots.contains(root) else { return nil }
        let log = try readAllBytes(directory + "/" + LedgerFiles.log)
        let st = try Replay.run(config: config, log: log, limit: Int(head.logLength), keepRecords: false,
                                stop: { $0.tree.root == root })
        return st.tree.root == root ? st.tree : nil
    }

    /// Reads ledger.json and every registered key, checking each key file's SHA-256, and prepares
    /// the verifiers.
    static func loadConfigAndKeys(directory: String, proofSystem: ProofSystem) throws
        -> (config: LedgerConfig, verifiers: [String: KindVerifier]) {
        let config = try LedgerConfig.decode(try readConfig(directory))
        guard config.proofSystem == proofSystem.name else {
            throw LedgerError.invalidArgument("\(directory): the ledger uses proof system '\(config.proofSystem)', not '\(proofSystem.name)'")
        }
        var verifiers: [String: KindVerifier] = [:]
        for (name, kind) in config.kinds {
            let bytes = try readAllBytes(directory + "/" + kind.vkFile)
            guard hexString(SHA256.hash(bytes)) == kind.sha256 else {
                throw LedgerError.corrupt(file: kind.vkFile, record: nil, offset: nil,
                                          reason: "SHA-256 differs from the one registered in ledger.json")
            }
            do { verifiers[name] = try proofSystem.prepare(name, bytes) }
            catch { throw LedgerError.corrupt(file: kind.vkFile, record: nil, offset: nil, reason: "\(error)") }
        }
        return (config, verifiers)
    }
}

/// What `Audit.run` found.
public struct AuditReport: Sendable {
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// 1-based record number, when the failure is in a record.
        public var record: Int?
        public var offset: Int?
        public var reason: String
        public var description: String {
            var s = file
            if let record { s += " record #\(record)" }
            if let offset { s += " (byte offset \(offset))" }
            return s + ": " + reason
        }
    }

    /// Records that passed every check (framing, chain, rules, proof).
    public var recordsVerified = 0
    public var sequence: UInt64 = 0
    /// The root after the last good record (the head root when `ok`).
    public var root: Fr?
    public var headChain: [UInt8] = []
    public var tailBytes = 0
    public var failure: Failure?
    public var ok: Bool { failure == nil }
}

/// The auditor: with only the directory (and the proof system), re-checks everything.
public enum Audit {
    /// Recomputes the hash chain, checks framing and CRCs, sequence numbers and root links,
    /// rebuilds the tree from the published leaves, re-verifies every proof (in batches of
    /// `batchSize` per kind when the proof system supports it; a failed batch is re-checked one
    /// by one to find the record), checks key files against ledger.json and HEAD against the log.
    /// Reports the first bad record (number, byte offset, reason).
    public static func run(directory: String, proofSystem: ProofSystem, batchSize: Int = 32) -> AuditReport {
        var report = AuditReport()
        func failed(_ e: Error, defaultFile: String) -> AuditReport.Failure {
            if case let LedgerError.corrupt(file, record, offset, reason) = e {
                return .init(file: file, record: record, offset: offset, reason: reason)
            }
            return .init(file: defaultFile, record: nil, offset: nil, reason: "\(e)")
        }
        let config: LedgerConfig, verifiers: [String: KindVerifier], head: Head, log: [UInt8]
        do {
            (config, verifiers) = try LedgerSnapshot.loadConfigAndKeys(directory: directory, proofSystem: proofSystem)
        } catch { report.failure = failed(error, defaultFile: LedgerFiles.config); return report }
        do { head = try Head.decode(try readAllBytes(directory + "/" + LedgerFiles.head)) }
        catch { report.failure = failed(error, defaultFile: LedgerFiles.head); return report }
        do { log = try readAllBytes(directory + "/" + LedgerFiles.log) }
        catch { report.failure = failed(error, defaultFile: LedgerFiles.log); return report }
        guard head.logLength <= UInt64(log.count) else {
            report.failure = .init(file: "log.bin", record: nil, offset: log.count,
                                   reason: "log.bin has \(log.count) bytes but HEAD acknowledges \(head.logLength)")
            return report
        }
        report.tailBytes = log.count - Int(head.logLength)
        let st: ReplayState, structural: LedgerError?
        do { (st, structural) = try Replay.runPartial(config: config, log: log, limit: Int(head.logLength), keepRecords: true) }
        catch { report.failure = failed(error, defaultFile: LedgerFiles.log); return report }

        // Proofs of the structurally sound records.
        var firstBadProof: AuditReport.Failure?
        var byKind: [String: [LoggedRecord]] = [:]
        for r in st.records { byKind[r.record.kind, default: []].append(r) }
        for (kind, recs) in byKind {
            guard let v = verifiers[kind] else { continue }   // safe: replay required registered kinds
            var start = 0
            while start < recs.count {
                let chunk = Array(recs[start..<min(recs.count, start + max(1, batchSize))])
                start += chunk.count
                if let vb = v.verifyBatch, chunk.count > 1,
                   (try? vb(chunk.map { ($0.record.publicInputs, $0.record.proof) })) == true { continue }
                for r in chunk {
                    var reason: String?
                    do { if try !v.verify(r.record.publicInputs, r.record.proof) { reason = "proof does not verify under the '\(kind)' key" } }
                    catch { reason = "proof cannot be checked: \(error)" }
                    if let reason, firstBadProof.map({ ($0.record ?? 0) > r.number }) ?? true {
                        firstBadProof = .init(file: "log.bin", record: r.number, offset: r.offset, reason: reason)
                        break
                    }
                }
            }
        }
        var failure: AuditReport.Failure? = structural.map { failed($0, defaultFile: LedgerFiles.log) }
        if let p = firstBadProof, (failure?.record ?? Int.max) > (p.record ?? 0) { failure = p }
        if failure == nil {
            do { try Replay.checkHead(head, st) } catch { failure = failed(error, defaultFile: LedgerFiles.head) }
        }
        let good = failure?.record.map { $0 - 1 } ?? st.records.count
        report.recordsVerified = failure == nil ? st.records.count : min(good, st.records.count)
        if failure == nil {
            report.sequence = st.sequence
            report.root = st.tree.root
            report.headChain = st.chain
        } else {
            report.sequence = UInt64(report.recordsVerified)
            report.root = st.roots.indices.contains(report.recordsVerified) ? st.roots[report.recordsVerified] : nil
        }
        report.failure = failure
        return report
    }
}
