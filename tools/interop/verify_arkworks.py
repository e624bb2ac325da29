#!/usr/bin/env python3
"""Verify a snarkjs-format Groth16 proof with arkworks (groth16py 0.2.0).

usage: verify_arkworks.py VK.json PUBLIC.json PROOF.json
exit:  0 = the proof verifies, 1 = rejected (reason on stderr), 2 = error (unreadable file,
       not JSON, or a verification key arkworks cannot load)

groth16py API used: VerifyingKey.from_snarkjs(json_str) -> VerifyingKey (raises EncodingError);
Verifier(vk).verify_snarkjs(proof_json_str, public_json_str) -> bool, which raises EncodingError
for a point off its curve/subgroup or a public input >= r, and VerificationError for a wrong
number of public inputs. Those exceptions are rejections (exit 1), not errors.
"""

import json
import sys

import groth16py

import snarkjs_json as sj


def verify(vk_path: str, public_path: str, proof_path: str) -> bool:
    vk_obj = sj.load_json(vk_path, "verification key")
    pub_obj = sj.load_json(public_path, "public signals")
    proof_obj = sj.load_json(proof_path, "proof")
    try:
        vk = groth16py.VerifyingKey.from_snarkjs(json.dumps(vk_obj))
    except (groth16py.EncodingError, ValueError) as e:
        raise sj.Malformed(f"verification key {vk_path}: arkworks cannot load it: {e}") from e
    try:
        ok = groth16py.Verifier(vk).verify_snarkjs(json.dumps(proof_obj), json.dumps(pub_obj))
    except (groth16py.EncodingError, groth16py.VerificationError) as e:
        raise sj.Rejected(f"arkworks: {e}") from e
    if not ok:
        sj.log("rejected: arkworks pairing check failed")
    return bool(ok)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sj.log(__doc__.strip().splitlines()[2])
        sys.exit(sj.EXIT_ERROR)
    sj.run(lambda: verify(*sys.argv[1:4]))
