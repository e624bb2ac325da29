#!/usr/bin/env python3
"""Verify a snarkjs-format Groth16 proof with py_ecc's BN254 pairing (pure Python, independent).

usage: verify_pyecc.py VK.json PUBLIC.json PROOF.json
exit:  0 = the proof verifies, 1 = rejected (reason on stderr), 2 = error (unreadable / wrong shape)

The check is the verification equation of Groth, "On the Size of Pairing-based Non-interactive
Arguments", EUROCRYPT 2016, section 3.2:

    e(A, B) = e(alpha, beta) * e(sum_{i=0..l} a_i * IC_i, gamma) * e(C, delta),   a_0 = 1,

evaluated as one final exponentiation of a quotient of Miller loops. Before it, every point is
checked on its curve (and pi_B / the VK's G2 points in the r-subgroup), every coordinate < q
and every public input < r (snarkjs rejects non-canonical inputs). When the key carries
vk_alphabeta_12 it must equal e(alpha, beta) in the snarkjs convention (see snarkjs_json.py).
A few seconds per proof.
"""

import sys

from py_ecc.optimized_bn128 import FQ12, add, final_exponentiate, multiply, pairing

import snarkjs_json as sj


def verify(vk_path: str, public_path: str, proof_path: str) -> bool:
    vk = sj.verification_key(sj.load_json(vk_path, "verification key"))
    pub = sj.public_signals(sj.load_json(public_path, "public signals"), public_path)
    pr = sj.proof(sj.load_json(proof_path, "proof"))
    if len(pub) != vk["nPublic"]:
        raise sj.Rejected(f"{len(pub)} public signals, but the key has nPublic = {vk['nPublic']}")

    if vk["alphabeta"] is not None:
        given = sj.tower_to_fq12(vk["alphabeta"])
        if given != pairing(vk["beta"], vk["alpha"]) ** sj.SNARKJS_GT_POWER:
            raise sj.Rejected("vk_alphabeta_12 is not e(vk_alpha_1, vk_beta_2) (snarkjs final-exponentiation convention)")

    # sum_i a_i * IC_i with a_0 = 1
    acc = vk["IC"][0]
    for a, ic in zip(pub, vk["IC"][1:]):
        acc = add(acc, multiply(ic, a))

    def miller(q2, p1):  # py_ecc's pairing takes (G2, G1)
        return pairing(q2, p1, final_exponentiate=False)

    lhs = miller(pr["B"], pr["A"])
    rhs = miller(vk["beta"], vk["alpha"]) * miller(vk["gamma"], acc) * miller(vk["delta"], pr["C"])
    ok = final_exponentiate(lhs / rhs) == FQ12.one()
    if not ok:
        sj.log("rejected: pairing equation e(A,B) = e(alpha,beta) e(vk_x,gamma) e(C,delta) does not hold")
    return ok


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sj.log(__doc__.strip().splitlines()[2])
        sys.exit(sj.EXIT_ERROR)
    sj.run(lambda: verify(*sys.argv[1:4]))
