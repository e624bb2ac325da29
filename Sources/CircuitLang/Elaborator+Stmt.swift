import BN254

extension Elaborator {
    func execBlock(_ stmts: [Stmt]) {
        scopes.append([:])
        for s in stmts {
            exec(s)
            if returnValue != nil { break }
        }
        scopes.removeLast()
    }

    func flatScalars(_ v: Value) -> [(LC, ScalarType)] {
        switch v {
        case .scalar(let l, let t): return [(l, t)]
        case .array(let xs): return xs.flatMap { flatScalars($0) }
        case .poison: return []
        }
    }

    /// Names a freshly bound single-signal value for the `.sym` file.
    func nameSignals(_ v: Value, _ name: String) {
        let prefix = ([circuitName] + callStack).joined(separator: ".")
        func go(_ v: Value, _ suffix: String) {
            switch v {
            case .scalar(let lc, _):
                if let w = lc.singleSignal, signalNames[Int(w)] == nil { signalNames[Int(w)] = "\(prefix).\(name)\(suffix)" }
            case .array(let xs):
                for (j, x) in xs.enumerated() { go(x, suffix + "[\(j)]") }
            case .poison: break
            }
        }
        go(v, "")
    }

    func exec(_ s: Stmt) {
        let saved = stmtSpan
        stmtSpan = s.span
        defer { stmtSpan = saved }
        switch s {
        case .letDecl(let name, let mutable, let texpr, let value, let span):
            var declared: ValueType? = nil
            if let texpr { declared = resolveType(texpr) }
            var v = eval(value, expected: declared)
            if let declared { v = coerce(v, to: declared, span: value.span, context: "the binding of '\(name)'") }
            nameSignals(v, name)
            _ = span
            bind(name, Binding(value: v, mutable: mutable, declared: declared))

        case .constDecl(let c):
            var v = eval(c.value)
            if let t = c.type, let rt = resolveType(t) { v = coerce(v, to: rt, span: c.value.span, context: "constant '\(c.name)'") }
            if !v.isPoison, !flatScalars(v).allSatisfy({ $0.0.isConstant }) {
                diags.error("E0313", "constant '\(c.name)' is not known at compile time", at: c.value.span, hint: "use 'let' for values computed from inputs")
            }
            bind(c.name, Binding(value: v, mutable: false, declared: nil))

        case .assign(let target, let value, _):
            assign(target, value)

        case .forLoop(let variable, let from, let to, let body, _):
            guard let a = constInt(from, what: "a loop bound"), let b = constInt(to, what: "a loop bound") else { return }
            if b - a > iterationBudget {
                diags.error("E0314", "loop of \(b - a) iterations exceeds the unrolling budget", at: s.span, hint: "loops are unrolled at compile time; keep circuits below ~5·10^7 iterations")
                return
            }
            iterationBudget -= max(0, b - a)
            var i = a
            while i < b {
                scopes.append([variable: Binding(value: .scalar(LC(constant: i >= 0 ? Fr(UInt64(i)) : -Fr(UInt64(-i))), .literal), mutable: false, declared: nil)])
                execBlock(body)
                scopes.removeLast()
                if returnValue != nil { break }
                i += 1
            }

        case .ifStmt(let cond, let then, let els, _):
            let c = eval(cond)
            guard case .scalar(let lc, let t) = c else {
                if !c.isPoison { diags.error("E0315", "an if condition must be a bool, found an array", at: cond.span, hint: nil) }
                return
            }
            guard let k = lc.constantValue else {
                diags.error("E0302", "this if condition is not known at compile time", at: cond.span,
                            hint: "if-statements choose code at compile time; for a run-time choice use an if-expression `let x = if c { a } else { b };` or select(c, a, b) (both sides are constrained)")
                return
            }
            if t != .bool && t != .literal {
                diags.error("E0315", "an if condition must be a bool, found \(t)", at: cond.span, hint: "compare it, e.g. x != 0")
            }
            if !k.isZero { execBlock(then) } else if let els { execBlock(els) }

        case .assertStmt(let e, let msg, _):
            assertStmt(e, msg ?? "assertion failed")

        case .returnStmt(let e, let span):
            if !inFunction {
                diags.error("E0207", "'return' outside a function", at: span, hint: "a circuit publishes values with `output name: T = value;`")
                return
            }
            returnValue = e.map { eval($0) } ?? .array([])

        case .expr(let e, _):
            _ = eval(e)

        case .input(let name, let vis, let texpr, let span):
            guard !inFunction else {
                diags.error("E0208", "inputs can only be declared in the circuit body", at: span, hint: "pass values to functions as parameters")
                return
            }
            guard let t = resolveType(texpr) else { return }
            if lookup(name) != nil && scopes.count == 1 && scopes[0][name] != nil {
                diags.error("E0201", "'\(name)' is already defined", at: span, hint: "choose another name")
            }
            let kind: SignalKind = vis == .publicInput ? .publicInput : .privateInput
            var slots: [Int32] = []
            func make(_ t: ValueType, _ label: String) -> Value {
                switch t {
                case .scalar(let st):
                    let w = newSignal(kind, "\(circuitName).\(label)")
                    slots.append(w)
                    inputSpans[w] = span
                    let lc = LC(signal: w)
                    let before = constraints.count
                    enforce(lc, st, span: span, what: "input '\(label)'")
                    typeOnlyConstraints.insert(integersIn: before..<constraints.count)
                    return .scalar(lc, st)
                case .array(let et, let n):
                    return .array((0..<n).map { make(et, label + "[\($0)]") })
                }
            }
            let v = make(t, name)
            inputs.append(InputDecl(name: name, isPublic: vis == .publicInput, type: t.description, shape: t.shape, scalar: t.base, slots: slots))
            bind(name, Binding(value: v, mutable: false, declared: t))

        case .output(let name, let texpr, let value, let span):
            guard !inFunction else {
                diags.error("E0208", "outputs can only be declared in the circuit body", at: span, hint: "return the value from the function instead")
                return
            }
            guard let t = resolveType(texpr) else { _ = eval(value); return }
            let v = coerce(eval(value, expected: t), to: t, span: value.span, context: "output '\(name)'")
            var slots: [Int32] = []
            var idx = 0
            func make(_ v: Value, _ label: String) -> Value {
                switch v {
                case .scalar(let lc, let st):
                    let w = newSignal(.publicOutput, "\(circuitName).\(label)")
                    slots.append(w)
                    instrs.append(.lin(dst: w, lc))
                    linear(LC(signal: w) - lc, span: span)
                    idx += 1
                    return .scalar(LC(signal: w), st)
                case .array(let xs):
                    return .array(xs.enumerated().map { make($0.element, label + "[\($0.offset)]") })
                case .poison: return .poison
                }
            }
            let ov = make(v, name)
            outputs.append(OutputDecl(name: name, shape: t.shape, slots: slots))
            bind(name, Binding(value: ov, mutable: false, declared: t))
        }
    }

