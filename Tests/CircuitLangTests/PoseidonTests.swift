import XCTest
import BN254
@testable import CircuitLang

/// Locates `../shared/vectors` relative to the package root (found from this file's path).
func sharedVectors(_ rel: String) throws -> URL {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        let up = dir.deletingLastPathComponent()
        if up.path == dir.path { throw XCTSkip("Package.swift not found above \(#filePath)") }
        dir = up
    }
    let url = dir.deletingLastPathComponent().appendingPathComponent("shared/vectors").appendingPathComponent(rel)
    guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("shared vectors absent: \(url.path)") }
    return url
}

func packageRoot() -> URL {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        let up = dir.deletingLastPathComponent()
        if up.path == dir.path { break }
        dir = up
    }
    return dir
}

final class PoseidonTests: XCTestCase {
    func loadKAT() throws -> [String: Any] {
        let data = try Data(contentsOf: try sharedVectors("poseidon/kat.json"))
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            XCTFail("kat.json is not an object"); return [:]
        }
        return obj
    }

    /// Every width's generated constants match the spot checks (first/last C, M corners) and
    /// the full circomlibjs constant file (an independent upstream oracle).
    func testGeneratedConstantsMatchCircomlibjs() throws {
        let kat = try loadKAT()
        guard let spot = kat["constants_spot_check"] as? [String: [String: Any]] else { return XCTFail("no spot checks") }
        let data = try Data(contentsOf: try sharedVectors("poseidon/circomlibjs_poseidon_constants.json"))
        let ref = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let refC = ref?["C"] as? [[String]]
        let refM = ref?["M"] as? [[[String]]]
        XCTAssertEqual(spot.count, 16)
        for (tKey, s) in spot {
            guard let t = Int(tKey), let p = Poseidon.parameters(t: t) else { return XCTFail("width \(tKey)") }
            XCTAssertEqual(p.partialRounds, s["R_P"] as? Int)
            XCTAssertEqual(p.roundConstants.count, s["numRoundConstants"] as? Int)
            XCTAssertEqual(p.roundConstants.first?.description, s["C_first"] as? String, "t=\(t) C_first")
            XCTAssertEqual(p.roundConstants.last?.description, s["C_last"] as? String, "t=\(t) C_last")
            XCTAssertEqual(p.mds[0][0].description, s["M_0_0"] as? String, "t=\(t) M00")
            XCTAssertEqual(p.mds[t - 1][t - 1].description, s["M_last_last"] as? String, "t=\(t) Mlast")
            if let refC, let refM, refC.count > t - 2 {
                let rc = refC[t - 2].compactMap { U256(literal: $0)?.fr }
                XCTAssertEqual(rc, p.roundConstants, "t=\(t) all round constants")
                let rm = refM[t - 2].map { $0.compactMap { U256(literal: $0)?.fr } }
                XCTAssertEqual(rm, p.mds, "t=\(t) MDS")
            }
        }
        // A wrong width is refused rather than invented.
        XCTAssertNil(Poseidon.parameters(t: 1))
        XCTAssertNil(Poseidon.parameters(t: 18))
    }

    func testKnownAnswers() throws {
        let kat = try loadKAT()
        let cases = ((kat["upstream_vectors"] as? [[String: Any]]) ?? []) + ((kat["derived_vectors"] as? [[String: Any]]) ?? [])
        XCTAssertEqual(cases.count, 84)
        var widths = Set<Int>()
        for c in cases {
            let ins = try (c["inputs"] as? [String] ?? []).map { try Fr(decimal: $0) }
            let initS = try Fr(decimal: c["initState"] as? String ?? "0")
            let nOuts = c["nOuts"] as? Int ?? 1
            let expected = try (c["expected"] as? [String] ?? []).map { try Fr(decimal: $0) }
            widths.insert(ins.count + 1)
            XCTAssertEqual(Poseidon.hashEx(ins, initialState: initS, outputs: nOuts), expected, "inputs \(ins)")
            if nOuts == 1, initS.isZero {
                XCTAssertEqual(try Poseidon.hash(ins), expected[0])
                // A changed input changes the output.
                var bad = ins
                bad[0] += .one
                XCTAssertNotEqual(try Poseidon.hash(bad), expected[0])
            }
        }
        XCTAssertEqual(widths, Set(2...17), "every listed width is exercised")
        XCTAssertEqual(Poseidon.hash(Fr(1), Fr(2)).description,
                       "7853200120776062878684798364095072458815029376092732009249414926327459813530")
        XCTAssertThrowsError(try Poseidon.hash([]))
        XCTAssertThrowsError(try Poseidon.hash([Fr](repeating: .one, count: 17)))
    }
}

final class PoseidonCircuitKATTests: XCTestCase {
    /// The in-circuit permutation (std/poseidon.zkc) reproduces the upstream PoseidonEx vectors
    /// (non-zero initial state, several outputs) straight from kat.json.
    func testCircuitMatchesUpstreamPoseidonEx() throws {
        let data = try Data(contentsOf: try sharedVectors("poseidon/kat.json"))
        let kat = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cases = (kat?["upstream_vectors"] as? [[String: Any]]) ?? []
        var tested = 0
        for c in cases {
            let ins = c["inputs"] as? [String] ?? []
            let initS = c["initState"] as? String ?? "0"
            let nOuts = c["nOuts"] as? Int ?? 1
            let expected = c["expected"] as? [String] ?? []
            guard ins.count <= 6, nOuts > 1 || initS != "0" || tested < 3 else { continue }
            let circuit = try compileSource("""
            import "std/poseidon.zkc";
            circuit P { input x: field[\(ins.count)]; input s: field; output o: field[\(ins.count + 1)] = poseidon_perm(x, s); }
            """)
            let w = try circuit.witness(["x": .array(ins.map { .number($0) }), "s": .number(initS)])
            for (k, e) in expected.enumerated() {
                XCTAssertEqual(w[circuit.outputWire("o", k)].description, e, "inputs \(ins) init \(initS) output \(k)")
            }
            tested += 1
        }
        XCTAssertGreaterThanOrEqual(tested, 4)
    }
}
