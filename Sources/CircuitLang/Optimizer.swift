import BN254

/// What the optimiser did.
public struct OptimizerStats: Sendable {
    public var constraintsBefore = 0
    public var constraintsAfter = 0
    public var linearEliminated = 0
    public var duplicatesRemoved = 0
    public var trivialRemoved = 0
}

/// Optimiser over the lowered constraints (like circom --O2):
/// 1. constant folding: a constraint whose A or B is constant is linear; all-constant ones are
///    dropped when they hold (lowering already reports those that cannot);
/// 2. linear-constraint elimination: for every linear constraint L = 0 pick a signal s with
///    coefficient c that is NOT protected (wire 0, inputs and outputs are never eliminated), rewrite
///    s = −(L − c·s)/c and substitute it into every other constraint, then drop L. A constraint on
///    public wires only is therefore always kept. Substitutions are recorded so a witness of the
///    optimised system extends to one of the original (and the test checks both directions);
/// 3. merging duplicate constraints (after normalising linear ones to leading coefficient 1 and
///    ordering A/B).
struct Optimizer {
    var cons: [IRConstraint]
    let protected: [Bool]
    var removed: [Bool]
    var occ: [[Int32]]
    /// (signal, expression) in elimination order.
    var substitutions: [(Int32, LC)] = []
    var stats = OptimizerStats()
    /// Elimination is skipped when it would write more than this many terms (blow-up guard).
    let maxGrowth = 4_000

    init(constraints: [IRConstraint], signalCount: Int, protected: [Bool]) {
        cons = constraints
        self.protected = protected
        removed = Array(repeating: false, count: constraints.count)
        occ = Array(repeating: [], count: signalCount)
        stats.constraintsBefore = constraints.count
        for (i, c) in constraints.enumerated() {
            for lc in [c.a, c.b, c.c] { for t in lc.terms where t.w != 0 { occ[Int(t.w)].append(Int32(i)) } }
        }
    }

    /// L with L = 0 equivalent to the constraint, when it is linear.
    static func linearForm(_ c: IRConstraint) -> LC? {
        if let ka = c.a.constantValue { return c.b.scaled(ka) - c.c }
        if let kb = c.b.constantValue { return c.a.scaled(kb) - c.c }
        return nil
    }

    mutating func run() {
        var work: [Int] = []
        for i in cons.indices where Optimizer.linearForm(cons[i]) != nil { work.append(i) }
        var wi = 0
        while wi < work.count {
            let i = work[wi]
            wi += 1
            if removed[i] { continue }
            guard let l = Optimizer.linearForm(cons[i]) else { continue }
            if l.isConstant {
                // Holds (0 = 0) or cannot hold; keep an impossible one so the system stays unsatisfiable.
                if l.constantValue?.isZero ?? false { removed[i] = true; stats.trivialRemoved += 1 }
                continue
            }
            // Pick the unprotected signal that occurs in the fewest constraints.
            var best: Term? = nil
            var bestOcc = Int.max
            for t in l.terms where t.w != 0 && !protected[Int(t.w)] {
                let n = occ[Int(t.w)].count
                if n < bestOcc { bestOcc = n; best = t }
            }
            guard let pick = best else { cons[i] = IRConstraint(a: .zero, b: .zero, c: l, origin: cons[i].origin); continue }
            if bestOcc * l.terms.count > maxGrowth * 4 { cons[i] = IRConstraint(a: .zero, b: .zero, c: l, origin: cons[i].origin); continue }
            guard let invc = pick.c.inverse() else { continue }
            // s = −(L − c·s)/c
            let rest = l - LC(terms: [pick])
            let expr = rest.scaled(-invc)
            removed[i] = true
            stats.linearEliminated += 1
            substitutions.append((pick.w, expr))
            let users = occ[Int(pick.w)]
            occ[Int(pick.w)] = []
            var seen = Set<Int32>()
            for j32 in users where j32 != Int32(i) && !removed[Int(j32)] && !seen.contains(j32) {
                seen.insert(j32)
                let j = Int(j32)
                var c = cons[j]
                let wasLinear = Optimizer.linearForm(c) != nil
                c.a = substitute(c.a, pick.w, expr)
                c.b = substitute(c.b, pick.w, expr)
                c.c = substitute(c.c, pick.w, expr)
                cons[j] = c
                for t in expr.terms where t.w != 0 { occ[Int(t.w)].append(j32) }
                if !wasLinear, Optimizer.linearForm(c) != nil { work.append(j) }
                else if wasLinear { work.append(j) }
            }
        }
        mergeDuplicates()
        stats.constraintsAfter = removed.lazy.filter { !$0 }.count
    }

    func substitute(_ lc: LC, _ w: Int32, _ expr: LC) -> LC {
        guard let idx = lc.terms.firstIndex(where: { $0.w == w }) else { return lc }
        let k = lc.terms[idx].c
        var t = lc.terms
        t.remove(at: idx)
        return LC(terms: t).combined(expr, k)
    }

    /// A cheap 64-bit fingerprint of a linear combination (FNV-style mixing of slots and limbs).
    static func fingerprint(_ lc: LC) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        @inline(__always) func mix(_ v: UInt64) { h = (h ^ v) &* 0x100000001b3; h ^= h >> 29 }
        for t in lc.terms {
            mix(UInt64(UInt32(bitPattern: t.w)))
            let m = t.c.montgomery
            mix(m.0); mix(m.1); mix(m.2); mix(m.3)
        }
        mix(UInt64(lc.terms.count))
        return h
    }

    mutating func mergeDuplicates() {
        var seen: [UInt64: [Int]] = [:]
        seen.reserveCapacity(cons.count)
        for i in cons.indices where !removed[i] {
            var c = cons[i]
            if let l = Optimizer.linearForm(c) {
                if let k = l.constantValue {
                    if k.isZero { removed[i] = true; stats.trivialRemoved += 1 }
                    continue
                }
                // normalise: leading coefficient 1
                let lead = l.terms.first { $0.w != 0 } ?? l.terms[0]
                let n = l.scaled(lead.c.inverse() ?? .one)
                c = IRConstraint(a: .zero, b: .zero, c: n, origin: c.origin)
                cons[i] = c
            }
            let fa = Optimizer.fingerprint(c.a), fb = Optimizer.fingerprint(c.b), fc = Optimizer.fingerprint(c.c)
            // A·B = B·A: combine the A/B fingerprints symmetrically.
            let key = (min(fa, fb) &* 0x9E3779B97F4A7C15) ^ (max(fa, fb) &* 0xC2B2AE3D27D4EB4F) ^ fc
            if let prior = seen[key] {
                let dup = prior.contains { j in
                    let d = cons[j]
                    return d.c == c.c && ((d.a == c.a && d.b == c.b) || (d.a == c.b && d.b == c.a))
                }
                if dup { removed[i] = true; stats.duplicatesRemoved += 1; continue }
                seen[key]?.append(i)
            } else { seen[key] = [i] }
        }
    }

    var result: [IRConstraint] { cons.indices.filter { !removed[$0] }.map { cons[$0] } }
}
