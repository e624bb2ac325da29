import Foundation
import BN254

/// The JSON files `zkclear ledger submit` reads.
public enum LedgerInput {
    /// `leaves.json`: an array of {"index": n, "leaf": "<decimal>"} in circuit slot order.
    /// `index` is a non-negative JSON integer (or a decimal string); `leaf` must be a decimal
    /// string (JSON numbers lose precision). A leaf ≥ r is rejected, never reduced.
    public static func decodeLeaves(_ data: [UInt8], file: String = "leaves.json") throws -> [PublishedLeaf] {
        func bad(_ r: String) -> LedgerError { .malformed(what: file, reason: r) }
        guard let arr = (try? JSONSerialization.jsonObject(with: Data(data))) as? [Any] else {
            throw bad("expected a JSON array of {\"index\": n, \"leaf\": \"decimal\"}")
        }
        var out: [PublishedLeaf] = []
        for (i, item) in arr.enumerated() {
            guard let obj = item as? [String: Any], Set(obj.keys) == ["index", "leaf"] else {
                throw bad("entry \(i) must be an object with exactly the keys \"index\" and \"leaf\"")
            }
            let index: UInt64
            if let s = obj["index"] as? String, let v = UInt64(s) { index = v }
            else if let n = obj["index"] as? NSNumber, !["c", "d", "f"].contains(String(cString: n.objCType)),
                    n.int64Value >= 0 { index = UInt64(n.int64Value) }   // objCType c = JSON bool, d/f = fraction
            else { throw bad("entry \(i): \"index\" must be a non-negative integer") }
            guard let s = obj["leaf"] as? String else { throw bad("entry \(i): \"leaf\" must be a decimal string") }
            do { out.append(PublishedLeaf(index: index, leaf: try Fr(decimal: s, what: "\(file) entry \(i) leaf"))) }
            catch BN254Error.notCanonical { throw LedgerError.rejected(.nonCanonicalLeaf(slot: i, value: s)) }
            catch { throw bad("entry \(i): \"leaf\" '\(s.prefix(80))' is not a decimal integer") }
        }
        return out
    }

    /// snarkjs `public.json`: an array of decimal strings. A value ≥ r is rejected, not reduced.
    public static func decodePublicSignals(_ data: [UInt8], file: String = "public.json") throws -> [Fr] {
        guard let arr = (try? JSONSerialization.jsonObject(with: Data(data))) as? [Any] else {
            throw LedgerError.malformed(what: file, reason: "expected a JSON array of decimal strings")
        }
        var strs: [String] = []
        for (i, v) in arr.enumerated() {
            guard let s = v as? String else { throw LedgerError.malformed(what: file, reason: "entry \(i) must be a decimal string") }
            strs.append(s)
        }
        var out: [Fr] = []
        for (i, s) in strs.enumerated() {
            do { out.append(try Fr(decimal: s, what: "\(file)[\(i)]")) }
            catch BN254Error.notCanonical { throw LedgerError.rejected(.nonCanonicalPublicInput(index: i, value: s)) }
            catch { throw LedgerError.malformed(what: file, reason: "entry \(i) '\(s.prefix(80))' is not a decimal integer") }
        }
        return out
    }

    /// Encodes published leaves as leaves.json.
    public static func encodeLeaves(_ leaves: [PublishedLeaf]) -> String {
        "[\n" + leaves.map { "  {\"index\": \($0.index), \"leaf\": \"\($0.leaf)\"}" }.joined(separator: ",\n") + "\n]\n"
    }
}
