import BN254

extension Elaborator {
    func eval(_ e: Expr, expected: ValueType? = nil) -> Value {
        switch e.kind {
        case .error: return .poison
        case .int(let text):
            guard let u = U256(literal: text), let f = u.fr else {
                return err("E0321", "integer literal \(text) is not below the field modulus r", e.span, hint: "literals must be < r ≈ 2^253.6")
            }
            return .scalar(LC(constant: f), .literal)
        case .bool(let b):
            return .scalar(LC(constant: b ? .one : .zero), .bool)
        case .name(let n):
            if let b = lookup(n) { return b.value }
            return err("E0202", "unknown name '\(n)'", e.span, hint: suggestion(n))
        case .unary(let op, let x):
            let v = eval(x)
            guard case .scalar(let lc, let t) = v else { return v.isPoison ? v : err("E0322", "'\(op.rawValue)' needs a scalar, found an array", e.span) }
            switch op {
            case .neg:
                switch t {
                case .field, .literal: return .scalar(-lc, t)
                case .uint(let n): return .scalar(-lc, .sint(n + 1))
                case .sint(let n): return .scalar(-lc, .sint(min(252, n + 1)))
                case .bool: return err("E0323", "cannot negate a bool", e.span, hint: "use ! for logical not")
                }
            case .not:
                guard t == .bool || (t == .literal && (lc.constantValue.map { $0.isZero || $0.isOne } ?? false)) else {
                    return err("E0323", "'!' needs a bool, found \(t)", e.span, hint: "compare first, e.g. !(x == 0)")
                }
                return .scalar(LC.one - lc, .bool)
            }
        case .binary(let op, let l, let r):
            var qt: ScalarType? = nil
            if op == .div, case .scalar(let t)? = expected { qt = t }
            return binary(op, eval(l), eval(r), span: e.span, lspan: l.span, rspan: r.span, quotientType: qt)
        case .index(let base, let idx):
            let b = eval(base)
            guard let i = constInt(idx, what: "an array index") else {
                return .poison
            }
            guard case .array(let xs) = b else {
                return b.isPoison ? b : err("E0319", "cannot index into a scalar", base.span, hint: "only arrays can be indexed")
            }
            guard i >= 0, i < xs.count else {
                return err("E0320", "index \(i) is out of bounds for an array of \(xs.count)", idx.span, hint: xs.isEmpty ? "the array is empty" : "valid indices are 0…\(xs.count - 1)")
            }
            return xs[i]
        case .arrayLit(let xs):
            var et: ValueType? = nil
            if case .array(let t, _)? = expected { et = t }
            return .array(xs.map { eval($0, expected: et) })
        case .arrayRepeat(let x, let n):
            guard let count = constInt(n, what: "an array repeat count") else { return .poison }
            guard count >= 0, count <= 16_777_216 else { return err("E0309", "array length \(count) is out of range", n.span) }
            let v = eval(x)
            return .array(Array(repeating: v, count: count))
        case .ifExpr(let c, let a, let b):
            let cv = eval(c)
            guard case .scalar(let cl, let ct) = cv else { return cv.isPoison ? cv : err("E0315", "an if condition must be a bool", c.span) }
            if let k = cl.constantValue { return k.isZero ? eval(b, expected: expected) : eval(a, expected: expected) }
            guard ct == .bool else { return err("E0315", "an if condition must be a bool, found \(ct)", c.span, hint: "compare it, e.g. x != 0") }
            return select(cl, eval(a, expected: expected), eval(b, expected: expected), span: e.span)
        case .hint(let x):
            hintMode += 1
            let v = eval(x)
            hintMode -= 1
            return materializeHint(v, expected: expected, span: e.span)
        case .call(let name, let generics, let args):
            return call(name, generics, args, span: e.span, expected: expected)
        }
    }

    func suggestion(_ n: String) -> String {
        var names = Set(globals.keys)
        for s in scopes { names.formUnion(s.keys) }
        names.formUnion(functions.keys)
        let best = names.min { editDistance($0, n) < editDistance($1, n) }
        if let best, editDistance(best, n) <= 2 { return "did you mean '\(best)'?" }
        return "declare it with let, var, const or input before using it"
    }

    func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        for i in 1...x.count {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }

