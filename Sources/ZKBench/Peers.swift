import Foundation

/// Runs an independent implementation's benchmark script (tools/peers/*.py) in the pinned venv
/// and reads back `{"operation": seconds_per_op, …}` from its stdout (JSON, one object).
enum Peers {
    static var root: String { ProcessInfo.processInfo.environment["ZKCLEAR_ROOT"] ?? FileManager.default.currentDirectoryPath }
    static var python: String { ProcessInfo.processInfo.environment["ZKCLEAR_PYTHON"] ?? "\(root)/.venv/bin/python" }

    /// nil (with the reason on stderr) when the peer cannot be run; the row is then written without it.
    static func run(_ script: String, _ arguments: [String] = []) -> [String: Double]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["\(root)/tools/peers/\(script)"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            FileHandle.standardError.write("peer \(script) could not start (\(python)): \(error)\n".data(using: .utf8) ?? Data())
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            FileHandle.standardError.write("peer \(script) failed (exit \(process.terminationStatus))\n".data(using: .utf8) ?? Data())
            return nil
        }
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
}
