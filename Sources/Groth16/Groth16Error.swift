/// Every error the Groth16 module throws, each with a message that names the file or field and
/// what was expected.
public enum Groth16Error: Error, Equatable, CustomStringConvertible {
    /// A structural problem in a key/proof/public file (wrong type, missing field, bad count).
    case malformed(file: String, field: String, reason: String)
    /// A field element or coordinate that is ≥ its modulus, or not a decimal integer.
    case invalidNumber(file: String, field: String, reason: String)
    /// A point that is not on its curve, or (G2) not in the prime-order subgroup.
    case invalidPoint(file: String, field: String, reason: String)
    /// A public input ≥ r.
    case publicInputNotCanonical(index: Int, value: String)
    /// The number of public inputs does not match the verifying key.
    case wrongPublicInputCount(expected: Int, got: Int)
    /// The witness does not satisfy the constraint system; proving refuses to start.
    case unsatisfiedWitness(constraint: Int, label: String?)
    /// The witness does not fit the proving key (length, wire 0).
    case witnessMismatch(reason: String)
    /// The key cannot serve this circuit (domain too large, counts disagree).
    case keyMismatch(reason: String)
    /// A `.zkey` of another protocol (PLONK = 2, FFLONK = 10).
    case unsupportedProtocol(file: String, id: UInt32)
    /// A file could not be read or written.
    case io(file: String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(file, field, reason): return "\(file): \(field): \(reason)"
        case let .invalidNumber(file, field, reason): return "\(file): \(field): \(reason)"
        case let .invalidPoint(file, field, reason): return "\(file): \(field): \(reason)"
        case let .publicInputNotCanonical(index, value):
            return "public input \(index) = \(value.prefix(90)) is not a canonical field element (must be < r)"
        case let .wrongPublicInputCount(expected, got):
            return "the verifying key expects \(expected) public inputs, got \(got)"
        case let .unsatisfiedWitness(constraint, label):
            return "the witness does not satisfy constraint \(constraint)\(label.map { " (\($0))" } ?? "")"
        case let .witnessMismatch(reason): return "witness does not fit the proving key: \(reason)"
        case let .keyMismatch(reason): return "proving key mismatch: \(reason)"
        case let .unsupportedProtocol(file, id):
            let name = id == 2 ? "PLONK" : id == 10 ? "FFLONK" : "protocol \(id)"
            return "\(file): this is a \(name) zkey; zkclear reads Groth16 zkeys (protocol 1) only"
        case let .io(file, reason): return "\(file): \(reason)"
        }
    }
}
