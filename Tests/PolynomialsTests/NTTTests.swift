import BN254
import GMP
import XCTest
@testable import Polynomials

final class EvaluationDomainTests: XCTestCase {
    func testGeneratorIsFfjavascriptRootOfUnity() throws {
        for log in 0...12 {
            let d = try EvaluationDomain(logSize: log)
            XCTAssertEqual(d.size, 1 << log)
            XCTAssertEqual(d.logSize, log)
            XCTAssertEqual(d.generator, Oracle.root(logSize: log), "ω for 2^\(log) must be 5^((r−1)/n)")
            XCTAssertEqual(d.generator * d.generatorInverse, .one)
            XCTAssertEqual(d.sizeInverse * Fr(UInt64(d.size)), .one)
            // primitive: ω^n = 1 and ω^{n/2} = −1 (n ≥ 2)
            XCTAssertEqual(d.generator.pow(UInt64(d.size)), .one)
            if log > 0 { XCTAssertEqual(d.generator.pow(UInt64(d.size / 2)), -Fr.one) }
        }
    }

    func testElementsAreGeneratorPowers() throws {
        let d = try EvaluationDomain(logSize: 6)
        let w = Oracle.root(logSize: 6)
        var x = Fr.one
        for i in 0..<64 {
            XCTAssertEqual(d.element(i), x, "ω^\(i)")
            x *= w
        }
        XCTAssertEqual(d.element(64), .one)
        XCTAssertEqual(d.element(-1), d.generatorInverse)
        XCTAssertEqual(d.elements.count, 64)
    }

    func testSizeConstructorsAndErrors() throws {
        XCTAssertEqual(try EvaluationDomain(size: 1).logSize, 0)
        XCTAssertEqual(try EvaluationDomain(size: 1024).logSize, 10)
        XCTAssertEqual(try EvaluationDomain(minimumSize: 0).size, 1)
        XCTAssertEqual(try EvaluationDomain(minimumSize: 1025).size, 2048)
        XCTAssertEqual(try EvaluationDomain(minimumSize: 1024).size, 1024)
        XCTAssertThrowsError(try EvaluationDomain(size: 3)) {
            XCTAssertEqual($0 as? PolynomialsError, .sizeNotPowerOfTwo(size: 3))
        }
        XCTAssertThrowsError(try EvaluationDomain(size: 0))
        XCTAssertThrowsError(try EvaluationDomain(logSize: -1))
        XCTAssertThrowsError(try EvaluationDomain(logSize: 28)) {
            XCTAssertEqual($0 as? PolynomialsError, .sizeOutOfRange(logSize: 28, maxLogSize: 27))
            XCTAssertTrue("\($0)".contains("2^28"))
        }
        XCTAssertThrowsError(try EvaluationDomain(minimumSize: (1 << 27) + 1))
        let d = try EvaluationDomain(logSize: 3)
        var short = [Fr](repeating: .one, count: 7)
        XCTAssertThrowsError(try d.forward(&short)) {
            XCTAssertEqual($0 as? PolynomialsError, .lengthMismatch(what: "forward NTT input", expected: 8, got: 7))
        }
        XCTAssertThrowsError(try d.inverse(&short))
        XCTAssertThrowsError(try d.oddRootsCoset.forward(&short))
        XCTAssertThrowsError(try d.multiplicativeGeneratorCoset.inverse(&short))
        XCTAssertEqual(short, [Fr](repeating: .one, count: 7), "a rejected call leaves the input unchanged")
    }

    func testVanishingPolynomial() throws {
        let d = try EvaluationDomain(logSize: 5)
        var g = SplitMix64(seed: 1)
        for _ in 0..<8 {
            let x = Fr.random(using: &g)
            XCTAssertEqual(d.vanishing(at: x), x.pow(32) - .one)
        }
        for i in 0..<32 { XCTAssertTrue(d.vanishing(at: d.element(i)).isZero) }
    }

