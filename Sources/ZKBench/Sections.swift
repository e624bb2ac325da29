/// A named group of benchmarks (`--only NAME` selects it).
struct BenchSection: Sendable {
    let name: String
    let run: @Sendable (Bench) -> Void
}

enum BenchSections {
    /// Every section, in report order. Each lives in its own `<Topic>Bench.swift`.
    static let all: [BenchSection] = [
        BenchSection(name: "fields", run: FieldBench.run),
        BenchSection(name: "ntt", run: NTTBench.run),
        BenchSection(name: "tower", run: TowerBench.run),
        BenchSection(name: "curves", run: CurveBench.run),
        BenchSection(name: "pairing", run: PairingBench.run),
        BenchSection(name: "msm", run: MSMBench.run),
        BenchSection(name: "circuits", run: CircuitBench.run),
        BenchSection(name: "groth16", run: Groth16Bench.run),
        BenchSection(name: "ledger", run: LedgerBench.run),
    ]
}
