import Foundation
import XCTest

/// Locates ../shared/vectors from this file (the package root holds Package.swift).
enum Vectors {
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The shared vectors directory, or an XCTSkip saying why it is absent.
    static func directory() throws -> URL {
        let candidates = [packageRoot.appendingPathComponent("../shared/vectors").standardizedFileURL,
                          URL(fileURLWithPath: "/work/shared/vectors")]
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent("README.md").path) { return c }
        throw XCTSkip("../shared/vectors is absent (a user's clone has no shared vectors); this test needs the snarkjs fixtures")
    }

    static func path(_ relative: String) throws -> String {
        try directory().appendingPathComponent(relative).path
    }
}
