import XCTest
import BN254
import GMP

/// A small deterministic generator (SplitMix64) so failures reproduce; the seed is printed.
struct SplitMix64: RandomNumberGenerator {
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

/// Every Fp/Fr operation against GMP (the independent oracle) on random and edge inputs.
final class FieldTests: XCTestCase {
    static let pDecimal = "21888242871839275222246405745257275088696311157297823662689037894645226208583"
    static let rDecimal = "21888242871839275222246405745257275088548364400416034343698204186575808495617"
    let iterations = 10_000

    func testModuliArePrimeAndMatchTheSpecification() throws {
        let p = try XCTUnwrap(BigInt(Self.pDecimal)), r = try XCTUnwrap(BigInt(Self.rDecimal))
        XCTAssertEqual(Fp.modulusBigInt, p)
        XCTAssertEqual(Fr.modulusBigInt, r)
        XCTAssertTrue(p.isProbablePrime(rounds: 50))
        XCTAssertTrue(r.isProbablePrime(rounds: 50))
    }

    func testMontgomeryConstantsAgainstGMP() throws {
        try checkConstants(Fp.self)
        try checkConstants(Fr.self)
    }

    private func checkConstants<F: PrimeField>(_: F.Type) throws {
        let m = F.modulusBigInt
        let two64 = BigInt(1) << 64
        let R = (BigInt(1) << 256).mod(m)
        XCTAssertEqual(BigInt(limbs: [F.montgomeryOne.0, F.montgomeryOne.1, F.montgomeryOne.2, F.montgomeryOne.3]), R)
        // The multiply's copy of the modulus (a global read from memory) holds the same limbs.
        let stored = F.modulusInMemory
        XCTAssertEqual(BigInt(limbs: [stored.0, stored.1, stored.2, stored.3]), m, "\(F.fieldName).modulusInMemory")
        let r2 = try XCTUnwrap(R).powMod(BigInt(2), m)
        XCTAssertEqual(BigInt(limbs: [F.montgomeryR2.0, F.montgomeryR2.1, F.montgomeryR2.2, F.montgomeryR2.3]), r2)
        // montgomeryInverse · m ≡ −1 (mod 2^64), and it equals 2^64 − (m⁻¹ mod 2^64) from GMP.
        XCTAssertEqual((BigInt(F.montgomeryInverse) * m + BigInt(1)).mod(two64), BigInt(0), "−m⁻¹ mod 2^64")
        XCTAssertEqual(BigInt(F.montgomeryInverse), two64 - (try XCTUnwrap(m.invMod(two64))))
        // No-carry CIOS and lazy reduction both need headroom above the modulus.
        XCTAssertLessThan(F.modulus.3, UInt64.max >> 1 - 1)
        XCTAssertTrue(m * BigInt(4) < BigInt(1) << 256)
    }

    func testFrTwoAdicityAndRootOfUnity() throws {
        let r = Fr.modulusBigInt
        XCTAssertEqual((r - BigInt(1)).mod(BigInt(1) << 28), BigInt(0))
        XCTAssertNotEqual((r - BigInt(1)).mod(BigInt(1) << 29), BigInt(0))
        // ω is a primitive 2^28-th root: ω^(2^28) = 1 and ω^(2^27) = −1, computed by GMP.
        let w = Fr.rootOfUnity.bigInt
        XCTAssertEqual(w.powMod(BigInt(1) << 28, r), BigInt(1))
        XCTAssertEqual(w.powMod(BigInt(1) << 27, r), r - BigInt(1))
        // ω = 5^((r−1)/2^28)
        XCTAssertEqual(BigInt(5).powMod((r - BigInt(1)) >> 28, r), w)
        for k in [0, 1, 5, 16, 28] {
            let wk = try XCTUnwrap(Fr.rootOfUnity(logSize: k)).bigInt
            XCTAssertEqual(wk.powMod(BigInt(1) << k, r), BigInt(1))
            if k > 0 { XCTAssertEqual(wk.powMod(BigInt(1) << (k - 1), r), r - BigInt(1)) }
        }
        XCTAssertNil(Fr.rootOfUnity(logSize: 29))
    }

