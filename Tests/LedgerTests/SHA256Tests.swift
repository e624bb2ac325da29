import Foundation
import XCTest
@testable import Ledger

final class SHA256Tests: XCTestCase {
    func hex(_ s: String) -> String { hexString(SHA256.hash(Array(s.utf8))) }

    /// NIST FIPS 180-4 example vectors (CSRC "SHA256.pdf" examples and the long-message test).
    func testNISTVectors() {
        XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(hexString(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Streaming in uneven pieces equals one shot; a one-bit change changes the digest.
    func testStreamingAndSensitivity() {
        var rng = SystemRandomNumberGenerator()
        let msg = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        var s = SHA256()
        var i = 0
        while i < msg.count { let n = Int.random(in: 0...130); s.update(msg[i..<min(msg.count, i + n)]); i += n }
        XCTAssertEqual(s.finalize(), SHA256.hash(msg))
        var m2 = msg; m2[500] ^= 1
        XCTAssertNotEqual(SHA256.hash(m2), SHA256.hash(msg))
    }

    /// Every length 0…300 (all padding cases) against Python's hashlib (OpenSSL), when python3 exists.
    func testAgainstHashlib() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("no /usr/bin/python3 for the hashlib oracle") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", "import hashlib\nfor n in range(301): print(hashlib.sha256(bytes((i*7+3)%256 for i in range(n))).hexdigest())"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 301)
        for (n, want) in lines.enumerated() {
            let msg = (0..<n).map { UInt8(($0 * 7 + 3) % 256) }
            XCTAssertEqual(hexString(SHA256.hash(msg)), want, "length \(n)")
        }
    }

    func testCRC32CheckValue() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
    }
}
