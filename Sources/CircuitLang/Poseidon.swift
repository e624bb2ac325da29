import BN254
import Foundation

/// circomlib-compatible Poseidon over BN254 Fr (x^5 S-box, R_F = 8, width t = inputs + 1 in 2…17).
///
/// Constants are not shipped: they are regenerated from the Grain LFSR of the Poseidon paper
/// (Grassi, Khovratovich, Rechberger, Roy, Schofnegger, "Poseidon: A New Hash Function for
/// Zero-Knowledge Proof Systems", USENIX Security 2021, Appendix F) with the parameters circomlib
/// used: field flag 1, S-box flag 0, n = 254, t, R_F = 8, R_P(t). Round constants are the first
/// t·(R_F+R_P) 254-bit candidates below r; the MDS matrix is the Cauchy matrix M[i][j] = 1/(x_i+y_j)
/// from the next 2t candidates reduced mod r. Tested against `shared/vectors/poseidon/kat.json`.
public enum Poseidon {
    /// R_P for t = 2…17 (circomlib's table, from the Poseidon paper's security analysis).
    public static let partialRounds: [Int] = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68]
    public static let fullRounds = 8

    /// Round constants and MDS matrix for one width.
    public struct Parameters: Sendable {
        public let t: Int
        public let partialRounds: Int
        /// t·(R_F+R_P) round constants, round-major: C[r·t + i].
        public let roundConstants: [Fr]
        /// t×t MDS matrix, row-major: new[i] = Σ_j mds[i][j]·state[j].
        public let mds: [[Fr]]
    }

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var params: [Int: Parameters] = [:]
    }
    private static let cache = Cache()

    /// Parameters for width t (2…17), generated on first use and cached. nil for other widths.
    public static func parameters(t: Int) -> Parameters? {
        guard t >= 2, t <= 17 else { return nil }
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let p = cache.params[t] { return p }
        let p = generate(t: t)
        cache.params[t] = p
        return p
    }

    /// The Grain LFSR in self-shrinking mode (Poseidon paper, Appendix F).
    struct Grain {
        var bits: [UInt8]   // ring buffer of the last 80 bits
        var head = 0

        init(t: Int, partialRounds: Int) {
            var init80: [UInt8] = []
            func push(_ v: Int, _ n: Int) { for i in stride(from: n - 1, through: 0, by: -1) { init80.append(UInt8((v >> i) & 1)) } }
            push(1, 2)              // field: prime field
            push(0, 4)              // S-box flag 0 (circomlib)
            push(254, 12)           // field size n
            push(t, 12)
            push(fullRounds, 10)
            push(partialRounds, 10)
            push((1 << 30) - 1, 30)
            bits = init80
            for _ in 0..<160 { _ = clock() }
        }

        /// b[i+80] = b[i+62] ⊕ b[i+51] ⊕ b[i+38] ⊕ b[i+23] ⊕ b[i+13] ⊕ b[i].
        mutating func clock() -> UInt8 {
            @inline(__always) func at(_ k: Int) -> UInt8 { bits[(head + k) % 80] }
            let nb = at(62) ^ at(51) ^ at(38) ^ at(23) ^ at(13) ^ at(0)
            bits[head] = nb
            head = (head + 1) % 80
            return nb
        }

        /// Self-shrinking: pairs (a, b); output b when a = 1.
        mutating func nextBit() -> UInt8 {
            while true {
                let a = clock(), b = clock()
                if a == 1 { return b }
            }
        }

        /// 254 bits, big-endian.
        mutating func next254() -> U256 {
            var v = U256.zero
            for _ in 0..<254 {
                v = v.shiftedLeft(1)
                v.l.0 |= UInt64(nextBit())
            }
            return v
        }
    }

    static func generate(t: Int) -> Parameters {
        let rp = partialRounds[t - 2]
        var g = Grain(t: t, partialRounds: rp)
        var c: [Fr] = []
        let n = t * (fullRounds + rp)
        c.reserveCapacity(n)
        while c.count < n {
            if let f = g.next254().fr { c.append(f) }   // reject candidates ≥ r
        }
        let m = U256(l: Fr.modulus)
        func reduced(_ v: U256) -> Fr {
            var x = v
            while !(x < m) { x = U256.subb(x, m).0 }   // v < 2^254 < 4r: at most 3 subtractions
            return x.fr ?? .zero                       // safe: x < r after the loop
        }
        var xs: [Fr] = [], ys: [Fr] = []
        for _ in 0..<t { xs.append(reduced(g.next254())) }
        for _ in 0..<t { ys.append(reduced(g.next254())) }
        var flat: [Fr] = []
        for i in 0..<t { for j in 0..<t { flat.append(xs[i] + ys[j]) } }
        Fr.batchInvert(&flat)
        let mds = (0..<t).map { i in Array(flat[(i * t)..<(i * t + t)]) }
        return Parameters(t: t, partialRounds: rp, roundConstants: c, mds: mds)
    }

    /// The permutation on a full state of width 2…17 (returns nil for other widths).
    public static func permute(_ state: [Fr]) -> [Fr]? {
        guard let p = parameters(t: state.count) else { return nil }
        let t = p.t
        var s = state
        var tmp = s
        let rounds = fullRounds + p.partialRounds
        for r in 0..<rounds {
            for i in 0..<t { s[i] += p.roundConstants[r * t + i] }
            let full = r < fullRounds / 2 || r >= fullRounds / 2 + p.partialRounds
            for i in 0..<(full ? t : 1) {
                let x2 = s[i].squared()
                s[i] = x2.squared() * s[i]
            }
            for i in 0..<t {
                var acc = Fr.zero
                for j in 0..<t { acc += p.mds[i][j] * s[j] }
                tmp[i] = acc
            }
            swap(&s, &tmp)
        }
        return s
    }

    /// Poseidon(n) as in circomlib: state [initState, inputs…], returns the first `outputs`
    /// elements after the permutation. nil unless 1 ≤ inputs.count ≤ 16 and outputs ≤ inputs.count + 1.
    public static func hashEx(_ inputs: [Fr], initialState: Fr = .zero, outputs: Int = 1) -> [Fr]? {
        guard inputs.count >= 1, inputs.count <= 16, outputs >= 1, outputs <= inputs.count + 1,
              let s = permute([initialState] + inputs) else { return nil }
        return Array(s[0..<outputs])
    }

    /// circomlib `Poseidon(n)` (n = inputs.count, 1…16). Throws for other arities.
    public static func hash(_ inputs: [Fr]) throws -> Fr {
        guard let out = hashEx(inputs)?.first else { throw CircuitLangError.badPoseidonArity(inputs.count) }
        return out
    }

    /// Two-to-one hash (Merkle nodes): Poseidon([left, right]).
    public static func hash(_ left: Fr, _ right: Fr) -> Fr {
        hashEx([left, right])?.first ?? .zero   // safe: arity 2 is always supported
    }
}
