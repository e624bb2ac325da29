import BN254

/// Pairing rows: one pairing, its two halves, a 4-pair multi-pairing check, and a check against
/// prepared G2 points (the Groth16 verifier's shape).
enum PairingBench {
    static func run(_ b: Bench) {
        let P = (G1Affine.generator * Fr.random()).toAffine()
        let Q = (G2Affine.generator * Fr.random()).toAffine()
        var out = Fp12.one
        let mcl = Peers.run("mcl_peer.py", ["pairing"])
        let pairing = b.time { out = Pairing.pairing(P, Q) }
        blackHole(out)
        b.add(BenchRow(section: "pairing", operation: "pairing e(P, Q)", ours: pairing, peer: mcl?["pairing"], peerName: "mcl", note: "bar: ≤ 1.5 × mcl"))
        let miller = b.time { out = Pairing.millerLoop(P, Q) }
        blackHole(out)
        b.add(BenchRow(section: "pairing", operation: "Miller loop", ours: miller, peer: mcl?["Miller loop"], peerName: "mcl"))
        let f = out
        let finalExp = b.time { out = Pairing.finalExponentiation(f) }
        blackHole(out)
        b.add(BenchRow(section: "pairing", operation: "final exponentiation", ours: finalExp, peer: mcl?["final exponentiation"], peerName: "mcl"))

        var pairs: [(G1Affine, G2Affine)] = []
        for _ in 0..<4 {
            pairs.append(((G1Affine.generator * Fr.random()).toAffine(), (G2Affine.generator * Fr.random()).toAffine()))
        }
        var ok = false
        let multi = b.time { ok = Pairing.pairingCheck(pairs) }
        blackHole(ok)
        b.add(BenchRow(section: "pairing", operation: "4-pair pairing check", ours: multi, peer: mcl?["multi-pairing (4 pairs)"], peerName: "mcl",
                       note: "one shared Miller loop and final exponentiation"))
        let prepared = pairs.map { ($0.0, G2Prepared($0.1)) }
        let multiPrepared = b.time { ok = Pairing.pairingCheck(prepared: prepared) }
        blackHole(ok)
        b.add(BenchRow(section: "pairing", operation: "4-pair pairing check, prepared G2", ours: multiPrepared))
        var prep = G2Prepared(Q)
        let prepare = b.time { prep = G2Prepared(Q) }
        blackHole(prep)
        b.add(BenchRow(section: "pairing", operation: "G2Prepared (line precomputation)", ours: prepare))
    }
}
