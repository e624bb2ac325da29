/// Static checks before lowering, over every function (called or not): duplicate definitions,
/// unknown names, functions and types, wrong argument counts, assignment to immutable bindings,
/// misplaced return/input/output. Type and width errors are found during lowering (which knows
/// the compile-time sizes), also without stopping at the first.
struct Checker {
    let diags: DiagnosticBag
    let functions: [String: FunctionDecl]
    let globalNames: Set<String>

    struct Scope { var names: [String: Bool] }   // name → mutable
    var scopes: [Scope] = []
    var inFunction = false

    init(diags: DiagnosticBag, functions: [String: FunctionDecl], globalNames: Set<String>) {
        self.diags = diags
        self.functions = functions
        self.globalNames = globalNames
    }

    func known(_ n: String) -> Bool { scopes.contains { $0.names[n] != nil } || globalNames.contains(n) }
    func isMutable(_ n: String) -> Bool? {
        for s in scopes.reversed() { if let m = s.names[n] { return m } }
        return globalNames.contains(n) ? false : nil
    }
    mutating func declare(_ n: String, mutable: Bool) { scopes[scopes.count - 1].names[n] = mutable }

    static func validTypeName(_ n: String) -> Bool {
        if n == "field" || n == "bool" { return true }
        guard let f = n.first, f == "u" || f == "i", let w = Int(n.dropFirst()), String(w) == String(n.dropFirst()) else { return false }
        return f == "u" ? (1...252).contains(w) : (2...252).contains(w)
    }

    mutating func checkType(_ t: TypeExpr) {
        switch t {
        case .named(let n, let s):
            if !Checker.validTypeName(n) {
                var hint = "types are field, bool, u1…u252, i2…i252 and arrays T[N]"
                if let w = Int(n.dropFirst()), w > 252 { hint = "integer types are at most 252 bits wide so arithmetic cannot wrap around the field" }
                diags.error("E0206", "unknown type '\(n)'", at: s, hint: hint)
            }
        case .array(let e, let len, _):
            checkType(e)
            checkExpr(len)
        }
    }

    mutating func checkFunction(_ f: FunctionDecl) {
        scopes = [Scope(names: [:])]
        inFunction = true
        for g in f.generics { declare(g, mutable: false) }
        var seen = Set<String>()
        for p in f.params {
            if seen.contains(p.name) { diags.error("E0201", "parameter '\(p.name)' is declared twice", at: p.span, hint: "rename one of them") }
            seen.insert(p.name)
            checkType(p.type)
            declare(p.name, mutable: false)
        }
        if let r = f.result { checkType(r) }
        checkBlock(f.body)
        if f.result != nil, !Checker.alwaysReturns(f.body) {
            diags.error("E0209", "'\(f.name)' may end without returning a value", at: f.span, hint: "add `return …;` at the end of the body")
        }
    }

    static func alwaysReturns(_ b: [Stmt]) -> Bool {
        for s in b {
            if case .returnStmt = s { return true }
            if case .ifStmt(_, let t, let e?, _) = s, alwaysReturns(t), alwaysReturns(e) { return true }
        }
        return false
    }

    mutating func checkCircuit(_ c: CircuitDecl) {
        scopes = [Scope(names: [:])]
        inFunction = false
        checkBlock(c.body)
    }

    mutating func checkBlock(_ b: [Stmt]) {
        scopes.append(Scope(names: [:]))
        for s in b { checkStmt(s) }
        scopes.removeLast()
    }

