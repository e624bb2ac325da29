import Foundation
import XCTest

/// Locates `../shared/vectors` relative to the package root (the directory holding
/// Package.swift, found by walking up from this file).
enum Vectors {
    static let root: String? = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let v = dir.deletingLastPathComponent().appendingPathComponent("shared/vectors").standardizedFileURL.path
                return FileManager.default.fileExists(atPath: v) ? v : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// The absolute path of a vector file, or an XCTSkip with the reason.
    static func path(_ relative: String) throws -> String {
        guard let root else {
            throw XCTSkip("shared vectors not found at ../shared/vectors relative to the package root; skipping \(relative)")
        }
        let p = root + "/" + relative
        guard FileManager.default.fileExists(atPath: p) else { throw XCTSkip("vector file \(relative) is absent") }
        return p
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        let p = try path(relative)
        guard let d = FileManager.default.contents(atPath: p) else { throw XCTSkip("cannot read \(relative)") }
        return [UInt8](d)
    }
}

/// A small deterministic generator (SplitMix64) so fuzz cases are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
