import BN254

/// One term of a linear combination: `coef · signal[w]`; signal 0 is the constant 1.
struct Term: Hashable {
    var w: Int32
    var c: Fr
}

/// A sparse linear combination over signals, terms sorted by signal, no zero coefficients.
struct LC: Hashable {
    var terms: [Term]

    init() { terms = [] }
    init(terms: [Term]) { self.terms = terms }
    init(constant: Fr) { terms = constant.isZero ? [] : [Term(w: 0, c: constant)] }
    init(signal: Int32) { terms = [Term(w: signal, c: .one)] }
    static let zero = LC()
    static let one = LC(constant: .one)

    var isConstant: Bool { terms.isEmpty || (terms.count == 1 && terms[0].w == 0) }
    var constantValue: Fr? {
        if terms.isEmpty { return .zero }
        if terms.count == 1 && terms[0].w == 0 { return terms[0].c }
        return nil
    }
    var constantTerm: Fr { terms.first.map { $0.w == 0 ? $0.c : .zero } ?? .zero }
    /// A single signal with coefficient 1 and no constant.
    var singleSignal: Int32? { terms.count == 1 && terms[0].w != 0 && terms[0].c.isOne ? terms[0].w : nil }

    static func + (a: LC, b: LC) -> LC { a.combined(b, .one) }
    static func - (a: LC, b: LC) -> LC { a.combined(b, -Fr.one) }
    static prefix func - (a: LC) -> LC { a.scaled(-Fr.one) }

    func scaled(_ k: Fr) -> LC {
        if k.isZero { return .zero }
        if k.isOne { return self }
        return LC(terms: terms.map { Term(w: $0.w, c: $0.c * k) })
    }

    /// self + k·other, merging sorted term lists.
    func combined(_ other: LC, _ k: Fr) -> LC {
        if other.terms.isEmpty || k.isZero { return self }
        if terms.isEmpty { return other.scaled(k) }
        var out: [Term] = []
        out.reserveCapacity(terms.count + other.terms.count)
        var i = 0, j = 0
        let a = terms, b = other.terms
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i].w < b[j].w) { out.append(a[i]); i += 1 }
            else if i >= a.count || b[j].w < a[i].w { out.append(Term(w: b[j].w, c: b[j].c * k)); j += 1 }
            else {
                let c = a[i].c + b[j].c * k
                if !c.isZero { out.append(Term(w: a[i].w, c: c)) }
                i += 1; j += 1
            }
        }
        return LC(terms: out)
    }

    func evaluate(_ values: UnsafeBufferPointer<Fr>) -> Fr {
        var acc = Fr.zero
        for t in terms { acc += t.c * values[Int(t.w)] }
        return acc
    }
    func evaluate(_ values: [Fr]) -> Fr {
        values.withUnsafeBufferPointer { evaluate($0) }
    }
}

/// A rank-1 constraint A·B = C with the source construct that produced it.
struct IRConstraint {
    var a: LC
    var b: LC
    var c: LC
    var origin: Int32
}

/// Where a constraint came from: a source span and the inlined function it was in.
struct Origin: Hashable {
    let span: Span
    let function: String
}

enum SignalKind: UInt8 {
    case one = 0, publicOutput, publicInput, privateInput, internalSignal, hintOutput, hintTemp
}

/// Scalar type of a value in the language.
enum ScalarType: Hashable, CustomStringConvertible {
    case field
    case bool
    case uint(Int)
    case sint(Int)
    case literal            // untyped compile-time integer

    var description: String {
        switch self {
        case .field: return "field"
        case .bool: return "bool"
        case .uint(let n): return "u\(n)"
        case .sint(let n): return "i\(n)"
        case .literal: return "integer literal"
        }
    }
}

/// A declared (possibly array) type.
indirect enum ValueType: Hashable, CustomStringConvertible {
    case scalar(ScalarType)
    case array(ValueType, Int)

    var description: String {
        switch self {
        case .scalar(let s): return s.description
        case .array(let e, let n):
            var dims = [n]
            var base = e
            while case .array(let e2, let m) = base { dims.append(m); base = e2 }
            return base.description + dims.map { "[\($0)]" }.joined()
        }
    }
    var shape: [Int] {
        var dims: [Int] = []
        var t = self
        while case .array(let e, let n) = t { dims.append(n); t = e }
        return dims
    }
    var base: ScalarType {
        var t = self
        while case .array(let e, _) = t { t = e }
        if case .scalar(let s) = t { return s }
        return .field
    }
    var count: Int { shape.reduce(1, *) }
}
