import BN254

/// Built-in functions: name → (min args, max args). Casts (u64(x), i64(x), field(x), bool(x)) are
/// handled separately.
let builtinArity: [String: (Int, Int)] = [
    "to_bits": (2, 2), "from_bits": (1, 1), "is_zero": (1, 1), "inv": (1, 1), "select": (3, 3),
    "len": (1, 1), "range_check": (2, 2), "poseidon_c": (2, 2), "poseidon_m": (3, 3), "poseidon_rp": (1, 1),
]

extension Elaborator {
    func isCastName(_ n: String) -> Bool { parseScalarTypeName(n) != nil }

    func call(_ name: String, _ generics: [Expr], _ args: [Expr], span: Span, expected: ValueType?) -> Value {
        if let st = parseScalarTypeName(name) {
            guard args.count == 1 else { return err("E0204", "the cast \(name)(…) takes one argument, found \(args.count)", span) }
            return cast(eval(args[0]), to: st, span: span)
        }
        if let (lo, hi) = builtinArity[name] {
            guard args.count >= lo, args.count <= hi else {
                return err("E0204", "\(name) takes \(lo) argument(s), found \(args.count)", span)
            }
            return builtin(name, args, span: span)
        }
        guard let f = functions[name] else {
            for a in args { _ = eval(a) }
            return err("E0203", "unknown function '\(name)'", span, hint: suggestion(name))
        }
        return callUser(f, generics, args, span: span)
    }

    func builtin(_ name: String, _ args: [Expr], span: Span) -> Value {
        switch name {
        case "len":
            let v = eval(args[0])
            guard case .array(let xs) = v else { return v.isPoison ? v : err("E0310", "len needs an array", args[0].span) }
            return .scalar(LC(constant: Fr(UInt64(xs.count))), .literal)
        case "poseidon_rp":
            guard let t = constInt(args[0], what: "the Poseidon width") else { return .poison }
            guard t >= 2, t <= 17 else { return err("E0329", "Poseidon width t must be 2…17, found \(t)", args[0].span) }
            return .scalar(LC(constant: Fr(UInt64(Poseidon.partialRounds[t - 2]))), .literal)
        case "poseidon_c":
            guard let t = constInt(args[0], what: "the Poseidon width"), let i = constInt(args[1], what: "a constant index") else { return .poison }
            guard let p = Poseidon.parameters(t: t) else { return err("E0329", "Poseidon width t must be 2…17, found \(t)", args[0].span) }
            guard i >= 0, i < p.roundConstants.count else { return err("E0320", "round constant index \(i) out of range", args[1].span) }
            return .scalar(LC(constant: p.roundConstants[i]), .field)
        case "poseidon_m":
            guard let t = constInt(args[0], what: "the Poseidon width"), let i = constInt(args[1], what: "a row"), let j = constInt(args[2], what: "a column") else { return .poison }
            guard let p = Poseidon.parameters(t: t) else { return err("E0329", "Poseidon width t must be 2…17, found \(t)", args[0].span) }
            guard i >= 0, i < t, j >= 0, j < t else { return err("E0320", "MDS index out of range", span) }
            return .scalar(LC(constant: p.mds[i][j]), .field)
        case "to_bits":
            let v = eval(args[0])
            guard let n = constInt(args[1], what: "the bit count") else { return .poison }
            guard n >= 1, n <= 253 else { return err("E0330", "to_bits needs 1…253 bits, found \(n)", args[1].span) }
            guard case .scalar(let lc, let t) = v else { return v.isPoison ? v : err("E0322", "to_bits needs a scalar", args[0].span) }
            if case .sint = t { return err("E0331", "to_bits of a signed value", args[0].span, hint: "convert to unsigned first (e.g. u64(x)) or add the offset 2^(n-1)") }
            let bits = rangeCheck(lc, bits: n, signed: false, span: span, what: "to_bits(…, \(n))")
            return .array(bits.map { .scalar($0, .bool) })
        case "from_bits":
            let v = eval(args[0])
            guard case .array(let xs) = v else { return v.isPoison ? v : err("E0322", "from_bits needs an array of bools", args[0].span) }
            guard xs.count >= 1, xs.count <= 252 else { return err("E0330", "from_bits needs 1…252 bits", args[0].span) }
            var acc = LC.zero
            for (i, x) in xs.enumerated() {
                guard case .scalar(let l, let t) = x, t == .bool || (t == .literal && (l.constantValue.map { $0.isZero || $0.isOne } ?? false)) else {
                    return err("E0307", "from_bits needs bools; element \(i) is not a bool", args[0].span, hint: "convert with bool(x) (adds a booleanity constraint)")
                }
                acc = acc.combined(l, Fr.pow2(i))
            }
            return .scalar(acc, .uint(xs.count))
        case "range_check":
            let v = eval(args[0])
            guard let n = constInt(args[1], what: "the bit count") else { return .poison }
            guard n >= 1, n <= 252 else { return err("E0330", "range_check needs 1…252 bits, found \(n)", args[1].span) }
            guard case .scalar(let lc, _) = v else { return v.isPoison ? v : err("E0322", "range_check needs a scalar", args[0].span) }
            rangeCheck(lc, bits: n, signed: false, span: span, what: "range_check(…, \(n))")
            return .scalar(lc, .uint(n))
        case "is_zero":
            let v = eval(args[0])
            guard case .scalar(let lc, _) = v else { return v.isPoison ? v : err("E0322", "is_zero needs a scalar", args[0].span) }
            return .scalar(isZero(lc, span: span), .bool)
        case "inv":
            let v = eval(args[0])
            guard case .scalar(let lc, _) = v else { return v.isPoison ? v : err("E0322", "inv needs a scalar", args[0].span) }
            return .scalar(fieldDiv(.one, lc, span: span, rspan: args[0].span), .field)
        case "select":
            let c = eval(args[0])
            guard case .scalar(let cl, let ct) = c else { return c.isPoison ? c : err("E0315", "select needs a bool condition", args[0].span) }
            if let k = cl.constantValue { return k.isZero ? eval(args[2]) : eval(args[1]) }
            guard ct == .bool else { return err("E0315", "select needs a bool condition, found \(ct)", args[0].span, hint: "use bool(c) to check and convert") }
            return select(cl, eval(args[1]), eval(args[2]), span: span)
        default:
            return err("E0203", "unknown function '\(name)'", span)
        }
    }

