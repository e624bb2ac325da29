/// Every error the Polynomials module throws. Each case says what was expected and what was found.
public enum PolynomialsError: Error, Equatable, CustomStringConvertible {
    /// A domain size that is not a power of two (or is < 1).
    case sizeNotPowerOfTwo(size: Int)
    /// A domain larger than this module supports (2^maxLogSize), or a negative log size.
    case sizeOutOfRange(logSize: Int, maxLogSize: Int)
    /// A buffer handed to a transform whose length is not the domain size.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A coset offset that is zero or whose n-th power is 1, i.e. the coset is not disjoint
    /// from the domain (the vanishing polynomial would be zero on it).
    case cosetNotDisjoint(offset: String, size: Int)
    /// Interpolation was given the same x twice.
    case duplicatePoint(x: String)

    public var description: String {
        switch self {
        case let .sizeNotPowerOfTwo(size):
            return "evaluation domain size \(size) is not a power of two ≥ 1"
        case let .sizeOutOfRange(logSize, maxLogSize):
            return "evaluation domain 2^\(logSize) is out of range: log size must be in 0…\(maxLogSize)"
        case let .lengthMismatch(what, expected, got):
            return "\(what): expected \(expected) field elements (the domain size), got \(got)"
        case let .cosetNotDisjoint(offset, size):
            return "coset offset \(offset) is zero or an n-th root of unity for n = \(size): the coset meets the domain"
        case let .duplicatePoint(x):
            return "interpolation points must be distinct: x = \(x) appears twice"
        }
    }
}
