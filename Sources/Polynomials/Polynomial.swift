import BN254

/// A univariate polynomial over Fr in coefficient form, lowest degree first, with no trailing
/// zero coefficients (the zero polynomial has no coefficients).
public struct Polynomial: Sendable, Equatable, CustomStringConvertible {
    /// a_0, a_1, …, a_d with a_d ≠ 0 (empty for the zero polynomial).
    public private(set) var coefficients: [Fr]

    /// From coefficients, lowest degree first; trailing zeros are dropped.
    public init(coefficients: [Fr]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }

    public static var zero: Polynomial { Polynomial(coefficients: []) }

    /// The degree, or nil for the zero polynomial.
    public var degree: Int? { coefficients.isEmpty ? nil : coefficients.count - 1 }

    public var isZero: Bool { coefficients.isEmpty }

    public var description: String {
        isZero ? "0" : coefficients.enumerated().map { "\($0.element)·x^\($0.offset)" }.joined(separator: " + ")
    }

    /// p(x) by Horner's rule: d multiplications and additions.
    public func evaluate(at x: Fr) -> Fr {
        var acc = Fr.zero
        for a in coefficients.reversed() { acc = acc * x + a }
        return acc
    }

    /// The coefficients padded with zeros (or an error if the degree does not fit) to `count`.
    public func padded(to count: Int) throws -> [Fr] {
        guard coefficients.count <= count else {
            throw PolynomialsError.lengthMismatch(what: "polynomial coefficients", expected: count, got: coefficients.count)
        }
        return coefficients + [Fr](repeating: .zero, count: count - coefficients.count)
    }

    /// p(ω^0) … p(ω^{n−1}) by one forward NTT; deg p must be < n.
    public func evaluations(over domain: EvaluationDomain) throws -> [Fr] {
        var v = try padded(to: domain.size)
        try domain.forward(&v)
        return v
    }

    /// p(g·ω^0) … p(g·ω^{n−1}) on a coset by one coset NTT; deg p must be < n.
    public func evaluations(over coset: Coset) throws -> [Fr] {
        var v = try padded(to: coset.size)
        try coset.forward(&v)
        return v
    }

    /// The unique polynomial of degree < n with p(ω^i) = values[i] (one inverse NTT).
    public static func interpolate(_ values: [Fr], over domain: EvaluationDomain) throws -> Polynomial {
        var v = values
        try domain.inverse(&v)
        return Polynomial(coefficients: v)
    }

    /// The unique polynomial of degree < n with p(g·ω^i) = values[i] (one coset inverse NTT).
    public static func interpolate(_ values: [Fr], over coset: Coset) throws -> Polynomial {
        var v = values
        try coset.inverse(&v)
        return Polynomial(coefficients: v)
    }

    /// Lagrange interpolation through arbitrary distinct points: Σ_i y_i·Π_{j≠i}(x − x_j)/(x_i − x_j).
    /// O(n²): the general-purpose reference. Throws on a repeated x or mismatched lengths.
    public static func interpolate(xs: [Fr], ys: [Fr]) throws -> Polynomial {
        guard xs.count == ys.count else {
            throw PolynomialsError.lengthMismatch(what: "interpolation values", expected: xs.count, got: ys.count)
        }
        let n = xs.count
        if n == 0 { return .zero }
        // M(x) = Π (x − x_j), degree n.
        var m = [Fr](repeating: .zero, count: n + 1)
        m[0] = .one
        for (k, xj) in xs.enumerated() {
            // multiply the degree-k polynomial m by (x − xj)
            for i in stride(from: k + 1, through: 1, by: -1) { m[i] = m[i - 1] - xj * m[i] }
            m[0] = -(xj * m[0])
        }
        var result = [Fr](repeating: .zero, count: n)
        var q = [Fr](repeating: .zero, count: n)
        for i in 0..<n {
            // q = M / (x − x_i) by synthetic division; q(x_i) = Π_{j≠i}(x_i − x_j).
            var carry = Fr.zero
            for k in stride(from: n, through: 1, by: -1) {
                carry = m[k] + carry * xs[i]
                q[k - 1] = carry
            }
            var denominator = Fr.zero
            for k in stride(from: n - 1, through: 0, by: -1) { denominator = denominator * xs[i] + q[k] }
            guard let inv = denominator.inverse() else {
                throw PolynomialsError.duplicatePoint(x: xs[i].description)
            }
            let s = ys[i] * inv
            for k in 0..<n { result[k] += s * q[k] }
        }
        return Polynomial(coefficients: result)
    }

    // MARK: arithmetic

    public static func + (a: Polynomial, b: Polynomial) -> Polynomial {
        var c = [Fr](repeating: .zero, count: max(a.coefficients.count, b.coefficients.count))
        for (i, x) in a.coefficients.enumerated() { c[i] += x }
        for (i, x) in b.coefficients.enumerated() { c[i] += x }
        return Polynomial(coefficients: c)
    }

    public static func - (a: Polynomial, b: Polynomial) -> Polynomial {
        var c = [Fr](repeating: .zero, count: max(a.coefficients.count, b.coefficients.count))
        for (i, x) in a.coefficients.enumerated() { c[i] += x }
        for (i, x) in b.coefficients.enumerated() { c[i] -= x }
        return Polynomial(coefficients: c)
    }

    /// The product by the O(d₁·d₂) schoolbook method: the reference for `multipliedByNTT`.
    public func multipliedSchoolbook(_ other: Polynomial) -> Polynomial {
        if isZero || other.isZero { return .zero }
        var c = [Fr](repeating: .zero, count: coefficients.count + other.coefficients.count - 1)
        for (i, x) in coefficients.enumerated() {
            for (j, y) in other.coefficients.enumerated() { c[i + j] += x * y }
        }
        return Polynomial(coefficients: c)
    }

    /// The product by NTT: evaluate both on a domain of size ≥ d₁ + d₂ + 1, multiply pointwise,
    /// interpolate. Cost: 3 NTTs of that size plus n multiplications.
    public func multipliedByNTT(_ other: Polynomial, threads: Int = EvaluationDomain.defaultThreads) throws -> Polynomial {
        if isZero || other.isZero { return .zero }
        let count = coefficients.count + other.coefficients.count - 1
        let domain = try EvaluationDomain(minimumSize: count)
        var a = try padded(to: domain.size), b = try other.padded(to: domain.size)
        try domain.forward(&a, threads: threads)
        try domain.forward(&b, threads: threads)
        let n = domain.size
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return }   // safe: n ≥ 1
                Parallel.forEachRange(count: n, chunks: domain.chunks(threads)) { NTTKernel.multiplyPointwise(x, y, range: $0) }
            }
        }
        try domain.inverse(&a, threads: threads)
        return Polynomial(coefficients: a)
    }

    /// The product: schoolbook for small operands, NTT above (crossover ~64 coefficients each).
    /// Falls back to schoolbook only if the product exceeds the largest domain.
    public static func * (a: Polynomial, b: Polynomial) -> Polynomial {
        if min(a.coefficients.count, b.coefficients.count) < 64 { return a.multipliedSchoolbook(b) }
        return (try? a.multipliedByNTT(b)) ?? a.multipliedSchoolbook(b)
    }
}
