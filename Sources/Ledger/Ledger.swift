import Foundation
import BN254
#if canImport(Glibc)
import Glibc
#endif

/// `flock(2)`: Swift imports the C function and `struct flock` under one name and only the type
/// is reachable, so the libc symbol is bound directly.
@_silgen_name("flock") func flockFunction(_ fd: Int32, _ operation: Int32) -> Int32

/// File names inside a ledger directory (docs/LEDGER.md §3).
public enum LedgerFiles {
    public static let config = "ledger.json"
    public static let log = "log.bin"
    public static let head = "HEAD"
    public static let lock = "lock"
    public static let keys = "keys"
    public static func key(_ kind: String) -> String { "keys/\(kind).vk.json" }
}

/// The ledger's writer: one per directory at a time (exclusive `flock` on `lock`).
///
/// `submit` appends a batch only if every rule holds (docs/LEDGER.md §4); otherwise it throws
/// `LedgerError.rejected` and has written nothing. It returns only after the record and the new
/// HEAD are durable (log fsync; HEAD written to HEAD.tmp, fsync, rename, directory fsync).
public final class Ledger {
    public let directory: String
    public let config: LedgerConfig
    public private(set) var head: Head
    public private(set) var tree: MerkleTree
    /// roots[i] = root after batch i (roots[0] = genesis).
    public private(set) var roots: [Fr]
    private let verifiers: [String: KindVerifier]
    private let io: DurableIO
    private var lockFD: Int32 = -1
    private var logFD: Int32 = -1
    /// Set when a write failed midway: the object must be discarded and the ledger reopened.
    private var poisoned: String?

    // MARK: create

