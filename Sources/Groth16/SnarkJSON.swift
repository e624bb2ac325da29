import BN254
import Foundation

/// snarkjs's JSON files (FORMATS.md §5): `verification_key.json`, `proof.json`, `public.json`.
/// Values are decimal strings; points are affine with a projective "1" appended; G2 coordinates
/// are [real, imaginary]. Readers validate everything before any maths: types, counts, canonical
/// field elements, points on their curves, G2 points in the subgroup.
public enum SnarkJSON {
    // MARK: writing (the layout of JSON.stringify(value, null, 1), as snarkjs writes)

    public static func verificationKey(_ vk: VerifyingKey, alphaBeta: Fp12? = nil) -> String {
        var fields: [(String, JSONValue)] = [
            ("protocol", .string("groth16")),
            ("curve", .string("bn128")),
            ("nPublic", .number(vk.nPublic)),
            ("vk_alpha_1", g1(vk.alpha1)),
            ("vk_beta_2", g2(vk.beta2)),
            ("vk_gamma_2", g2(vk.gamma2)),
            ("vk_delta_2", g2(vk.delta2)),
        ]
        if let ab = alphaBeta { fields.append(("vk_alphabeta_12", fp12(ab))) }
        fields.append(("IC", .array(vk.ic.map(g1))))
        return JSONValue.object(fields).render() + "\n"
    }

    public static func proof(_ p: Proof) -> String {
        JSONValue.object([
            ("pi_a", g1(p.a)), ("pi_b", g2(p.b)), ("pi_c", g1(p.c)),
            ("protocol", .string("groth16")), ("curve", .string("bn128")),
        ]).render() + "\n"
    }

    public static func publicSignals(_ values: [Fr]) -> String {
        JSONValue.array(values.map { .string($0.description) }).render() + "\n"
    }

    static func g1(_ p: G1Affine) -> JSONValue { .array(p.snarkjs.map { .string($0) }) }
    static func g2(_ p: G2Affine) -> JSONValue { .array(p.snarkjs.map { .array($0.map { .string($0) }) }) }
    static func fp12(_ f: Fp12) -> JSONValue {
        func fp2(_ x: Fp2) -> JSONValue { .array([.string(x.c0.description), .string(x.c1.description)]) }
        func fp6(_ x: Fp6) -> JSONValue { .array([fp2(x.c0), fp2(x.c1), fp2(x.c2)]) }
        return .array([fp6(f.c0), fp6(f.c1)])
    }

    // MARK: reading

    public static func readVerificationKey(path: String) throws -> VerifyingKey {
        try decodeVerificationKey(readData(path), file: path)
    }

    public static func readProof(path: String) throws -> Proof {
        try decodeProof(readData(path), file: path)
    }

    public static func readPublicSignals(path: String) throws -> [Fr] {
        try decodePublicSignals(readData(path), file: path)
    }

    static func readData(_ path: String) throws -> Data {
        guard let d = FileManager.default.contents(atPath: path) else {
            throw Groth16Error.io(file: path, reason: "cannot read the file (missing or unreadable)")
        }
        return d
    }

