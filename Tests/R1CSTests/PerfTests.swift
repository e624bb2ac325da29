import XCTest
import Foundation
import BN254
@testable import R1CS

/// Timings at 10⁶ constraints. Too slow for every CI run on a shared 2-core machine, so it runs
/// only with ZKCLEAR_PERF=1 (constraint count overridable with ZKCLEAR_PERF_N).
final class PerfTests: XCTestCase {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    func testMillionConstraintTimings() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["ZKCLEAR_PERF"] == "1" else { throw XCTSkip("set ZKCLEAR_PERF=1 to run the 10⁶-constraint timings") }
        let n = Int(env["ZKCLEAR_PERF_N"] ?? "") ?? 1_000_000
        var cs = ConstraintSystem(unchecked: 0, 0, 0, 1, 1, [], [0], nil)
        var w = Witness(values: [])
        let tGen = seconds { (cs, w) = R1CSFixtures.multiplicationChain(constraints: n) }

        // The compiler's path: the same chain through the builder (scrambled creation order).
        var built: BuiltConstraintSystem? = nil
        let tBuild = try seconds {
            var b = ConstraintSystemBuilder()
            b.reserveCapacity(constraints: n, terms: 4 * n)
            var x = [UInt32](repeating: 0, count: n + 1)
            for i in 1..<n { x[i] = b.newWire(kind: .intermediate) }
            x[n] = b.newWire(kind: .publicOutput, name: "out")
            x[0] = b.newWire(kind: .privateInput, name: "x0")
            for i in 0..<n {
                let xi = LinearCombination(wire: x[i])
                var bi = xi
                bi.addTerm(wire: 0, coefficient: Fr(UInt64(i + 1)))
                try b.addConstraint(xi, bi, LinearCombination(wire: x[i + 1]), label: "chain")
            }
            built = try b.build()
        }
        XCTAssertEqual(built?.system.terms, cs.terms)

        var bytes: [UInt8] = []
        let tEncode = seconds { bytes = R1CSFile.encode(cs) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perf-\(getpid()).r1cs").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tWrite = try seconds { try R1CSFile.write(cs, to: path) }
        var back: ConstraintSystem? = nil
        let tRead = try seconds { back = try R1CSFile.read(path: path) }
        XCTAssertEqual(back, cs)
        var tDecode = Double.infinity
        for _ in 0..<3 { tDecode = min(tDecode, try seconds { _ = try R1CSFile.decode(bytes) }) }
        let tCheck = try seconds { XCTAssertNil(try cs.firstUnsatisfied(w)) }
        var wb: [UInt8] = []
        let tWtns = try seconds { wb = WtnsFile.encode(w); _ = try WtnsFile.decode(wb) }
        print(String(format: """
            R1CS perf, n = %d constraints (%d wires, %d terms, file %.1f MB):
              generate fixture   %.3f s
              builder + build    %.3f s
              encode             %.3f s
              write file         %.3f s
              read file (parse)  %.3f s
              decode from memory %.3f s (best of 3)
              satisfaction check %.3f s
              wtns encode+decode %.3f s
            """, n, cs.nWires, cs.terms.count, Double(bytes.count) / 1e6, tGen, tBuild, tEncode, tWrite,
                     tRead, tDecode, tCheck, tWtns))
    }
}
