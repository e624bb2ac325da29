/// Every error the BN254 module throws. Each case carries what was expected and what was found,
/// so a caller can name the file or field it came from.
public enum BN254Error: Error, Equatable, CustomStringConvertible {
    /// A field element's integer value is ≥ the modulus (decoders never reduce silently).
    case notCanonical(field: String, value: String)
    /// A byte string of the wrong length was given.
    case wrongLength(what: String, expected: Int, got: Int)
    /// A decimal or hexadecimal string that is not a number.
    case malformedNumber(what: String, text: String)
    /// A point's coordinates do not satisfy the curve equation.
    case notOnCurve(group: String)
    /// A point on the curve but outside the prime-order subgroup.
    case notInSubgroup(group: String)
    /// A compressed point with invalid flag bits or no square root.
    case invalidEncoding(what: String, reason: String)

    public var description: String {
        switch self {
        case let .notCanonical(field, value):
            return "\(field) element \(value) is not canonical: it must be less than the \(field) modulus"
        case let .wrongLength(what, expected, got):
            return "\(what): expected \(expected) bytes, got \(got)"
        case let .malformedNumber(what, text):
            return "\(what): '\(text.prefix(80))' is not a valid integer"
        case let .notOnCurve(group):
            return "\(group) point is not on the curve"
        case let .notInSubgroup(group):
            return "\(group) point is on the curve but not in the prime-order subgroup"
        case let .invalidEncoding(what, reason):
            return "\(what): \(reason)"
        }
    }
}