    func assertStmt(_ e: Expr, _ msg: String) {
        if hintMode > 0 { diags.error("E0316", "assert inside a hint", at: e.span, hint: "hints compute values; constrain them after the hint"); return }
        let m = message(msg, e.span)
        if case .binary(let op, let l, let r) = e.kind, op == .eq || op == .ne {
            let a = eval(l), b = eval(r)
            let pairs = zipScalars(a, b, span: e.span, what: "assert")
            for (x, y) in pairs {
                if op == .eq {
                    if let k = (x - y).constantValue {
                        if !k.isZero { diags.error("E0403", "this assert always fails: \(msg)", at: e.span, hint: "both sides are compile-time constants and differ") }
                        continue
                    }
                    instrs.append(.checkEq(x, y, msg: m))
                    linear(x - y, span: e.span, what: "assert")
                } else {
                    let d = x - y
                    if let k = d.constantValue {
                        if k.isZero { diags.error("E0403", "this assert always fails: \(msg)", at: e.span, hint: "both sides are equal constants") }
                        continue
                    }
                    // d ≠ 0  ⇔  ∃ inv: d·inv = 1 (one constraint)
                    instrs.append(.checkNonZero(d, msg: m))
                    let inv = newSignal(.internalSignal)
                    instrs.append(.inv(dst: inv, d))
                    auxiliary.insert(inv)
                    constrain(d, LC(signal: inv), .one, span: e.span)
                }
            }
            return
        }
        let v = eval(e)
        guard case .scalar(let lc, let t) = v else {
            if !v.isPoison { diags.error("E0317", "assert needs a bool condition, found an array", at: e.span, hint: nil) }
            return
        }
        if t != .bool && t != .literal {
            diags.error("E0317", "assert needs a bool condition, found \(t)", at: e.span, hint: "compare the value, e.g. assert x != 0, \"…\";")
            return
        }
        if let k = lc.constantValue {
            if !k.isOne { diags.error("E0403", "this assert always fails: \(msg)", at: e.span, hint: "the condition is false at compile time") }
            return
        }
        instrs.append(.checkEq(lc, .one, msg: m))
        linear(lc - .one, span: e.span, what: "assert")
    }

