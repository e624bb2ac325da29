import Foundation

// ZKBench: release-only benchmarks of zkclear beside independent peers (mcl via mclbn256,
// arkworks via groth16py), measured in the same run. `make bench` writes docs/BENCHMARKS.md.
#if DEBUG
FileHandle.standardError.write("ZKBench must be built in release mode (swift build -c release)\n".data(using: .utf8)!) // safe: literal
exit(2)
#endif

let bench = Bench()
var output: String? = nil
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--write": output = args.popFirst()
    case "--only": bench.only = Set((args.popFirst() ?? "").split(separator: ",").map(String.init))
    case "--quick": bench.quick = true
    case "--probe":
        let op = args.popFirst() ?? "", n = args.popFirst().flatMap { Int($0) } ?? 0
        guard n > 0, Probe.run(op, n) else {
            FileHandle.standardError.write("ZKBench: --probe OP N with OP one of \(Probe.operations.joined(separator: ", ")) and N > 0\n".data(using: .utf8)!) // safe: literal
            exit(2)
        }
        exit(0)
    case "-h", "--help":
        print("usage: ZKBench [--only SECTION,…] [--quick] [--write docs/BENCHMARKS.md]\n       ZKBench --probe OP N   (OP N times, untimed, for callgrind: tools/probe.sh)")
        exit(0)
    default:
        FileHandle.standardError.write("ZKBench: unknown argument \(a)\n".data(using: .utf8)!) // safe: literal
        exit(2)
    }
}

for section in BenchSections.all where bench.wants(section.name) {
    section.run(bench)
}
if let output { try BenchmarkReport.write(bench, to: output) }
