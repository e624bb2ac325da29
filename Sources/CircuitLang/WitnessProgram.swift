import BN254

/// One witness-program instruction. Slots are signal numbers (slot 0 = 1). Hints compute values
/// outside the constraints; `check*` instructions reproduce the circuit's asserts and range checks
/// at witness time so a bad input is reported with a name or a source line instead of producing an
/// unsatisfying witness.
enum Instr {
    case lin(dst: Int32, LC)
    case mul(dst: Int32, LC, LC)
    /// 1/x, or 0 when x = 0.
    case inv(dst: Int32, LC)
    /// a/b in the field, 0 when b = 0.
    case fdiv(dst: Int32, LC, LC)
    /// Floor division of integers (signed reading when `signed`), divisor 0 gives q = r = 0.
    case divmod(q: Int32, r: Int32, LC, LC, signed: Bool)
    /// dst0 … dst0+n−1 = bits of the canonical value of x (little-endian); shifted by 2^(n−1) when signed.
    case bits(dst0: Int32, n: Int32, LC, signed: Bool)
    case isZero(dst: Int32, LC)
    /// Integer comparison a < b (signed reading when `signed`), 1 or 0.
    case less(dst: Int32, LC, LC, signed: Bool)
    /// Integer bit operation on canonical values: 0 and, 1 or, 2 xor, 3 shl, 4 shr.
    case bitop(dst: Int32, op: UInt8, LC, LC)
    /// Witness-time check a == b, failing with message `msg`.
    case checkEq(LC, LC, msg: Int32)
    /// Witness-time check that x is an n-bit unsigned (or signed) integer.
    case checkRange(LC, n: Int32, signed: Bool, msg: Int32)
    /// Witness-time check x ≠ 0.
    case checkNonZero(LC, msg: Int32)
}

/// A declared circuit input: its name, shape and the slots its elements fill (row-major).
public struct InputDecl: Sendable {
    public let name: String
    public let isPublic: Bool
    public let type: String
    public let shape: [Int]
    let scalar: ScalarType
    let slots: [Int32]
}

/// A public output: name, shape and slots.
public struct OutputDecl: Sendable {
    public let name: String
    public let shape: [Int]
    let slots: [Int32]
}

/// Values accepted for an input: a number (decimal string, integer, hex "0x…", negative for signed
/// types) or a nested array matching the declared shape.
public indirect enum InputValue: Sendable {
    case number(String)
    case array([InputValue])
}

/// The serialisable witness generator: evaluate it on inputs to get the witness in wire order.
public struct WitnessProgram: @unchecked Sendable {
    var slotCount: Int
    var instructions: [Instr]
    var messages: [String]
    public internal(set) var inputs: [InputDecl]
    public internal(set) var outputs: [OutputDecl]
    /// For every final wire (in circom order), the slot holding its value.
    var wireSlots: [Int32]

    /// Number of wires of the final witness (including wire 0).
    public var wireCount: Int { wireSlots.count }

    /// Computes every slot. Throws with the input name or the failing assert's source line.
    func run(_ given: [String: InputValue]) throws -> [Fr] {
        var v = [Fr](repeating: .zero, count: slotCount)
        v[0] = .one
        let declared = Set(inputs.map(\.name))
        for k in given.keys.sorted() where !declared.contains(k) { throw CircuitLangError.unexpectedInput(name: k) }
        for inp in inputs {
            guard let raw = given[inp.name] else { throw CircuitLangError.missingInput(name: inp.name) }
            var flat: [String] = []
            try flatten(raw, shape: inp.shape[...], name: inp.name, into: &flat)
            for (i, text) in flat.enumerated() {
                let label = inp.shape.isEmpty ? inp.name : inp.name + indexLabel(i, inp.shape)
                v[Int(inp.slots[i])] = try parseInput(text, scalar: inp.scalar, name: label)
            }
        }
        try v.withUnsafeMutableBufferPointer { buf in
            try execute(buf)
        }
        return v
    }

    func indexLabel(_ flatIndex: Int, _ shape: [Int]) -> String {
        var idx: [Int] = []
        var rest = flatIndex
        for d in shape.reversed() { idx.append(rest % d); rest /= d }
        return idx.reversed().map { "[\($0)]" }.joined()
    }

