/// One line of a circom `.sym` file.
public struct Symbol: Sendable, Equatable {
    /// The original signal id (the label in the `.r1cs` wire→label map).
    public var labelId: Int64
    /// The wire (witness index) after optimisation, or −1 when the optimiser removed the signal.
    public var wireId: Int64
    /// The component instance the signal belongs to.
    public var componentId: Int64
    /// The dotted signal name, e.g. `main.int[3]`.
    public var name: String
    public init(labelId: Int64, wireId: Int64, componentId: Int64, name: String) {
        self.labelId = labelId; self.wireId = wireId; self.componentId = componentId; self.name = name
    }
}

/// The signal names of a circuit, from or for a `.sym` file.
public struct SymbolTable: Sendable, Equatable {
    public let entries: [Symbol]
    /// wire → index of the first entry naming it.
    private let byWire: [Int64: Int]

    public init(entries: [Symbol]) {
        self.entries = entries
        var d: [Int64: Int] = [:]
        d.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() where e.wireId >= 0 && d[e.wireId] == nil { d[e.wireId] = i }
        byWire = d
    }

    /// The first name given to a wire, if any.
    public func name(ofWire wire: Int) -> String? {
        byWire[Int64(wire)].map { entries[$0].name }
    }

    /// The wire of a signal name (linear search; for tools and tests).
    public func wire(named name: String) -> Int? {
        entries.first { $0.name == name && $0.wireId >= 0 }.map { Int($0.wireId) }
    }

    /// Checks every wire id against a system (wire < nWires, label < nLabels).
    public func validate(against system: ConstraintSystem, file: String = "<memory>") throws {
        for (i, e) in entries.enumerated() {
            guard e.labelId >= 0, e.wireId >= -1, e.componentId >= 0 else {
                throw R1CSError.symbolSyntax(file: file, line: i + 1, reason: "negative id (only wireId may be −1)")
            }
            guard e.wireId < Int64(system.nWires) else {
                throw R1CSError.symbolSyntax(file: file, line: i + 1, reason: "wire \(e.wireId) ≥ nWires = \(system.nWires)")
            }
            guard UInt64(e.labelId) < system.nLabels else {
                throw R1CSError.symbolSyntax(file: file, line: i + 1, reason: "label \(e.labelId) ≥ nLabels = \(system.nLabels)")
            }
        }
    }
}

/// Reader and writer for circom's `.sym` text file.
///
/// Format: circom's symbol output (see shared/vectors/FORMATS.md §1, "Companion .sym"), one line
/// per signal, `labelId,wireId,componentIdx,name`, each line ending in `\n`; wireId is −1 for a
/// signal the optimiser removed. The name is everything after the third comma. Ids must be
/// decimal integers: labelId ≥ 0, wireId ≥ −1, componentIdx ≥ 0.
public enum SymFile {
    public static func read(path: String) throws -> SymbolTable {
        try decode(FileIO.read(path), file: path)
    }

    public static func write(_ table: SymbolTable, to path: String) throws {
        try FileIO.write(encode(table), to: path)
    }

    public static func decode(_ bytes: [UInt8], file: String = "<memory>") throws -> SymbolTable {
        var entries: [Symbol] = []
        var lineNo = 0
        var start = 0
        while start < bytes.count {
            lineNo += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }     // tolerate CRLF
            entries.append(try parseLine(bytes[start..<lineEnd], line: lineNo, file: file))
            start = end + 1
        }
        return SymbolTable(entries: entries)
    }

    static func parseLine(_ line: ArraySlice<UInt8>, line no: Int, file: String) throws -> Symbol {
        var fields: [Int64] = []
        var i = line.startIndex
        for what in ["labelId", "wireId", "componentIdx"] {
            var j = i
            while j < line.endIndex, line[j] != 0x2C { j += 1 }
            guard j < line.endIndex else {
                throw R1CSError.symbolSyntax(file: file, line: no, reason: "missing field after \(what)")
            }
            guard let text = String(validating: line[i..<j], as: UTF8.self),
                  !text.hasPrefix("+"), let v = Int64(text) else {
                throw R1CSError.symbolSyntax(file: file, line: no, reason: "\(what) is not an integer")
            }
            let minimum: Int64 = what == "wireId" ? -1 : 0
            guard v >= minimum else {
                throw R1CSError.symbolSyntax(file: file, line: no, reason: "\(what) \(v) is below \(minimum)")
            }
            fields.append(v)
            i = j + 1
        }
        guard let name = String(validating: line[i...], as: UTF8.self), !name.isEmpty else {
            throw R1CSError.symbolSyntax(file: file, line: no, reason: "the name is empty or not UTF-8")
        }
        return Symbol(labelId: fields[0], wireId: fields[1], componentId: fields[2], name: name)
    }

    public static func encode(_ table: SymbolTable) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.entries.count * 24)
        for e in table.entries {
            out.append(contentsOf: "\(e.labelId),\(e.wireId),\(e.componentId),\(e.name)\n".utf8)
        }
        return out
    }
}