    /// A hint result becomes fresh signals, constrained only by their type (range check /
    /// booleanity). The caller must add the constraints that bind them.
    func materializeHint(_ v: Value, expected: ValueType?, span: Span) -> Value {
        if hintMode > 0 { return v }
        func go(_ v: Value, _ t: ValueType?) -> Value {
            switch v {
            case .poison: return v
            case .scalar(let lc, let st):
                var target = st
                if case .scalar(let et)? = t { target = et }
                if target == .literal { target = .field }
                let w = newSignal(.hintOutput)
                instrs.append(.lin(dst: w, lc))
                hintOutputs.append((w, span))
                let before = constraints.count
                enforce(LC(signal: w), target, span: span, what: "hint output")
                typeOnlyConstraints.insert(integersIn: before..<constraints.count)
                return .scalar(LC(signal: w), target)
            case .array(let xs):
                var et: ValueType? = nil
                if case .array(let e, _)? = t { et = e }
                return .array(xs.map { go($0, et) })
            }
        }
        return go(v, expected)
    }

    // MARK: select

    func select(_ c: LC, _ a: Value, _ b: Value, span: Span) -> Value {
        switch (a, b) {
        case (.poison, _), (_, .poison): return .poison
        case (.scalar(let x, let tx), .scalar(let y, let ty)):
            let t: ScalarType
            if tx == ty && tx != .literal { t = tx }
            else if tx == .literal && ty == .literal && x == y { t = .literal }
            else if let bx = bound(x, tx), let by = bound(y, ty) {
                // (two different literals give a run-time value: type it by their joint bound)
                let j = join(bx, by)
                t = j.signed ? .sint(j.bits) : .uint(j.bits)
            } else { t = .field }
            if x == y { return .scalar(x, t) }
            // y + c·(x − y): one constraint
            return .scalar(y + mul(c, x - y), t)
        case (.array(let xs), .array(let ys)):
            guard xs.count == ys.count else { return err("E0308", "the two branches have arrays of different lengths (\(xs.count) and \(ys.count))", span) }
            return .array(zip(xs, ys).map { select(c, $0, $1, span: span) })
        default:
            return err("E0308", "the two branches have different shapes (array and scalar)", span)
        }
    }

    // MARK: arithmetic

    func join(_ a: (signed: Bool, bits: Int), _ b: (signed: Bool, bits: Int)) -> (signed: Bool, bits: Int) {
        if a.signed == b.signed { return (a.signed, max(a.bits, b.bits)) }
        let sa = a.signed ? a.bits : a.bits + 1
        let sb = b.signed ? b.bits : b.bits + 1
        return (true, max(sa, sb))
    }

    func intType(_ b: (signed: Bool, bits: Int)) -> ScalarType { b.signed ? .sint(b.bits) : .uint(b.bits) }

    func checkWidth(_ t: ScalarType, _ span: Span) -> ScalarType? {
        switch t {
        case .uint(let n) where n > 252, .sint(let n) where n > 252:
            diags.error("E0303", "the result may need \(n) bits and could wrap around the field modulus", at: span,
                        hint: "narrow an operand first with a checked cast (e.g. u64(x)), or compute in field if wrap-around is intended")
            return nil
        default: return t
        }
    }

