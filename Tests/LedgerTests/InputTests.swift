import Foundation
import XCTest
import BN254
@testable import Ledger

final class InputTests: XCTestCase {
    func testLeavesJSON() throws {
        let l = try LedgerInput.decodeLeaves(Array(#"[{"index": 3, "leaf": "12"}, {"index": "4", "leaf": "0"}]"#.utf8))
        XCTAssertEqual(l, [PublishedLeaf(index: 3, leaf: Fr(12)), PublishedLeaf(index: 4, leaf: .zero)])
        XCTAssertEqual(try LedgerInput.decodeLeaves(Array(LedgerInput.encodeLeaves(l).utf8)), l, "round trip")
        let bad = [#"{"index": 1}"#, #"[{"index": -1, "leaf": "1"}]"#, #"[{"index": 1.5, "leaf": "1"}]"#,
                   #"[{"index": 1, "leaf": 5}]"#, #"[{"index": 1, "leaf": "x"}]"#, #"[{"index": 1, "leaf": "1", "salt": "2"}]"#,
                   #"[{"index": true, "leaf": "1"}]"#, "not json"]
        for b in bad {
            XCTAssertThrowsError(try LedgerInput.decodeLeaves(Array(b.utf8)), b) { e in
                guard case LedgerError.malformed? = e as? LedgerError else { return XCTFail("\(b): \(e)") }
            }
        }
        let r = "21888242871839275222246405745257275088548364400416034343698204186575808495617"
        XCTAssertThrowsError(try LedgerInput.decodeLeaves(Array("[{\"index\": 1, \"leaf\": \"\(r)\"}]".utf8))) { e in
            XCTAssertEqual(e as? LedgerError, .rejected(.nonCanonicalLeaf(slot: 0, value: r)))
        }
    }

    func testPublicJSON() throws {
        XCTAssertEqual(try LedgerInput.decodePublicSignals(Array(#"["1", "2"]"#.utf8)), [Fr(1), Fr(2)])
        XCTAssertThrowsError(try LedgerInput.decodePublicSignals(Array(#"[1, 2]"#.utf8)))
        let r1 = "21888242871839275222246405745257275088548364400416034343698204186575808495618"
        XCTAssertThrowsError(try LedgerInput.decodePublicSignals(Array("[\"0\", \"\(r1)\"]".utf8))) { e in
            XCTAssertEqual(e as? LedgerError, .rejected(.nonCanonicalPublicInput(index: 1, value: r1)))
        }
    }

    func testPayloadRoundTripAndBounds() throws {
        let rec = BatchRecord(kind: "settle", sequence: 9, publicInputs: [Fr(1), Fr.random()], proof: [1, 2, 3],
                              leaves: [PublishedLeaf(index: 5, leaf: Fr.random())])
        let p = rec.encodePayload()
        XCTAssertEqual(try BatchRecord.decodePayload(p), rec)
        for cut in 0..<p.count { XCTAssertThrowsError(try BatchRecord.decodePayload(Array(p.prefix(cut)))) }
        XCTAssertThrowsError(try BatchRecord.decodePayload(p + [0]), "trailing byte")
    }
}
