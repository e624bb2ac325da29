import BN254
import CircuitLang

/// The ledger's state: a binary Poseidon Merkle tree of fixed depth D (capacity 2^D leaves).
///
/// * empty leaf = 0; node = Poseidon(left, right) (circomlib-compatible Poseidon(2), the same
///   hash as `Circuits/std/merkle.zkc`);
/// * the path of leaf `index` is its D siblings from the leaf level up, and its index bits,
///   bit i = 1 when the node at level i is the RIGHT child (bit i of `index`, least significant
///   first) — exactly the `siblings`/`path_bits` inputs of `merkle_root<D>` in std/merkle.zkc.
///
/// Stored sparsely: only nodes that differ from the empty subtree of their level are kept, so a
/// depth-20 tree with n accounts holds about 20·n nodes. `update` costs D Poseidon hashes.
public struct MerkleTree: Sendable {
    public static let minDepth = 1
    public static let maxDepth = 32

    public let depth: Int
    /// zeros[l] = root of an empty subtree of height l (zeros[0] = 0 = the empty leaf).
    public let zeros: [Fr]
    /// levels[l][i] = node i of level l (level 0 = leaves, level depth = the root), when non-empty.
    private var levels: [[UInt64: Fr]]

    public init(depth: Int) throws {
        guard depth >= Self.minDepth, depth <= Self.maxDepth else {
            throw LedgerError.invalidArgument("tree depth must be \(Self.minDepth)…\(Self.maxDepth), got \(depth)")
        }
        self.depth = depth
        self.zeros = Self.emptyRoots(depth: depth)
        self.levels = Array(repeating: [:], count: depth + 1)
    }

    /// zeros[0] = 0, zeros[l+1] = Poseidon(zeros[l], zeros[l]).
    public static func emptyRoots(depth: Int) -> [Fr] {
        var z: [Fr] = [.zero]
        for l in 0..<depth { z.append(Poseidon.hash(z[l], z[l])) }
        return z
    }

    /// 2^depth.
    public var capacity: UInt64 { depth >= 64 ? UInt64.max : (1 as UInt64) << UInt64(depth) }

    public var root: Fr { node(level: depth, index: 0) }

    /// Number of non-empty leaves.
    public var occupiedLeaves: Int { levels[0].count }

    public func node(level: Int, index: UInt64) -> Fr { levels[level][index] ?? zeros[level] }

    public func leaf(at index: UInt64) -> Fr { node(level: 0, index: index) }

    /// Sets leaf `index` and rehashes its path (D Poseidon hashes).
    public mutating func update(index: UInt64, leaf: Fr) throws {
        guard index < capacity else {
            throw LedgerError.invalidArgument("leaf index \(index) is outside a depth-\(depth) tree (capacity \(capacity))")
        }
        set(level: 0, index: index, leaf)
        var i = index
        var cur = leaf
        for l in 0..<depth {
            let sibling = node(level: l, index: i ^ 1)
            cur = (i & 1) == 0 ? Poseidon.hash(cur, sibling) : Poseidon.hash(sibling, cur)
            i >>= 1
            set(level: l + 1, index: i, cur)
        }
    }

    fileprivate mutating func set(level: Int, index: UInt64, _ value: Fr) {
        if value == zeros[level] { levels[level].removeValue(forKey: index) } else { levels[level][index] = value }
    }

    /// The inclusion path of leaf `index`.
    public func path(index: UInt64) throws -> MerklePath {
        guard index < capacity else {
            throw LedgerError.invalidArgument("leaf index \(index) is outside a depth-\(depth) tree (capacity \(capacity))")
        }
        var siblings: [Fr] = []
        var bits: [Bool] = []
        var i = index
        for l in 0..<depth {
            siblings.append(node(level: l, index: i ^ 1))
            bits.append((i & 1) == 1)
            i >>= 1
        }
        return MerklePath(index: index, siblings: siblings, indexBits: bits)
    }
}

/// A leaf's inclusion path: siblings from the leaf level up and the index bits (LSB first,
/// 1 = the current node is the right child).
public struct MerklePath: Sendable, Equatable {
    public let index: UInt64
    public let siblings: [Fr]
    public let indexBits: [Bool]

    public init(index: UInt64, siblings: [Fr], indexBits: [Bool]) {
        self.index = index; self.siblings = siblings; self.indexBits = indexBits
    }

    /// The root obtained by hashing `leaf` up this path.
    public func root(leaf: Fr) -> Fr {
        var cur = leaf
        for (s, right) in zip(siblings, indexBits) {
            cur = right ? Poseidon.hash(s, cur) : Poseidon.hash(cur, s)
        }
        return cur
    }

    /// True when `leaf` at this path hashes to `root` and the bits spell `index`.
    public func verify(leaf: Fr, root: Fr) -> Bool {
        guard siblings.count == indexBits.count, siblings.count <= 64 else { return false }
        var i: UInt64 = 0
        for (l, b) in indexBits.enumerated() where b { i |= (1 as UInt64) << UInt64(l) }
        return i == index && self.root(leaf: leaf) == root
    }
}

/// The nodes a set of leaf updates would change, computed without touching the tree (submit
/// checks newRoot first and commits only after the record is durable).
public struct PendingTreeUpdate: Sendable {
    fileprivate var changes: [[UInt64: Fr]]
    public let root: Fr
}

extension MerkleTree {
    /// Applies `leaves` in order to an overlay and returns the resulting root and changed nodes.
    public func preview(_ leaves: [PublishedLeaf]) throws -> PendingTreeUpdate {
        var overlay: [[UInt64: Fr]] = Array(repeating: [:], count: depth + 1)
        func get(_ l: Int, _ i: UInt64) -> Fr { overlay[l][i] ?? node(level: l, index: i) }
        for p in leaves {
            guard p.index < capacity else {
                throw LedgerError.invalidArgument("leaf index \(p.index) is outside a depth-\(depth) tree (capacity \(capacity))")
            }
            overlay[0][p.index] = p.leaf
            var i = p.index
            var cur = p.leaf
            for l in 0..<depth {
                let s = get(l, i ^ 1)
                cur = (i & 1) == 0 ? Poseidon.hash(cur, s) : Poseidon.hash(s, cur)
                i >>= 1
                overlay[l + 1][i] = cur
            }
        }
        return PendingTreeUpdate(changes: overlay, root: overlay[depth][0] ?? root)
    }

    public mutating func apply(_ update: PendingTreeUpdate) {
        for (l, level) in update.changes.enumerated() {
            for (i, v) in level { set(level: l, index: i, v) }
        }
    }
}
