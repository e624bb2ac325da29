import BN254
import R1CS
import Foundation

/// Compiler options.
public struct CompileOptions: Sendable {
    /// Run the optimiser (constant folding is always on).
    public var optimize: Bool = true
    /// Extra directories searched by `import` (after the importing file's directory and its ancestors).
    public var includePaths: [String] = []
    /// Circuit to compile when a file defines several (default: the only / first one).
    public var circuitName: String? = nil
    /// Overrides of top-level `const` declarations by name (decimal or 0x-hex integer text), as
    /// circom's main-component parameters: `["K": "16"]` compiles the file with `const K = 16;`.
    /// A name that no loaded file declares is an error (E0213).
    public var constants: [String: String] = [:]
    public init(optimize: Bool = true, includePaths: [String] = [], circuitName: String? = nil,
                constants: [String: String] = [:]) {
        self.optimize = optimize
        self.includePaths = includePaths
        self.circuitName = circuitName
        self.constants = constants
    }
}

/// The result of compiling a circuit.
public struct CompiledCircuit: @unchecked Sendable {
    public let name: String
    /// Wires: 0 = 1, then public outputs, public inputs, private inputs, internal (circom order).
    public let wireCount: Int
    public let publicOutputCount: Int
    public let publicInputCount: Int
    public let privateInputCount: Int
    /// Number of labels (signals before optimisation, including wire 0).
    public let labelCount: Int
    /// The optimised constraint system in circom wire order (write it with `R1CSFile.write`).
    public let constraintSystem: ConstraintSystem
    public let witnessProgram: WitnessProgram
    /// Signal names for the `.sym` file (`SymFile.write`): label = signal id before optimisation,
    /// wire = −1 for signals the optimiser removed.
    public let symbols: SymbolTable
    public let report: CircuitReport
    public let warnings: [Diagnostic]
    public let optimizerStats: OptimizerStats

    // Internals kept for the lint and the optimiser tests.
    let rawConstraints: [IRConstraint]
    let finalConstraints: [IRConstraint]     // in signal numbering
    let substitutions: [(Int32, LC)]
    let signalKinds: [SignalKind]
    let wireSignals: [Int32]
    let lintInfo: LintInfo

    public var constraintCount: Int { constraintSystem.constraintCount }

    /// Whether a full wire assignment satisfies every constraint.
    public func isSatisfied(_ w: [Fr]) -> Bool { firstUnsatisfied(w) == nil }

    /// Index of the first constraint the wire assignment violates (−1 for a malformed witness).
    public func firstUnsatisfied(_ w: [Fr]) -> Int? {
        do { return try constraintSystem.firstUnsatisfied(Witness(values: w)) } catch { return -1 }
    }

    /// Evaluates the witness program and returns an R1CS `Witness` (write it with `WtnsFile.write`).
    public func witness(inputs: [String: InputValue]) throws -> Witness {
        Witness(values: try witnessProgram.evaluate(inputs: inputs))
    }
}

struct LintInfo {
    var auxiliary: Set<Int32>
    var gadgetRules: [(targets: [Int32], deps: [Int32])]
    var hintOutputs: [(signal: Int32, span: Span)]
    var inputSignals: [(signal: Int32, name: String, isPublic: Bool, span: Span)]
    var signalNames: [String?]
    var sources: SourceMap
    var typeOnly: IndexSet
    var origins: [Origin]
}

/// Decimal digits, or 0x followed by hex digits (the integer literals the lexer accepts).
private func isIntegerLiteral(_ s: String) -> Bool {
    if s.hasPrefix("0x") {
        let d = s.dropFirst(2)
        return !d.isEmpty && d.allSatisfy { $0.isHexDigit }
    }
    return !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }
}

