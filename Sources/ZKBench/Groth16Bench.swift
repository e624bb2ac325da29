import BN254
import Foundation
import Groth16
import R1CS

/// Groth16 setup / prove / verify on multiplication chains of about 2^12, 2^16 and 2^18 constraints,
/// zkclear (the CLI, as a user runs it) beside arkworks (groth16py via tools/peers/ark_peer.py) on
/// the SAME .r1cs/.wtns files, with each side's peak memory from /usr/bin/time -v.
enum Groth16Bench {
    static func run(_ b: Bench) {
        // 2^20 runs for zkclear alone (the arkworks peer would need ~55 s and ~2.5 GB more).
        let logs = b.quick ? [12] : [12, 16, 18, 20]
        let zk = "\(Peers.root)/.build/release/zkclear"
        guard FileManager.default.isExecutableFile(atPath: zk) else {
            print("groth16 · skipped: build the CLI first (swift build -c release --product zkclear)"); return
        }
        let dir = NSTemporaryDirectory() + "zkbench-groth16-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for log in logs {
            // N = 2^log needs constraints + nPublic < N: 2^log − 2 constraints, one public output.
            let m = (1 << log) - 2
            let (cs, w) = R1CSFixtures.multiplicationChain(constraints: m)
            let r1cs = "\(dir)/chain\(log).r1cs", wtns = "\(dir)/chain\(log).wtns"
            let zkey = "\(dir)/chain\(log).zkey", vk = "\(dir)/vk\(log).json"
            let proof = "\(dir)/proof\(log).json", pub = "\(dir)/public\(log).json"
            do { try R1CSFile.write(cs, to: r1cs); try WtnsFile.write(w, to: wtns) } catch { print("groth16 · \(error)"); return }
            let setup = timed([zk, "setup", r1cs, zkey, "--vk", vk])
            let prove = timed([zk, "prove", zkey, wtns, proof, pub])
            var verifySeconds = Double.nan
            if let key = try? SnarkJSON.readVerificationKey(path: vk), let p = try? SnarkJSON.readProof(path: proof),
               let inputs = try? SnarkJSON.readPublicSignals(path: pub) {
                let pvk = PreparedVerifyingKey(key)
                verifySeconds = b.time(rounds: 3, minSeconds: 0.2) { blackHole(try? Verifier.verify(pvk, publicInputs: inputs, proof: p)) }
            }
            let ark = log <= 18 ? timedJSON([Peers.python, "\(Peers.root)/tools/peers/ark_peer.py", "--r1cs", r1cs, "--wtns", wtns, "--quick"])
                                : (json: nil, peakMB: 0)
            let cmd = "zkclear setup/prove on R1CSFixtures.multiplicationChain(\(m)); ark_peer.py on the same files"
            b.add(BenchRow(section: "groth16", operation: "setup 2^\(log) (\(m) constraints)", ours: setup.seconds,
                           peer: ark.json?["setup"], peerName: "arkworks",
                           note: ark.json == nil ? "peak RSS zkclear \(setup.peakMB) MB; zkclear only" : "peak RSS zkclear \(setup.peakMB) MB, arkworks \(ark.peakMB) MB",
                           command: cmd))
            b.add(BenchRow(section: "groth16", operation: "prove 2^\(log) (\(m) constraints)", ours: prove.seconds,
                           peer: ark.json?["prove"], peerName: "arkworks",
                           note: ark.json == nil ? "zkclear 2 threads, zkclear only; peak RSS \(prove.peakMB) MB (whole CLI run incl. reading the zkey)"
                                                 : "zkclear 2 threads, arkworks \(Int(ark.json?["arkworks threads (observed)"] ?? 1)); peak RSS zkclear \(prove.peakMB) MB (whole CLI run incl. reading the zkey), arkworks \(ark.peakMB) MB (whole peer process)",
                           command: cmd))
            b.add(BenchRow(section: "groth16", operation: "verify 2^\(log)", ours: verifySeconds, peer: ark.json?["verify"], peerName: "arkworks",
                           note: "prepared key on both sides", command: cmd))
        }
    }

    /// Wall time and peak RSS (MB) of a command under /usr/bin/time -v.
    static func timed(_ argv: [String]) -> (seconds: Double, peakMB: Int) {
        let r = runUnderTime(argv)
        return (r.seconds, r.peakMB)
    }

    static func timedJSON(_ argv: [String]) -> (json: [String: Double]?, peakMB: Int) {
        let r = runUnderTime(argv)
        let obj = (try? JSONSerialization.jsonObject(with: r.stdout)) as? [String: Any]
        return (obj?.compactMapValues { ($0 as? NSNumber)?.doubleValue }, r.peakMB)
    }

    static func runUnderTime(_ argv: [String]) -> (seconds: Double, peakMB: Int, stdout: Data) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        p.arguments = ["-v"] + argv
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let start = Date()
        do { try p.run() } catch { return (.nan, 0, Data()) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let text = String(decoding: stderr, as: UTF8.self)
        var peak = 0
        for line in text.split(separator: "\n") where line.contains("Maximum resident set size") {
            peak = (Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0) / 1024
        }
        if p.terminationStatus != 0 { print("groth16 · \(argv.prefix(3).joined(separator: " ")) failed: \(text.suffix(300))") }
        return (p.terminationStatus == 0 ? seconds : .nan, peak, stdout)
    }
}
