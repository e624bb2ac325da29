import BN254
import Foundation

/// A value during elaboration: a scalar (a linear combination over signals plus its type), an
/// array, or `poison` after an error (so elaboration can continue and find more errors).
indirect enum Value {
    case scalar(LC, ScalarType)
    case array([Value])
    case poison

    var isPoison: Bool { if case .poison = self { return true }; return false }
}

struct Binding {
    var value: Value
    let mutable: Bool
    let declared: ValueType?
}

struct MulKey: Hashable { let a: LC; let b: LC }

/// Lowering: interprets the AST with all functions inlined and loops unrolled, producing
/// constraints over signals (values stay symbolic linear combinations; only products, hints and
/// inputs create signals) and the witness instructions that compute every signal.
final class Elaborator {
    let diags: DiagnosticBag
    let sources: SourceMap
    var functions: [String: FunctionDecl] = [:]
    var globals: [String: Value] = [:]

    // Output
    var signalKinds: [SignalKind] = [.one]
    var signalNames: [String?] = ["one"]
    var constraints: [IRConstraint] = []
    var instrs: [Instr] = []
    var messages: [String] = []
    var origins: [Origin] = []
    var originIndex: [Origin: Int32] = [:]
    var inputs: [InputDecl] = []
    var outputs: [OutputDecl] = []
    /// Signals that the lint must not require to be determined (auxiliary by gadget design, e.g. the
    /// inverse in is_zero), and extra determination rules proved by the gadget (targets ← deps).
    var auxiliary = Set<Int32>()
    var gadgetRules: [(targets: [Int32], deps: [Int32])] = []
    var hintOutputs: [(signal: Int32, span: Span)] = []
    var inputSpans: [Int32: Span] = [:]
    /// Constraints that only enforce the declared type of an input or hint output (they do not
    /// "bind" the value for the lint).
    var typeOnlyConstraints = IndexSet()

    // State
    var scopes: [[String: Binding]] = [[:]]
    var callStack: [String] = [] { didSet { callPath = ([circuitName] + callStack).joined(separator: "/") } }
    /// "main/f/g": the inlining path, kept up to date for constraint origins.
    var callPath = "main"
    var stmtSpan = Span.none
    var hintMode = 0
    var returnValue: Value? = nil
    var inFunction = false
    var mulMemo: [MulKey: Int32] = [:]
    var circuitName = "main"
    var iterationBudget = 50_000_000

    init(diags: DiagnosticBag, sources: SourceMap) {
        self.diags = diags
        self.sources = sources
    }

    // MARK: signals, constraints, instructions

    func newSignal(_ kind: SignalKind, _ name: String? = nil) -> Int32 {
        signalKinds.append(kind)
        signalNames.append(name)
        return Int32(signalKinds.count - 1)
    }
    func newSignals(_ n: Int, _ kind: SignalKind) -> Int32 {
        let first = Int32(signalKinds.count)
        signalKinds.append(contentsOf: repeatElement(kind, count: n))
        signalNames.append(contentsOf: repeatElement(nil, count: n))
        return first
    }

    var currentOrigin: Int32 {
        let o = Origin(span: stmtSpan, function: callPath)
        if let i = originIndex[o] { return i }
        let i = Int32(origins.count)
        origins.append(o)
        originIndex[o] = i
        return i
    }

    func message(_ text: String, _ span: Span) -> Int32 {
        messages.append("\(sources.location(span))\u{1}\(text)")
        return Int32(messages.count - 1)
    }

    /// Emits A·B = C (skipped in hint mode).
    func constrain(_ a: LC, _ b: LC, _ c: LC, span: Span) {
        guard hintMode == 0 else { return }
        if let ka = a.constantValue, let kb = b.constantValue {
            linear(c - LC(constant: ka * kb), span: span)
            return
        }
        constraints.append(IRConstraint(a: a, b: b, c: c, origin: currentOrigin))
    }

