import XCTest
import BN254
@testable import R1CS

/// Hostile input: every truncation, seeded random byte flips, and targeted corruptions of
/// headers, counts, section sizes and values. Decoding must never trap; every rejection must be
/// a typed `R1CSError`.
final class FuzzTests: XCTestCase {
    // Layout of a file written by `R1CSFile.encode` (sections 1, 2, 3):
    // 0 magic, 4 version, 8 nSections, 12 id1, 16 size1, 24 n8, 28 prime, 60 nWires, 64 nPubOut,
    // 68 nPubIn, 72 nPrvIn, 76 nLabels, 84 m, 88 id2, 92 size2, 100 first nTerms, 104 first wire,
    // 108 first coefficient.
    static func sample() -> ([UInt8], [UInt8]) {
        let (cs, w) = R1CSFixtures.multiplicationChain(constraints: 3, input: Fr(7))
        return (R1CSFile.encode(cs), WtnsFile.encode(w))
    }

    func put32(_ b: inout [UInt8], _ o: Int, _ v: UInt32) { for i in 0..<4 { b[o + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(i))) } }
    func put64(_ b: inout [UInt8], _ o: Int, _ v: UInt64) { for i in 0..<8 { b[o + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) } }

    func expectError(_ bytes: [UInt8], wtns: Bool = false, _ message: String,
                     file: StaticString = #filePath, line: UInt = #line, _ check: (R1CSError) -> Bool) {
        do {
            if wtns { _ = try WtnsFile.decode(bytes, file: "fuzz.wtns") } else { _ = try R1CSFile.decode(bytes, file: "fuzz.r1cs") }
            XCTFail("accepted: \(message)", file: file, line: line)
        } catch let e as R1CSError {
            XCTAssertTrue(check(e), "\(message): unexpected \(e)", file: file, line: line)
            XCTAssertFalse(e.description.isEmpty)
        } catch {
            XCTFail("untyped error \(error)", file: file, line: line)
        }
    }

    /// Inputs under fuzz: generated files always, vector files when present.
    func corpus() -> [(name: String, bytes: [UInt8], wtns: Bool)] {
        let (r, w) = Self.sample()
        var out: [(String, [UInt8], Bool)] = [("generated.r1cs", r, false), ("generated.wtns", w, true)]
        for (f, isW) in [("r1csfile/example.r1cs", false), ("snarkjs/ark_mycircuit_2021/mycircuit.r1cs", false),
                         ("snarkjs/ark_mycircuit_2024/mycircuit.r1cs", false), ("snarkjs/plonk_circuit/circuit.r1cs", false),
                         ("snarkjs/ark_mycircuit_2021/witness.wtns", true), ("snarkjs/plonk_circuit/witness.wtns", true),
                         ("r1csfile/circuitCG.r1cs", false)] {
            if let b = try? Vectors.bytes(f) { out.append((f, b, isW)) }
        }
        if out.count == 2 { print("FuzzTests: shared vectors absent; fuzzing generated files only") }
        return out
    }

    func testEveryTruncationIsATypedError() {
        var cases = 0
        for (name, bytes, isW) in corpus() {
            for len in 0..<bytes.count {
                expectError(Array(bytes[0..<len]), wtns: isW, "\(name) truncated to \(len)") { _ in true }
                cases += 1
            }
        }
        XCTAssertGreaterThan(cases, 1000)
    }

    func testRandomByteFlipsNeverTrap() {
        var rng = SplitMix64(seed: 0x5EED)
        var rejected = 0, accepted = 0
        let corpus = corpus()
        for k in 0..<4000 {
            let (_, bytes, isW) = corpus[k % corpus.count]
            var b = bytes
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let i = Int(rng.next() % UInt64(b.count))
                b[i] ^= UInt8(truncatingIfNeeded: 1 + rng.next() % 255)
            }
            do {
                if isW {
                    let w = try WtnsFile.decode(b)
                    XCTAssertEqual(try WtnsFile.decode(WtnsFile.encode(w)), w)
                } else {
                    let cs = try R1CSFile.decode(b)
                    XCTAssertEqual(try R1CSFile.decode(R1CSFile.encode(cs)), cs)
                }
                accepted += 1     // e.g. a flipped coefficient that is still < r
            } catch is R1CSError {
                rejected += 1
            } catch {
                XCTFail("untyped error \(error)")
            }
        }
        XCTAssertGreaterThan(rejected, 1000)
        print("FuzzTests: 4000 flipped files, \(rejected) rejected with R1CSError, \(accepted) still valid")
    }

    func testTargetedR1CSCorruptions() {
        let (good, _) = Self.sample()
        XCTAssertNoThrow(try R1CSFile.decode(good))
        var b: [UInt8]

        b = good; b[0] = 0
        expectError(b, "magic") { e in
            if case .badMagic(_, "r1cs", [0, 0x31, 0x63, 0x73]) = e { return e.description.contains("'\\x001cs'") }
            return false
        }
        expectError(Array("wtns".utf8) + good.dropFirst(4), "wtns magic in r1cs") { if case .badMagic = $0 { return true }; return false }
        for v: UInt32 in [0, 2, 0xFFFF_FFFF] {
            b = good; put32(&b, 4, v)
            expectError(b, "version \(v)") { if case .unsupportedVersion(_, _, v, _) = $0 { return true }; return false }
        }
        b = good; put32(&b, 8, 0x7FFF_FFFF)
        expectError(b, "nSections") { if case .countTooLarge = $0 { return true }; return false }
        b = good; put32(&b, 8, 2)
        expectError(b, "fewer sections than present") { if case .trailingBytes = $0 { return true }; return false }
        // Section sizes: larger than the file, one byte off either way.
        b = good; put64(&b, 16, UInt64.max)
        expectError(b, "huge section size") { if case .truncated = $0 { return true }; return false }
        b = good; put64(&b, 16, 65)
        expectError(b, "header size 65") { _ in true }
        b = good; put64(&b, 16, 63)
        expectError(b, "header size 63") { _ in true }
        b = good; put64(&b, 92, UInt64(UInt32.max) + 7)
        expectError(b, "constraints section size") { if case .truncated = $0 { return true }; return false }
        // Header fields.
        b = good; put32(&b, 24, 64)
        expectError(b, "n8 = 64") { if case .unsupportedFieldSize(_, 64) = $0 { return true }; return false }
        b = good; b[28] ^= 0x02
        expectError(b, "prime") { e in
            if case let .wrongPrime(_, p) = e { return p != ConstraintSystem.prime && e.description.contains("BN254") }
            return false
        }
        b = good; put32(&b, 60, 0)
        expectError(b, "nWires 0") { if case .invalidHeader = $0 { return true }; return false }
        b = good; put32(&b, 64, 0xFFFF_FFFF)
        expectError(b, "nPubOut too large") { if case .invalidHeader = $0 { return true }; return false }
        b = good; put32(&b, 60, 0xFFFF_FFF0); put64(&b, 76, UInt64(0xFFFF_FFF0))
        expectError(b, "nWires not matching the label map") { if case .badSectionSize = $0 { return true }; return false }
        b = good; put64(&b, 76, 1)
        expectError(b, "nLabels < nWires") { if case .invalidHeader(_, "nLabels", _) = $0 { return true }; return false }
        b = good; put32(&b, 84, 0xFFFF_FFFF)
        expectError(b, "mConstraints") { if case .countTooLarge = $0 { return true }; return false }
        b = good; put32(&b, 84, 2)
        expectError(b, "fewer constraints than stored") { if case .badSectionSize = $0 { return true }; return false }
        // Constraint contents.
        b = good; put32(&b, 100, 0x0FFF_FFFF)
        expectError(b, "nTerms") { if case .countTooLarge = $0 { return true }; return false }
        b = good; put32(&b, 104, 99)
        expectError(b, "wire out of range") { if case .wireOutOfRange(_, _, 99, 5) = $0 { return true }; return false }
        // Coefficient exactly r, and r − 1 (still valid).
        b = good; for i in 0..<32 { b[108 + i] = FieldBytes.primeLE[i] }
        expectError(b, "coefficient = r") { e in
            if case let .valueNotCanonical(_, loc) = e { return loc.contains("constraint 0 A term 0") }
            return false
        }
        b = good; for i in 0..<32 { b[108 + i] = FieldBytes.primeLE[i] }; b[108] -= 1
        XCTAssertEqual(try R1CSFile.decode(b).terms[0].coefficient, -Fr.one)
        // B of constraint 0 holds wires 0 and 2 (offset 140 nTerms, 144 wire 0, 180 wire 2): swap → unsorted.
        // Unsorted terms are accepted (circom writes them), kept in file order, and round-trip.
        b = good; put32(&b, 144, 2); put32(&b, 180, 0)
        if let cs = try? R1CSFile.decode(b) {
            XCTAssertEqual(R1CSFile.encode(cs), b)
            XCTAssertEqual(cs.linearCombination(constraint: 0, matrix: .b).wires, [0, 2])
        } else { XCTFail("unsorted terms rejected") }
        // A repeated wire means the sum of its coefficients: B = {0: 1, 0: 1} is 2·w0.
        b = good; put32(&b, 180, 0)
        if let cs = try? R1CSFile.decode(b) {
            XCTAssertEqual(cs.linearCombination(constraint: 0, matrix: .b), LinearCombination.constant(Fr(2)))
        } else { XCTFail("repeated wire rejected") }
        // Sections: missing, duplicated, custom gates, unknown ids.
        b = good; put32(&b, 12, 9)
        expectError(b, "no header") { if case .missingSection(_, 1, _) = $0 { return true }; return false }
        b = good; put32(&b, 88, 1)
        expectError(b, "two headers") { if case .duplicateSection(_, 1) = $0 { return true }; return false }
        b = good; put32(&b, 88, 4)
        expectError(b, "custom gates") { if case .customGates(_, 4) = $0 { return true }; return false }
        var extra = good; put32(&extra, 8, 4); extra += [77, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3]
        XCTAssertNoThrow(try R1CSFile.decode(extra), "unknown sections are skipped")
        expectError(good + [0], "trailing byte") { if case .trailingBytes = $0 { return true }; return false }
        // Label map: label ≥ nLabels (the label map starts after the constraints section).
        let mapOffset = good.count - 8 * 5
        b = good; put64(&b, mapOffset + 8, 5)
        expectError(b, "label ≥ nLabels") { if case .labelOutOfRange(_, 1, 5, 5) = $0 { return true }; return false }
        b = good; put64(&b, mapOffset - 8, 8 * 4)
        expectError(b, "map size") { _ in true }
    }

    func testTargetedWtnsCorruptions() {
        let (_, good) = Self.sample()       // 5 values; header payload at 24, values at 76
        XCTAssertNoThrow(try WtnsFile.decode(good))
        var b: [UInt8]
        b = good; b[3] = 0
        expectError(b, wtns: true, "magic") { if case .badMagic = $0 { return true }; return false }
        b = good; put32(&b, 4, 1)
        XCTAssertNoThrow(try WtnsFile.decode(b), "version 1 shares the layout")
        b = good; put32(&b, 4, 3)
        expectError(b, wtns: true, "version 3") { if case .unsupportedVersion = $0 { return true }; return false }
        b = good; put32(&b, 24, 8)
        expectError(b, wtns: true, "n8") { if case .unsupportedFieldSize = $0 { return true }; return false }
        b = good; b[40] ^= 1
        expectError(b, wtns: true, "prime") { if case .wrongPrime = $0 { return true }; return false }
        b = good; put32(&b, 60, 6)
        expectError(b, wtns: true, "nWitness vs section size") { if case .badSectionSize = $0 { return true }; return false }
        b = good; for i in 0..<32 { b[76 + 32 + i] = 0xFF }
        expectError(b, wtns: true, "value ≥ r") { e in
            if case let .valueNotCanonical(file, loc) = e { return file == "fuzz.wtns" && loc.contains("value 1") }
            return false
        }
        b = good; put32(&b, 64, 1)
        expectError(b, wtns: true, "duplicate") { if case .duplicateSection = $0 { return true }; return false }
        expectError(Array(good[0..<64]), wtns: true, "values missing") { _ in true }
    }

    func testSymRejectsMalformedLinesAndNeverTraps() {
        for (text, why) in [("1,2,0\n", "3 fields"), ("a,2,0,x\n", "label"), ("1,-2,0,x\n", "wire < −1"),
                            ("1,2,-1,x\n", "component"), ("1,2,0,\n", "empty name"), ("+1,2,0,x\n", "plus sign"),
                            ("1,99999999999999999999,0,x\n", "overflow"), ("1,2,0,x\n\n", "empty line")] {
            XCTAssertThrowsError(try SymFile.decode(Array(text.utf8), file: "bad.sym"), why) { e in
                guard case let .symbolSyntax(file, line, _)? = e as? R1CSError else { return XCTFail("\(why): \(e)") }
                XCTAssertEqual(file, "bad.sym")
                XCTAssertGreaterThanOrEqual(line, 1)
            }
        }
        XCTAssertThrowsError(try SymFile.decode([0x31, 0x2C, 0x32, 0x2C, 0x30, 0x2C, 0xFF, 0x0A]), "invalid UTF-8")
        XCTAssertEqual(try SymFile.decode(Array("1,2,0,x\r\n".utf8)).entries.first?.name, "x")
        var rng = SplitMix64(seed: 99)
        let base = Array("1,1,0,main.c\n2,2,0,main.a\n3,-1,0,main.int[0]\n".utf8)
        for _ in 0..<2000 {
            var b = base
            b[Int(rng.next() % UInt64(b.count))] = UInt8(truncatingIfNeeded: rng.next())
            b = Array(b[0..<Int(rng.next() % UInt64(b.count + 1))])
            do { _ = try SymFile.decode(b) } catch is R1CSError {} catch { XCTFail("untyped \(error)") }
        }
    }
}
