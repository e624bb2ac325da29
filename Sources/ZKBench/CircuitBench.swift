import BN254
import CircuitLang
import Foundation

/// Constraint counts of the standard library beside circom 2 + circomlib on the same logic (the
/// circom figures were measured there and are quoted from the issue), and compile/witness time of a
/// 10^6-constraint circuit with the process's peak memory.
enum CircuitBench {
    static func run(_ b: Bench) {
        let root = Peers.root
        func count(_ src: String) -> Int? {
            (try? Compiler.compile(source: src, path: "\(root)/Circuits/bench_inline.zkc"))?.constraintCount
        }
        let cases: [(String, Int, String)] = [
            ("64-bit range check", 64, "import \"std/bits.zkc\"; circuit R { input x: field; let y = range_check_n<64>(x); }"),
            ("64-bit less-than", 65, "import \"std/comparators.zkc\"; circuit L { input a: field; input b: field; output o: bool = less_than<64>(a, b); }"),
            ("Poseidon, 2 inputs", 240, "import \"std/poseidon.zkc\"; circuit P { input x: field[2]; output h: field = poseidon(x); }"),
            ("Poseidon, 5 inputs", 321, "import \"std/poseidon.zkc\"; circuit P { input x: field[5]; output h: field = poseidon(x); }"),
            ("depth-16 Poseidon Merkle inclusion", 3872, "import \"std/merkle.zkc\"; circuit M { public input root: field; input leaf: field; input siblings: field[16]; input bits: bool[16]; merkle_verify(leaf, siblings, bits, root); }"),
        ]
        var md = "| gadget | zkclear constraints | circom 2 + circomlib |\n|---|---|---|\n"
        for (name, circom, src) in cases {
            let ours = count(src).map(String.init) ?? "compile failed"
            md += "| \(name) | \(ours) | \(circom) |\n"
            print("circuits · \(name): \(ours) constraints (circom \(circom))")
        }
        md += "\nReproduce: `.build/release/ZKBench --only circuits`; the same counts are asserted in `Tests/CircuitLangTests/StdlibTests.swift`.\n"
        b.tables.append((section: "circuits", markdown: md))

        let n = b.quick ? 100_000 : 1_000_000
        var compiled: CompiledCircuit? = nil
        let options = CompileOptions(constants: ["ITERATIONS": String(n / 20)])
        let tc = Bench.clock { compiled = try? Compiler.compile(path: "\(root)/Circuits/bench/big.zkc", options: options) }
        guard let c = compiled else { print("circuits · big circuit failed to compile"); return }
        var values: [Fr] = []
        let tw = Bench.clock { values = (try? c.witnessProgram.evaluate(inputs: ["x": .number("3"), "lim": .number("1000")])) ?? [] }
        let peak = peakMemoryMB()
        let ok = !values.isEmpty && c.isSatisfied(values)
        b.add(BenchRow(section: "circuits", operation: "compile \(c.constraintCount) constraints", ours: tc,
                       note: "bar < 20 s; Circuits/bench/big.zkc with ITERATIONS = \(n / 20); peak RSS of the bench process so far \(peak) MB", command: ".build/release/ZKBench --only circuits"))
        b.add(BenchRow(section: "circuits", operation: "witness for \(c.constraintCount) constraints", ours: tw,
                       note: "bar < 2 s; witness satisfies the R1CS: \(ok)", command: ".build/release/ZKBench --only circuits"))
    }

    static func peakMemoryMB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(0), &usage)   // 0 = RUSAGE_SELF
        return Int(usage.ru_maxrss / 1024)
    }
}
