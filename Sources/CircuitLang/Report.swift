/// Size report of a compiled circuit: totals, and constraints per (inlined) function and per
/// source line, counted on the optimised system.
public struct CircuitReport: Sendable, CustomStringConvertible {
    public let name: String
    public let constraints: Int
    public let constraintsBeforeOptimisation: Int
    public let wires: Int
    public let publicOutputs: Int
    public let publicInputs: Int
    public let privateInputs: Int
    public let stats: OptimizerStats
    /// (function, constraints), largest first, inclusive: a constraint counts for every function on
    /// its inlining path ("main" is the circuit body, so it counts everything).
    public let perFunction: [(function: String, constraints: Int)]
    /// (function, constraints) counted only for the innermost function (self cost).
    public let perFunctionSelf: [(function: String, constraints: Int)]
    /// ("path:line", constraints), largest first.
    public let perLine: [(location: String, constraints: Int)]

    init(name: String, constraints: [IRConstraint], origins: [Origin], sources: SourceMap, wires: Int, publicOutputs: Int,
         publicInputs: Int, privateInputs: Int, constraintsBeforeOptimisation: Int, stats: OptimizerStats) {
        self.name = name
        self.constraints = constraints.count
        self.constraintsBeforeOptimisation = constraintsBeforeOptimisation
        self.wires = wires
        self.publicOutputs = publicOutputs
        self.publicInputs = publicInputs
        self.privateInputs = privateInputs
        self.stats = stats
        var byFn: [String: Int] = [:]
        var bySelf: [String: Int] = [:]
        var byLine: [String: Int] = [:]
        var pathCount: [Int32: Int] = [:]
        for c in constraints { pathCount[c.origin, default: 0] += 1 }
        for (oi, k) in pathCount {
            let parts = origins[Int(oi)].function.split(separator: "/").map(String.init)
            for f in Set(parts) { byFn[f, default: 0] += k }
            bySelf[parts.last ?? "main", default: 0] += k
        }
        for c in constraints {
            let o = origins[Int(c.origin)]
            let loc = sources.location(o.span)
            byLine["\(loc.path):\(loc.line)", default: 0] += 1
        }
        perFunctionSelf = bySelf.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        perFunction = byFn.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        perLine = byLine.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public var description: String {
        var s = "circuit \(name)\n"
        s += "  constraints: \(constraints) (before optimisation \(constraintsBeforeOptimisation); linear eliminated \(stats.linearEliminated), duplicates merged \(stats.duplicatesRemoved))\n"
        s += "  wires: \(wires)   public outputs: \(publicOutputs)   public inputs: \(publicInputs)   private inputs: \(privateInputs)\n"
        s += "  per function (inclusive / self):\n"
        let selfCost = Dictionary(perFunctionSelf, uniquingKeysWith: +)
        for (f, n) in perFunction { s += "    \(String(n).leftPad(9)) \(String(selfCost[f] ?? 0).leftPad(9))  \(f)\n" }
        s += "  per source line:\n"
        for (l, n) in perLine.prefix(40) { s += "    \(String(n).leftPad(9))  \(l)\n" }
        if perLine.count > 40 { s += "    … \(perLine.count - 40) more lines\n" }
        return s
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