public enum Compiler {
    /// Compiles the circuit in `path` (with its imports). Throws `CircuitLangError.compilationFailed`
    /// with every diagnostic when there is any error; nothing is produced then.
    public static func compile(path: String, options: CompileOptions = CompileOptions()) throws -> CompiledCircuit {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CircuitLangError.cannotRead(path: path, reason: "\(error.localizedDescription)")
        }
        return try compile(source: text, path: path, options: options)
    }

    /// Compiles source text; `path` names it in diagnostics and anchors relative imports.
    public static func compile(source: String, path: String = "<input>", options: CompileOptions = CompileOptions()) throws -> CompiledCircuit {
        let sources = SourceMap()
        let diags = DiagnosticBag(sources: sources)
        let main = sources.add(path: path, text: source)
        var units: [SourceUnit] = []
        var loaded: [String: Int] = [canonical(path): main.id]
        var queue = [(main, [canonical(path)])]
        while !queue.isEmpty {
            let (file, chain) = queue.removeFirst()
            var parser = Parser(tokens: lex(file, diags), file: file.id, diags: diags)
            let unit = parser.parseUnit()
            units.append(unit)
            for imp in unit.imports {
                guard let resolved = resolveImport(imp.path, from: file.path, options: options) else {
                    diags.error("E0601", "cannot find imported file '\(imp.path)'", at: imp.span,
                                hint: "paths are relative to the importing file, its parent directories, or an include path")
                    continue
                }
                let key = canonical(resolved)
                if chain.contains(key) {
                    diags.error("E0602", "import cycle: '\(imp.path)' imports this file again", at: imp.span, hint: "move the shared code to a third file")
                    continue
                }
                if loaded[key] != nil { continue }
                guard let t = try? String(contentsOfFile: resolved, encoding: .utf8) else {
                    diags.error("E0601", "cannot read imported file '\(resolved)'", at: imp.span, hint: nil)
                    continue
                }
                let f = sources.add(path: resolved, text: t)
                loaded[key] = f.id
                queue.append((f, chain + [key]))
            }
        }

        // Collect declarations.
        var functions: [String: FunctionDecl] = [:]
        var consts: [ConstDecl] = []
        var constNames: [String: Span] = [:]
        for u in units {
            for f in u.functions {
                if let prev = functions[f.name] {
                    let loc = sources.location(prev.span)
                    diags.error("E0201", "function '\(f.name)' is already defined at \(loc)", at: f.span, hint: "rename one of them")
                } else if builtinArity[f.name] != nil || Checker.validTypeName(f.name) {
                    diags.error("E0211", "'\(f.name)' is a built-in name", at: f.span, hint: "choose another name")
                } else { functions[f.name] = f }
            }
            for c in u.consts {
                if let prev = constNames[c.name] {
                    diags.error("E0201", "constant '\(c.name)' is already defined at \(sources.location(prev))", at: c.span, hint: "rename one of them")
                } else if let text = options.constants[c.name] {
                    constNames[c.name] = c.span
                    if isIntegerLiteral(text) {
                        consts.append(ConstDecl(name: c.name, type: c.type, value: Expr(kind: .int(text), span: c.value.span), span: c.span))
                    } else {
                        diags.error("E0213", "override of constant '\(c.name)' is '\(text)', expected a non-negative integer",
                                    at: c.span, hint: "pass NAME=VALUE with a decimal or 0x-hex integer")
                        consts.append(c)
                    }
                } else { constNames[c.name] = c.span; consts.append(c) }
            }
        }
        let declared = constNames.keys.sorted()
        for name in options.constants.keys.sorted() where constNames[name] == nil {
            diags.error("E0213", "cannot override constant '\(name)' (a compile option, `--const` on the command line): no loaded file declares it",
                        at: Span(file: main.id, start: 0, end: 0),
                        hint: declared.isEmpty ? "these files declare no top-level const to override"
                                               : "constants that can be overridden: \(declared.joined(separator: ", "))")
        }
        let mainUnit = units[0]
        var circuit: CircuitDecl? = nil
        if let want = options.circuitName {
            circuit = mainUnit.circuits.first { $0.name == want }
            if circuit == nil { diags.error("E0210", "no circuit named '\(want)' in \(path)", at: Span(file: main.id, start: 0, end: 0), hint: "declare circuit \(want) { … }") }
        } else {
            circuit = mainUnit.circuits.first
            if circuit == nil, !diags.hasErrors {
                diags.error("E0210", "no circuit in \(path)", at: Span(file: main.id, start: 0, end: 0), hint: "declare the entry point: circuit Main { input x: u64; … }")
            }
            if mainUnit.circuits.count > 1 {
                diags.error("E0212", "more than one circuit in \(path)", at: mainUnit.circuits[1].span, hint: "keep one circuit per file, or choose one with the circuit-name option")
            }
        }
        for u in units.dropFirst() where !u.circuits.isEmpty {
            diags.warning("W0603", "circuit '\(u.circuits[0].name)' in an imported file is ignored", at: u.circuits[0].span, hint: "imported files contribute functions and constants")
        }

        // Static checks.
        var checker = Checker(diags: diags, functions: functions, globalNames: Set(constNames.keys))
        for u in units { for f in u.functions { checker.checkFunction(f) } }
        if let circuit { checker.checkCircuit(circuit) }
        if diags.hasErrors { throw CircuitLangError.compilationFailed(diags.sorted) }
        guard let circuit else { throw CircuitLangError.compilationFailed(diags.sorted) }

        // Lowering.
        let el = Elaborator(diags: diags, sources: sources)
        el.functions = functions
        el.circuitName = "main"
        for c in consts {
            var v = el.eval(c.value)
            if let t = c.type, let rt = el.resolveType(t) { v = el.coerce(v, to: rt, span: c.value.span, context: "constant '\(c.name)'") }
            if !el.flatScalars(v).allSatisfy({ $0.0.isConstant }) {
                diags.error("E0313", "constant '\(c.name)' is not known at compile time", at: c.value.span, hint: nil)
            }
            el.globals[c.name] = v
        }
        el.stmtSpan = circuit.span
        el.execBlock(circuit.body)
        if diags.hasErrors { throw CircuitLangError.compilationFailed(diags.sorted) }
        return try assemble(el, name: circuit.name, options: options, diags: diags, sources: sources)
    }

    static func canonical(_ p: String) -> String {
        URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func resolveImport(_ rel: String, from: String, options: CompileOptions) -> String? {
        let fm = FileManager.default
        if rel.hasPrefix("/") { return fm.fileExists(atPath: rel) ? rel : nil }
        var dir = URL(fileURLWithPath: from).deletingLastPathComponent().standardizedFileURL
        var candidates: [URL] = []
        while true {
            candidates.append(dir.appendingPathComponent(rel))
            candidates.append(dir.appendingPathComponent("Circuits").appendingPathComponent(rel))
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { break }
            dir = up
        }
        for p in options.includePaths { candidates.append(URL(fileURLWithPath: p).appendingPathComponent(rel)) }
        return candidates.first { fm.fileExists(atPath: $0.path) }?.path
    }

    static func assemble(_ el: Elaborator, name: String, options: CompileOptions, diags: DiagnosticBag, sources: SourceMap) throws -> CompiledCircuit {
        let n = el.signalKinds.count
        var protected = [Bool](repeating: false, count: n)
        for (i, k) in el.signalKinds.enumerated() where k == .one || k == .publicInput || k == .privateInput || k == .publicOutput { protected[i] = true }
        var opt = Optimizer(constraints: el.constraints, signalCount: n, protected: protected)
        if options.optimize { opt.run() } else { opt.stats.constraintsAfter = el.constraints.count }
        let finalCons = options.optimize ? opt.result : el.constraints

        // Wire order: 0, public outputs, public inputs, private inputs, then used internal signals.
        var wireSignals: [Int32] = [0]
        for o in el.outputs { wireSignals.append(contentsOf: o.slots) }
        let nOut = wireSignals.count - 1
        for i in el.inputs where i.isPublic { wireSignals.append(contentsOf: i.slots) }
        let nPubIn = wireSignals.count - 1 - nOut
        for i in el.inputs where !i.isPublic { wireSignals.append(contentsOf: i.slots) }
        let nPrv = wireSignals.count - 1 - nOut - nPubIn
        var wireOf = [Int32](repeating: -1, count: n)
        for (w, s) in wireSignals.enumerated() { wireOf[Int(s)] = Int32(w) }
        var used = [Bool](repeating: false, count: n)
        for c in finalCons { for lc in [c.a, c.b, c.c] { for t in lc.terms { used[Int(t.w)] = true } } }
        for s in 0..<n where used[s] && wireOf[s] < 0 {
            wireOf[s] = Int32(wireSignals.count)
            wireSignals.append(Int32(s))
        }
        var terms: [R1CS.Term] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(3 * finalCons.count + 1)
        var scratch: [R1CS.Term] = []
        for c in finalCons {
            for lc in [c.a, c.b, c.c] {
                scratch.removeAll(keepingCapacity: true)
                for t in lc.terms { scratch.append(R1CS.Term(wire: UInt32(wireOf[Int(t.w)]), coefficient: t.c)) }
                scratch.sort { $0.wire < $1.wire }
                terms.append(contentsOf: scratch)
                offsets.append(terms.count)
            }
        }
        let system: ConstraintSystem
        do {
            system = try ConstraintSystem(nPublicOutputs: nOut, nPublicInputs: nPubIn, nPrivateInputs: nPrv,
                                          nWires: wireSignals.count, terms: terms, lcOffsets: offsets,
                                          wireToLabel: wireSignals.map { UInt64($0) }, nLabels: UInt64(n))
        } catch { throw CircuitLangError.internalError("building the constraint system: \(error)") }
        let program = WitnessProgram(slotCount: n, instructions: el.instrs, messages: el.messages, inputs: el.inputs,
                                     outputs: el.outputs, wireSlots: wireSignals)
        var symbols: [Symbol] = []
        for s in 1..<n {
            if let nm = el.signalNames[s] { symbols.append(Symbol(labelId: Int64(s), wireId: Int64(wireOf[s]), componentId: 0, name: nm)) }
            else if wireOf[s] >= 0 { symbols.append(Symbol(labelId: Int64(s), wireId: Int64(wireOf[s]), componentId: 0, name: "main._s\(s)")) }
        }
        let report = CircuitReport(name: name, constraints: finalCons, origins: el.origins, sources: sources,
                                   wires: wireSignals.count, publicOutputs: nOut, publicInputs: nPubIn, privateInputs: nPrv,
                                   constraintsBeforeOptimisation: el.constraints.count, stats: opt.stats)
        var inputSignals: [(Int32, String, Bool, Span)] = []
        for i in el.inputs {
            for (k, s) in i.slots.enumerated() {
                inputSignals.append((s, i.shape.isEmpty ? i.name : i.name + program.indexLabel(k, i.shape), i.isPublic, el.inputSpans[s] ?? Span.none))
            }
        }
        let lint = LintInfo(auxiliary: el.auxiliary, gadgetRules: el.gadgetRules, hintOutputs: el.hintOutputs,
                            inputSignals: inputSignals.map { (signal: $0.0, name: $0.1, isPublic: $0.2, span: $0.3) },
                            signalNames: el.signalNames, sources: sources,
                            typeOnly: el.typeOnlyConstraints, origins: el.origins)
        return CompiledCircuit(name: name, wireCount: wireSignals.count, publicOutputCount: nOut, publicInputCount: nPubIn,
                               privateInputCount: nPrv, labelCount: n, constraintSystem: system, witnessProgram: program,
                               symbols: SymbolTable(entries: symbols), report: report, warnings: diags.items.filter { $0.severity == .warning },
                               optimizerStats: opt.stats, rawConstraints: el.constraints, finalConstraints: finalCons,
                               substitutions: opt.substitutions, signalKinds: el.signalKinds, wireSignals: wireSignals, lintInfo: lint)
    }
}


extension CompiledCircuit {
    /// Writes `<base>.r1cs`, `<base>.zkw` and `<base>.sym` (the R1CS module's writers for the
    /// circom formats, our own for the witness program).
    public func write(toBase base: String) throws {
        try R1CSFile.write(constraintSystem, to: base + ".r1cs")
        try witnessProgram.write(to: base + ".zkw")
        try SymFile.write(symbols, to: base + ".sym")
    }
}
