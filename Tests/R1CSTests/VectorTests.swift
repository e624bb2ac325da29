import XCTest
import Foundation
import BN254
@testable import R1CS

/// Tests against circom/snarkjs/r1csfile artefacts in ../shared/vectors (see its README for the
/// expected values quoted here). Skipped with a reason when the vectors are absent.
final class VectorTests: XCTestCase {
    /// Folder, r1cs file, wtns file (if any), and the README's header counts.
    struct Case {
        let r1cs: String
        let wtns: String?
        let nWires: Int?, nPubOut: Int, nPubIn: Int, nPrvIn: Int?, m: Int
    }

    static let snarkjs: [Case] = [
        // Multiplier(100): 100 constraints, nVars 103, nPublic 1 (the output); inputs a, b private.
        Case(r1cs: "snarkjs/groth16_2023/circuit.r1cs", wtns: "snarkjs/groth16_2023/witness.wtns",
             nWires: 103, nPubOut: 1, nPubIn: 0, nPrvIn: 2, m: 100),
        // c = a·b, public [33], map [0,3,1,2].
        Case(r1cs: "snarkjs/ark_mycircuit_2021/mycircuit.r1cs", wtns: "snarkjs/ark_mycircuit_2021/witness.wtns",
             nWires: 4, nPubOut: 1, nPubIn: 0, nPrvIn: 2, m: 1),
        Case(r1cs: "snarkjs/ark_mycircuit_2024/mycircuit.r1cs", wtns: nil,
             nWires: 4, nPubOut: 1, nPubIn: 0, nPrvIn: 2, m: 1),
        // Multiplier(1000) with public [a]: 1000 constraints, nWires 1003, nPublic 2 (c, then a).
        Case(r1cs: "snarkjs/groth16/circuit.r1cs", wtns: "snarkjs/groth16/witness.wtns",
             nWires: 1003, nPubOut: 1, nPubIn: 1, nPrvIn: 1, m: 1000),
        // Multiplier(1000), circom-1, no public inputs (nPublic 1); a, b private.
        Case(r1cs: "snarkjs/circuit/circuit.r1cs", wtns: nil,
             nWires: nil, nPubOut: 1, nPubIn: 0, nPrvIn: 2, m: 1000),
        // 1000 constraints, nPubOut 1, nPubIn 3, nPrvIn 0.
        Case(r1cs: "snarkjs/circuit2/circuit.r1cs", wtns: "snarkjs/circuit2/witness.wtns",
             nWires: nil, nPubOut: 1, nPubIn: 3, nPrvIn: 0, m: 1000),
        // 4 constraints, 7 wires, public [7776, 1]: output c, public input a; b private.
        Case(r1cs: "snarkjs/plonk_circuit/circuit.r1cs", wtns: "snarkjs/plonk_circuit/witness.wtns",
             nWires: 7, nPubOut: 1, nPubIn: 1, nPrvIn: 1, m: 4),
    ]