    /// Creates a new ledger in `directory` (created if missing; must not already hold anything):
    /// ledger.json, keys/<kind>.vk.json, an empty log.bin, HEAD at sequence 0, and the lock file.
    ///
    /// One atomic step: everything is written and fsynced in a staging directory beside the target
    /// (`.<name>.init-<pid>`), which is then renamed onto it (rename(2) replaces a missing or empty
    /// directory atomically) and the parent directory is fsynced. A crash leaves either no ledger
    /// (the target as it was, plus a staging directory to delete) or the complete one.
    /// `fault` is the crash-test switch, as for the writer.
    public static func create(at directory: String, depth: Int, kinds: [(name: String, verificationKey: [UInt8])],
                              proofSystem: ProofSystem, fault: FaultInjection? = nil) throws {
        let tree = try MerkleTree(depth: depth)
        guard !kinds.isEmpty else { throw LedgerError.invalidArgument("register at least one batch kind") }
        var entries: [String: LedgerConfig.Kind] = [:]
        for k in kinds {
            guard LedgerConfig.isValidKindName(k.name) else {
                throw LedgerError.invalidArgument("batch kind name '\(k.name)' must be 1…64 of [A-Za-z0-9_-]")
            }
            guard entries[k.name] == nil else { throw LedgerError.invalidArgument("batch kind '\(k.name)' given twice") }
            _ = try proofSystem.prepare(k.name, k.verificationKey)    // the key must parse
            entries[k.name] = .init(name: k.name, vkFile: LedgerFiles.key(k.name), sha256: hexString(SHA256.hash(k.verificationKey)))
        }
        let fm = FileManager.default
        if fileExists(directory) {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
                throw LedgerError.invalidArgument("\(directory): exists and is not a directory")
            }
            let contents = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
            guard contents.isEmpty else {
                throw LedgerError.invalidArgument("\(directory): exists and is not empty (refusing to overwrite; init needs a new or empty directory)")
            }
        }
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent().path
        let staging = parent + "/." + target.lastPathComponent + ".init-\(getpid())"
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if fileExists(staging) { try fm.removeItem(atPath: staging) }
            try fm.createDirectory(atPath: staging + "/" + LedgerFiles.keys, withIntermediateDirectories: true)
        } catch { throw LedgerError.io(path: staging, reason: "cannot create directory: \(error.localizedDescription)") }

        let io = DurableIO(fault)
        do {
            for k in kinds {
                try io.replaceAtomically(staging + "/" + LedgerFiles.key(k.name), directory: staging + "/" + LedgerFiles.keys, k.verificationKey)
            }
            let config = LedgerConfig(depth: depth, proofSystem: proofSystem.name, genesisRoot: tree.root, kinds: entries)
            try io.replaceAtomically(staging + "/" + LedgerFiles.lock, directory: staging, [])
            try io.replaceAtomically(staging + "/" + LedgerFiles.log, directory: staging, [])
            try io.replaceAtomically(staging + "/" + LedgerFiles.config, directory: staging, config.encode())
            let head = Head(sequence: 0, logLength: 0, chain: config.genesisChain, root: tree.root)
            try io.replaceAtomically(staging + "/" + LedgerFiles.head, directory: staging, head.encode())
            try io.rename(staging, target.path)     // the commit point
            try io.fsyncDirectory(parent)
        } catch {
            // A simulated crash leaves what a real one would; any other failure cleans up.
            if !io.crashed { try? fm.removeItem(atPath: staging) }
            throw error
        }
    }

    // MARK: open

    /// Opens the ledger for writing: takes the writer lock (waiting up to `lockTimeout` seconds),
    /// loads the registered keys (checking their SHA-256), reads HEAD, replays log.bin up to
    /// HEAD's length (corruption there is an error naming the record), truncates a torn or
    /// unacknowledged tail beyond it, and removes a leftover HEAD.tmp.
    public init(directory: String, proofSystem: ProofSystem, lockTimeout: Double = 0,
                fault: FaultInjection? = FaultInjection.fromEnvironment()) throws {
        self.directory = directory
        io = DurableIO(fault)
        let lockPath = directory + "/" + LedgerFiles.lock
        let lfd = Glibc.open(lockPath, O_RDWR)
        guard lfd >= 0 else {
            if !fileExists(directory + "/" + LedgerFiles.config) {
                throw LedgerError.invalidArgument("\(directory): not a ledger directory (no \(LedgerFiles.config); run `zkclear ledger init`)")
            }
            throw DurableIO.errno(lockPath, "open")
        }
        let deadline = Date().addingTimeInterval(max(0, lockTimeout))
        while flockFunction(lfd, LOCK_EX | LOCK_NB) != 0 {
            guard Glibc.errno == EWOULDBLOCK || Glibc.errno == EINTR, Date() < deadline else {
                Glibc.close(lfd)
                throw LedgerError.locked(path: lockPath)
            }
            usleep(20_000)
        }
        do {
            let s = try Self.load(directory: directory, proofSystem: proofSystem, io: io)
            config = s.config; verifiers = s.verifiers; head = s.head; tree = s.tree; roots = s.roots; logFD = s.logFD
            lockFD = lfd
        } catch {
            Glibc.close(lfd)
            throw error
        }
    }

    private static func load(directory: String, proofSystem: ProofSystem, io: DurableIO) throws
        -> (config: LedgerConfig, verifiers: [String: KindVerifier], head: Head, tree: MerkleTree, roots: [Fr], logFD: Int32) {
        let loaded = try LedgerSnapshot.loadConfigAndKeys(directory: directory, proofSystem: proofSystem)
        let config = loaded.config
        let headPath = directory + "/" + LedgerFiles.head
        let head = try Head.decode(try readAllBytes(headPath))
        let logPath = directory + "/" + LedgerFiles.log
        let log = try readAllBytes(logPath)
        guard head.logLength <= UInt64(log.count) else {
            throw LedgerError.corrupt(file: "log.bin", record: nil, offset: log.count,
                                      reason: "log.bin has \(log.count) bytes but HEAD acknowledges \(head.logLength): acknowledged records are missing")
        }
        let st = try Replay.run(config: config, log: log, limit: Int(head.logLength), keepRecords: false)
        try Replay.checkHead(head, st)
        let fd = Glibc.open(logPath, O_WRONLY | O_APPEND)
        guard fd >= 0 else { throw DurableIO.errno(logPath, "open") }
        do {
            if log.count > Int(head.logLength) {      // torn / unacknowledged tail: drop it
                try io.truncate(fd: fd, length: Int(head.logLength), path: logPath)
                try io.fsync(fd: fd, path: logPath)
            }
            if fileExists(headPath + ".tmp") {         // a HEAD update that never reached its rename
                unlink(headPath + ".tmp")
                try io.fsyncDirectory(directory)
            }
        } catch { Glibc.close(fd); throw error }
        return (config, loaded.verifiers, head, st.tree, st.roots, fd)
    }

    deinit { closeFiles() }

    private func closeFiles() {
        if logFD >= 0 { Glibc.close(logFD); logFD = -1 }
        if lockFD >= 0 { Glibc.close(lockFD); lockFD = -1 }   // closing releases the flock
    }

    /// Releases the writer lock; the object cannot submit afterwards.
    public func close() {
        closeFiles()
        if poisoned == nil { poisoned = "closed" }
    }

    /// The registered batch kinds, sorted.
    public var kinds: [String] { config.kinds.keys.sorted() }

    // MARK: submit

    /// Checks and appends one batch. Rules, each a distinct `Rejection`: the kind is registered;
    /// the public-input count matches its key; the layout decodes (sequence < 2^64); sequence =
    /// head + 1; oldRoot = head root; ≥ 1 leaf, every index inside the tree; the leaves hash to
    /// leavesHash; applying them gives newRoot; the proof verifies. Returns the new HEAD, after it
    /// is durable.
    @discardableResult
    public func submit(kind: String, publicInputs: [Fr], proof: [UInt8], leaves: [PublishedLeaf]) throws -> Head {
        if let p = poisoned {
            throw LedgerError.invalidArgument("this Ledger object is unusable (\(p)); reopen the directory")
        }
        let verifier = verifiers[kind]
        let (bpi, update) = try BatchRules.check(kind: kind, publicInputs: publicInputs, leaves: leaves, config: config,
                                                 expectedCount: verifier?.publicInputCount, tree: tree,
                                                 headSequence: head.sequence, headRoot: head.root)
        guard let verifier else { throw LedgerError.rejected(.unknownKind(kind)) }   // safe: check() already required it
        guard try verifier.verify(publicInputs, proof) else { throw LedgerError.rejected(.proofInvalid(kind: kind)) }

        let record = BatchRecord(kind: kind, sequence: bpi.sequence, publicInputs: publicInputs, proof: proof, leaves: leaves)
        let (frame, chain) = RecordFrame.encode(payload: record.encodePayload(), previousChain: head.chain)
        let newHead = Head(sequence: bpi.sequence, logLength: head.logLength + UInt64(frame.count), chain: chain, root: update.root)
        let logPath = directory + "/" + LedgerFiles.log
        do {
            try io.writeAll(fd: logFD, frame, path: logPath)
            try io.fsync(fd: logFD, path: logPath)
            try io.replaceAtomically(directory + "/" + LedgerFiles.head, directory: directory, newHead.encode())
        } catch {
            // Whether the batch is durable is unknown until the directory is reopened (which
            // keeps it iff HEAD was replaced, and truncates it otherwise).
            poisoned = "a write failed: \(error)"
            closeFiles()
            throw error
        }
        head = newHead
        tree.apply(update)
        roots.append(update.root)
        return newHead
    }
}
