// swift-tools-version:6.0
import PackageDescription

// zkclear: no package dependencies. GMP comes from the system (libgmp-dev) through CGMP;
// only the GMP target imports CGMP.
let optimise: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

let package = Package(
    name: "zkclear",
    products: [
        .executable(name: "zkclear", targets: ["zkclear"]),
        .library(name: "ZKClear", targets: ["BN254", "Polynomials", "R1CS", "CircuitLang", "Groth16", "Ledger"]),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP"),
        .target(name: "GMP", dependencies: ["CGMP"]),
        .target(name: "BN254", dependencies: ["GMP"], swiftSettings: optimise),
        .target(name: "Polynomials", dependencies: ["BN254"], swiftSettings: optimise),
        .target(name: "R1CS", dependencies: ["BN254"]),
        .target(name: "CircuitLang", dependencies: ["R1CS", "BN254"]),
        .target(name: "Groth16", dependencies: ["BN254", "Polynomials", "R1CS"], swiftSettings: optimise),
        .target(name: "Ledger", dependencies: ["Groth16", "R1CS", "CircuitLang", "BN254"]),
        .executableTarget(name: "zkclear", dependencies: ["GMP", "BN254", "Polynomials", "R1CS", "CircuitLang", "Groth16", "Ledger"]),
        .executableTarget(name: "ZKBench", dependencies: ["GMP", "BN254", "Polynomials", "R1CS", "CircuitLang", "Groth16", "Ledger"], swiftSettings: optimise),
        .testTarget(name: "GMPTests", dependencies: ["GMP"]),
        .testTarget(name: "BN254Tests", dependencies: ["BN254", "GMP"]),
        .testTarget(name: "PolynomialsTests", dependencies: ["Polynomials", "BN254", "GMP"]),
        .testTarget(name: "R1CSTests", dependencies: ["R1CS", "BN254"]),
        .testTarget(name: "CircuitLangTests", dependencies: ["CircuitLang", "R1CS", "BN254"]),
        .testTarget(name: "Groth16Tests", dependencies: ["Groth16", "R1CS", "BN254", "Polynomials"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Groth16", "CircuitLang", "R1CS", "BN254"]),
    ]
)
