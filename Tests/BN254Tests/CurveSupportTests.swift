import Foundation
import XCTest
import GMP
@testable import BN254

/// A deterministic generator so curve-test failures reproduce (SplitMix64).
struct CurveTestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}

/// Helpers shared by the G1/G2/encoding/vector tests.
enum CurveTestSupport {
    static let r = Fr.modulusBigInt
    static let p = Fp.modulusBigInt

    static func limbs(_ b: BigInt) -> Limbs4 {
        let l = b.limbs(count: 4) ?? [0, 0, 0, 0]
        return (l[0], l[1], l[2], l[3])
    }

    /// k < 2²⁵⁶ as 32 big-endian bytes.
    static func bytes32BE(_ k: BigInt) -> [UInt8] {
        let l = k.limbs(count: 4) ?? [0, 0, 0, 0]
        return [l[3], l[2], l[1], l[0]].flatMap { limb in (0..<8).map { UInt8(truncatingIfNeeded: limb >> UInt64(56 - 8 * $0)) } }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// Hex (optionally 0x-prefixed) to bytes; nil on odd length or a bad digit.
    static func bytes(hex: String) -> [UInt8]? {
        var s = Substring(hex)
        if s.hasPrefix("0x") { s = s.dropFirst(2) }
        guard s.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(s.count / 2)
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            guard let b = UInt8(s[i..<j], radix: 16) else { return nil }
            out.append(b)
            i = j
        }
        return out
    }

    /// The package root: the nearest ancestor of this file holding Package.swift.
    static func packageRoot(file: String = #filePath) -> URL? {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// ../shared/vectors/<sub> relative to the package root; throws XCTSkip when absent.
    static func sharedVectors(_ sub: String) throws -> URL {
        guard let root = packageRoot() else { throw XCTSkip("package root not found from \(#filePath)") }
        let dir = root.appendingPathComponent("../shared/vectors").appendingPathComponent(sub).standardizedFileURL
        guard FileManager.default.fileExists(atPath: dir.path) else {
            throw XCTSkip("shared vectors absent at \(dir.path): Ethereum conformance tests skipped")
        }
        return dir
    }

    /// A JSON array of objects from a file.
    static func jsonArray(_ url: URL) throws -> [[String: Any]] {
        let data = try Data(contentsOf: url)
        guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw BN254Error.invalidEncoding(what: url.lastPathComponent, reason: "expected a JSON array of objects")
        }
        return array
    }
}

final class CurveSupportTests: XCTestCase {
    func testHexHelpers() {
        XCTAssertEqual(CurveTestSupport.bytes(hex: "00ff10"), [0, 255, 16])
        XCTAssertEqual(CurveTestSupport.bytes(hex: "0x0a"), [10])
        XCTAssertNil(CurveTestSupport.bytes(hex: "abc"))
        XCTAssertNil(CurveTestSupport.bytes(hex: "zz"))
        XCTAssertEqual(CurveTestSupport.hex([1, 171]), "01ab")
        XCTAssertEqual(CurveTestSupport.bytes32BE(BigInt(258)).suffix(2), [1, 2])
        XCTAssertNotNil(CurveTestSupport.packageRoot())
    }
}