    func binary(_ op: BinaryOp, _ a: Value, _ b: Value, span: Span, lspan: Span, rspan: Span, quotientType: ScalarType? = nil) -> Value {
        if a.isPoison || b.isPoison { return .poison }
        // Element-wise == / != on arrays: all equal.
        if case .array = a, op == .eq || op == .ne {
            let pairs = zipScalars(a, b, span: span, what: "comparison")
            var all = LC.one
            for (x, y) in pairs { all = mul(all, isZero(x - y, span: span)) }
            return .scalar(op == .eq ? all : LC.one - all, .bool)
        }
        guard case .scalar(let x, let tx) = a, case .scalar(let y, let ty) = b else {
            return err("E0322", "'\(op.rawValue)' needs scalars, found an array", span, hint: "index the array or use a loop")
        }
        let bothConst = x.isConstant && y.isConstant
        let isField = tx == .field || ty == .field
        let bx = bound(x, tx), by = bound(y, ty)

        switch op {
        case .add, .sub, .mul:
            if tx == .bool && ty == .bool && op == .mul { return .scalar(mul(x, y), .bool) }
            if (tx == .bool || ty == .bool), op != .mul, !isField, !(tx == .literal || ty == .literal) || true {
                // bools take part in arithmetic as u1
            }
            if tx == .literal && ty == .literal {
                switch op {
                case .add: return .scalar(x + y, .literal)
                case .sub: return .scalar(x - y, .literal)
                default: return .scalar(mul(x, y), .literal)
                }
            }
            if isField {
                switch op {
                case .add: return .scalar(x + y, .field)
                case .sub: return .scalar(x - y, .field)
                default: return .scalar(mul(x, y), .field)
                }
            }
            guard let bx, let by else { return .poison }
            switch op {
            case .add:
                let j = join(bx, by)
                guard let t = checkWidth(intType((j.signed, j.bits + 1)), span) else { return .poison }
                return .scalar(x + y, t)
            case .sub:
                let j = join(bx, by)
                if !j.signed {
                    // Unsigned subtraction is checked: the result must not be negative.
                    let d = x - y
                    if let k = d.constantValue {
                        if k.signedMagnitude.0 {
                            return err("E0402", "unsigned subtraction is negative at compile time", span, hint: "convert to a signed type first, e.g. i65(a) - i65(b)")
                        }
                        return .scalar(d, .uint(j.bits))
                    }
                    rangeCheck(d, bits: j.bits, signed: false, span: span, what: "unsigned subtraction (would be negative)")
                    return .scalar(d, .uint(j.bits))
                }
                guard let t = checkWidth(.sint(j.bits + 1), span) else { return .poison }
                return .scalar(x - y, t)
            default:
                let t: ScalarType
                // Multiplying by a constant power of two 2^k adds exactly k bits.
                if let k = y.constantValue, !bx.signed, ty == .literal, U256(k).bitLength >= 1, U256(k) == U256.pow2(U256(k).bitLength - 1) {
                    t = .uint(bx.bits + U256(k).bitLength - 1)
                } else if let k = x.constantValue, !by.signed, tx == .literal, U256(k).bitLength >= 1, U256(k) == U256.pow2(U256(k).bitLength - 1) {
                    t = .uint(by.bits + U256(k).bitLength - 1)
                } else if !bx.signed && !by.signed { t = .uint(bx.bits + by.bits) }
                else {
                    let sa = bx.signed ? bx.bits : bx.bits + 1, sb = by.signed ? by.bits : by.bits + 1
                    t = .sint(sa + sb - 1)
                }
                guard let t2 = checkWidth(t, span) else { return .poison }
                return .scalar(mul(x, y), t2)
            }

        case .div, .mod:
            if bothConst && tx == .literal && ty == .literal {
                if isZeroConst(y) { return err("E0324", "division by zero", rspan) }
                let (q, r) = WitnessProgram.floorDivMod(x.constantValue ?? .zero, y.constantValue ?? .one, signed: true)
                return .scalar(LC(constant: op == .div ? q : r), .literal)
            }
            if isField {
                if op == .mod { return err("E0325", "'%' is not defined on field elements", span, hint: "cast to an unsigned type first, e.g. u64(x) % m") }
                return .scalar(fieldDiv(x, y, span: span, rspan: rspan), .field)
            }
            guard let bx, let by else { return .poison }
            if by.signed {
                if let k = y.constantValue, !k.signedMagnitude.0 {} else {
                    return err("E0326", "integer division by a signed value is not supported", rspan, hint: "divide by the magnitude (abs) and fix the sign yourself")
                }
            }
            if isZeroConst(y) { return err("E0324", "division by zero", rspan) }
            let (q, r) = intDivMod(x, bx, y, (false, by.signed ? by.bits - 1 : by.bits), span: span, quotientType: quotientType)
            return op == .div ? q : r

        case .eq, .ne:
            let z = isZero(x - y, span: span)
            return .scalar(op == .eq ? z : LC.one - z, .bool)

        case .lt, .le, .gt, .ge:
            guard let bx, let by else {
                return err("E0305", "field elements have no order", span, hint: "cast both sides to an integer type first, e.g. u64(a) < u64(b)")
            }
            let j = join(bx, by)
            guard j.bits <= 252 else { return err("E0303", "comparison of \(j.bits)-bit values is not supported", span, hint: "values must be below 2^252") }
            switch op {
            case .lt: return .scalar(less(x, y, j, span: span), .bool)
            case .gt: return .scalar(less(y, x, j, span: span), .bool)
            case .le: return .scalar(LC.one - less(y, x, j, span: span), .bool)
            default: return .scalar(LC.one - less(x, y, j, span: span), .bool)
            }

        case .and, .or, .xor:
            if tx == .bool && ty == .bool || (op == .xor && tx == .bool && ty == .bool) {
                switch op {
                case .and: return .scalar(mul(x, y), .bool)
                case .or: return .scalar(x + y - mul(x, y), .bool)
                default: return .scalar(x + y - mul(x, y).scaled(Fr(2)), .bool)
                }
            }
            if op == .xor, hintMode > 0 || bothConst { return bitop(2, x, y, tx, ty) }
            return err("E0327", "'\(op.rawValue)' needs two bools, found \(tx) and \(ty)", span,
                       hint: op == .xor ? "for integers use to_bits and combine the bits" : "compare first, e.g. (a == b) && (c < d)")

        case .band, .bor:
            if tx == .bool && ty == .bool {
                return op == .band ? .scalar(mul(x, y), .bool) : .scalar(x + y - mul(x, y), .bool)
            }
            if hintMode > 0 || bothConst { return bitop(op == .band ? 0 : 1, x, y, tx, ty) }
            return err("E0327", "bitwise '\(op.rawValue)' on integers needs their bits", span, hint: "use to_bits(x, n) and combine the bits, or compute it in a hint and constrain it")

        case .shl, .shr:
            guard let k = y.constantValue else {
                if hintMode > 0 { return bitop(op == .shl ? 3 : 4, x, y, tx, ty) }
                return err("E0328", "shift amounts must be known at compile time", rspan, hint: nil)
            }
            let s = U256(k)
            guard s.bitLength <= 8, Int(s.l.0) <= 253 else { return err("E0328", "shift amount is too large", rspan) }
            let n = Int(s.l.0)
            if bothConst || hintMode > 0, tx == .literal || hintMode > 0 {
                if bothConst { return .scalar(LC(constant: op == .shl ? (x.constantValue ?? .zero) * Fr.pow2(n) : (U256(x.constantValue ?? .zero).shiftedRight(n).fr ?? .zero)), .literal) }
                return bitop(op == .shl ? 3 : 4, x, y, tx, ty)
            }
            if isField {
                if op == .shl { return .scalar(x.scaled(Fr.pow2(n)), .field) }
                return err("E0325", "'>>' is not defined on field elements", span, hint: "cast to an unsigned type first")
            }
            guard let bx else { return .poison }
            if op == .shl {
                guard let t = checkWidth(intType((bx.signed, bx.bits + n)), span) else { return .poison }
                return .scalar(x.scaled(Fr.pow2(n)), t)
            }
            if bx.signed { return err("E0326", "'>>' on a signed value is not supported", span, hint: "use floor division x / 2^k") }
            return intDivMod(x, bx, LC(constant: Fr.pow2(n)), (false, n + 1), span: span).0
        }
    }