    func testLagrangeCoefficients() throws {
        let d = try EvaluationDomain(logSize: 4)
        let coeffs = Oracle.randomVector(16, seed: 2)
        let evals = Oracle.dft(coeffs, root: Oracle.root(logSize: 4))
        var g = SplitMix64(seed: 3)
        let tau = Fr.random(using: &g)
        let l = d.lagrangeCoefficients(at: tau)
        var sum = Fr.zero
        for i in 0..<16 { sum += l[i] * evals[i] }
        XCTAssertEqual(sum, Oracle.evaluate(coeffs, at: tau), "Σ L_i(τ)·p(ω^i) = p(τ)")
        let atPoint = d.lagrangeCoefficients(at: d.element(5))
        XCTAssertEqual(atPoint, (0..<16).map { $0 == 5 ? Fr.one : Fr.zero })
    }
}

final class NTTTests: XCTestCase {
    /// Forward NTT against the O(n²) evaluation at independently computed ω^k, n = 1 … 2^8.
    func testForwardMatchesNaiveDFT() throws {
        for log in 0...8 {
            let d = try EvaluationDomain(logSize: log)
            let a = Oracle.randomVector(1 << log, seed: UInt64(log))
            var v = a
            try d.forward(&v)
            XCTAssertEqual(v, Oracle.dft(a, root: Oracle.root(logSize: log)), "forward NTT 2^\(log)")
        }
    }

    /// The same with the reference DFT computed in GMP integers only.
    func testForwardMatchesGMPDFT() throws {
        for log in 0...4 {
            let d = try EvaluationDomain(logSize: log)
            let a = Oracle.randomVector(1 << log, seed: 100 + UInt64(log))
            var v = a
            try d.forward(&v)
            XCTAssertEqual(v, Oracle.dftBig(a, logSize: log), "forward NTT 2^\(log) vs GMP")
        }
    }

    /// Inverse NTT of naive evaluations gives back the coefficients, n = 1 … 2^8.
    func testInverseMatchesNaiveDFT() throws {
        for log in 0...8 {
            let d = try EvaluationDomain(logSize: log)
            let a = Oracle.randomVector(1 << log, seed: 200 + UInt64(log))
            var v = Oracle.dft(a, root: Oracle.root(logSize: log))
            try d.inverse(&v)
            XCTAssertEqual(v, a, "inverse NTT 2^\(log)")
        }
    }

    /// Every split between in-block stages and global stages (radix-2 tail, fused pairs,
    /// compact and flat twiddle tables) against the naive DFT.
    func testEveryBlockSizeMatchesNaiveDFT() throws {
        for log in [7, 10] {
            let a = Oracle.randomVector(1 << log, seed: 300 + UInt64(log))
            let expected = Oracle.dft(a, root: Oracle.root(logSize: log))
            for lb in 0...log {
                let d = try EvaluationDomain(logSize: log, logBlock: lb)
                var v = a
                try d.forward(&v, threads: 1)
                XCTAssertEqual(v, expected, "2^\(log) with 2^\(lb) blocks")
                try d.inverse(&v, threads: 1)
                XCTAssertEqual(v, a, "inverse 2^\(log) with 2^\(lb) blocks")
            }
        }
    }

    func testRoundTripsUpTo2To16() throws {
        for log in 0...16 {
            let d = try EvaluationDomain(logSize: log)
            let a = Oracle.randomVector(1 << log, seed: 400 + UInt64(log))
            var v = a
            try d.forward(&v)
            if log > 0 { XCTAssertNotEqual(v, a) }
            try d.inverse(&v)
            XCTAssertEqual(v, a, "inverse(forward(x)) = x at 2^\(log)")
        }
    }

