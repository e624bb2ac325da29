import BN254
import Foundation

/// The under-constraint lint (`zkclear check`). It runs on the constraints as lowered (before
/// optimisation, where signals still have their names and origins) and reports:
///
/// * L0001 — a hint output that no constraint binds, apart from the range check / booleanity of
///   its own declared type;
/// * L0002 — a private input that no constraint uses (apart from its own type check);
/// * L0003 — a signal the constraints do not determine from the inputs.
///
/// "Determined" is a cheap, sound under-approximation computed by propagation from wire 0 and
/// the inputs (a signal is marked known only when every satisfying witness agrees on it):
/// 1. A·B = C with A and B known and exactly one unknown signal in C;
/// 2. a linear constraint (A or B constant) with exactly one unknown signal;
/// 3. A·B = C with C a non-zero constant, A known and one unknown in B (or vice versa): A ≠ 0 is
///    forced, so B is unique (field inverses);
/// 4. bit decompositions: a linear constraint whose unknown signals are all boolean-constrained
///    (s·(s−1) = 0) with coefficients c·2^kᵢ, distinct kᵢ < 253: the binary expansion is unique;
/// 5. the compiler's gadget facts, each proved by a soundness test: is_zero's output is determined
///    by its input; quotient and remainder of integer division are determined by the operands.
/// Auxiliary signals whose value is free by design (the inverse inside is_zero and inside
/// `assert a != b`) are not reported. Anything the rules cannot prove is reported, so a warning
/// can be a false positive (e.g. a signal fixed by a non-linear relation the rules do not know),
/// but a signal that really is free is always reported.
public struct LintReport: Sendable, CustomStringConvertible {
    public let warnings: [Diagnostic]
    public let checkedSignals: Int
    public var isClean: Bool { warnings.isEmpty }
    public var description: String {
        warnings.isEmpty ? "check: no under-constrained signals among \(checkedSignals)"
            : warnings.map(\.description).joined(separator: "\n\n") + "\n\n\(warnings.count) warning(s)"
    }
}