    mutating func checkStmt(_ s: Stmt) {
        switch s {
        case .letDecl(let n, let m, let t, let v, _):
            if let t { checkType(t) }
            checkExpr(v)
            declare(n, mutable: m)
        case .constDecl(let c):
            if let t = c.type { checkType(t) }
            checkExpr(c.value)
            declare(c.name, mutable: false)
        case .assign(let target, let v, _):
            var t = target
            while case .index(let base, let i) = t.kind { checkExpr(i); t = base }
            if case .name(let n) = t.kind {
                switch isMutable(n) {
                case nil: diags.error("E0202", "unknown variable '\(n)'", at: t.span, hint: "declare it first with `var \(n) = …;`")
                case false?: diags.error("E0205", "cannot assign to '\(n)': it is not declared with `var`", at: target.span, hint: "declare it with `var \(n) = …;` to allow reassignment")
                default: break
                }
            } else {
                diags.error("E0318", "cannot assign to this expression", at: target.span, hint: "assign to a variable declared with `var`, or an element of one")
            }
            checkExpr(v)
        case .forLoop(let v, let a, let b, let body, _):
            checkExpr(a); checkExpr(b)
            scopes.append(Scope(names: [v: false]))
            checkBlock(body)
            scopes.removeLast()
        case .ifStmt(let c, let t, let e, _):
            checkExpr(c)
            checkBlock(t)
            if let e { checkBlock(e) }
        case .assertStmt(let e, _, _): checkExpr(e)
        case .returnStmt(let e, let span):
            if !inFunction { diags.error("E0207", "'return' outside a function", at: span, hint: "a circuit publishes values with `output name: T = value;`") }
            if let e { checkExpr(e) }
        case .expr(let e, _): checkExpr(e)
        case .input(let n, _, let t, let span):
            if inFunction { diags.error("E0208", "inputs can only be declared in the circuit body", at: span, hint: "pass values to functions as parameters") }
            if scopes.count > 2 { diags.error("E0208", "inputs must be declared at the top level of the circuit body", at: span, hint: "move it out of the loop or if") }
            if known(n) { diags.error("E0201", "'\(n)' is already defined", at: span, hint: "choose another name") }
            checkType(t)
            declare(n, mutable: false)
        case .output(let n, let t, let v, let span):
            if inFunction { diags.error("E0208", "outputs can only be declared in the circuit body", at: span, hint: "return the value from the function instead") }
            if scopes.count > 2 { diags.error("E0208", "outputs must be declared at the top level of the circuit body", at: span, hint: "build an array in the loop and output it once") }
            if known(n) { diags.error("E0201", "'\(n)' is already defined", at: span, hint: "choose another name") }
            checkType(t)
            checkExpr(v)
            declare(n, mutable: false)
        }
    }

    mutating func checkExpr(_ e: Expr) {
        switch e.kind {
        case .int, .bool, .error: break
        case .name(let n):
            if !known(n) {
                var hint = "declare it with let, var, const or input before using it"
                let all = Set(scopes.flatMap { $0.names.keys }).union(globalNames)
                if let best = all.min(by: { dist($0, n) < dist($1, n) }), dist(best, n) <= 2 { hint = "did you mean '\(best)'?" }
                diags.error("E0202", "unknown name '\(n)'", at: e.span, hint: hint)
            }
        case .unary(_, let x), .hint(let x): checkExpr(x)
        case .binary(_, let a, let b), .arrayRepeat(let a, let b), .index(let a, let b): checkExpr(a); checkExpr(b)
        case .arrayLit(let xs): xs.forEach { checkExpr($0) }
        case .ifExpr(let c, let a, let b): checkExpr(c); checkExpr(a); checkExpr(b)
        case .call(let n, let gs, let args):
            gs.forEach { checkExpr($0) }
            args.forEach { checkExpr($0) }
            if Checker.validTypeName(n) {
                if args.count != 1 { diags.error("E0204", "the cast \(n)(…) takes one argument, found \(args.count)", at: e.span, hint: nil) }
            } else if let (lo, hi) = builtinArity[n] {
                if args.count < lo || args.count > hi { diags.error("E0204", "\(n) takes \(lo == hi ? "\(lo)" : "\(lo)…\(hi)") argument(s), found \(args.count)", at: e.span, hint: nil) }
            } else if let f = functions[n] {
                if f.params.count != args.count {
                    diags.error("E0204", "'\(n)' takes \(f.params.count) argument(s), found \(args.count)", at: e.span,
                                hint: "signature: fn \(n)(\(f.params.map(\.name).joined(separator: ", ")))")
                }
            } else {
                var hint = "define it with fn, or import the file that does"
                let names = Set(functions.keys).union(builtinArity.keys)
                if let best = names.min(by: { dist($0, n) < dist($1, n) }), dist(best, n) <= 2 { hint = "did you mean '\(best)'?" }
                diags.error("E0203", "unknown function '\(n)'", at: e.span, hint: hint)
            }
        }
    }

    func dist(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var prev = Array(0...y.count)
        for i in 1...x.count {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count { cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)) }
            prev = cur
        }
        return prev[y.count]
    }
}
