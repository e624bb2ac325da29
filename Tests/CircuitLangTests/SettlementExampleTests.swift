import XCTest
import BN254
@testable import CircuitLang

/// The language expresses a derivative-style batch: futures PnL at a public mark price, a solvency
/// check, value conservation and a Merkle state transition, checked against a native computation.
final class SettlementExampleTests: XCTestCase {
    let src = """
    import "std/merkle.zkc";
    const D = 4;
    const N = 2;

    fn leaf(owner: field, balance: i64, position: i64, entry: u64, salt: field) -> field {
        return poseidon([owner, field(balance), field(position), field(entry), salt]);
    }

    circuit Settle {
        public input old_root: field;
        public input mark: u64;
        input owner: field[N];
        input balance: i64[N];
        input position: i64[N];
        input entry: u64[N];
        input salt: field[N];
        input siblings: field[N][D];
        input index: u4[N];
        var root: field = old_root;
        var net: field = 0;
        for k in 0..N {
            let pnl = i64(position[k] * (i65(mark) - i65(entry[k])));
            let nb = i64(balance[k] + pnl);
            assert nb >= 0, "account is under water";
            let old_leaf = leaf(owner[k], balance[k], position[k], entry[k], salt[k]);
            let new_leaf = leaf(owner[k], nb, position[k], mark, salt[k]);
            root = merkle_update(old_leaf, new_leaf, siblings[k], to_bits(index[k], D), root);
            net = net + pnl;
        }
        assert net == 0, "value is not conserved";
        output new_root: field = root;
    }
    """

    struct Tree {
        var leaves: [Fr]
        func levels() -> [[Fr]] {
            var ls = [leaves]
            while ls[ls.count - 1].count > 1 {
                let l = ls[ls.count - 1]
                ls.append(stride(from: 0, to: l.count, by: 2).map { Poseidon.hash(l[$0], l[$0 + 1]) })
            }
            return ls
        }
        var root: Fr { levels().last?[0] ?? .zero }
        func siblings(_ i: Int) -> [Fr] {
            let ls = levels()
            return (0..<(ls.count - 1)).map { d in ls[d][(i >> d) ^ 1] }
        }
    }

    func leaf(_ o: Int, _ b: Int, _ p: Int, _ e: Int, _ s: Int) throws -> Fr {
        try Poseidon.hash([fr(o), fr(b), fr(p), fr(e), fr(s)])
    }

    func testBatchSettlement() throws {
        let c = try compileSource(src)
        print(c.report)
        let mark = 105, idx = [3, 12]
        let accts = [(o: 11, b: 1000, p: 10, e: 100, s: 7), (o: 22, b: 800, p: -10, e: 100, s: 9)]
        var tree = Tree(leaves: (0..<16).map { Fr(UInt64($0 + 500)) })
        for (k, a) in accts.enumerated() { tree.leaves[idx[k]] = try leaf(a.o, a.b, a.p, a.e, a.s) }
        let oldRoot = tree.root
        var sibs: [[Fr]] = []
        for (k, a) in accts.enumerated() {
            sibs.append(tree.siblings(idx[k]))
            let pnl = a.p * (mark - a.e)
            tree.leaves[idx[k]] = try leaf(a.o, a.b + pnl, a.p, mark, a.s)
        }
        func strs(_ xs: [Fr]) -> InputValue { .array(xs.map { .number($0.description) }) }
        let ins: [String: InputValue] = [
            "old_root": .number(oldRoot.description), "mark": num(mark),
            "owner": nums(accts.map(\.o)), "balance": nums(accts.map(\.b)), "position": nums(accts.map(\.p)),
            "entry": nums(accts.map(\.e)), "salt": nums(accts.map(\.s)), "siblings": .array(sibs.map(strs)), "index": nums(idx),
        ]
        let w = try c.witness(ins)
        XCTAssertEqual(w[c.outputWire("new_root")], tree.root)
        XCTAssertTrue(c.lint().isClean, "\(c.lint())")
        // Tampering: a different mark price, a forged new root.
        var bad = w
        bad[c.inputWire("mark")] += .one
        XCTAssertFalse(c.isSatisfied(bad))
        bad = w
        bad[c.outputWire("new_root")] += .one
        XCTAssertFalse(c.isSatisfied(bad))
        // Unbalanced positions are refused by the conservation assert.
        var unbalanced = ins
        unbalanced["position"] = nums([10, -9])
        XCTAssertThrowsError(try c.witnessProgram.evaluate(inputs: unbalanced)) { e in
            XCTAssertTrue("\(e)".contains("merkle") || "\(e)".contains("conserved"), "\(e)")
        }
    }
}