extension CompiledCircuit {
    /// Runs the under-constraint lint.
    public func lint() -> LintReport {
        let info = lintInfo
        let cons = rawConstraints
        let n = signalKinds.count
        let bag = DiagnosticBag(sources: info.sources)
        var known = [Bool](repeating: false, count: n)
        known[0] = true
        for i in info.inputSignals { known[Int(i.signal)] = true }

        var occ = [[Int32]](repeating: [], count: n)
        var appearsOutsideType = [Bool](repeating: false, count: n)
        var firstOrigin = [Int32](repeating: -1, count: n)
        for (ci, c) in cons.enumerated() {
            for lc in [c.a, c.b, c.c] {
                for t in lc.terms where t.w != 0 {
                    let w = Int(t.w)
                    if occ[w].last != Int32(ci) { occ[w].append(Int32(ci)) }
                    if !info.typeOnly.contains(ci) { appearsOutsideType[w] = true }
                    if firstOrigin[w] < 0 { firstOrigin[w] = c.origin }
                }
            }
        }
        // Boolean-constrained signals: A = s, B = s − 1, C = 0.
        var boolean = [Bool](repeating: false, count: n)
        for c in cons where c.c.terms.isEmpty {
            if let s = c.a.singleSignal, c.b.terms.count == 2, c.b.terms[0].w == 0, c.b.terms[0].c == -Fr.one,
               c.b.terms[1].w == s, c.b.terms[1].c.isOne { boolean[Int(s)] = true }
        }
        var rulesByDep = [[Int]](repeating: [], count: n)
        for (ri, r) in info.gadgetRules.enumerated() { for d in r.deps { rulesByDep[Int(d)].append(ri) } }

        var queue: [Int32] = []
        func learn(_ s: Int32) {
            if !known[Int(s)] { known[Int(s)] = true; queue.append(s) }
        }
        func unknowns(_ lc: LC) -> [Term] { lc.terms.filter { !known[Int($0.w)] } }
        func tryConstraint(_ c: IRConstraint) {
            let ua = unknowns(c.a), ub = unknowns(c.b), uc = unknowns(c.c)
            if ua.isEmpty && ub.isEmpty && uc.isEmpty { return }
            if let l = Optimizer.linearForm(c) {
                let u = unknowns(l)
                if u.count == 1 { learn(u[0].w); return }
                // bit decomposition
                if u.count >= 2, u.allSatisfy({ boolean[Int($0.w)] }) {
                    let base = u.min { U256($0.c).bitLength < U256($1.c).bitLength } ?? u[0]
                    guard let inv = base.c.inverse() else { return }
                    var ks = Set<Int>()
                    for t in u {
                        let r = U256(t.c * inv)
                        let k = r.bitLength - 1
                        guard k >= 0, k < 253, r == U256.pow2(k), !ks.contains(k) else {
                            // also accept −(c·2^k)
                            let r2 = U256(-(t.c * inv)); let k2 = r2.bitLength - 1
                            guard k2 >= 0, k2 < 253, r2 == U256.pow2(k2), !ks.contains(k2) else { return }
                            ks.insert(k2); continue
                        }
                        ks.insert(k)
                    }
                    for t in u { learn(t.w) }
                }
                return
            }
            if ua.isEmpty && ub.isEmpty && uc.count == 1 { learn(uc[0].w); return }
            if uc.isEmpty, let k = c.c.constantValue, !k.isZero {
                if ua.isEmpty && ub.count == 1 { learn(ub[0].w) } else if ub.isEmpty && ua.count == 1 { learn(ua[0].w) }
            }
        }
        func tryRule(_ ri: Int) {
            let r = info.gadgetRules[ri]
            if r.deps.allSatisfy({ known[Int($0)] }) { for t in r.targets { learn(t) } }
        }
        for c in cons { tryConstraint(c) }
        for ri in info.gadgetRules.indices { tryRule(ri) }
        var qi = 0
        while qi < queue.count {
            let s = Int(queue[qi])
            qi += 1
            for ci in occ[s] { tryConstraint(cons[Int(ci)]) }
            for ri in rulesByDep[s] { tryRule(ri) }
        }

        func name(_ s: Int32) -> String { info.signalNames[Int(s)] ?? "signal #\(s)" }
        func span(_ s: Int32) -> Span {
            let o = firstOrigin[Int(s)]
            return o >= 0 ? info.origins[Int(o)].span : Span.none
        }
        var reported = Set<Int32>()
        for h in info.hintOutputs where !appearsOutsideType[Int(h.signal)] {
            bag.warning("L0001", "hint output is not bound by any constraint (only its type is checked)", at: h.span,
                        hint: "add an assert that ties the hint to the values it was computed from")
            reported.insert(h.signal)
        }
        for i in info.inputSignals where !i.isPublic && !appearsOutsideType[Int(i.signal)] {
            bag.warning("L0002", "private input '\(i.name)' is not used by any constraint", at: i.span,
                        hint: "use it, or remove it: a prover may set it to anything")
            reported.insert(i.signal)
        }
        // Undetermined signals, grouped by the source construct that created their first constraint.
        var checked = 0
        var groups: [Int32: [Int32]] = [:]
        var order: [Int32] = []
        for s in 1..<n where !occ[s].isEmpty {
            checked += 1
            let w = Int32(s)
            if known[s] || info.auxiliary.contains(w) || reported.contains(w) { continue }
            let o = firstOrigin[s]
            if groups[o] == nil { order.append(o) }
            groups[o, default: []].append(w)
        }
        for o in order {
            let ws = groups[o] ?? []
            let named = ws.compactMap { info.signalNames[Int($0)] }
            let unnamed = ws.count - named.count
            var what = named.map { "'\($0)'" }.joined(separator: ", ")
            if unnamed > 0 { what += (what.isEmpty ? "" : " and ") + "\(unnamed) internal signal(s)" }
            bag.warning("L0003", "\(what) not determined by the inputs: several witnesses satisfy the constraints",
                        at: o >= 0 ? info.origins[Int(o)].span : Span.none,
                        hint: "constrain it fully (e.g. assert the relation a hint was computed from, range-check both sides of a division)")
        }
        return LintReport(warnings: bag.items, checkedSignals: checked)
    }
}

extension Compiler {
    /// Compiles and runs the under-constraint lint.
    public static func check(path: String, options: CompileOptions = CompileOptions()) throws -> LintReport {
        try compile(path: path, options: options).lint()
    }
}