    func callUser(_ f: FunctionDecl, _ generics: [Expr], _ args: [Expr], span: Span) -> Value {
        guard args.count == f.params.count else {
            for a in args { _ = eval(a) }
            return err("E0204", "'\(f.name)' takes \(f.params.count) argument(s), found \(args.count)", span,
                       hint: "signature: fn \(f.name)(\(f.params.map(\.name).joined(separator: ", ")))")
        }
        guard generics.count <= f.generics.count else {
            return err("E0204", "'\(f.name)' takes \(f.generics.count) generic parameter(s), found \(generics.count)", span)
        }
        guard callStack.count < 200 else {
            return err("E0332", "function calls nest more than 200 deep (recursion?)", span, hint: "functions are inlined; recursion must stop at compile time")
        }
        let argValues = args.map { eval($0) }
        var genericValues: [String: Value] = [:]
        for (i, g) in generics.enumerated() {
            guard let n = constInt(g, what: "a generic argument") else { return .poison }
            genericValues[f.generics[i]] = .scalar(LC(constant: Fr(UInt64(max(0, n)))), .literal)
        }
        // Infer the remaining generics from array lengths of the arguments.
        func infer(_ t: TypeExpr, _ v: Value) {
            guard case .array(let et, let len, _) = t, case .array(let xs) = v else { return }
            if case .name(let g) = len.kind, f.generics.contains(g), genericValues[g] == nil {
                genericValues[g] = .scalar(LC(constant: Fr(UInt64(xs.count))), .literal)
            }
            if let first = xs.first { infer(et, first) }
        }
        for (p, v) in zip(f.params, argValues) { infer(p.type, v) }
        for g in f.generics where genericValues[g] == nil {
            return err("E0333", "cannot infer the generic parameter '\(g)' of '\(f.name)'", span, hint: "pass it explicitly: \(f.name)<…>(…)")
        }
        // New frame: globals + generics + params.
        let savedScopes = scopes, savedReturn = returnValue, savedIn = inFunction
        scopes = [genericValues.mapValues { Binding(value: $0, mutable: false, declared: nil) }]
        returnValue = nil
        inFunction = true
        callStack.append(f.name)
        defer {
            callStack.removeLast()
            scopes = savedScopes
            returnValue = savedReturn
            inFunction = savedIn
        }
        for (p, v) in zip(f.params, argValues) {
            guard let t = resolveType(p.type) else { bind(p.name, Binding(value: .poison, mutable: false, declared: nil)); continue }
            let cv = coerce(v, to: t, span: args[f.params.firstIndex { $0.name == p.name } ?? 0].span, context: "argument '\(p.name)' of '\(f.name)'")
            bind(p.name, Binding(value: cv, mutable: false, declared: t))
        }
        let resultType = f.result.flatMap { resolveType($0) }
        execBlock(f.body)
        let rv = returnValue ?? .array([])
        if let rt = resultType {
            if returnValue == nil {
                return err("E0209", "'\(f.name)' ended without returning a value of type \(rt)", f.span, hint: "add `return …;` at the end of the body")
            }
            return coerce(rv, to: rt, span: span, context: "the result of '\(f.name)'")
        }
        return rv
    }
}