    func testArithmeticAgainstGMP() throws {
        try compareWithGMP(Fp.self, seed: 1)
        try compareWithGMP(Fr.self, seed: 2)
    }

    private func edgeValues<F: PrimeField>(_: F.Type) -> [BigInt] {
        let m = F.modulusBigInt
        return [BigInt(0), BigInt(1), BigInt(2), m - BigInt(1), m - BigInt(2), (m - BigInt(1)) >> 1,
                (m + BigInt(1)) >> 1, BigInt(1) << 64, (BigInt(1) << 128) - BigInt(1), (BigInt(1) << 253)]
    }

    private func compareWithGMP<F: PrimeField>(_: F.Type, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let m = F.modulusBigInt
        let half = try XCTUnwrap(BigInt(2).invMod(m))
        let edges = edgeValues(F.self)
        var pairs: [(BigInt, BigInt)] = []
        for a in edges { for b in edges { pairs.append((a, b)) } }
        for _ in 0..<iterations { pairs.append((F.random(using: &rng).bigInt, F.random(using: &rng).bigInt)) }
        for (a, b) in pairs {
            let x = try F(bigInt: a), y = try F(bigInt: b)
            XCTAssertEqual(x.bigInt, a, "round trip")
            XCTAssertEqual((x + y).bigInt, (a + b).mod(m), "\(a) + \(b)")
            XCTAssertEqual((x - y).bigInt, (a - b).mod(m), "\(a) - \(b)")
            XCTAssertEqual((x * y).bigInt, (a * b).mod(m), "\(a) * \(b)")
            XCTAssertEqual((-x).bigInt, (-a).mod(m), "-\(a)")
            XCTAssertEqual(x.squared().bigInt, (a * a).mod(m), "\(a)^2")
            XCTAssertEqual(x.doubled().bigInt, (a + a).mod(m))
            XCTAssertEqual(x.halved().bigInt, (a * half).mod(m), "\(a)/2")
            if let inv = x.inverse() {
                XCTAssertEqual(inv.bigInt, a.invMod(m), "1/\(a)")
            } else {
                XCTAssertTrue(a.isZero, "only zero has no inverse")
            }
            XCTAssertEqual(x.legendre, a.legendre(m))
        }
    }

