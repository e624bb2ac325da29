// Abstract syntax tree. Every node carries the span it was parsed from.

indirect enum TypeExpr {
    case named(String, Span)                 // field, bool, u<N>, i<N>
    case array(TypeExpr, Expr, Span)         // elem[len]

    var span: Span {
        switch self { case .named(_, let s): return s; case .array(_, _, let s): return s }
    }
}

enum UnaryOp: String { case neg = "-", not = "!" }
enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case and = "&&", or = "||", xor = "^", shl = "<<", shr = ">>", band = "&", bor = "|"
}

indirect enum ExprKind {
    case int(String)
    case bool(Bool)
    case name(String)
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case call(String, generics: [Expr], args: [Expr])
    case index(Expr, Expr)
    case arrayLit([Expr])
    case arrayRepeat(Expr, Expr)             // [value; count]
    case ifExpr(Expr, Expr, Expr)
    case hint(Expr)                          // computed outside the constraints
    case error                               // placeholder after a parse error
}

struct Expr {
    let kind: ExprKind
    let span: Span
}

enum InputVisibility { case publicInput, privateInput }

indirect enum Stmt {
    case letDecl(name: String, mutable: Bool, type: TypeExpr?, value: Expr, span: Span)
    case assign(target: Expr, value: Expr, span: Span)
    case forLoop(variable: String, from: Expr, to: Expr, body: [Stmt], span: Span)
    case ifStmt(cond: Expr, then: [Stmt], els: [Stmt]?, span: Span)
    case assertStmt(Expr, message: String?, span: Span)
    case returnStmt(Expr?, span: Span)
    case expr(Expr, span: Span)
    case input(name: String, visibility: InputVisibility, type: TypeExpr, span: Span)
    case output(name: String, type: TypeExpr, value: Expr, span: Span)
    case constDecl(ConstDecl)

    var span: Span {
        switch self {
        case .letDecl(_, _, _, _, let s), .assign(_, _, let s), .forLoop(_, _, _, _, let s), .ifStmt(_, _, _, let s),
             .assertStmt(_, _, let s), .returnStmt(_, let s), .expr(_, let s), .input(_, _, _, let s), .output(_, _, _, let s):
            return s
        case .constDecl(let c): return c.span
        }
    }
}

struct Param {
    let name: String
    let type: TypeExpr
    let span: Span
}

struct FunctionDecl {
    let name: String
    let generics: [String]
    let params: [Param]
    let result: TypeExpr?
    let body: [Stmt]
    let span: Span        // the signature
    let file: Int
}

struct ConstDecl {
    let name: String
    let type: TypeExpr?
    let value: Expr
    let span: Span
}

struct CircuitDecl {
    let name: String
    let body: [Stmt]
    let span: Span
}

struct ImportDecl {
    let path: String
    let span: Span
}

struct SourceUnit {
    let file: Int
    var imports: [ImportDecl] = []
    var consts: [ConstDecl] = []
    var functions: [FunctionDecl] = []
    var circuits: [CircuitDecl] = []
}
