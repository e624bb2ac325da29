// Recursive-descent parser with error recovery: on a syntax error it reports (E01xx) and skips to
// the next `;` or `}` so later errors are still found.

struct Parser {
    var toks: [Token]
    var pos = 0
    let diags: DiagnosticBag
    let file: Int

    init(tokens: [Token], file: Int, diags: DiagnosticBag) {
        self.toks = tokens
        self.diags = diags
        self.file = file
    }

    struct Bail: Error {}

    var cur: Token { toks[min(pos, toks.count - 1)] }
    var prevSpan: Span { toks[max(0, min(pos - 1, toks.count - 1))].span }
    mutating func advance() { if pos < toks.count - 1 { pos += 1 } }
    func isSym(_ s: String) -> Bool { if case .sym(s) = cur.kind { return true }; return false }
    func isKw(_ s: String) -> Bool { if case .kw(s) = cur.kind { return true }; return false }
    mutating func eatSym(_ s: String) -> Bool { if isSym(s) { advance(); return true }; return false }
    mutating func eatKw(_ s: String) -> Bool { if isKw(s) { advance(); return true }; return false }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .ident(let s): return "identifier '\(s)'"
        case .int(let s): return "number \(s)"
        case .string: return "string"
        case .kw(let s): return "keyword '\(s)'"
        case .sym(let s): return "'\(s)'"
        case .eof: return "end of file"
        }
    }

    mutating func expectSym(_ s: String, _ context: String) throws {
        if eatSym(s) { return }
        diags.error("E0101", "expected '\(s)' \(context), found \(describe(cur))", at: cur.span,
                    hint: s == ";" ? "statements end with ';'" : "insert '\(s)'")
        throw Bail()
    }

    mutating func ident(_ context: String) throws -> (String, Span) {
        if case .ident(let n) = cur.kind { let s = cur.span; advance(); return (n, s) }
        let hint: String
        if case .kw(let k) = cur.kind { hint = "'\(k)' is a reserved word; choose another name" } else { hint = "write a name here" }
        diags.error("E0102", "expected a name \(context), found \(describe(cur))", at: cur.span, hint: hint)
        throw Bail()
    }

    /// Skip to just after the next `;` or to a `}` / top-level keyword.
    mutating func recover() {
        var depth = 0
        while true {
            switch cur.kind {
            case .eof: return
            case .sym(";") where depth == 0: advance(); return
            case .sym("{"): depth += 1; advance()
            case .sym("}"):
                if depth == 0 { return }
                depth -= 1; advance()
                if depth == 0 { return }
            case .kw(let k) where depth == 0 && ["fn", "circuit", "import", "const", "let", "var", "for", "if", "assert", "return", "input", "output", "public"].contains(k):
                return
            default: advance()
            }
        }
    }

    // MARK: top level

    mutating func parseUnit() -> SourceUnit {
        var unit = SourceUnit(file: file)
        while true {
            if case .eof = cur.kind { break }
            let start = pos
            do {
                if eatKw("import") {
                    let s = prevSpan
                    guard case .string(let p) = cur.kind else {
                        diags.error("E0103", "expected a file path string after 'import'", at: cur.span, hint: "write import \"std/bits.zkc\";")
                        throw Bail()
                    }
                    let ps = cur.span
                    advance()
                    try expectSym(";", "after import")
                    unit.imports.append(ImportDecl(path: p, span: s.to(ps)))
                } else if isKw("const") {
                    unit.consts.append(try parseConst())
                } else if isKw("fn") {
                    unit.functions.append(try parseFunction())
                } else if eatKw("circuit") {
                    let s = prevSpan
                    let (name, ns) = try ident("after 'circuit'")
                    let body = try parseBlock()
                    unit.circuits.append(CircuitDecl(name: name, body: body, span: s.to(ns)))
                } else {
                    diags.error("E0104", "expected 'import', 'const', 'fn' or 'circuit' at top level, found \(describe(cur))", at: cur.span,
                                hint: "statements belong inside a 'fn' or 'circuit' body")
                    throw Bail()
                }
            } catch {
                if pos == start { advance() }
                recover()
                if isSym("}") { advance() }
            }
        }
        return unit
    }

    mutating func parseConst() throws -> ConstDecl {
        advance() // const
        let s = prevSpan
        let (name, _) = try ident("after 'const'")
        var ty: TypeExpr? = nil
        if eatSym(":") { ty = try parseType() }
        try expectSym("=", "in a const declaration")
        let v = try parseExpr()
        try expectSym(";", "after a const declaration")
        return ConstDecl(name: name, type: ty, value: v, span: s.to(v.span))
    }

    mutating func parseFunction() throws -> FunctionDecl {
        advance() // fn
        let s = prevSpan
        let (name, _) = try ident("after 'fn'")
        var generics: [String] = []
        if eatSym("<") {
            repeat { generics.append(try ident("as a generic size parameter").0) } while eatSym(",")
            try expectSym(">", "after generic parameters")
        }
        try expectSym("(", "after the function name")
        var params: [Param] = []
        if !isSym(")") {
            repeat {
                let (pn, ps) = try ident("as a parameter name")
                try expectSym(":", "after parameter '\(pn)' (parameters need a type)")
                let t = try parseType()
                params.append(Param(name: pn, type: t, span: ps.to(t.span)))
            } while eatSym(",")
        }
        try expectSym(")", "after the parameters")
        var result: TypeExpr? = nil
        if eatSym("->") { result = try parseType() }
        let sigEnd = prevSpan
        let body = try parseBlock()
        return FunctionDecl(name: name, generics: generics, params: params, result: result, body: body, span: s.to(sigEnd), file: file)
    }

    mutating func parseType() throws -> TypeExpr {
        let (n, s) = try ident("as a type (field, bool, u64, i64, …)")
        var dims: [(Expr, Span)] = []
        while eatSym("[") {
            let e = try parseExpr()
            try expectSym("]", "after an array length")
            dims.append((e, prevSpan))
        }
        var t = TypeExpr.named(n, s)
        for (e, end) in dims.reversed() { t = .array(t, e, s.to(end)) }
        return t
    }

    mutating func parseBlock() throws -> [Stmt] {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 {
            diags.error("E0110", "blocks nested too deeply", at: cur.span, hint: "move the inner code into a function")
            throw Bail()
        }
        try expectSym("{", "to open a block")
        var stmts: [Stmt] = []
        while !isSym("}") {
            if case .eof = cur.kind {
                diags.error("E0105", "unexpected end of file: missing '}'", at: cur.span, hint: "close the block with '}'")
                throw Bail()
            }
            let start = pos
            do { stmts.append(try parseStmt()) } catch {
                if pos == start { advance() }
                recover()
            }
        }
        advance()
        return stmts
    }

    mutating func parseStmt() throws -> Stmt {
        let s = cur.span
        if isKw("let") || isKw("var") {
            let mutable = isKw("var")
            advance()
            let (name, _) = try ident("after 'let'")
            var ty: TypeExpr? = nil
            if eatSym(":") { ty = try parseType() }
            try expectSym("=", "in a let binding (every binding needs a value)")
            let v = try parseExpr()
            try expectSym(";", "after a let binding")
            return .letDecl(name: name, mutable: mutable, type: ty, value: v, span: s.to(v.span))
        }
        if isKw("const") { return .constDecl(try parseConst()) }
        if eatKw("for") {
            let (v, _) = try ident("as the loop variable")
            if !eatKw("in") {
                diags.error("E0101", "expected 'in' after the loop variable, found \(describe(cur))", at: cur.span, hint: "write for i in 0..N { … }")
                throw Bail()
            }
            let from = try parseExpr()
            try expectSym("..", "in a loop range")
            let to = try parseExpr()
            let body = try parseBlock()
            return .forLoop(variable: v, from: from, to: to, body: body, span: s.to(to.span))
        }
        if isKw("if") { return try parseIfStmt() }
        if eatKw("assert") {
            let e = try parseExpr()
            var msg: String? = nil
            if eatSym(",") {
                guard case .string(let m) = cur.kind else {
                    diags.error("E0106", "expected a message string after ',' in assert", at: cur.span, hint: "write assert cond, \"what went wrong\";")
                    throw Bail()
                }
                msg = m
                advance()
            }
            try expectSym(";", "after assert")
            return .assertStmt(e, message: msg, span: s.to(e.span))
        }
        if eatKw("return") {
            if eatSym(";") { return .returnStmt(nil, span: s) }
            let e = try parseExpr()
            try expectSym(";", "after return")
            return .returnStmt(e, span: s.to(e.span))
        }
        if isKw("public") || isKw("private") || isKw("input") {
            var vis = InputVisibility.privateInput
            if eatKw("public") { vis = .publicInput } else if eatKw("private") { vis = .privateInput }
            if !eatKw("input") {
                diags.error("E0101", "expected 'input' after the visibility, found \(describe(cur))", at: cur.span,
                            hint: "write public input x: u64; (outputs are always public: output y: u64 = …;)")
                throw Bail()
            }
            let (name, ns) = try ident("as the input name")
            try expectSym(":", "after the input name (inputs need a type)")
            let t = try parseType()
            try expectSym(";", "after an input declaration")
            return .input(name: name, visibility: vis, type: t, span: s.to(ns))
        }
        if eatKw("output") {
            let (name, ns) = try ident("as the output name")
            try expectSym(":", "after the output name (outputs need a type)")
            let t = try parseType()
            try expectSym("=", "in an output declaration")
            let v = try parseExpr()
            try expectSym(";", "after an output declaration")
            return .output(name: name, type: t, value: v, span: s.to(ns))
        }
        let e = try parseExpr()
        for op in ["=", "+=", "-=", "*="] where isSym(op) {
            advance()
            let v = try parseExpr()
            try expectSym(";", "after an assignment")
            let value: Expr
            switch op {
            case "+=": value = Expr(kind: .binary(.add, e, v), span: e.span.to(v.span))
            case "-=": value = Expr(kind: .binary(.sub, e, v), span: e.span.to(v.span))
            case "*=": value = Expr(kind: .binary(.mul, e, v), span: e.span.to(v.span))
            default: value = v
            }
            return .assign(target: e, value: value, span: e.span.to(v.span))
        }
        try expectSym(";", "after an expression statement")
        return .expr(e, span: e.span)
    }

    mutating func parseIfStmt() throws -> Stmt {
        let s = cur.span
        advance() // if
        let c = try parseExpr()
        let thenB = try parseBlock()
        var els: [Stmt]? = nil
        if eatKw("else") {
            if isKw("if") { els = [try parseIfStmt()] } else { els = try parseBlock() }
        }
        return .ifStmt(cond: c, then: thenB, els: els, span: s.to(c.span))
    }

    // MARK: expressions (precedence climbing)

    static let precedence: [String: Int] = [
        "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4,
        "|": 5, "^": 6, "&": 7, "<<": 8, ">>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
    ]

    mutating func parseExpr() throws -> Expr {
        try parseBinary(1)
    }

    mutating func parseBinary(_ minPrec: Int) throws -> Expr {
        var lhs = try parseUnary()
        while case .sym(let op) = cur.kind, let p = Parser.precedence[op], p >= minPrec, let bop = BinaryOp(rawValue: op) {
            let opSpan = cur.span
            advance()
            let rhs = try parseBinary(p + 1)
            if p == 3 || p == 4, case .binary(let inner, _, _) = lhs.kind, Parser.precedence[inner.rawValue] == p {
                diags.error("E0107", "comparison operators cannot be chained", at: opSpan, hint: "use && between two comparisons, e.g. a < b && b < c")
            }
            lhs = Expr(kind: .binary(bop, lhs, rhs), span: lhs.span.to(rhs.span))
        }
        return lhs
    }

    var depth = 0

    mutating func parseUnary() throws -> Expr {
        let s = cur.span
        depth += 1
        defer { depth -= 1 }
        if depth > 200 {
            diags.error("E0110", "expression nested too deeply", at: s, hint: "split it into several let bindings")
            throw Bail()
        }
        if eatSym("-") { let e = try parseUnary(); return Expr(kind: .unary(.neg, e), span: s.to(e.span)) }
        if eatSym("!") { let e = try parseUnary(); return Expr(kind: .unary(.not, e), span: s.to(e.span)) }
        // `hint` applies to the whole expression after it (lowest precedence).
        if eatKw("hint") { let e = try parseBinary(1); return Expr(kind: .hint(e), span: s.to(e.span)) }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws -> Expr {
        var e = try parsePrimary()
        while isSym("[") {
            advance()
            let i = try parseExpr()
            try expectSym("]", "after an index")
            e = Expr(kind: .index(e, i), span: e.span.to(prevSpan))
        }
        return e
    }

    mutating func parsePrimary() throws -> Expr {
        let t = cur
        switch t.kind {
        case .int(let v): advance(); return Expr(kind: .int(v), span: t.span)
        case .kw("true"): advance(); return Expr(kind: .bool(true), span: t.span)
        case .kw("false"): advance(); return Expr(kind: .bool(false), span: t.span)
        case .kw("if"):
            advance()
            let c = try parseExpr()
            try expectSym("{", "to open the 'then' value of an if-expression")
            let a = try parseExpr()
            try expectSym("}", "after the 'then' value of an if-expression")
            if !eatKw("else") {
                diags.error("E0108", "an if-expression needs an 'else' branch", at: cur.span, hint: "write if c { a } else { b }")
                throw Bail()
            }
            try expectSym("{", "to open the 'else' value")
            let b = try parseExpr()
            try expectSym("}", "after the 'else' value")
            return Expr(kind: .ifExpr(c, a, b), span: t.span.to(prevSpan))
        case .ident(let n):
            advance()
            var generics: [Expr] = []
            // Generic arguments: name<...>(  — only when directly followed by '(' after '>'.
            if isSym("<"), lookaheadGenericCall() {
                advance()
                repeat { generics.append(try parseBinary(5)) } while eatSym(",")
                try expectSym(">", "after generic arguments")
            }
            if eatSym("(") {
                var args: [Expr] = []
                if !isSym(")") {
                    repeat { args.append(try parseExpr()) } while eatSym(",")
                }
                try expectSym(")", "after call arguments")
                return Expr(kind: .call(n, generics: generics, args: args), span: t.span.to(prevSpan))
            }
            return Expr(kind: .name(n), span: t.span)
        case .sym("("):
            advance()
            let e = try parseExpr()
            try expectSym(")", "to close '('")
            return Expr(kind: e.kind, span: t.span.to(prevSpan))
        case .sym("["):
            advance()
            if eatSym("]") { return Expr(kind: .arrayLit([]), span: t.span.to(prevSpan)) }
            let first = try parseExpr()
            if eatSym(";") {
                let n = try parseExpr()
                try expectSym("]", "after an array repeat length")
                return Expr(kind: .arrayRepeat(first, n), span: t.span.to(prevSpan))
            }
            var elems = [first]
            while eatSym(",") { if isSym("]") { break }; elems.append(try parseExpr()) }
            try expectSym("]", "to close an array literal")
            return Expr(kind: .arrayLit(elems), span: t.span.to(prevSpan))
        default:
            diags.error("E0109", "expected an expression, found \(describe(t))", at: t.span,
                        hint: "an expression is a number, a name, a call, an array [a, b], or (a + b)")
            throw Bail()
        }
    }

    /// `f<3>(x)`: a '<' that closes with '>' immediately followed by '(' on simple tokens.
    func lookaheadGenericCall() -> Bool {
        var j = pos + 1
        var depth = 0
        while j < toks.count {
            switch toks[j].kind {
            case .sym(">") where depth == 0:
                if j + 1 < toks.count, case .sym("(") = toks[j + 1].kind { return true }
                return false
            case .sym("("), .sym("["): depth += 1
            case .sym(")"), .sym("]"): depth -= 1; if depth < 0 { return false }
            case .int, .ident, .sym("+"), .sym("-"), .sym("*"), .sym("/"), .sym(","): break
            default: return false
            }
            j += 1
        }
        return false
    }
}