    /// Section ids in file order, read with a minimal independent walk of the container.
    static func sectionOrder(_ b: [UInt8]) -> [UInt32] {
        func u32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[o + $1]) << (8 * UInt32($1)) } }
        func u64(_ o: Int) -> Int { Int((0..<8).reduce(UInt64(0)) { $0 | UInt64(b[o + $1]) << (8 * UInt64($1)) }) }
        var ids: [UInt32] = []
        var o = 12
        for _ in 0..<Int(u32(8)) { ids.append(u32(o)); o += 12 + u64(o + 4) }
        return ids
    }

    /// Section id → payload bytes.
    static func sectionPayloads(_ b: [UInt8]) -> [UInt32: [UInt8]] {
        func u32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[o + $1]) << (8 * UInt32($1)) } }
        func u64(_ o: Int) -> Int { Int((0..<8).reduce(UInt64(0)) { $0 | UInt64(b[o + $1]) << (8 * UInt64($1)) }) }
        var out: [UInt32: [UInt8]] = [:]
        var o = 12
        for _ in 0..<Int(u32(8)) { let n = u64(o + 4); out[u32(o)] = Array(b[(o + 12)..<(o + 12 + n)]); o += 12 + n }
        return out
    }

    func lc(_ pairs: [(UInt32, UInt64)]) -> LinearCombination {
        LinearCombination(sortedTerms: pairs.map { Term(wire: $0.0, coefficient: Fr($0.1)) })
    }

    func testExampleR1CSExactValues() throws {
        let cs = try R1CSFile.read(path: try Vectors.path("r1csfile/example.r1cs"))
        XCTAssertEqual(cs.nWires, 7)
        XCTAssertEqual(cs.nPublicOutputs, 1); XCTAssertEqual(cs.nPublicInputs, 2); XCTAssertEqual(cs.nPrivateInputs, 3)
        XCTAssertEqual(cs.nLabels, 1000)
        XCTAssertEqual(cs.constraintCount, 3)
        XCTAssertEqual(cs.constraints, [
            Constraint(a: lc([(5, 3), (6, 8)]), b: lc([(0, 2), (2, 20), (3, 12)]), c: lc([(0, 5), (2, 7)])),
            Constraint(a: lc([(1, 4), (4, 8), (5, 3)]), b: lc([(3, 44), (6, 6)]), c: lc([])),
            Constraint(a: lc([(6, 4)]), b: lc([(0, 6), (2, 11), (3, 5)]), c: lc([(6, 600)])),
        ])
        XCTAssertEqual(cs.wireToLabel, [0, 3, 10, 11, 12, 15, 324])
    }

    func testCustomGatesRejected() throws {
        let p = try Vectors.path("r1csfile/circuitCG.r1cs")
        XCTAssertThrowsError(try R1CSFile.read(path: p)) { e in
            guard case .customGates? = e as? R1CSError else { return XCTFail("\(e)") }
            XCTAssertTrue("\(e)".contains("custom gates (PLONK) are not supported"), "\(e)")
            XCTAssertTrue("\(e)".contains("circuitCG.r1cs"), "\(e)")
        }
    }

    func testSnarkjsHeadersAndWitnesses() throws {
        for c in Self.snarkjs {
            let cs = try R1CSFile.read(path: try Vectors.path(c.r1cs))
            if let n = c.nWires { XCTAssertEqual(cs.nWires, n, c.r1cs) }
            XCTAssertEqual(cs.nPublicOutputs, c.nPubOut, c.r1cs)
            XCTAssertEqual(cs.nPublicInputs, c.nPubIn, c.r1cs)
            if let n = c.nPrvIn { XCTAssertEqual(cs.nPrivateInputs, n, c.r1cs) }
            XCTAssertEqual(cs.constraintCount, c.m, c.r1cs)
            guard let wp = c.wtns else { continue }
            let w = try WtnsFile.read(path: try Vectors.path(wp))
            XCTAssertEqual(w.count, cs.nWires, "nWitness == nWires (\(wp))")
            XCTAssertNoThrow(try cs.checkSatisfied(w), wp)
        }
    }

    func testPublicSignalsMatchPublicJSON() throws {
        for (dir, r1cs) in [("snarkjs/groth16_2023", "circuit.r1cs"), ("snarkjs/ark_mycircuit_2021", "mycircuit.r1cs"),
                            ("snarkjs/plonk_circuit", "circuit.r1cs")] {
            let cs = try R1CSFile.read(path: try Vectors.path("\(dir)/\(r1cs)"))
            let w = try WtnsFile.read(path: try Vectors.path("\(dir)/witness.wtns"))
            let json = try JSONSerialization.jsonObject(with: Data(try Vectors.bytes("\(dir)/public.json")))
            let expected = try XCTUnwrap(json as? [String])
            XCTAssertEqual(w.publicSignals(of: cs).map(\.description), expected, dir)
        }
    }

    /// Tampering one wire makes the check fail at the first constraint the slow reference finds,
    /// which must read that wire.
    func testTamperedWitnessesFailAtTheRightConstraint() throws {
        var rng = SplitMix64(seed: 11)
        for c in Self.snarkjs {
            guard let wp = c.wtns else { continue }
            let cs = try R1CSFile.read(path: try Vectors.path(c.r1cs))
            let w = try WtnsFile.read(path: try Vectors.path(wp))
            let constraints = cs.constraints
            for _ in 0..<8 {
                let wire = 1 + Int(rng.next() % UInt64(cs.nWires - 1))
                var bad = w
                bad[wire] += Fr(1 + rng.next() % 50)
                var expected: Int? = nil
                for (i, k) in constraints.enumerated() {
                    if let a = k.a.evaluate(bad), let b = k.b.evaluate(bad), let cc = k.c.evaluate(bad), a * b == cc { continue }
                    expected = i; break
                }
                let got = try cs.firstUnsatisfied(bad)
                XCTAssertEqual(got, expected, "\(wp) wire \(wire)")
                if let i = got {
                    let k = constraints[i]
                    XCTAssertTrue([k.a, k.b, k.c].contains { !$0.coefficient(of: UInt32(wire)).isZero },
                                  "constraint \(i) fails but does not read wire \(wire)")
                    XCTAssertThrowsError(try cs.checkSatisfied(bad)) {
                        guard case let R1CSError.unsatisfied(index, _, _, _, _, _)? = $0 as? R1CSError else { return XCTFail("\($0)") }
                        XCTAssertEqual(index, i)
                    }
                }
            }
        }
    }

    func testLabelMapPermutationAndSectionOrder() throws {
        let b21 = try Vectors.bytes("snarkjs/ark_mycircuit_2021/mycircuit.r1cs")
        XCTAssertEqual(Self.sectionOrder(b21), [1, 2, 3])
        let cs21 = try R1CSFile.decode(b21)
        XCTAssertEqual(cs21.wireToLabel, [0, 3, 1, 2])
        XCTAssertEqual((0..<4).map { cs21.label(ofWire: $0) }, [0, 3, 1, 2])
        XCTAssertNil(cs21.label(ofWire: 4))

        let b24 = try Vectors.bytes("snarkjs/ark_mycircuit_2024/mycircuit.r1cs")
        XCTAssertEqual(Self.sectionOrder(b24), [2, 1, 3])
        let cs24 = try R1CSFile.decode(b24)
        XCTAssertNil(cs24.wireToLabel, "circom 2 writes the identity map")
        XCTAssertEqual(cs24.constraintCount, 1)
        // The 2021 witness [1, 33, 3, 11] satisfies the 2024 compilation of the same circuit.
        let w = try WtnsFile.read(path: try Vectors.path("snarkjs/ark_mycircuit_2021/witness.wtns"))
        XCTAssertEqual(w.values, [Fr(1), Fr(33), Fr(3), Fr(11)])
        XCTAssertTrue(cs24.isSatisfied(by: w))
        // Re-encoding puts the sections in canonical order; the content is unchanged.
        let re = R1CSFile.encode(cs24)
        XCTAssertEqual(Self.sectionOrder(re), [1, 2, 3])
        XCTAssertEqual(try R1CSFile.decode(re), cs24)
        XCTAssertEqual(re.count, b24.count)
    }

    func testByteExactRoundTrips() throws {
        var r1csFiles = Self.snarkjs.map(\.r1cs)
        r1csFiles.append("r1csfile/example.r1cs")
        var exact = 0
        for f in r1csFiles {
            let bytes = try Vectors.bytes(f)
            let cs = try R1CSFile.decode(bytes, file: f)
            let re = R1CSFile.encode(cs)
            if Self.sectionOrder(bytes) == [1, 2, 3] {
                XCTAssertEqual(re, bytes, "\(f) must round-trip byte for byte")
                exact += 1
            } else {
                // circom 2's order 2,1,3: every section payload must still be byte-identical.
                XCTAssertEqual(Self.sectionPayloads(re), Self.sectionPayloads(bytes), f)
                XCTAssertEqual(try R1CSFile.decode(re), cs, f)
            }
        }
        XCTAssertEqual(exact, 4, "example, ark_mycircuit_2021, circuit, plonk_circuit are in order 1,2,3")
        for f in Self.snarkjs.compactMap(\.wtns) {
            let bytes = try Vectors.bytes(f)
            XCTAssertEqual(Self.sectionOrder(bytes), [1, 2], f)
            XCTAssertEqual(WtnsFile.encode(try WtnsFile.decode(bytes, file: f)), bytes, "\(f) must round-trip byte for byte")
        }
    }

    func testSymOfSnarkjsGroth16() throws {
        let bytes = try Vectors.bytes("snarkjs/groth16/circuit.sym")
        let sym = try SymFile.decode(bytes, file: "circuit.sym")
        XCTAssertEqual(sym.entries.count, 1003)
        XCTAssertEqual(sym.entries.first, Symbol(labelId: 1, wireId: 1, componentId: 0, name: "main.c"))
        XCTAssertEqual(sym.entries.last, Symbol(labelId: 1003, wireId: -1, componentId: 0, name: "main.int[999]"))
        XCTAssertEqual(sym.name(ofWire: 2), "main.a")
        XCTAssertEqual(sym.name(ofWire: 3), "main.b")
        XCTAssertEqual(sym.wire(named: "main.int[0]"), 4)
        XCTAssertNil(sym.wire(named: "main.int[999]"), "removed by the optimiser")
        XCTAssertEqual(SymFile.encode(sym), bytes, "byte-exact round trip")

        let cs = try R1CSFile.read(path: try Vectors.path("snarkjs/groth16/circuit.r1cs"))
        XCTAssertNoThrow(try sym.validate(against: cs))
        let w = try WtnsFile.read(path: try Vectors.path("snarkjs/groth16/witness.wtns"))
        // input {a: 11, b: 2}: the names point at the right witness entries.
        XCTAssertEqual(w[try XCTUnwrap(sym.wire(named: "main.a"))], Fr(11))
        XCTAssertEqual(w[try XCTUnwrap(sym.wire(named: "main.b"))], Fr(2))
        XCTAssertEqual(w[try XCTUnwrap(sym.wire(named: "main.int[0]"))], Fr(11 * 11 + 2))
        // A failure message names the tampered signal.
        var bad = w
        let wire = try XCTUnwrap(sym.wire(named: "main.int[5]"))
        bad[wire] += .one
        XCTAssertThrowsError(try cs.checkSatisfied(bad, labels: nil, symbols: sym)) { e in
            XCTAssertTrue("\(e)".contains("main.int[5]"), "\(e)")
        }
    }
}