    func zipScalars(_ a: Value, _ b: Value, span: Span, what: String) -> [(LC, LC)] {
        switch (a, b) {
        case (.scalar(let x, _), .scalar(let y, _)): return [(x, y)]
        case (.array(let xs), .array(let ys)):
            guard xs.count == ys.count else {
                diags.error("E0308", "\(what): arrays of different lengths (\(xs.count) and \(ys.count))", at: span, hint: nil)
                return []
            }
            return zip(xs, ys).flatMap { zipScalars($0, $1, span: span, what: what) }
        case (.poison, _), (_, .poison): return []
        default:
            diags.error("E0308", "\(what): cannot compare an array with a scalar", at: span, hint: nil)
            return []
        }
    }

    func assign(_ target: Expr, _ valueExpr: Expr) {
        // Collect the index path: name[i][j] = v
        var path: [Expr] = []
        var t = target
        while case .index(let base, let idx) = t.kind { path.insert(idx, at: 0); t = base }
        guard case .name(let name) = t.kind else {
            diags.error("E0318", "cannot assign to this expression", at: target.span, hint: "assign to a variable declared with `var`, or an element of one")
            return
        }
        guard let b = lookup(name) else {
            diags.error("E0202", "unknown variable '\(name)'", at: t.span, hint: "declare it first with `var \(name) = …;`")
            _ = eval(valueExpr)
            return
        }
        if !b.mutable {
            diags.error("E0205", "cannot assign to '\(name)': it is not declared with `var`", at: target.span,
                        hint: "declare it with `var \(name) = …;` to allow reassignment")
            return
        }
        let idxs = path.map { constInt($0, what: "an assignment index") }
        var v = eval(valueExpr)
        if let d = b.declared {
            var dt: ValueType? = d
            for _ in path { if case .array(let e, _)? = dt { dt = e } else { dt = nil } }
            if let dt { v = coerce(v, to: dt, span: valueExpr.span, context: "the assignment to '\(name)'") }
        }
        guard !idxs.contains(where: { $0 == nil }) else { return }
        func put(_ cur: Value, _ rest: ArraySlice<Int?>, _ spans: ArraySlice<Expr>) -> Value {
            guard let first = rest.first, let i = first, let sp = spans.first else { return v }
            guard case .array(var xs) = cur else {
                diags.error("E0319", "cannot index into a non-array value", at: sp.span, hint: nil)
                return cur
            }
            guard i >= 0, i < xs.count else {
                diags.error("E0320", "index \(i) is out of bounds for an array of \(xs.count)", at: sp.span, hint: "valid indices are 0…\(xs.count - 1)")
                return cur
            }
            xs[i] = put(xs[i], rest.dropFirst(), spans.dropFirst())
            return .array(xs)
        }
        nameSignals(v, name)
        _ = update(name, put(b.value, idxs[...], path[...]))
    }
}
