import XCTest
import BN254
import CircuitLang
@testable import Ledger

final class MerkleTests: XCTestCase {
    /// Naive oracle: the full 2^D leaf array hashed level by level.
    func naiveRoot(_ leaves: [Fr]) -> Fr {
        var level = leaves
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { Poseidon.hash(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }

    func testAgainstNaiveRecomputation() throws {
        for depth in [1, 2, 3, 5] {
            var tree = try MerkleTree(depth: depth)
            var leaves = [Fr](repeating: .zero, count: 1 << depth)
            XCTAssertEqual(tree.root, naiveRoot(leaves))
            for step in 0..<(3 << depth) {
                let i = UInt64.random(in: 0..<(1 << UInt64(depth)))
                let v = step % 5 == 4 ? Fr.zero : Fr.random()     // also clears leaves back to empty
                try tree.update(index: i, leaf: v)
                leaves[Int(i)] = v
                XCTAssertEqual(tree.root, naiveRoot(leaves), "depth \(depth) step \(step)")
                for j in 0..<leaves.count {
                    let path = try tree.path(index: UInt64(j))
                    XCTAssertTrue(path.verify(leaf: leaves[j], root: tree.root))
                }
            }
        }
    }

    func testPathRejectsWrongLeafIndexOrRoot() throws {
        var tree = try MerkleTree(depth: 4)
        for i in 0..<16 { try tree.update(index: UInt64(i), leaf: Fr(UInt64(100 + i))) }
        let p = try tree.path(index: 5)
        XCTAssertTrue(p.verify(leaf: Fr(105), root: tree.root))
        XCTAssertFalse(p.verify(leaf: Fr(106), root: tree.root))
        XCTAssertFalse(p.verify(leaf: Fr(105), root: tree.root + .one))
        let shifted = MerklePath(index: 4, siblings: p.siblings, indexBits: p.indexBits)
        XCTAssertFalse(shifted.verify(leaf: Fr(105), root: tree.root), "bits must spell the index")
        XCTAssertThrowsError(try tree.path(index: 16))
        XCTAssertThrowsError(try tree.update(index: 16, leaf: .one))
        XCTAssertThrowsError(try MerkleTree(depth: 0))
    }

    /// Path bits follow std/merkle.zkc: bit i = 1 when the node is the right child at level i.
    func testPathBitsConvention() throws {
        var tree = try MerkleTree(depth: 3)
        try tree.update(index: 6, leaf: Fr(9))
        let p = try tree.path(index: 6)
        XCTAssertEqual(p.indexBits, [false, true, true])
        let manual = Poseidon.hash(p.siblings[2], Poseidon.hash(p.siblings[1], Poseidon.hash(Fr(9), p.siblings[0])))
        XCTAssertEqual(manual, tree.root)
    }

    func testPreviewEqualsSequentialUpdatesWithRepeats() throws {
        var tree = try MerkleTree(depth: 6)
        for i in 0..<20 { try tree.update(index: UInt64(i * 3), leaf: Fr.random()) }
        let leaves = (0..<12).map { _ in PublishedLeaf(index: UInt64.random(in: 0..<8), leaf: Fr.random()) }  // repeats
        var seq = tree
        for p in leaves { try seq.update(index: p.index, leaf: p.leaf) }
        let u = try tree.preview(leaves)
        XCTAssertEqual(u.root, seq.root)
        let before = tree.root
        XCTAssertEqual(tree.root, before, "preview does not mutate")
        tree.apply(u)
        XCTAssertEqual(tree.root, seq.root)
        for i in 0..<64 { XCTAssertEqual(tree.leaf(at: UInt64(i)), seq.leaf(at: UInt64(i))) }
    }

    func testLeavesHashDefinition() {
        let l = [PublishedLeaf(index: 3, leaf: Fr(10)), PublishedLeaf(index: 1, leaf: Fr(20))]
        let h1 = Poseidon.hash(.zero, Poseidon.hash(Fr(3), Fr(10)))
        let h2 = Poseidon.hash(h1, Poseidon.hash(Fr(1), Fr(20)))
        XCTAssertEqual(LeavesHash.compute(l), h2)
        XCTAssertNotEqual(LeavesHash.compute(Array(l.reversed())), h2, "order matters")
    }
}
