// Lexer: bytes → tokens with spans. Unknown characters and unterminated strings/comments are
// reported (E0001–E0003) and skipped, so lexing never stops early.

enum TokenKind: Equatable {
    case ident(String)
    case int(String)      // decimal or 0x-hex digits, underscores removed
    case string(String)
    case kw(String)       // keyword
    case sym(String)      // punctuation / operator
    case eof
}

struct Token {
    let kind: TokenKind
    let span: Span
}

let keywords: Set<String> = ["import", "const", "fn", "circuit", "let", "var", "for", "in", "if", "else",
                             "return", "assert", "input", "output", "public", "private", "hint", "true", "false"]

func lex(_ file: SourceFile, _ diags: DiagnosticBag) -> [Token] {
    let b = file.text
    var i = 0
    var out: [Token] = []
    func sp(_ s: Int, _ e: Int) -> Span { Span(file: file.id, start: s, end: e) }
    let twoChar: Set<String> = ["==", "!=", "<=", ">=", "&&", "||", "->", "..", "<<", ">>", "+=", "-=", "*="]
    let oneChar: Set<UInt8> = Set("()[]{},;:.=<>+-*/%!^&|".utf8)
    while i < b.count {
        let c = b[i]
        if c == 32 || c == 9 || c == 10 || c == 13 { i += 1; continue }
        if c == 47, i + 1 < b.count, b[i + 1] == 47 {           // line comment
            while i < b.count, b[i] != 10 { i += 1 }
            continue
        }
        if c == 47, i + 1 < b.count, b[i + 1] == 42 {           // block comment
            let s = i
            i += 2
            var closed = false
            while i + 1 < b.count { if b[i] == 42, b[i + 1] == 47 { i += 2; closed = true; break }; i += 1 }
            if !closed {
                diags.error("E0003", "unterminated block comment", at: sp(s, s + 2), hint: "close it with */")
                i = b.count
            }
            continue
        }
        let isAlpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
        let isDigit = c >= 48 && c <= 57
        if isAlpha {
            let s = i
            while i < b.count, (b[i] >= 65 && b[i] <= 90) || (b[i] >= 97 && b[i] <= 122) || b[i] == 95 || (b[i] >= 48 && b[i] <= 57) { i += 1 }
            let w = String(decoding: b[s..<i], as: UTF8.self)
            out.append(Token(kind: keywords.contains(w) ? .kw(w) : .ident(w), span: sp(s, i)))
            continue
        }
        if isDigit {
            let s = i
            var text = ""
            if c == 48, i + 1 < b.count, b[i + 1] == 120 || b[i + 1] == 88 {
                i += 2
                text = "0x"
                while i < b.count, let ch = Optional(b[i]), (ch >= 48 && ch <= 57) || (ch >= 97 && ch <= 102) || (ch >= 65 && ch <= 70) || ch == 95 {
                    if ch != 95 { text.append(Character(Unicode.Scalar(ch))) }
                    i += 1
                }
                if text == "0x" { diags.error("E0004", "hex literal has no digits", at: sp(s, i), hint: "write e.g. 0xff") }
            } else {
                while i < b.count, (b[i] >= 48 && b[i] <= 57) || b[i] == 95 {
                    if b[i] != 95 { text.append(Character(Unicode.Scalar(b[i]))) }
                    i += 1
                }
            }
            if i < b.count, (b[i] >= 65 && b[i] <= 90) || (b[i] >= 97 && b[i] <= 122) {
                let s2 = i
                while i < b.count, (b[i] >= 65 && b[i] <= 90) || (b[i] >= 97 && b[i] <= 122) || (b[i] >= 48 && b[i] <= 57) { i += 1 }
                diags.error("E0005", "invalid number literal", at: sp(s, i),
                            hint: "a number cannot be followed by letters ('\(String(decoding: b[s2..<i], as: UTF8.self))'); put a space or an operator between them")
            }
            out.append(Token(kind: .int(text), span: sp(s, i)))
            continue
        }
        if c == 34 {                                              // string
            let s = i
            i += 1
            var bytes: [UInt8] = []
            var closed = false
            while i < b.count, b[i] != 10 {
                if b[i] == 34 { closed = true; i += 1; break }
                if b[i] == 92, i + 1 < b.count { bytes.append(b[i + 1] == 110 ? 10 : b[i + 1]); i += 2; continue }
                bytes.append(b[i]); i += 1
            }
            if !closed { diags.error("E0002", "unterminated string literal", at: sp(s, i), hint: "close the string with \" on the same line") }
            out.append(Token(kind: .string(String(decoding: bytes, as: UTF8.self)), span: sp(s, i)))
            continue
        }
        if i + 1 < b.count {
            let two = String(decoding: b[i..<(i + 2)], as: UTF8.self)
            if twoChar.contains(two) { out.append(Token(kind: .sym(two), span: sp(i, i + 2))); i += 2; continue }
        }
        if oneChar.contains(c) {
            out.append(Token(kind: .sym(String(Character(Unicode.Scalar(c)))), span: sp(i, i + 1)))
            i += 1
            continue
        }
        // Unknown byte: report once per run of bad bytes (whole UTF-8 sequence).
        let s = i
        i += 1
        while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
        diags.error("E0001", "unexpected character '\(String(decoding: b[s..<i], as: UTF8.self))'", at: sp(s, i),
                    hint: "remove it; the language uses ASCII operators (see docs/LANGUAGE.md)")
    }
    out.append(Token(kind: .eof, span: sp(b.count, b.count)))
    return out
}
