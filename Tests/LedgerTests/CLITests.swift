import Foundation
import XCTest
import BN254
import Groth16
@testable import Ledger

/// The `zkclear ledger` subcommands run as real child processes of the built binary, including
/// crash tests where the child dies (`_exit(9)`) at a chosen point of its I/O.
final class CLITests: XCTestCase {
    struct Run { var code: Int32; var out: String; var err: String }

    var binary: String = ""
    var work: String = ""

    override func setUpWithError() throws {
        let bundle = Bundle(for: CLITests.self).bundleURL
        let candidates = [bundle.deletingLastPathComponent().appendingPathComponent("zkclear").path,
                          bundle.appendingPathComponent("zkclear").path]   // Linux: bundleURL is the build directory
        guard let b = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("the zkclear binary is not built next to the test bundle (swift build first)")
        }
        binary = b
        guard try run(["ledger", "init", "--help"]).code == 0 else {
            throw XCTSkip("`zkclear ledger` is not registered in Commands.swift yet")
        }
        work = TestDirs.fresh("cli")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    }

    override func tearDown() { if !work.isEmpty { TestDirs.remove(work) } }

    @discardableResult
    func run(_ args: [String], env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let r = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: r, as: UTF8.self))
    }

    /// Writes proof.json, public.json and leaves.json for a batch; returns the submit arguments.
    func writeBatch(_ b: (inputs: [Fr], proof: Proof, leaves: [PublishedLeaf]), name: String, dir: String) throws -> [String] {
        let base = work + "/" + name
        try Data(SnarkJSON.proof(b.proof).utf8).write(to: URL(fileURLWithPath: base + ".proof.json"))
        try Data(SnarkJSON.publicSignals(b.inputs).utf8).write(to: URL(fileURLWithPath: base + ".public.json"))
        try Data(LedgerInput.encodeLeaves(b.leaves).utf8).write(to: URL(fileURLWithPath: base + ".leaves.json"))
        return ["ledger", "submit", dir, "--kind", "settle", "--proof", base + ".proof.json", "--public", base + ".public.json", "--leaves", base + ".leaves.json"]
    }

    func testCommandsEndToEnd() throws {
        let circuit = try TinyBatchCircuit()
        let vkPath = work + "/vk.json"
        try Data(circuit.vkJSON).write(to: URL(fileURLWithPath: vkPath))
        let dir = work + "/ledger"
        XCTAssertEqual(try run(["ledger", "init", dir, "--depth", "4", "--kind", "settle=\(vkPath)"]).code, 0)
        XCTAssertEqual(try run(["ledger", "init", dir, "--depth", "4", "--kind", "settle=\(vkPath)"]).code, 2, "not empty")
        XCTAssertEqual(try run(["ledger", "init", work + "/x", "--kind", "settle=\(vkPath)"]).code, 2, "no depth")
        var f = Groth16BatchFactory(tree: try MerkleTree(depth: 4), circuit: circuit)
        let a1 = try writeBatch(try f.next([(3, Fr(33)), (4, Fr(44))]), name: "b1", dir: dir)
        let a2 = try writeBatch(try f.next([(4, Fr(45))], instrument: 9, x: 4), name: "b2", dir: dir)
        let r2early = try run(a2)
        XCTAssertEqual(r2early.code, 1, "out of order"); XCTAssertTrue(r2early.err.contains("sequence"), r2early.err)
        XCTAssertEqual(try run(a1 + ["--json"]).code, 0)
        let before = TestDirs.fingerprint(dir)
        let replay = try run(a1)
        XCTAssertEqual(replay.code, 1); XCTAssertTrue(replay.err.contains("rejected"), replay.err)
        XCTAssertEqual(TestDirs.fingerprint(dir), before, "a rejected CLI submit leaves the directory unchanged")
        // Malformed inputs: exit 2.
        try Data("[{\"index\": 1}]".utf8).write(to: URL(fileURLWithPath: work + "/bad.leaves.json"))
        var bad = a2; bad[bad.count - 1] = work + "/bad.leaves.json"
        XCTAssertEqual(try run(bad).code, 2)
        XCTAssertEqual(try run(["ledger", "submit", dir, "--kind", "settle"]).code, 2)
        XCTAssertEqual(try run(a2).code, 0)

        let audit = try run(["ledger", "audit", dir, "--json"])
        XCTAssertEqual(audit.code, 0, audit.err)
        let obj = try JSONSerialization.jsonObject(with: Data(audit.out.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["root"] as? String, f.tree.root.description)
        XCTAssertEqual(obj?["recordsVerified"] as? Int, 2)
        let show = try run(["ledger", "show", dir, "--json"])
        XCTAssertEqual(show.code, 0)
        XCTAssertTrue(show.out.contains(f.tree.root.description))
        XCTAssertEqual(try run(["ledger", "show", dir]).code, 0)

        // Inclusion: current root, a historical root, a wrong leaf, an unknown root.
        XCTAssertEqual(try run(["ledger", "inclusion", dir, "--index", "4", "--leaf", "45"]).code, 0)
        XCTAssertEqual(try run(["ledger", "inclusion", dir, "--index", "4", "--leaf", "44"]).code, 1)
        let snap = try LedgerSnapshot.load(directory: dir)
        let r1 = snap.state.roots[1].description
        let hist = try run(["ledger", "inclusion", dir, "--index", "4", "--leaf", "44", "--root", r1, "--json"])
        XCTAssertEqual(hist.code, 0, hist.err)
        XCTAssertTrue(hist.out.contains("\"afterBatch\" : 1"), hist.out)
        XCTAssertEqual(try run(["ledger", "inclusion", dir, "--index", "4", "--leaf", "44", "--root", "12345"]).code, 1)
        XCTAssertEqual(try run(["ledger", "inclusion", dir, "--index", "99", "--leaf", "44"]).code, 2)

        // A corrupted byte: audit exits 1 and names the record.
        var log = try readAllBytes(dir + "/log.bin")
        let off = snap.records[1].offset + 20
        log[off] ^= 4
        try writeBytes(log, to: dir + "/log.bin")
        let broken = try run(["ledger", "audit", dir])
        XCTAssertEqual(broken.code, 1)
        XCTAssertTrue(broken.err.contains("record #2"), broken.err)
        XCTAssertTrue(broken.err.contains("byte offset \(snap.records[1].offset)"), broken.err)
    }

    /// Real crashes: the child `zkclear ledger submit` exits abruptly (status 9) after N units of
    /// I/O, for N spread over the whole write sequence; then audit passes, the batch is either
    /// wholly in or wholly out, and submitting it again (or the next one) works.
    /// `zkclear compile --const`: a resize compiles (exit 0) and grows the circuit; an unknown name or a
    /// malformed pair is bad usage (exit 2, reason on stderr), never a crash.
    func testCompileConstOverrides() throws {
        let src = Deriv.directory + "/expire.zkc"
        let small = try run(["compile", src, "-o", work + "/e4", "--json"])
        XCTAssertEqual(small.code, 0, small.err)
        let big = try run(["compile", src, "--const", "K=8,DEPTH=5", "-o", work + "/e8", "--json"])
        XCTAssertEqual(big.code, 0, big.err)
        func constraints(_ json: String) -> Int {
            ((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any])?["constraints"] as? Int ?? -1
        }
        XCTAssertGreaterThan(constraints(big.out), 2 * constraints(small.out))
        let unknown = try run(["compile", src, "--const", "NOPE=3", "-o", work + "/x"])
        XCTAssertEqual(unknown.code, 2); XCTAssertTrue(unknown.err.contains("E0213"), unknown.err)
        let malformed = try run(["compile", src, "--const", "K", "-o", work + "/x"])
        XCTAssertEqual(malformed.code, 2); XCTAssertTrue(malformed.err.contains("NAME=VALUE"), malformed.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/x.r1cs"))
    }

    func testKilledWriterChildProcesses() throws {
        let circuit = try TinyBatchCircuit()
        let vkPath = work + "/vk.json"
        try Data(circuit.vkJSON).write(to: URL(fileURLWithPath: vkPath))
        var f = Groth16BatchFactory(tree: try MerkleTree(depth: 4), circuit: circuit)
        let b1 = try f.next([(1, Fr(10)), (2, Fr(20))])
        let b2 = try f.next([(2, Fr(21))])
        // Cost of submitting b2 once b1 is in: frame + fsync + HEAD + fsync + rename + dir fsync.
        let frame = RecordFrame.overhead + BatchRecord(kind: "settle", sequence: 2, publicInputs: b2.inputs,
                                                       proof: Groth16Ledger.encode(b2.proof), leaves: b2.leaves).encodePayload().count
        let total = frame + 1 + Head.size + 3
        var rng = SplitMix(seed: 99)
        var points = [0, frame - 1, frame, frame + 1, frame + 1 + Head.size, total - 2, total - 1, total]
        points += (0..<8).map { _ in Int(rng.next() % UInt64(total)) }
        var present = 0
        for (i, n) in points.enumerated() {
            let dir = work + "/crash\(i)"
            XCTAssertEqual(try run(["ledger", "init", dir, "--depth", "4", "--kind", "settle=\(vkPath)"]).code, 0)
            XCTAssertEqual(try run(try writeBatch(b1, name: "c\(i)b1", dir: dir)).code, 0)
            let args2 = try writeBatch(b2, name: "c\(i)b2", dir: dir)
            let crashed = try run(args2, env: [FaultInjection.environmentVariable: String(n)])
            XCTAssertEqual(crashed.code, n >= total ? 0 : 9, "budget \(n) of \(total): \(crashed.err)")
            let audit = try run(["ledger", "audit", dir, "--json"])
            XCTAssertEqual(audit.code, 0, "budget \(n): \(audit.err)")
            let snap = try LedgerSnapshot.load(directory: dir)
            XCTAssertTrue(snap.head.sequence == 1 || snap.head.sequence == 2)
            if n >= total { XCTAssertEqual(snap.head.sequence, 2, "acknowledged ⇒ present") }
            if snap.head.sequence == 2 {
                present += 1
                XCTAssertEqual(snap.head.root, f.tree.root)
                XCTAssertEqual(try run(args2).code, 1, "already in: a resubmission is a replay")
            } else {
                XCTAssertEqual(try run(args2).code, 0, "absent: it goes in now (and the torn tail is dropped)")
            }
            XCTAssertEqual(try run(["ledger", "audit", dir]).code, 0)
            XCTAssertEqual(try readAllBytes(dir + "/log.bin").count, Int(try LedgerSnapshot.load(directory: dir).head.logLength))
        }
        XCTAssertGreaterThan(present, 0)
        XCTAssertLessThan(present, points.count)
    }
}