    func isZeroConst(_ l: LC) -> Bool { l.constantValue?.isZero ?? false }

    func bitop(_ op: UInt8, _ x: LC, _ y: LC, _ tx: ScalarType, _ ty: ScalarType) -> Value {
        let t: ScalarType = tx == .literal ? ty : tx
        if let a = x.constantValue, let b = y.constantValue {
            let u = U256(a), v = U256(b)
            let r: U256
            switch op { case 0: r = u & v; case 1: r = u | v; case 2: r = u ^ v; case 3: r = u.shiftedLeft(Int(v.l.0)); default: r = u.shiftedRight(Int(v.l.0)) }
            return .scalar(LC(constant: Fr(reducingU256: r)), t)
        }
        let d = newSignal(.hintTemp)
        instrs.append(.bitop(dst: d, op: op, x, y))
        return .scalar(LC(signal: d), t)
    }

    /// a / b in the field: b·inv = 1 and q = a·inv (2 constraints; b = 0 is unsatisfiable).
    func fieldDiv(_ a: LC, _ b: LC, span: Span, rspan: Span) -> LC {
        if let k = b.constantValue {
            guard let inv = k.inverse() else { diags.error("E0324", "division by zero", at: rspan, hint: nil); return .zero }
            return a.scaled(inv)
        }
        if hintMode > 0 {
            let d = newSignal(.hintTemp)
            instrs.append(.fdiv(dst: d, a, b))
            return LC(signal: d)
        }
        let inv = newSignal(.internalSignal)
        instrs.append(.checkNonZero(b, msg: message("division by zero", rspan)))
        instrs.append(.inv(dst: inv, b))
        constrain(b, LC(signal: inv), .one, span: span)
        return mul(a, LC(signal: inv))
    }