    func flatten(_ v: InputValue, shape: ArraySlice<Int>, name: String, into out: inout [String]) throws {
        let expected = shape.isEmpty ? "a number" : "an array of " + shape.map(String.init).joined(separator: "×")
        switch v {
        case .number(let s):
            guard shape.isEmpty else { throw CircuitLangError.badInputShape(name: name, expected: expected) }
            out.append(s)
        case .array(let xs):
            guard let n = shape.first, xs.count == n else { throw CircuitLangError.badInputShape(name: name, expected: expected) }
            for x in xs { try flatten(x, shape: shape.dropFirst(), name: name, into: &out) }
        }
    }

    func parseInput(_ text: String, scalar: ScalarType, name: String) throws -> Fr {
        var t = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() }
        guard !t.isEmpty, let mag = U256(literal: t), let f = mag.fr else {
            throw CircuitLangError.inputOutOfRange(name: name, value: text, expected: "an integer in [0, r)")
        }
        let value = negative ? -f : f
        let bits = mag.bitLength
        switch scalar {
        case .field, .literal:
            if negative && mag.isZero == false && !(bits <= 253) {
                throw CircuitLangError.inputOutOfRange(name: name, value: text, expected: "a field element")
            }
        case .bool:
            guard !negative, mag.isZero || mag == U256(1) else {
                throw CircuitLangError.inputOutOfRange(name: name, value: text, expected: "0 or 1 (bool)")
            }
        case .uint(let n):
            guard !negative || mag.isZero, bits <= n else {
                throw CircuitLangError.inputOutOfRange(name: name, value: text, expected: "an unsigned \(n)-bit integer (u\(n)): 0 ≤ x < 2^\(n)")
            }
        case .sint(let n):
            // -2^(n-1) ≤ x < 2^(n-1)
            let ok = negative ? (bits < n || (bits == n && mag == U256.pow2(n - 1))) : bits < n
            guard ok else {
                throw CircuitLangError.inputOutOfRange(name: name, value: text, expected: "a signed \(n)-bit integer (i\(n)): -2^\(n - 1) ≤ x < 2^\(n - 1)")
            }
        }
        return value
    }

    func execute(_ v: UnsafeMutableBufferPointer<Fr>) throws {
        let ro = UnsafeBufferPointer(v)
        for ins in instructions {
            switch ins {
            case .lin(let d, let a): v[Int(d)] = a.evaluate(ro)
            case .mul(let d, let a, let b): v[Int(d)] = a.evaluate(ro) * b.evaluate(ro)
            case .inv(let d, let a): v[Int(d)] = a.evaluate(ro).inverse() ?? .zero
            case .fdiv(let d, let a, let b):
                let bv = b.evaluate(ro)
                v[Int(d)] = (bv.inverse() ?? .zero) * a.evaluate(ro)
            case .divmod(let q, let r, let a, let b, let signed):
                let av = a.evaluate(ro), bv = b.evaluate(ro)
                let (qq, rr) = WitnessProgram.floorDivMod(av, bv, signed: signed)
                v[Int(q)] = qq
                v[Int(r)] = rr
            case .bits(let d0, let n, let a, let signed):
                var x = a.evaluate(ro)
                if signed { x += Fr.pow2(Int(n) - 1) }
                let u = U256(x)
                for i in 0..<Int(n) { v[Int(d0) + i] = u.bit(i) ? .one : .zero }
            case .isZero(let d, let a): v[Int(d)] = a.evaluate(ro).isZero ? .one : .zero
            case .less(let d, let a, let b, let signed):
                let x = a.evaluate(ro), y = b.evaluate(ro)
                let lt: Bool
                if signed {
                    let (nx, mx) = x.signedMagnitude, (ny, my) = y.signedMagnitude
                    if nx != ny { lt = nx } else { lt = nx ? my < mx : mx < my }
                } else { lt = U256(x) < U256(y) }
                v[Int(d)] = lt ? .one : .zero
            case .bitop(let d, let op, let a, let b):
                let x = U256(a.evaluate(ro)), y = U256(b.evaluate(ro))
                let r: U256
                switch op {
                case 0: r = x & y
                case 1: r = x | y
                case 2: r = x ^ y
                case 3: r = y.bitLength > 9 ? .zero : x.shiftedLeft(Int(y.l.0))
                default: r = y.bitLength > 9 ? .zero : x.shiftedRight(Int(y.l.0))
                }
                v[Int(d)] = r.fr ?? Fr(reducingU256: r)
            case .checkEq(let a, let b, let m):
                if a.evaluate(ro) != b.evaluate(ro) {
                    throw CircuitLangError.assertionFailed(location: location(m), message: message(m))
                }
            case .checkRange(let a, let n, let signed, let m):
                var x = a.evaluate(ro)
                if signed { x += Fr.pow2(Int(n) - 1) }
                if U256(x).bitLength > Int(n) {
                    throw CircuitLangError.assertionFailed(location: location(m), message: message(m) + " (value \(a.evaluate(ro).signedDescription))")
                }
            case .checkNonZero(let a, let m):
                if a.evaluate(ro).isZero {
                    throw CircuitLangError.assertionFailed(location: location(m), message: message(m))
                }
            }
        }
    }

    /// Messages are stored as "path:line:col\u{1}text".
    func location(_ m: Int32) -> String {
        let s = Int(m) < messages.count ? messages[Int(m)] : ""
        return s.split(separator: "\u{1}", maxSplits: 1).first.map(String.init) ?? ""
    }
    func message(_ m: Int32) -> String {
        let s = Int(m) < messages.count ? messages[Int(m)] : ""
        let parts = s.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : s
    }

    /// Floor division: a = q·b + r with 0 ≤ r < |b| (signed reading of a and b when `signed`).
    static func floorDivMod(_ a: Fr, _ b: Fr, signed: Bool) -> (Fr, Fr) {
        if b.isZero { return (.zero, .zero) }
        if !signed {
            guard let (q, r) = U256(a).divMod(U256(b)) else { return (.zero, .zero) }
            return (q.fr ?? .zero, r.fr ?? .zero)
        }
        let (na, ma) = a.signedMagnitude, (nb, mb) = b.signedMagnitude
        guard let (q0, r0) = ma.divMod(mb) else { return (.zero, .zero) }
        var q = q0.fr ?? .zero, r = r0.fr ?? .zero
        let bAbs = mb.fr ?? .zero
        if na {
            // -ma = -(q0·mb + r0) = (-q0-1)·mb + (mb - r0) when r0 ≠ 0
            if r.isZero { q = -q } else { q = -q - .one; r = bAbs - r }
        }
        if nb { q = -q }
        return (q, r)
    }

    /// Evaluates the program on the inputs and returns the witness in wire order (wire 0 = 1,
    /// public outputs, public inputs, private signals), ready for a `.wtns` writer.
    public func evaluate(inputs: [String: InputValue]) throws -> [Fr] {
        let v = try run(inputs)
        return wireSlots.map { v[Int($0)] }
    }

    /// Convenience: inputs given as numbers/decimal strings/arrays from JSON (`JSONSerialization`).
    public func evaluate(json: [String: Any]) throws -> [Fr] {
        var ins: [String: InputValue] = [:]
        for (k, v) in json { ins[k] = try InputValue(json: v, name: k) }
        return try evaluate(inputs: ins)
    }

    /// The public outputs by name (flattened), read from a full slot evaluation.
    public func outputValues(inputs: [String: InputValue]) throws -> [String: [Fr]] {
        let v = try run(inputs)
        var out: [String: [Fr]] = [:]
        for o in outputs { out[o.name] = o.slots.map { v[Int($0)] } }
        return out
    }
}

extension InputValue {
    /// From a JSON value: strings, integers, or arrays thereof.
    public init(json: Any, name: String) throws {
        if let s = json as? String { self = .number(s); return }
        if let a = json as? [Any] { self = .array(try a.map { try InputValue(json: $0, name: name) }); return }
        if let n = json as? NSNumber {
            // Reject non-integral numbers (JSON has no big integers; write large values as strings).
            let d = n.doubleValue
            guard d == d.rounded(), abs(d) < 9.0e15 else {
                throw CircuitLangError.inputOutOfRange(name: name, value: n.stringValue, expected: "an integer (write large values as strings)")
            }
            self = .number(String(n.int64Value))
            return
        }
        throw CircuitLangError.badJSON("input '\(name)' must be a number, a string or an array")
    }
}

extension Fr {
    init(reducingU256 u: U256) {
        var x = u
        let m = U256(l: Fr.modulus)
        while !(x < m) { x = U256.subb(x, m).0 }
        self = x.fr ?? .zero
    }
}

import Foundation
