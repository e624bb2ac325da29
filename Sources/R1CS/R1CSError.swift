/// Every error the R1CS module throws: file decoding (`.r1cs`, `.wtns`, `.sym`), building a
/// constraint system, and checking a witness. Each case names the file (or "<memory>"), the
/// section and field where possible, and what was expected.
public enum R1CSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Reading or writing the file failed at the operating-system level.
    case io(file: String, reason: String)
    /// The file ended before a field could be read.
    case truncated(file: String, location: String, needed: Int, available: Int)
    /// The first four bytes are not the expected ASCII magic.
    case badMagic(file: String, expected: String, found: [UInt8])
    /// The container version is not one this reader understands.
    case unsupportedVersion(file: String, format: String, version: UInt32, supported: String)
    /// A section id that must appear at most once appears twice.
    case duplicateSection(file: String, section: UInt32)
    /// A required section is absent.
    case missingSection(file: String, section: UInt32, name: String)
    /// A section's declared size does not match its contents.
    case badSectionSize(file: String, section: String, expected: String, got: UInt64)
    /// Bytes after the last section, or inside a section after its last field.
    case trailingBytes(file: String, location: String, count: Int)
    /// A field element size other than 32 bytes.
    case unsupportedFieldSize(file: String, n8: UInt32)
    /// The field prime in the header is not BN254's scalar-field modulus r.
    case wrongPrime(file: String, prime: String)
    /// The `.r1cs` carries custom-gate sections (4 or 5), which only PLONK uses.
    case customGates(file: String, section: UInt32)
    /// A stored field element is ≥ r (decoders never reduce silently).
    case valueNotCanonical(file: String, location: String)
    /// A header field is inconsistent (counts that do not add up, zero wires, …).
    case invalidHeader(file: String, field: String, reason: String)
    /// A count is larger than the bytes left could possibly hold.
    case countTooLarge(file: String, location: String, count: UInt64, maximum: UInt64)
    /// A linear combination refers to a wire that does not exist.
    case wireOutOfRange(file: String, location: String, wire: UInt64, nWires: Int)
    /// The wire→label map holds a label ≥ nLabels.
    case labelOutOfRange(file: String, wire: Int, label: UInt64, nLabels: UInt64)
    /// A `.sym` line that is not `labelId,wireId,componentIdx,name`.
    case symbolSyntax(file: String, line: Int, reason: String)
    /// A builder constraint refers to a wire the builder never created.
    case unknownWire(wire: UInt32, wireCount: Int, context: String)
    /// A system or builder limit (wire ids are u32 in the file format).
    case tooLarge(what: String, count: Int, maximum: Int)
    /// A witness with the wrong number of values.
    case witnessLength(expected: Int, got: Int)
    /// Wire 0 of a witness must be the constant 1.
    case witnessWireZeroNotOne(value: String)
    /// A constraint A·B = C fails. `index` is the constraint's position; `label` its source label
    /// when known; `wires` names the wires it touches (from `.sym`) when known.
    case unsatisfied(index: Int, label: String?, a: String, b: String, c: String, wires: String?)

    public var description: String {
        switch self {
        case let .io(file, reason):
            return "\(file): \(reason)"
        case let .truncated(file, location, needed, available):
            return "\(file): truncated at \(location): needs \(needed) bytes, only \(available) left"
        case let .badMagic(file, expected, found):
            let shown = found.map { b -> String in
                if (32...126).contains(b) { return String(UnicodeScalar(b)) }
                let h = String(b, radix: 16)
                return "\\x" + (h.count == 1 ? "0" + h : h)
            }.joined()
            return "\(file): not a .\(expected) file (magic is '\(shown)', expected '\(expected)')"
        case let .unsupportedVersion(file, format, version, supported):
            return "\(file): \(format) version \(version) is not supported (supported: \(supported))"
        case let .duplicateSection(file, section):
            return "\(file): section \(section) appears more than once"
        case let .missingSection(file, section, name):
            return "\(file): required section \(section) (\(name)) is missing"
        case let .badSectionSize(file, section, expected, got):
            return "\(file): \(section) has size \(got), expected \(expected)"
        case let .trailingBytes(file, location, count):
            return "\(file): \(count) unexpected bytes after \(location)"
        case let .unsupportedFieldSize(file, n8):
            return "\(file): field element size \(n8) bytes is not supported (BN254 needs 32)"
        case let .wrongPrime(file, prime):
            return "\(file): field prime \(prime) is not BN254's scalar field r; only BN254 (bn128) is supported"
        case let .customGates(file, section):
            return "\(file): custom gates (PLONK) are not supported (section \(section) present)"
        case let .valueNotCanonical(file, location):
            return "\(file): \(location) is not a canonical field element (value ≥ r)"
        case let .invalidHeader(file, field, reason):
            return "\(file): header field \(field): \(reason)"
        case let .countTooLarge(file, location, count, maximum):
            return "\(file): \(location) = \(count) does not fit the file (at most \(maximum) possible)"
        case let .wireOutOfRange(file, location, wire, nWires):
            return "\(file): \(location): wire \(wire) does not exist (nWires = \(nWires))"
        case let .labelOutOfRange(file, wire, label, nLabels):
            return "\(file): wire→label map: wire \(wire) has label \(label) ≥ nLabels \(nLabels)"
        case let .symbolSyntax(file, line, reason):
            return "\(file):\(line): \(reason) (expected 'labelId,wireId,componentIdx,name')"
        case let .unknownWire(wire, wireCount, context):
            return "\(context): wire \(wire) was never created (the builder has \(wireCount) wires)"
        case let .tooLarge(what, count, maximum):
            return "\(what): \(count) exceeds the maximum \(maximum)"
        case let .witnessLength(expected, got):
            return "witness has \(got) values, the constraint system has \(expected) wires"
        case let .witnessWireZeroNotOne(value):
            return "witness wire 0 must be the constant 1, found \(value)"
        case let .unsatisfied(index, label, a, b, c, wires):
            var s = "constraint \(index)"
            if let label { s += " (\(label))" }
            s += " is not satisfied: A·w = \(a), B·w = \(b), A·w·B·w ≠ C·w = \(c)"
            if let wires { s += "; wires: \(wires)" }
            return s
        }
    }
}
