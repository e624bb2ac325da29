import XCTest
import BN254
@testable import CircuitLang

/// Typed operators agree with Swift integer arithmetic on random values (an independent oracle),
/// and every tampered result is rejected.
final class ArithmeticTests: XCTestCase {
    func testOperatorsMatchSwiftIntegers() throws {
        let c = try compileSource("""
        circuit A {
            input a: i32; input b: i32; input u: u32; input v: u32;
            output add: i33 = a + b;
            output sub: i33 = a - b;
            output mul: i63 = a * b;
            output udiv: u32 = u / v;
            output umod: u32 = u % v;
            output sdiv: i32 = a / v;
            output smod: u32 = a % v;
            output lt: bool = a < b;
            output le: bool = a <= b;
            output gt: bool = u > v;
            output ge: bool = u >= v;
            output eq: bool = a == b;
            output ne: bool = u != v;
            output mixed: bool = a < u;
            output shl: u35 = u << 3;
            output shr: u32 = u >> 5;
            output neg: i33 = -a;
        }
        """)
        var rng = SystemRandomNumberGenerator()
        func fl(_ x: Int, _ y: Int) -> (Int, Int) { var q = x / y; var r = x % y; if r < 0 { q -= 1; r += y }; return (q, r) }
        for trial in 0..<150 {
            var a = Int(Int32.random(in: .min ... .max, using: &rng)), b = Int(Int32.random(in: .min ... .max, using: &rng))
            let u = Int(UInt32.random(in: 0 ... .max, using: &rng))
            var v = Int(UInt32.random(in: 1 ... .max, using: &rng))
            if trial % 5 == 0 { b = a }
            if trial % 7 == 0 { v = Int.random(in: 1...9, using: &rng); a = Int.random(in: -30...30, using: &rng) }
            let w = try c.witness(["a": num(a), "b": num(b), "u": num(u), "v": num(v)])
            let expect: [String: Int] = [
                "add": a + b, "sub": a - b, "mul": a * b, "udiv": u / v, "umod": u % v,
                "sdiv": fl(a, v).0, "smod": fl(a, v).1, "lt": a < b ? 1 : 0, "le": a <= b ? 1 : 0,
                "gt": u > v ? 1 : 0, "ge": u >= v ? 1 : 0, "eq": a == b ? 1 : 0, "ne": u != v ? 1 : 0,
                "mixed": a < u ? 1 : 0, "shl": u << 3, "shr": u >> 5, "neg": -a,
            ]
            for (name, e) in expect {
                XCTAssertEqual(w[c.outputWire(name)], fr(e), "\(name) a=\(a) b=\(b) u=\(u) v=\(v)")
                if trial < 20 {
                    var bad = w
                    bad[c.outputWire(name)] += .one
                    XCTAssertFalse(c.isSatisfied(bad), "tampered \(name)")
                }
            }
        }
    }
}
