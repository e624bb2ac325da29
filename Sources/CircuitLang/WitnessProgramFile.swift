import BN254
import Foundation

/// The `.zkw` witness-program file (our own format), little-endian throughout:
///
///     magic "zkw1", u32 version (1), u32 slotCount
///     u32 nMessages, then per message: string            (string = u32 byte length + UTF-8)
///     u32 nInputs, then per input: string name, u8 public, string type, u8 scalar tag, u32 scalar bits,
///                                  u32 nDims + u32 dims…, u32 nSlots + u32 slots…
///     u32 nOutputs, then per output: string name, u32 nDims + dims…, u32 nSlots + slots…
///     u32 nWires + u32 slot per wire (circom wire order)
///     u32 nInstructions, then per instruction: u8 opcode + operands
///         LC = u32 nTerms + nTerms × (u32 slot, 32-byte canonical LE coefficient)
///         0 lin(dst, LC)  1 mul(dst, LC, LC)  2 inv(dst, LC)  3 fdiv(dst, LC, LC)
///         4 divmod(q, r, LC, LC, u8 signed)  5 bits(dst0, u32 n, LC, u8 signed)  6 isZero(dst, LC)
///         7 less(dst, LC, LC, u8 signed)  8 bitop(dst, u8 op, LC, LC)  9 checkEq(LC, LC, msg)
///         10 checkRange(LC, u32 n, u8 signed, msg)  11 checkNonZero(LC, msg)
///
/// The reader checks every count against the bytes left, every slot against slotCount, every
/// coefficient against r and every message index, so a corrupt file is rejected, never trapped on.
enum WitnessProgramFile {
    static let magic: [UInt8] = Array("zkw1".utf8)

    struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
        mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
        mutating func int(_ v: Int) { u32(UInt32(truncatingIfNeeded: v)) }
        mutating func string(_ s: String) { let u = Array(s.utf8); int(u.count); bytes.append(contentsOf: u) }
        mutating func lc(_ l: LC) {
            int(l.terms.count)
            for t in l.terms { u32(t.w); bytes.append(contentsOf: t.c.bytesLE) }
        }
    }

    struct Reader {
        let b: [UInt8]
        var p = 0
        var slotCount = Int.max
        var messageCount = Int.max
        func fail(_ m: String) -> CircuitLangError { .badWitnessProgram("\(m) (at byte \(p))") }
        mutating func u8() throws -> UInt8 {
            guard p < b.count else { throw fail("unexpected end of file") }
            p += 1
            return b[p - 1]
        }
        mutating func u32() throws -> UInt32 {
            guard p + 4 <= b.count else { throw fail("unexpected end of file") }
            var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(b[p + i]) << (8 * UInt32(i)) }
            p += 4
            return v
        }
        /// A count, each element needing at least `minBytes` bytes.
        mutating func count(_ minBytes: Int, _ what: String) throws -> Int {
            let n = Int(try u32())
            guard n * max(1, minBytes) <= b.count - p else { throw fail("\(what) count \(n) exceeds the file size") }
            return n
        }
        mutating func slot() throws -> Int32 {
            let v = Int(try u32())
            guard v < slotCount else { throw fail("slot \(v) out of range (slotCount \(slotCount))") }
            return Int32(v)
        }
        mutating func msg() throws -> Int32 {
            let v = Int(try u32())
            guard v < messageCount else { throw fail("message index \(v) out of range") }
            return Int32(v)
        }
        mutating func flag() throws -> Bool {
            let v = try u8()
            guard v <= 1 else { throw fail("flag byte \(v) is not 0 or 1") }
            return v == 1
        }
        mutating func string() throws -> String {
            let n = try count(1, "string length")
            let s = String(decoding: b[p..<(p + n)], as: UTF8.self)
            p += n
            return s
        }
        mutating func lc() throws -> LC {
            let n = try count(36, "term")
            var terms: [Term] = []
            terms.reserveCapacity(n)
            for _ in 0..<n {
                let w = try slot()
                guard p + 32 <= b.count else { throw fail("unexpected end of file") }
                let c: Fr
                do { c = try Fr(bytesLE: b[p..<(p + 32)]) } catch { throw fail("coefficient is not below r") }
                p += 32
                if let last = terms.last, last.w >= w { throw fail("linear-combination terms are not sorted by slot") }
                terms.append(Term(w: w, c: c))
            }
            return LC(terms: terms)
        }
    }

    static func encode(_ prog: WitnessProgram) -> [UInt8] {
        var w = Writer()
        w.bytes = magic
        w.u32(UInt32(1))
        w.int(prog.slotCount)
        w.int(prog.messages.count)
        for m in prog.messages { w.string(m) }
        w.int(prog.inputs.count)
        for i in prog.inputs {
            w.string(i.name); w.u8(i.isPublic ? 1 : 0); w.string(i.type)
            switch i.scalar {
            case .field, .literal: w.u8(0); w.int(0)
            case .bool: w.u8(1); w.int(1)
            case .uint(let n): w.u8(2); w.int(n)
            case .sint(let n): w.u8(3); w.int(n)
            }
            w.int(i.shape.count); i.shape.forEach { w.int($0) }
            w.int(i.slots.count); i.slots.forEach { w.u32($0) }
        }
        w.int(prog.outputs.count)
        for o in prog.outputs {
            w.string(o.name)
            w.int(o.shape.count); o.shape.forEach { w.int($0) }
            w.int(o.slots.count); o.slots.forEach { w.u32($0) }
        }
        w.int(prog.wireSlots.count); prog.wireSlots.forEach { w.u32($0) }
        w.int(prog.instructions.count)
        for ins in prog.instructions {
            switch ins {
            case .lin(let d, let a): w.u8(0); w.u32(d); w.lc(a)
            case .mul(let d, let a, let b): w.u8(1); w.u32(d); w.lc(a); w.lc(b)
            case .inv(let d, let a): w.u8(2); w.u32(d); w.lc(a)
            case .fdiv(let d, let a, let b): w.u8(3); w.u32(d); w.lc(a); w.lc(b)
            case .divmod(let q, let r, let a, let b, let s): w.u8(4); w.u32(q); w.u32(r); w.lc(a); w.lc(b); w.u8(s ? 1 : 0)
            case .bits(let d, let n, let a, let s): w.u8(5); w.u32(d); w.u32(n); w.lc(a); w.u8(s ? 1 : 0)
            case .isZero(let d, let a): w.u8(6); w.u32(d); w.lc(a)
            case .less(let d, let a, let b, let s): w.u8(7); w.u32(d); w.lc(a); w.lc(b); w.u8(s ? 1 : 0)
            case .bitop(let d, let op, let a, let b): w.u8(8); w.u32(d); w.u8(op); w.lc(a); w.lc(b)
            case .checkEq(let a, let b, let m): w.u8(9); w.lc(a); w.lc(b); w.u32(m)
            case .checkRange(let a, let n, let s, let m): w.u8(10); w.lc(a); w.u32(n); w.u8(s ? 1 : 0); w.u32(m)
            case .checkNonZero(let a, let m): w.u8(11); w.lc(a); w.u32(m)
            }
        }
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> WitnessProgram {
        var r = Reader(b: bytes)
        guard bytes.count >= 12, Array(bytes[0..<4]) == magic else { throw CircuitLangError.badWitnessProgram("not a .zkw file (magic 'zkw1' missing)") }
        r.p = 4
        let version = try r.u32()
        guard version == 1 else { throw r.fail("unsupported version \(version)") }
        let slotCount = Int(try r.u32())
        guard slotCount >= 1, slotCount <= 1 << 31 else { throw r.fail("bad slot count \(slotCount)") }
        let nm = try r.count(4, "message")
        var messages: [String] = []
        for _ in 0..<nm { messages.append(try r.string()) }
        r.messageCount = nm
        r.slotCount = slotCount
        var inputs: [InputDecl] = []
        for _ in 0..<(try r.count(14, "input")) {
            let name = try r.string(), pub = try r.flag(), type = try r.string()
            let tag = try r.u8(), bits = Int(try r.u32())
            let scalar: ScalarType
            switch tag {
            case 0: scalar = .field
            case 1: scalar = .bool
            case 2 where (1...252).contains(bits): scalar = .uint(bits)
            case 3 where (2...252).contains(bits): scalar = .sint(bits)
            default: throw r.fail("bad scalar type \(tag)/\(bits) for input \(name)")
            }
            var shape: [Int] = []
            for _ in 0..<(try r.count(4, "dimension")) { shape.append(Int(try r.u32())) }
            var slots: [Int32] = []
            for _ in 0..<(try r.count(4, "slot")) { slots.append(try r.slot()) }
            var product = 1
            for d in shape {
                let (m, o) = product.multipliedReportingOverflow(by: d)
                guard !o else { throw r.fail("input \(name): shape \(shape) is too large") }
                product = m
            }
            guard slots.count == product else { throw r.fail("input \(name): \(slots.count) slots for shape \(shape)") }
            inputs.append(InputDecl(name: name, isPublic: pub, type: type, shape: shape, scalar: scalar, slots: slots))
        }
        var outputs: [OutputDecl] = []
        for _ in 0..<(try r.count(12, "output")) {
            let name = try r.string()
            var shape: [Int] = []
            for _ in 0..<(try r.count(4, "dimension")) { shape.append(Int(try r.u32())) }
            var slots: [Int32] = []
            for _ in 0..<(try r.count(4, "slot")) { slots.append(try r.slot()) }
            outputs.append(OutputDecl(name: name, shape: shape, slots: slots))
        }
        var wires: [Int32] = []
        for _ in 0..<(try r.count(4, "wire")) { wires.append(try r.slot()) }
        guard wires.first == 0 else { throw r.fail("wire 0 must be slot 0 (the constant 1)") }
        let ni = try r.count(6, "instruction")
        var instrs: [Instr] = []
        instrs.reserveCapacity(ni)
        for _ in 0..<ni {
            let op = try r.u8()
            switch op {
            case 0: instrs.append(.lin(dst: try r.slot(), try r.lc()))
            case 1: instrs.append(.mul(dst: try r.slot(), try r.lc(), try r.lc()))
            case 2: instrs.append(.inv(dst: try r.slot(), try r.lc()))
            case 3: instrs.append(.fdiv(dst: try r.slot(), try r.lc(), try r.lc()))
            case 4: instrs.append(.divmod(q: try r.slot(), r: try r.slot(), try r.lc(), try r.lc(), signed: try r.flag()))
            case 5:
                let d = try r.slot(), n = Int(try r.u32())
                guard n >= 1, n <= 253, Int(d) + n <= slotCount else { throw r.fail("bad bit count \(n)") }
                instrs.append(.bits(dst0: d, n: Int32(n), try r.lc(), signed: try r.flag()))
            case 6: instrs.append(.isZero(dst: try r.slot(), try r.lc()))
            case 7: instrs.append(.less(dst: try r.slot(), try r.lc(), try r.lc(), signed: try r.flag()))
            case 8:
                let d = try r.slot(), o = try r.u8()
                guard o <= 4 else { throw r.fail("bad bit operation \(o)") }
                instrs.append(.bitop(dst: d, op: o, try r.lc(), try r.lc()))
            case 9: instrs.append(.checkEq(try r.lc(), try r.lc(), msg: try r.msg()))
            case 10:
                let a = try r.lc(), n = Int(try r.u32())
                guard n >= 1, n <= 253 else { throw r.fail("bad range width \(n)") }
                instrs.append(.checkRange(a, n: Int32(n), signed: try r.flag(), msg: try r.msg()))
            case 11: instrs.append(.checkNonZero(try r.lc(), msg: try r.msg()))
            default: throw r.fail("unknown opcode \(op)")
            }
        }
        guard r.p == bytes.count else { throw r.fail("\(bytes.count - r.p) trailing bytes") }
        return WitnessProgram(slotCount: slotCount, instructions: instrs, messages: messages, inputs: inputs, outputs: outputs, wireSlots: wires)
    }
}

extension WitnessProgram {
    /// The `.zkw` bytes.
    public func serialized() -> [UInt8] { WitnessProgramFile.encode(self) }

    /// Parses `.zkw` bytes; throws `badWitnessProgram` for anything malformed.
    public init(serialized bytes: [UInt8]) throws { self = try WitnessProgramFile.decode(bytes) }

    public func write(to path: String) throws {
        do { try Data(serialized()).write(to: URL(fileURLWithPath: path)) } catch {
            throw CircuitLangError.cannotRead(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    public static func read(path: String) throws -> WitnessProgram {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CircuitLangError.cannotRead(path: path, reason: error.localizedDescription)
        }
        return try WitnessProgram(serialized: [UInt8](data))
    }

    /// Reads inputs from a JSON object file (snarkjs input.json style) and evaluates.
    public func evaluate(inputJSONPath path: String) throws -> [Fr] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CircuitLangError.cannotRead(path: path, reason: error.localizedDescription)
        }
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CircuitLangError.badJSON("\(path) is not a JSON object")
        }
        return try evaluate(json: obj)
    }
}