    /// One 2^20 round trip (about a second in release), checked also at a few points against
    /// direct evaluation of the polynomial.
    func testRoundTrip2To20() throws {
        let log = 20, n = 1 << log
        let d = try EvaluationDomain(logSize: log)
        var a = [Fr](repeating: .zero, count: n)
        var x = Fr(12345)
        for i in 0..<n { a[i] = x; x = x * x + Fr(UInt64(i)) }
        var v = a
        try d.forward(&v)
        let w = Oracle.root(logSize: log)
        for k in [1, n / 2 + 7, n - 1] {
            // Horner-free O(n) evaluation at ω^k
            XCTAssertEqual(v[k], Oracle.evaluate(a, at: w.pow(UInt64(k))), "A_\(k) at 2^20")
        }
        try d.inverse(&v)
        XCTAssertTrue(v == a, "2^20 round trip")
    }

    func testParallelEqualsSerial() throws {
        for log in [12, 15] {
            let d = try EvaluationDomain(logSize: log)
            let a = Oracle.randomVector(1 << log, seed: 500 + UInt64(log))
            var serial = a
            try d.forward(&serial, threads: 1)
            for threads in [2, 3, 8] {
                var par = a
                try d.forward(&par, threads: threads)
                XCTAssertEqual(par, serial, "forward 2^\(log), \(threads) threads")
                try d.inverse(&par, threads: threads)
                XCTAssertEqual(par, a, "inverse 2^\(log), \(threads) threads")
                var cs = a, cp = a
                try d.oddRootsCoset.forward(&cs, threads: 1)
                try d.oddRootsCoset.forward(&cp, threads: threads)
                XCTAssertEqual(cp, cs, "coset forward 2^\(log), \(threads) threads")
            }
        }
    }

    func testBufferAPIMatchesArrayAPI() throws {
        let d = try EvaluationDomain(logSize: 9)
        let a = Oracle.randomVector(512, seed: 600)
        var viaArray = a
        try d.forward(&viaArray)
        var viaBuffer = a
        try viaBuffer.withUnsafeMutableBufferPointer { try d.forward($0) }
        XCTAssertEqual(viaBuffer, viaArray)
        try viaBuffer.withUnsafeMutableBufferPointer { try d.inverse($0) }
        XCTAssertEqual(viaBuffer, a)
    }

    /// Sanity of the suite itself: a single corrupted twiddle, in either table, must be caught.
    func testCorruptedTwiddleIsDetected() throws {
        let a = Oracle.randomVector(1 << 8, seed: 700)
        let expected = Oracle.dft(a, root: Oracle.root(logSize: 8))
        var d = try EvaluationDomain(logSize: 8, logBlock: 4)
        d.twiddles[3] = d.twiddles[3] + .one
        var v = a
        try d.forward(&v)
        XCTAssertNotEqual(v, expected, "a wrong global twiddle must change the result")
        var e = try EvaluationDomain(logSize: 8, logBlock: 4)
        e.blockTwiddles[5] = e.blockTwiddles[5] + .one
        v = a
        try e.forward(&v)
        XCTAssertNotEqual(v, expected, "a wrong in-block twiddle must change the result")
        var f = try EvaluationDomain(logSize: 8, logBlock: 2)
        XCTAssertFalse(f.pairTwiddles.isEmpty)
        f.pairTwiddles[f.pairTwiddles.count - 1] = f.pairTwiddles[f.pairTwiddles.count - 1] + .one
        v = a
        try f.forward(&v)
        XCTAssertNotEqual(v, expected, "a wrong interleaved pair twiddle must change the result")
    }
}

final class CosetTests: XCTestCase {
    func testOddRootsCosetIsOddPointsOfDoubleDomain() throws {
        for log in [0, 1, 3, 7] {
            let d = try EvaluationDomain(logSize: log)
            let c = d.oddRootsCoset
            let w2 = Oracle.root(logSize: log + 1)
            XCTAssertEqual(c.offset, w2)
            XCTAssertEqual(c.offset * c.offsetInverse, .one)
            for i in 0..<d.size { XCTAssertEqual(c.element(i), w2.pow(UInt64(2 * i + 1)), "ω_2n^(2i+1)") }
            XCTAssertEqual(c.vanishingValue, -Fr(2), "Z_H = −2 on the odd 2n-th roots")
        }
    }