    static func parse(_ data: Data, file: String) throws -> Any {
        do { return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) }
        catch { throw Groth16Error.malformed(file: file, field: "(document)", reason: "not valid JSON") }
    }

    public static func decodeVerificationKey(_ data: Data, file: String = "verification_key.json") throws -> VerifyingKey {
        guard let obj = try parse(data, file: file) as? [String: Any] else {
            throw Groth16Error.malformed(file: file, field: "(document)", reason: "expected a JSON object")
        }
        if let proto = obj["protocol"] {
            guard proto as? String == "groth16" else {
                throw Groth16Error.malformed(file: file, field: "protocol", reason: "expected \"groth16\", got \(proto)")
            }
        }
        if let curve = obj["curve"] {
            guard let c = curve as? String, c == "bn128" || c == "bn254" else {
                throw Groth16Error.malformed(file: file, field: "curve", reason: "expected \"bn128\", got \(curve)")
            }
        }
        let alpha = try g1(obj["vk_alpha_1"], file, "vk_alpha_1")
        let beta = try g2(obj["vk_beta_2"], file, "vk_beta_2")
        let gamma = try g2(obj["vk_gamma_2"], file, "vk_gamma_2")
        let delta = try g2(obj["vk_delta_2"], file, "vk_delta_2")
        guard let icRaw = obj["IC"] as? [Any], !icRaw.isEmpty else {
            throw Groth16Error.malformed(file: file, field: "IC", reason: "expected a non-empty array of G1 points")
        }
        let ic = try icRaw.enumerated().map { try g1($0.element, file, "IC[\($0.offset)]") }
        if let n = obj["nPublic"] {
            guard let k = (n as? NSNumber)?.intValue, k == ic.count - 1 else {
                throw Groth16Error.malformed(file: file, field: "nPublic", reason: "\(n) does not match IC, which has \(ic.count) points (nPublic + 1 expected)")
            }
        }
        return VerifyingKey(alpha1: alpha, beta2: beta, gamma2: gamma, delta2: delta, ic: ic)
    }

    public static func decodeProof(_ data: Data, file: String = "proof.json") throws -> Proof {
        guard let obj = try parse(data, file: file) as? [String: Any] else {
            throw Groth16Error.malformed(file: file, field: "(document)", reason: "expected a JSON object")
        }
        if let proto = obj["protocol"], proto as? String != "groth16" {
            throw Groth16Error.malformed(file: file, field: "protocol", reason: "expected \"groth16\", got \(proto)")
        }
        return Proof(a: try g1(obj["pi_a"], file, "pi_a"), b: try g2(obj["pi_b"], file, "pi_b"), c: try g1(obj["pi_c"], file, "pi_c"))
    }

    public static func decodePublicSignals(_ data: Data, file: String = "public.json") throws -> [Fr] {
        guard let arr = try parse(data, file: file) as? [Any] else {
            throw Groth16Error.malformed(file: file, field: "(document)", reason: "expected a JSON array of decimal strings")
        }
        return try arr.enumerated().map { i, v in
            guard let s = decimalString(v) else {
                throw Groth16Error.malformed(file: file, field: "[\(i)]", reason: "expected a decimal string")
            }
            do { return try Fr(decimal: s, what: "public[\(i)]") }
            catch BN254Error.notCanonical { throw Groth16Error.publicInputNotCanonical(index: i, value: s) }
            catch { throw Groth16Error.invalidNumber(file: file, field: "[\(i)]", reason: "'\(s.prefix(80))' is not a decimal integer") }
        }
    }

    /// snarkjs writes public signals as decimal strings; numbers are not accepted (they lose
    /// precision above 2^53 in JavaScript).
    static func decimalString(_ v: Any) -> String? { v as? String }

    static func strings(_ v: Any?, count: Int, _ file: String, _ field: String) throws -> [String] {
        guard let arr = v as? [Any], arr.count == count else {
            throw Groth16Error.malformed(file: file, field: field, reason: "expected an array of \(count) decimal strings")
        }
        return try arr.enumerated().map { i, x in
            guard let s = x as? String else {
                throw Groth16Error.malformed(file: file, field: "\(field)[\(i)]", reason: "expected a decimal string")
            }
            return s
        }
    }

    static func g1(_ v: Any?, _ file: String, _ field: String) throws -> G1Affine {
        let s = try strings(v, count: 3, file, field)
        do { return try G1Affine(snarkjs: s, what: field) }
        catch let e as BN254Error { throw classify(e, file, field) }
    }

    static func g2(_ v: Any?, _ file: String, _ field: String) throws -> G2Affine {
        guard let arr = v as? [Any], arr.count == 3 else {
            throw Groth16Error.malformed(file: file, field: field, reason: "expected 3 pairs of decimal strings [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]]")
        }
        let pairs = try arr.enumerated().map { try strings($0.element, count: 2, file, "\(field)[\($0.offset)]") }
        do { return try G2Affine(snarkjs: pairs, what: field) }
        catch let e as BN254Error { throw classify(e, file, field) }
    }

    static func classify(_ e: BN254Error, _ file: String, _ field: String) -> Groth16Error {
        switch e {
        case .notOnCurve, .notInSubgroup: return .invalidPoint(file: file, field: field, reason: e.description)
        case .notCanonical, .malformedNumber: return .invalidNumber(file: file, field: field, reason: e.description)
        default: return .malformed(file: file, field: field, reason: e.description)
        }
    }
}

/// A minimal ordered JSON value whose rendering matches JSON.stringify(value, null, 1).
indirect enum JSONValue {
    case string(String)
    case number(Int)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func render(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 1)
        let close = String(repeating: " ", count: indent)
        switch self {
        case let .string(s): return "\"\(s)\""
        case let .number(n): return "\(n)"
        case let .array(items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
        case let .object(fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { "\(pad)\"\($0.0)\": " + $0.1.render(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)}"
        }
    }
}

extension SnarkJSON {
    /// e(α₁, β₂) as snarkjs writes `vk_alphabeta_12`. ffjavascript's final exponentiation gives the
    /// optimal-ate pairing raised to m = 2x(6x² + 3x + 1) (FORMATS.md §5) — the same Fuentes-Castañeda
    /// hard part `Pairing.finalExponentiation` uses, so `Pairing.pairing` already matches it. A test
    /// compares the result with the real snarkjs `verification_key.json` of ark_mycircuit_2021.
    public static func snarkjsAlphaBeta(_ vk: VerifyingKey) -> Fp12 {
        Pairing.pairing(vk.alpha1, vk.beta2)
    }
}
