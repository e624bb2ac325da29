import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The crash-test switch. With `afterBytes = N` the writer performs at most N units of I/O
/// (one unit per byte written, plus one per fsync, rename and truncate) and then stops: with
/// `exitProcess` it calls `_exit(9)` (what the CLI does for `ZKCLEAR_LEDGER_FAULT_AFTER_BYTES=N`,
/// a real crash), otherwise it throws `LedgerError.simulatedCrash` after the partial write
/// (in-process simulation; the `Ledger` object is then unusable, as if the process had died).
public struct FaultInjection: Sendable {
    public var afterBytes: Int
    public var exitProcess: Bool
    public init(afterBytes: Int, exitProcess: Bool) { self.afterBytes = afterBytes; self.exitProcess = exitProcess }

    public static let environmentVariable = "ZKCLEAR_LEDGER_FAULT_AFTER_BYTES"

    /// `ZKCLEAR_LEDGER_FAULT_AFTER_BYTES=N` → a real-exit fault after N units; nil when unset.
    public static func fromEnvironment() -> FaultInjection? {
        guard let s = ProcessInfo.processInfo.environment[environmentVariable], let n = Int(s), n >= 0 else { return nil }
        return FaultInjection(afterBytes: n, exitProcess: true)
    }
}

/// POSIX file operations used by the writer, each charged against the fault budget.
final class DurableIO {
    private var remaining: Int?
    private let exitProcess: Bool
    private let initial: Int
    private(set) var crashed = false

    init(_ fault: FaultInjection?) {
        remaining = fault?.afterBytes
        initial = fault?.afterBytes ?? 0
        exitProcess = fault?.exitProcess ?? false
    }

    private func crash() throws -> Never {
        crashed = true
        if exitProcess { _exit(9) }
        throw LedgerError.simulatedCrash(afterBytes: initial)
    }

    /// Charges one unit (fsync, rename, truncate) or crashes before the operation.
    private func step() throws {
        guard let r = remaining else { return }
        if r <= 0 { try crash() }
        remaining = r - 1
    }

    static func errno(_ path: String, _ what: String) -> LedgerError {
        .io(path: path, reason: "\(what): \(String(cString: strerror(Glibc.errno)))")
    }

    /// Writes every byte (retrying short writes); with a fault budget, writes the allowed prefix
    /// and then crashes.
    func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws {
        var allowed = bytes.count
        if let r = remaining { allowed = min(r, bytes.count); remaining = r - allowed }
        var done = 0
        try bytes.withUnsafeBytes { buf in
            guard let base = buf.baseAddress else { return }
            while done < allowed {
                let n = Glibc.write(fd, base + done, allowed - done)
                if n < 0 {
                    if Glibc.errno == EINTR { continue }
                    throw Self.errno(path, "write")
                }
                done += n
            }
        }
        if allowed < bytes.count { try crash() }
    }

    func fsync(fd: Int32, path: String) throws {
        try step()
        guard Glibc.fsync(fd) == 0 else { throw Self.errno(path, "fsync") }
    }

    func rename(_ from: String, _ to: String) throws {
        try step()
        guard Glibc.rename(from, to) == 0 else { throw Self.errno(to, "rename from \(from)") }
    }

    func truncate(fd: Int32, length: Int, path: String) throws {
        try step()
        guard Glibc.ftruncate(fd, off_t(length)) == 0 else { throw Self.errno(path, "ftruncate") }
    }

    /// fsync of a directory, so that a rename or a new file in it is durable.
    func fsyncDirectory(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw Self.errno(path, "open directory") }
        defer { Glibc.close(fd) }
        try fsync(fd: fd, path: path)
    }

    /// Replaces `path` atomically: write `path.tmp`, fsync, rename over `path`, fsync the directory.
    func replaceAtomically(_ path: String, directory: String, _ bytes: [UInt8]) throws {
        let tmp = path + ".tmp"
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Self.errno(tmp, "open") }
        do {
            try writeAll(fd: fd, bytes, path: tmp)
            try fsync(fd: fd, path: tmp)
        } catch { Glibc.close(fd); throw error }
        Glibc.close(fd)
        try rename(tmp, path)
        try fsyncDirectory(directory)
    }
}

/// Whole-file read (POSIX, so errors carry errno text).
func readAllBytes(_ path: String) throws -> [UInt8] {
    let fd = Glibc.open(path, O_RDONLY)
    guard fd >= 0 else { throw DurableIO.errno(path, "open") }
    defer { Glibc.close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if n < 0 { if Glibc.errno == EINTR { continue }; throw DurableIO.errno(path, "read") }
        if n == 0 { break }
        out.append(contentsOf: chunk[0..<n])
    }
    return out
}

func fileExists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
}
