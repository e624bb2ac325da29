import BN254
import GMP
import XCTest

// Independent references the fast paths are tested against. Nothing here uses the Polynomials
// module: roots of unity come from GMP (5^((r−1)/n) mod r, the ffjavascript convention),
// evaluations are O(n²) sums of powers.

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Oracle {
    static let r = Fr.modulusBigInt

    /// 5^((r−1)/2^logSize) mod r, computed with GMP only.
    static func rootBig(logSize: Int) -> BigInt {
        // safe: r is odd and non-zero, so powMod is defined.
        BigInt(5).powMod((r - BigInt(1)) >> logSize, r) ?? BigInt(0)
    }

    static func fr(_ x: BigInt) -> Fr {
        // safe in tests: every x passed here is reduced mod r; a failure shows as a wrong value.
        (try? Fr(bigInt: x.mod(r) ?? BigInt(0))) ?? .zero
    }

    static func root(logSize: Int) -> Fr { fr(rootBig(logSize: logSize)) }

    static func randomVector(_ n: Int, seed: UInt64) -> [Fr] {
        var g = SplitMix64(seed: seed)
        return (0..<n).map { _ in Fr.random(using: &g) }
    }

    /// Σ_i a_i·x^i by accumulating powers (not Horner, so independent of `Polynomial.evaluate`).
    static func evaluate(_ a: [Fr], at x: Fr) -> Fr {
        var acc = Fr.zero, p = Fr.one
        for c in a { acc += c * p; p *= x }
        return acc
    }

    /// The O(n²) DFT: A_k = Σ_i a_i·(offset·w^k)^i for k < n.
    static func dft(_ a: [Fr], root w: Fr, offset: Fr = .one) -> [Fr] {
        var out = [Fr](), x = offset
        for _ in 0..<a.count {
            out.append(evaluate(a, at: x))
            x *= w
        }
        return out
    }

    /// The same DFT entirely in GMP integers (independent of Fr multiplication too).
    static func dftBig(_ a: [Fr], logSize: Int) -> [Fr] {
        let w = rootBig(logSize: logSize)
        let n = a.count
        let coeffs = a.map { $0.bigInt }
        return (0..<n).map { k in
            var acc = BigInt(0)
            for (i, c) in coeffs.enumerated() {
                let p = w.powMod(BigInt(i * k), r) ?? BigInt(0)
                acc = (acc + c * p).mod(r) ?? BigInt(0)
            }
            return fr(acc)
        }
    }
}