    /// Floor division of an integer by a positive integer: hints q, r; constraints a = q·b + r,
    /// 0 ≤ r < b, q in a's range. Returns (q, r) values.
    /// With `quotientType` (the declared type of `let q: i64 = a / b`), the quotient is range-checked
    /// to that type directly, a fused checked narrowing.
    func intDivMod(_ a: LC, _ ba: (signed: Bool, bits: Int), _ b: LC, _ bb: (signed: Bool, bits: Int), span: Span,
                   quotientType: ScalarType? = nil) -> (Value, Value) {
        var qt: ScalarType = ba.signed ? .sint(ba.bits) : .uint(ba.bits)
        switch quotientType {
        case .uint(let n)? where n < ba.bits || ba.signed: qt = .uint(n)
        case .sint(let n)? where n < ba.bits + (ba.signed ? 0 : 1): qt = .sint(n)
        default: break
        }
        let rt: ScalarType = .uint(bb.bits)
        if hintMode > 0 {
            let q = newSignal(.hintTemp), r = newSignal(.hintTemp)
            instrs.append(.divmod(q: q, r: r, a, b, signed: ba.signed))
            return (.scalar(LC(signal: q), qt), .scalar(LC(signal: r), rt))
        }
        instrs.append(.checkNonZero(b, msg: message("division by zero", span)))
        let q = newSignal(.hintOutput), r = newSignal(.hintOutput)
        instrs.append(.divmod(q: q, r: r, a, b, signed: ba.signed))
        let ql = LC(signal: q), rl = LC(signal: r)
        // a = q·b + r
        if let k = b.constantValue { linear(a - ql.scaled(k) - rl, span: span) }
        else { constrain(ql, b, a - rl, span: span) }
        enforce(ql, qt, span: span, what: "quotient")
        // 0 ≤ r < b
        if let k = b.constantValue, U256(k).bitLength >= 1, U256(k) == U256.pow2(U256(k).bitLength - 1) {
            enforce(rl, .uint(U256(k).bitLength - 1), span: span, what: "remainder")
        } else {
            enforce(rl, rt, span: span, what: "remainder")
            let lt = less(rl, b, (false, bb.bits), span: span)
            linear(lt - .one, span: span, what: "remainder < divisor")
        }
        let rType: ScalarType
        if let k = b.constantValue { rType = .uint(max(1, U256(k - .one).bitLength)) } else { rType = rt }
        // Euclidean division is unique given 0 ≤ r < b: the lint may treat q, r as determined by a, b.
        gadgetRules.append((targets: [q, r], deps: (a + b).terms.map(\.w).filter { $0 != 0 }))
        return (.scalar(ql, qt), .scalar(rl, rType))
    }

    /// a < b for integers within bound j: n+1 constraints (circomlib LessThan).
    func less(_ a: LC, _ b: LC, _ j: (signed: Bool, bits: Int), span: Span) -> LC {
        if let x = a.constantValue, let y = b.constantValue {
            let (nx, mx) = x.signedMagnitude, (ny, my) = y.signedMagnitude
            let lt = j.signed ? (nx != ny ? nx : (nx ? my < mx : mx < my)) : U256(x) < U256(y)
            return LC(constant: lt ? .one : .zero)
        }
        if hintMode > 0 {
            let d = newSignal(.hintTemp)
            instrs.append(.less(dst: d, a, b, signed: j.signed))
            return LC(signal: d)
        }
        let n = j.bits
        // signed: compare a + 2^(n-1) and b + 2^(n-1) as unsigned; the shift cancels in a − b.
        let x = a - b + LC(constant: Fr.pow2(n))
        let bits = rangeCheck(x, bits: n + 1, signed: false, span: span, what: "comparison")
        return LC.one - bits[n]
    }
}
