import XCTest
import GMP

final class BigIntTests: XCTestCase {
    func testParsePrintRoundTrip() throws {
        let s = "21888242871839275222246405745257275088696311157297823662689037894645226208583"
        let x = try XCTUnwrap(BigInt(s))
        XCTAssertEqual(x.description, s)
        XCTAssertEqual(BigInt(x.toString(radix: 16), radix: 16), x)
        XCTAssertEqual(BigInt("0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", radix: 16), x)
        XCTAssertEqual(BigInt("-17")?.description, "-17")
    }

    func testMalformedStringsRejected() {
        for bad in ["", "-", "12a", " 1", "1 ", "0x", "+-1", "1.5", "١٢"] {
            XCTAssertNil(BigInt(bad), "'\(bad)' must not parse")
        }
        XCTAssertNil(BigInt("g", radix: 16))
    }

    func testArithmeticIdentities() throws {
        let a = try XCTUnwrap(BigInt("123456789012345678901234567890"))
        let b = try XCTUnwrap(BigInt("987654321098765432109876543210"))
        XCTAssertEqual((a * b).floorDivided(by: b), a)
        XCTAssertEqual(a + b - b, a)
        XCTAssertEqual((-a).mod(b), b - a)
        XCTAssertNil(a.mod(BigInt()))
        XCTAssertNil(a.floorDivided(by: BigInt()))
        XCTAssertEqual((a << 70) >> 70, a)
        XCTAssertTrue(a < b)
        XCTAssertEqual(BigInt(limbs: [0, 1]), BigInt(1) << 64)
        XCTAssertEqual((BigInt(1) << 64).limbs(count: 2), [0, 1])
        XCTAssertNil((BigInt(1) << 128).limbs(count: 2))
    }

    func testModularFunctions() throws {
        let p = try XCTUnwrap(BigInt("21888242871839275222246405745257275088696311157297823662689037894645226208583"))
        let a = BigInt(123456789)
        let inv = try XCTUnwrap(a.invMod(p))
        XCTAssertEqual((a * inv).mod(p), BigInt(1))
        XCTAssertEqual(a.powMod(p - BigInt(1), p), BigInt(1)) // Fermat
        XCTAssertNil(BigInt(0).invMod(p))
        XCTAssertNil(BigInt(6).invMod(BigInt(9)))
        XCTAssertEqual(BigInt(4).legendre(p), 1)
        XCTAssertEqual(BigInt(144).squareRootFloor(), BigInt(12))
        XCTAssertTrue(p.isProbablePrime())
        XCTAssertFalse((p * BigInt(3)).isProbablePrime())
    }
}