    func testSlowReferencesAgree() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let x = Fp.random(using: &rng), y = Fr.random(using: &rng)
            XCTAssertEqual(x.inverseFermat(), x.inverse())
            XCTAssertEqual(y.inverseFermat(), y.inverse())
            XCTAssertEqual(x.legendreEuler, x.legendre)
            XCTAssertEqual(y.legendreEuler, y.legendre)
            // pow against GMP
            let e = rng.next()
            XCTAssertEqual(x.pow(e).bigInt, x.bigInt.powMod(BigInt(e), Fp.modulusBigInt))
        }
        XCTAssertNil(Fp.zero.inverseFermat())
        XCTAssertNil(Fr.zero.inverse())
        // The limb path of inverse() against the BigInt path, including Montgomery forms with
        // zero top limbs (the shim trims them before wrapping the limbs for GMP).
        for limbs: Limbs4 in [(1, 0, 0, 0), (5, 0, 0, 0), (0, 1, 0, 0), (0, 0, 7, 0), (UInt64.max, UInt64.max, 0, 0)] {
            XCTAssertEqual(Fp(montgomery: limbs).inverse(), Fp(montgomery: limbs).inverseReference())
            XCTAssertEqual(Fr(montgomery: limbs).inverse(), Fr(montgomery: limbs).inverseReference())
        }
        for _ in 0..<200 {
            let x = Fp.random(using: &rng), y = Fr.random(using: &rng)
            XCTAssertEqual(x.inverse(), x.inverseReference())
            XCTAssertEqual(y.inverse(), y.inverseReference())
        }
    }

    func testSquareRoots() {
        var rng = SplitMix64(seed: 4)
        var squares = 0, nonSquares = 0
        for _ in 0..<500 {
            let a = Fp.random(using: &rng), b = Fr.random(using: &rng)
            if let s = a.sqrt() { XCTAssertEqual(s.squared(), a); squares += 1 } else { XCTAssertEqual(a.legendre, -1); nonSquares += 1 }
            if let s = b.sqrt() { XCTAssertEqual(s.squared(), b) } else { XCTAssertEqual(b.legendre, -1) }
            let a2 = a.squared(), b2 = b.squared()
            XCTAssertEqual(a2.sqrt()?.squared(), a2)
            XCTAssertEqual(b2.sqrt()?.squared(), b2)
        }
        XCTAssertGreaterThan(squares, 150)
        XCTAssertGreaterThan(nonSquares, 150)
        XCTAssertEqual(Fr.zero.sqrt(), Fr.zero)
    }

    func testBatchInversionMatchesSingleInversion() {
        var rng = SplitMix64(seed: 5)
        for n in [0, 1, 2, 7, 100] {
            var xs = (0..<n).map { i in i % 5 == 3 ? Fr.zero : Fr.random(using: &rng) }
            let expected = xs.map { $0.inverse() ?? .zero }
            Fr.batchInvert(&xs)
            XCTAssertEqual(xs, expected)
        }
    }

    func testEncodingsRoundTripAndRejectNonCanonical() throws {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<1000 {
            let x = Fp.random(using: &rng)
            XCTAssertEqual(try Fp(bytesBE: x.bytesBE), x)
            XCTAssertEqual(try Fp(bytesLE: x.bytesLE), x)
            XCTAssertEqual(try Fp(montgomeryBytesLE: x.montgomeryBytesLE), x)
            XCTAssertEqual(try Fp(decimal: x.description), x)
            XCTAssertEqual(BigInt(x.bytesBE.map { String(format: "%02x", $0) }.joined(), radix: 16), x.bigInt)
        }
        // 1 is 0x00…01 big-endian.
        XCTAssertEqual(Fr.one.bytesBE, [UInt8](repeating: 0, count: 31) + [1])
        XCTAssertEqual(Fr.one.bytesLE, [1] + [UInt8](repeating: 0, count: 31))
        // Values ≥ the modulus are rejected, never reduced.
        for F in [Fp.self, Fr.self] as [any PrimeField.Type] {
            let m = F.modulusBigInt
            for bad in [m, m + BigInt(1), (BigInt(1) << 256) - BigInt(1)] {
                let hex = bad.toString(radix: 16)
                let be = stride(from: 0, to: 64, by: 2).map { i -> UInt8 in
                    let padded = String(repeating: "0", count: 64 - hex.count) + hex
                    let s = padded.index(padded.startIndex, offsetBy: i)
                    return UInt8(padded[s..<padded.index(s, offsetBy: 2)], radix: 16) ?? 0
                }
                XCTAssertThrowsError(try F.init(bytesBE: be)) { e in
                    guard case BN254Error.notCanonical = e else { return XCTFail("wrong error \(e)") }
                }
                XCTAssertThrowsError(try F.init(bytesLE: be.reversed()))
                XCTAssertThrowsError(try F.init(montgomeryBytesLE: be.reversed()))
                XCTAssertThrowsError(try F.init(decimal: bad.description))
                XCTAssertThrowsError(try F.init(bigInt: bad))
            }
            XCTAssertThrowsError(try F.init(bigInt: BigInt(-1)))
            XCTAssertThrowsError(try F.init(decimal: "-1"))
            XCTAssertThrowsError(try F.init(decimal: "12x"))
            XCTAssertThrowsError(try F.init(decimal: ""))
            XCTAssertThrowsError(try F.init(bytesBE: [UInt8](repeating: 0, count: 31))) { e in
                XCTAssertEqual(e as? BN254Error, .wrongLength(what: F.fieldName, expected: 32, got: 31))
            }
        }
        // init(reducing:) is the explicit reduction.
        XCTAssertEqual(Fr(reducing: Fr.modulusBigInt + BigInt(5)), Fr(5))
        XCTAssertEqual(Fr(reducing: BigInt(-1)), -Fr.one)
    }

    func testErrorMessagesNameTheProblem() {
        let e = BN254Error.notCanonical(field: "public[0]", value: "123")
        XCTAssertTrue(e.description.contains("public[0]"))
        XCTAssertTrue(e.description.contains("123"))
    }
}