    /// Emits L = 0 (as 0·0 = L). A constant L is checked now.
    func linear(_ l: LC, span: Span, what: String = "this constraint") {
        guard hintMode == 0 else { return }
        if let k = l.constantValue {
            if !k.isZero { diags.error("E0401", "\(what) can never hold (it reduces to \(k.signedDescription) = 0 at compile time)", at: span,
                                       hint: "check the constants involved; the circuit would have no valid witness") }
            return
        }
        constraints.append(IRConstraint(a: .zero, b: .zero, c: l, origin: currentOrigin))
    }

    /// a·b as a linear combination: constants fold, products are memoised (one signal per product).
    func mul(_ a: LC, _ b: LC) -> LC {
        if let k = a.constantValue { return b.scaled(k) }
        if let k = b.constantValue { return a.scaled(k) }
        let key = a.terms.count < b.terms.count || (a.terms.count == b.terms.count && a.hashValue <= b.hashValue) ? MulKey(a: a, b: b) : MulKey(a: b, b: a)
        if hintMode == 0, let w = mulMemo[key] { return LC(signal: w) }
        let w = newSignal(hintMode > 0 ? .hintTemp : .internalSignal)
        instrs.append(.mul(dst: w, a, b))
        if hintMode == 0 {
            constraints.append(IRConstraint(a: a, b: b, c: LC(signal: w), origin: currentOrigin))
            mulMemo[key] = w
        }
        return LC(signal: w)
    }