    func testMultiplicativeGeneratorCoset() throws {
        let d = try EvaluationDomain(logSize: 6)
        let c = d.multiplicativeGeneratorCoset
        XCTAssertEqual(c.offset, Fr(5))
        XCTAssertEqual(c.offset * c.offsetInverse, .one)
        let z = BigInt(5).powMod(BigInt(64), Oracle.r) ?? BigInt(0)
        XCTAssertEqual(c.vanishingValue, Oracle.fr(z - BigInt(1)))
    }

    func testCosetRejectsPointsOfTheDomain() throws {
        let d = try EvaluationDomain(logSize: 4)
        for bad in [Fr.zero, Fr.one, d.element(3), -Fr.one] {
            XCTAssertThrowsError(try d.coset(generator: bad)) {
                guard case .cosetNotDisjoint = $0 as? PolynomialsError else { return XCTFail("wrong error \($0)") }
            }
        }
        XCTAssertNoThrow(try d.coset(generator: Fr(7)))
        XCTAssertNoThrow(try d.coset(generator: Oracle.root(logSize: 5)))
    }

    /// Coset NTT against direct evaluation at g·ω^k for three offsets, n = 1 … 2^8.
    func testCosetForwardMatchesDirectEvaluation() throws {
        for log in 0...8 {
            let d = try EvaluationDomain(logSize: log)
            let w = Oracle.root(logSize: log)
            let a = Oracle.randomVector(1 << log, seed: 800 + UInt64(log))
            let cosets: [(Coset, Fr, String)] = [
                (d.oddRootsCoset, Oracle.root(logSize: log + 1), "odd 2n-th roots"),
                (d.multiplicativeGeneratorCoset, Fr(5), "5·H"),
                (try d.coset(generator: Fr(7)), Fr(7), "7·H"),
            ]
            for (c, g, name) in cosets {
                var v = a
                try c.forward(&v)
                XCTAssertEqual(v, Oracle.dft(a, root: w, offset: g), "coset \(name) 2^\(log)")
                var back = Oracle.dft(a, root: w, offset: g)
                try c.inverse(&back)
                XCTAssertEqual(back, a, "coset inverse \(name) 2^\(log)")
            }
        }
    }

    func testCosetRoundTripsUpTo2To16() throws {
        for log in [0, 1, 2, 5, 11, 12, 13, 16] {
            let d = try EvaluationDomain(logSize: log)
            let a = Oracle.randomVector(1 << log, seed: 900 + UInt64(log))
            for c in [d.oddRootsCoset, d.multiplicativeGeneratorCoset] {
                var v = a
                try c.forward(&v)
                if log > 0 { XCTAssertNotEqual(v, a) }
                try c.inverse(&v)
                XCTAssertEqual(v, a, "coset round trip 2^\(log), offset \(c.offset)")
            }
        }
    }

    /// The snarkjs prover step (FORMATS.md): iFFT on H, multiply coefficient i by ω_2n^i, FFT
    /// — equals the odd-roots coset transform, and the values are p at ω_2n^(2i+1).
    func testSnarkjsStyleOddEvaluation() throws {
        let log = 5
        let d = try EvaluationDomain(logSize: log)
        let evals = Oracle.randomVector(32, seed: 1000)
        var coeffs = evals
        try d.inverse(&coeffs)
        let w2 = Oracle.root(logSize: log + 1)
        var manual = coeffs
        var f = Fr.one
        for i in 0..<32 { manual[i] *= f; f *= w2 }
        try d.forward(&manual)
        var viaCoset = coeffs
        try d.oddRootsCoset.forward(&viaCoset)
        XCTAssertEqual(viaCoset, manual)
        for i in [0, 7, 31] { XCTAssertEqual(viaCoset[i], Oracle.evaluate(coeffs, at: w2.pow(UInt64(2 * i + 1)))) }
    }
}
