import Foundation
import XCTest
@testable import BN254

/// EIP-196/197 conformance against ../shared/vectors/eip196_197 (go-ethereum and erigon test data,
/// plus the derived failure and edge cases). Every disagreement fails, including an input that
/// must be rejected but is accepted.
final class EthereumVectorTests: XCTestCase {
    typealias Support = CurveTestSupport

    /// The pairing-product check used for 0x08 (the optimal-ate multi-pairing).
    static let pairingCheck: (@Sendable ([(G1Affine, G2Affine)]) throws -> Bool)? = { Pairing.pairingCheck($0) }

    enum Outcome: Equatable {
        case output(String)
        case failure
        case unavailable(String)
    }

    /// Runs precompile `id` ("06", "07", "08") on `input`.
    func run(_ id: String, _ input: [UInt8]) -> Outcome {
        do {
            switch id {
            case "06": return .output(Support.hex(try EthereumPrecompiles.ecAdd(input: input)))
            case "07": return .output(Support.hex(try EthereumPrecompiles.ecMul(input: input)))
            case "08":
                guard let check = Self.pairingCheck else {
                    // Until the pairing lands only the input validation can run: it must reject
                    // every invalid input by itself.
                    _ = try EthereumPrecompiles.pairingInputPoints(input)
                    return .unavailable("ecPairing needs Pairing.pairingCheck (not merged into this branch yet)")
                }
                return .output(Support.hex(try EthereumPrecompiles.ecPairing(input: input, check: check)))
            default: return .unavailable("unknown precompile \(id)")
            }
        } catch {
            return .failure
        }
    }

    func cases(_ file: String) throws -> [[String: Any]] {
        try Support.jsonArray(try Support.sharedVectors("eip196_197").appendingPathComponent(file))
    }

    func input(_ c: [String: Any], file: String) throws -> [UInt8] {
        let hex = c["Input"] as? String ?? ""
        guard let bytes = Support.bytes(hex: hex) else {
            throw BN254Error.invalidEncoding(what: "\(file) \(c["Name"] ?? "?")", reason: "bad hex input")
        }
        return bytes
    }

    func checkExpected(_ file: String, precompile: String) throws {
        let all = try cases(file)
        XCTAssertFalse(all.isEmpty, file)
        for c in all {
            let name = c["Name"] as? String ?? "?"
            let expected = (c["Expected"] as? String ?? "").lowercased()
            let got = run(precompile, try input(c, file: file))
            XCTAssertEqual(got, .output(expected), "\(file) \(name)")
        }
    }

    func testGoEthereumAdd() throws { try checkExpected("bn256Add.json", precompile: "06") }
    func testGoEthereumMul() throws { try checkExpected("bn256ScalarMul.json", precompile: "07") }

    func testGoEthereumPairing() throws {
        if Self.pairingCheck != nil { return try checkExpected("bn256Pairing.json", precompile: "08") }
        // Every go-ethereum pairing vector is a valid input: validation must accept all of them.
        // The pairing result itself is checked once the pairing is available.
        for c in try cases("bn256Pairing.json") {
            let name = c["Name"] as? String ?? "?"
            XCTAssertNoThrow(try EthereumPrecompiles.pairingInputPoints(try input(c, file: "bn256Pairing.json")), name)
        }
        print("EthereumVectorTests: SKIPPED ecPairing results (bn256Pairing.json): Pairing.pairingCheck is not in this branch yet")
    }

    func testErigonFailure() throws {
        for c in try cases("erigon-fail-bn256Add.json") {
            // Quirk (vectors README): the hex has 255 characters; Go keeps 127 bytes, and padding
            // to 128 then moves P2 off the curve. Use the first 254 characters and expect failure.
            let hex = String((c["Input"] as? String ?? "").prefix(254))
            guard let bytes = Support.bytes(hex: hex) else { return XCTFail("bad hex in erigon vector") }
            XCTAssertEqual(bytes.count, 127)
            XCTAssertEqual(run("06", bytes), .failure, "erigon \(c["Name"] ?? "?") must fail")
        }
    }

    func testDerivedFailureCases() throws {
        var checked = 0
        for c in try cases("derived_failure_cases.json") {
            let name = c["Name"] as? String ?? "?"
            let id = c["Precompile"] as? String ?? ""
            XCTAssertEqual(run(id, try input(c, file: "derived_failure_cases.json")), .failure, "\(name) must be rejected (\(c["CheckedBy"] ?? ""))")
            checked += 1
        }
        XCTAssertEqual(checked, 17)
    }

    func testDerivedEdgeCases() throws {
        var skipped: [String] = []
        for c in try cases("derived_edge_cases.json") {
            let name = c["Name"] as? String ?? "?"
            let id = c["Precompile"] as? String ?? ""
            let got = run(id, try input(c, file: "derived_edge_cases.json"))
            if case .unavailable = got {
                skipped.append(name)
                continue
            }
            XCTAssertEqual(got, .output((c["Expected"] as? String ?? "").lowercased()), name)
        }
        if !skipped.isEmpty {
            print("EthereumVectorTests: SKIPPED (pairing not available in this branch): \(skipped.joined(separator: ", "))")
        }
    }

    func testPairingOutputFormat() throws {
        // Input rules and output layout of 0x08, with a stand-in check that records what it got.
        var seen = -1
        let one = try EthereumPrecompiles.ecPairing(input: []) { seen = $0.count; return true }
        XCTAssertEqual(seen, 0)
        XCTAssertEqual(one, [UInt8](repeating: 0, count: 31) + [1])
        let pair = G1Affine.generator.ethereumBytes + G2Affine.generator.ethereumBytes
        let zero = try EthereumPrecompiles.ecPairing(input: pair + pair) { seen = $0.count; return false }
        XCTAssertEqual(seen, 2)
        XCTAssertEqual(zero, [UInt8](repeating: 0, count: 32))
        XCTAssertThrowsError(try EthereumPrecompiles.ecPairing(input: pair + [0]) { _ in true })
        XCTAssertThrowsError(try EthereumPrecompiles.ecPairing(input: Array(pair.dropLast())) { _ in true })
    }

    func testInputRules() throws {
        // Short inputs are right-padded, long inputs truncated (checked independently of vectors).
        let g = G1Affine.generator.ethereumBytes
        let twoG = (G1Jacobian.generator.doubled()).toAffine().ethereumBytes
        XCTAssertEqual(try EthereumPrecompiles.ecAdd(input: g), g, "G + (padded) O")
        XCTAssertEqual(try EthereumPrecompiles.ecAdd(input: []), [UInt8](repeating: 0, count: 64))
        XCTAssertEqual(try EthereumPrecompiles.ecAdd(input: g + g + [1, 2, 3]), twoG)
        XCTAssertEqual(try EthereumPrecompiles.ecMul(input: g + [UInt8](repeating: 0, count: 31) + [2, 9, 9]), twoG)
        // a 65-byte input pads the scalar on the right: k = 0x02 << 248 = 2^249
        let k: Limbs4 = (0, 0, 0, 1 << 57)
        XCTAssertEqual(try EthereumPrecompiles.ecMul(input: g + [2]),
                       G1Jacobian.generator.multipliedDoubleAndAdd(byLimbs: k).toAffine().ethereumBytes)
    }
}