    /// Proves 0 ≤ x + shift < 2^n with n boolean signals (n+1 constraints before optimisation, n
    /// after the linear one is substituted away). Returns the bits as LCs (little-endian).
    @discardableResult
    func rangeCheck(_ x: LC, bits n: Int, signed: Bool, span: Span, what: String) -> [LC] {
        let shifted = signed ? x + LC(constant: Fr.pow2(n - 1)) : x
        if let k = shifted.constantValue {
            let u = U256(k)
            if u.bitLength > n {
                diags.error("E0402", "\(what): the constant \(x.constantValue?.signedDescription ?? "") does not fit in \(signed ? "i" : "u")\(n)", at: span,
                            hint: "use a wider type or a smaller constant")
            }
            return (0..<n).map { LC(constant: u.bit($0) ? .one : .zero) }
        }
        if hintMode > 0 {
            let d0 = newSignals(n, .hintTemp)
            instrs.append(.bits(dst0: d0, n: Int32(n), x, signed: signed))
            return (0..<n).map { LC(signal: d0 + Int32($0)) }
        }
        instrs.append(.checkRange(x, n: Int32(n), signed: signed, msg: message("\(what): value out of range for \(signed ? "i" : "u")\(n)", span)))
        let d0 = newSignals(n, .internalSignal)
        instrs.append(.bits(dst0: d0, n: Int32(n), x, signed: signed))
        var sum = LC.zero
        var out: [LC] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            let b = LC(signal: d0 + Int32(i))
            constrain(b, b - .one, .zero, span: span)
            sum = sum.combined(b, Fr.pow2(i))
            out.append(b)
        }
        linear(sum - shifted, span: span)
        return out
    }

    /// 1 if x = 0 else 0 (circomlib IsZero: 2 constraints). The inverse is auxiliary.
    func isZero(_ x: LC, span: Span) -> LC {
        if let k = x.constantValue { return LC(constant: k.isZero ? .one : .zero) }
        if hintMode > 0 {
            let d = newSignal(.hintTemp)
            instrs.append(.isZero(dst: d, x))
            return LC(signal: d)
        }
        let inv = newSignal(.internalSignal)
        let out = newSignal(.internalSignal)
        instrs.append(.inv(dst: inv, x))
        instrs.append(.isZero(dst: out, x))
        constrain(x, LC(signal: inv), LC.one - LC(signal: out), span: span)
        constrain(x, LC(signal: out), .zero, span: span)
        auxiliary.insert(inv)
        gadgetRules.append((targets: [out], deps: x.terms.map(\.w).filter { $0 != 0 }))
        return LC(signal: out)
    }

    // MARK: errors

    func err(_ code: String, _ msg: String, _ span: Span, hint: String? = nil) -> Value {
        diags.error(code, msg, at: span, hint: hint)
        return .poison
    }

    // MARK: types

    func parseScalarTypeName(_ n: String) -> ScalarType? {
        if n == "field" { return .field }
        if n == "bool" { return .bool }
        if n.count >= 2, let first = n.first, first == "u" || first == "i", let w = Int(n.dropFirst()), String(w) == String(n.dropFirst()) {
            if first == "u", w >= 1, w <= 252 { return .uint(w) }
            if first == "i", w >= 2, w <= 252 { return .sint(w) }
        }
        return nil
    }

    func resolveType(_ t: TypeExpr) -> ValueType? {
        switch t {
        case .named(let n, let s):
            if let st = parseScalarTypeName(n) { return .scalar(st) }
            diags.error("E0206", "unknown type '\(n)'", at: s, hint: "types are field, bool, u1…u252, i2…i252 and arrays T[N]")
            return nil
        case .array(let e, let len, _):
            guard let et = resolveType(e), let n = constInt(len, what: "an array length") else { return nil }
            if n < 0 || n > 16_777_216 {
                diags.error("E0309", "array length \(n) is out of range", at: len.span, hint: "lengths are 0…2^24")
                return nil
            }
            return .array(et, n)
        }
    }

    /// (signed, bits) bound of an integer-typed scalar; nil for field.
    func bound(_ lc: LC, _ t: ScalarType) -> (signed: Bool, bits: Int)? {
        switch t {
        case .field: return nil
        case .bool: return (false, 1)
        case .uint(let n): return (false, n)
        case .sint(let n): return (true, n)
        case .literal:
            let (neg, mag) = (lc.constantValue ?? .zero).signedMagnitude
            return neg ? (true, mag.bitLength + 1) : (false, max(1, mag.bitLength))
        }
    }

    func fits(_ lc: LC, _ from: ScalarType, _ to: ScalarType) -> Bool {
        if from == to { return true }
        switch to {
        case .field: return true
        case .literal: return false
        case .bool:
            if case .literal = from, let k = lc.constantValue { return k.isZero || k.isOne }
            return false
        case .uint(let n):
            switch from {
            case .bool: return true
            case .uint(let m): return m <= n
            case .literal:
                let (neg, mag) = (lc.constantValue ?? .zero).signedMagnitude
                return !neg && mag.bitLength <= n
            default: return false
            }
        case .sint(let n):
            switch from {
            case .bool: return n >= 2
            case .uint(let m): return m < n
            case .sint(let m): return m <= n
            case .literal:
                let (neg, mag) = (lc.constantValue ?? .zero).signedMagnitude
                return neg ? (mag.bitLength < n || (mag.bitLength == n && mag == U256.pow2(n - 1))) : mag.bitLength < n
            default: return false
            }
        }
    }

    /// Implicit conversion (widening only). Narrowing needs a checked cast such as u64(x).
    func coerce(_ v: Value, to t: ValueType, span: Span, context: String) -> Value {
        switch (v, t) {
        case (.poison, _): return .poison
        case (.scalar(let lc, let st), .scalar(let target)):
            if fits(lc, st, target) { return .scalar(lc, target) }
            let hint: String
            switch (st, target) {
            case (.field, _): hint = "a field element has no range; use a checked cast \(target)(…) which adds a range check"
            case (.sint, .uint): hint = "the value may be negative; use \(target)(…) to check it is not"
            default: hint = "narrow with a checked cast \(target)(…) (adds a range check), or widen the declared type"
            }
            return err("E0307", "type mismatch in \(context): expected \(target), found \(st)", span, hint: hint)
        case (.array(let xs), .array(let et, let n)):
            guard xs.count == n else {
                return err("E0308", "array length mismatch in \(context): expected \(n) elements, found \(xs.count)", span,
                           hint: "the declared type is \(t)")
            }
            return .array(xs.map { coerce($0, to: et, span: span, context: context) })
        case (.scalar(_, let st), .array):
            return err("E0308", "type mismatch in \(context): expected \(t), found scalar \(st)", span, hint: "wrap it in [ … ] or index the array")
        case (.array(let xs), .scalar(let st)):
            return err("E0308", "type mismatch in \(context): expected \(st), found an array of \(xs.count)", span, hint: "index the array, e.g. x[0]")
        }
    }

    /// Checked cast: adds the range check / booleanity constraint when the value does not already fit.
    func cast(_ v: Value, to target: ScalarType, span: Span) -> Value {
        switch v {
        case .poison: return .poison
        case .array(let xs): return .array(xs.map { cast($0, to: target, span: span) })
        case .scalar(let lc, let st):
            if fits(lc, st, target) { return .scalar(lc, target) }
            switch target {
            case .field, .literal: return .scalar(lc, .field)
            case .bool:
                if let k = lc.constantValue, !(k.isZero || k.isOne) {
                    return err("E0402", "bool(…) of the constant \(k.signedDescription) can never hold", span, hint: "a bool is 0 or 1")
                }
                if hintMode == 0 {
                    instrs.append(.checkRange(lc, n: 1, signed: false, msg: message("bool(…): value is not 0 or 1", span)))
                }
                constrain(lc, lc - .one, .zero, span: span)
                return .scalar(lc, .bool)
            case .uint(let n):
                rangeCheck(lc, bits: n, signed: false, span: span, what: "u\(n)(…)")
                return .scalar(lc, .uint(n))
            case .sint(let n):
                rangeCheck(lc, bits: n, signed: true, span: span, what: "i\(n)(…)")
                return .scalar(lc, .sint(n))
            }
        }
    }

    /// Constrains a fresh value (input or hint output) to its type.
    func enforce(_ lc: LC, _ t: ScalarType, span: Span, what: String) {
        switch t {
        case .field, .literal: break
        case .bool:
            if hintMode == 0 {
                instrs.append(.checkRange(lc, n: 1, signed: false, msg: message("\(what): value is not 0 or 1", span)))
            }
            constrain(lc, lc - .one, .zero, span: span)
        case .uint(let n): rangeCheck(lc, bits: n, signed: false, span: span, what: what)
        case .sint(let n): rangeCheck(lc, bits: n, signed: true, span: span, what: what)
        }
    }

    // MARK: compile-time helpers

    func constInt(_ e: Expr, what: String) -> Int? {
        let v = eval(e)
        return constIntValue(v, span: e.span, what: what)
    }

    func constIntValue(_ v: Value, span: Span, what: String) -> Int? {
        guard case .scalar(let lc, _) = v else {
            if !v.isPoison { diags.error("E0310", "\(what) must be a compile-time integer, found an array", at: span, hint: nil) }
            return nil
        }
        guard let k = lc.constantValue else {
            diags.error("E0311", "\(what) must be known at compile time", at: span,
                        hint: "use constants, loop variables or generic parameters here, not inputs or values computed from them")
            return nil
        }
        let (neg, mag) = k.signedMagnitude
        guard mag.bitLength < 62 else {
            diags.error("E0312", "\(what) is too large", at: span, hint: "compile-time integers used as sizes or indices must be below 2^62")
            return nil
        }
        return neg ? -Int(mag.l.0) : Int(mag.l.0)
    }

    // MARK: scopes

    func lookup(_ name: String) -> Binding? {
        for s in scopes.reversed() { if let b = s[name] { return b } }
        if let g = globals[name] { return Binding(value: g, mutable: false, declared: nil) }
        return nil
    }

    func bind(_ name: String, _ b: Binding) { scopes[scopes.count - 1][name] = b }

    func update(_ name: String, _ v: Value) -> Bool {
        for i in stride(from: scopes.count - 1, through: 0, by: -1) where scopes[i][name] != nil {
            scopes[i][name]?.value = v
            return true
        }
        return false
    }
}
