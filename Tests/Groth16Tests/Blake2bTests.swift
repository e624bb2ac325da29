import Foundation
@testable import Groth16
import XCTest

/// BLAKE2b-512 against Python's hashlib (Vectors/blake2b/blake2b512.json, made by the script
/// beside it), on lengths around the 128-byte block boundary, fed whole and in pieces.
final class Blake2bTests: XCTestCase {
    func testAgainstHashlib() throws {
        let url = Vectors.packageRoot.appendingPathComponent("Vectors/blake2b/blake2b512.json")
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try XCTUnwrap(root["cases"] as? [[String: Any]])
        XCTAssertGreaterThan(cases.count, 10)
        for c in cases {
            let msg: [UInt8]
            if let text = c["text"] as? String { msg = Array(text.utf8) }
            else { let n = try XCTUnwrap(c["length"] as? Int); msg = (0..<n).map { UInt8((7 * $0 + n) % 256) } }
            let want = try XCTUnwrap(c["digest"] as? String)
            var whole = BLAKE2b()
            whole.update(msg)
            XCTAssertEqual(hex(whole.finalize()), want, "length \(msg.count)")
            var pieces = BLAKE2b()
            var i = 0
            while i < msg.count { let j = min(msg.count, i + 1 + i % 97); pieces.update(Array(msg[i..<j])); i = j }
            XCTAssertEqual(hex(pieces.finalize()), want, "length \(msg.count), in pieces")
        }
    }

    func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }
}
