// Diagnostics: source files, spans, error codes, caret rendering. Every phase appends to a
// `DiagnosticBag` and keeps going where it can, so one run reports several errors at once.

/// A loaded source file. `id` indexes `SourceMap.files`.
public struct SourceFile: Sendable {
    public let id: Int
    public let path: String
    public let text: [UInt8]
    /// Byte offset of the start of every line.
    let lineStarts: [Int]

    init(id: Int, path: String, text: String) {
        self.id = id
        self.path = path
        self.text = Array(text.utf8)
        var starts = [0]
        for (i, b) in self.text.enumerated() where b == 10 { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// 1-based line and column of a byte offset.
    func lineColumn(_ offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo] + 1)
    }

    func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : text.count
        while end > start, text[end - 1] == 10 || text[end - 1] == 13 { end -= 1 }
        return String(decoding: text[start..<end], as: UTF8.self)
    }
}

/// A half-open byte range in one file.
public struct Span: Sendable, Hashable {
    public var file: Int
    public var start: Int
    public var end: Int
    public init(file: Int, start: Int, end: Int) { self.file = file; self.start = start; self.end = end }
    static let none = Span(file: -1, start: 0, end: 0)
    func to(_ other: Span) -> Span { Span(file: file, start: start, end: max(end, other.end)) }
}

/// Resolved location of a span, used in reports and witness errors.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public var description: String { "\(path):\(line):\(column)" }
}

public enum Severity: String, Sendable { case error, warning }

/// One diagnostic: a code (`E0101`), a message, where, and a hint on how to fix it.
public struct Diagnostic: Sendable, CustomStringConvertible {
    public let severity: Severity
    public let code: String
    public let message: String
    public let path: String
    public let line: Int
    public let column: Int
    public let sourceLine: String
    public let caretLength: Int
    public let hint: String?

    /// `file:line:col: error[E0101]: message`, the source line, a caret line, and `hint: …`.
    public var description: String {
        var s = "\(path):\(line):\(column): \(severity.rawValue)[\(code)]: \(message)\n"
        let gutter = String(line)
        let blank = String(repeating: " ", count: gutter.count)
        s += "\(blank) |\n"
        s += "\(gutter) | \(sourceLine)\n"
        // Keep tabs so the caret lines up under tab-indented code.
        var pad = ""
        for (i, ch) in sourceLine.enumerated() where i < column - 1 { pad.append(ch == "\t" ? "\t" : " ") }
        s += "\(blank) | \(pad)\(String(repeating: "^", count: max(1, caretLength)))"
        if let hint { s += "\n\(blank) = hint: \(hint)" }
        return s
    }
}

/// All loaded files, so spans can be turned into locations.
public final class SourceMap: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []
    public init() {}
    func add(path: String, text: String) -> SourceFile {
        let f = SourceFile(id: files.count, path: path, text: text)
        files.append(f)
        return f
    }
    public func location(_ span: Span) -> SourceLocation {
        guard span.file >= 0, span.file < files.count else { return SourceLocation(path: "<builtin>", line: 0, column: 0) }
        let f = files[span.file]
        let (l, c) = f.lineColumn(span.start)
        return SourceLocation(path: f.path, line: l, column: c)
    }
}

/// Collects diagnostics from every phase.
public final class DiagnosticBag: @unchecked Sendable {
    let sources: SourceMap
    public private(set) var items: [Diagnostic] = []
    private var seen = Set<String>()
    init(sources: SourceMap) { self.sources = sources }

    /// Diagnostics in source order (file, line, column).
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if a.path != b.path { return x.offset < y.offset }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return x.offset < y.offset
        }.map(\.element)
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }

    func error(_ code: String, _ message: String, at span: Span, hint: String? = nil) {
        add(.error, code, message, span, hint)
    }
    func warning(_ code: String, _ message: String, at span: Span, hint: String? = nil) {
        add(.warning, code, message, span, hint)
    }
    private func add(_ sev: Severity, _ code: String, _ message: String, _ span: Span, _ hint: String?) {
        // The same error at the same place (e.g. inside a function inlined many times) is reported once.
        let key = "\(code)@\(span.file):\(span.start):\(message)"
        guard !seen.contains(key) else { return }
        seen.insert(key)
        let loc = sources.location(span)
        var lineText = ""
        var caret = 1
        if span.file >= 0, span.file < sources.files.count {
            let f = sources.files[span.file]
            lineText = f.lineText(loc.line)
            let endLC = f.lineColumn(max(span.start, span.end - 1))
            caret = endLC.line == loc.line ? max(1, endLC.column - loc.column + 1) : max(1, lineText.count - loc.column + 1)
        }
        items.append(Diagnostic(severity: sev, code: code, message: message, path: loc.path, line: loc.line,
                                column: loc.column, sourceLine: lineText, caretLength: caret, hint: hint))
    }
}

/// The one error type of the CircuitLang module.
public enum CircuitLangError: Error, CustomStringConvertible, Sendable {
    /// Compilation failed; every diagnostic is listed.
    case compilationFailed([Diagnostic])
    /// A source or import could not be read.
    case cannotRead(path: String, reason: String)
    /// An input named by the circuit is missing from the inputs.
    case missingInput(name: String)
    /// The inputs have a key the circuit does not declare.
    case unexpectedInput(name: String)
    /// An input value has the wrong shape (scalar vs array, wrong length).
    case badInputShape(name: String, expected: String)
    /// An input value is not a number, or not in the range of its declared type.
    case inputOutOfRange(name: String, value: String, expected: String)
    /// A hint produced a value outside its declared type.
    case hintOutOfRange(location: String, value: String, expected: String)
    /// An `assert` (or a checked operation) failed while computing the witness.
    case assertionFailed(location: String, message: String)
    /// The computed witness does not satisfy a constraint (an internal error: please report it).
    case constraintUnsatisfied(index: Int, location: String)
    /// A `.zkw` file is malformed.
    case badWitnessProgram(String)
    /// Input JSON could not be parsed.
    case badJSON(String)
    /// Poseidon supports 1…16 inputs.
    case badPoseidonArity(Int)
    /// A compiler bug (an invariant did not hold); please report it.
    case internalError(String)

    public var description: String {
        switch self {
        case .compilationFailed(let ds):
            let errs = ds.filter { $0.severity == .error }.count
            return ds.map(\.description).joined(separator: "\n\n") + "\n\n\(errs) error(s); no output written"
        case .cannotRead(let p, let r): return "cannot read \(p): \(r)"
        case .missingInput(let n): return "input '\(n)' is missing from the inputs"
        case .unexpectedInput(let n): return "input '\(n)' is not declared by the circuit"
        case .badInputShape(let n, let e): return "input '\(n)' has the wrong shape: expected \(e)"
        case .inputOutOfRange(let n, let v, let e): return "input '\(n)' = \(v) is out of range: expected \(e)"
        case .hintOutOfRange(let l, let v, let e): return "\(l): hint value \(v) is out of range: expected \(e)"
        case .assertionFailed(let l, let m): return "\(l): assertion failed: \(m)"
        case .constraintUnsatisfied(let i, let l): return "internal: constraint \(i) (from \(l)) is not satisfied by the computed witness"
        case .badWitnessProgram(let m): return "malformed witness program: \(m)"
        case .badJSON(let m): return "bad inputs JSON: \(m)"
        case .badPoseidonArity(let n): return "Poseidon takes 1…16 inputs, got \(n)"
        case .internalError(let m): return "internal compiler error: \(m)"
        }
    }
}
