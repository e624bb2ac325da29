#!/usr/bin/env python3
"""Groth16 setup + prove with arkworks (groth16py 0.2.0), written out in snarkjs layout.

usage: ark_prove.py CIRCUIT.r1cs WITNESS.wtns OUTDIR
writes OUTDIR/verification_key.json, OUTDIR/proof.json, OUTDIR/public.json (snarkjs layout,
       so zkclear's verifier can be tested on proofs it did not make)
exit:  0 = written, 1 = no proof: the witness does not fit or does not satisfy the circuit (the
       proof fails arkworks' own verification), 2 = error (unreadable or malformed files)

groth16py API used (read from its installed stubs and checked here):
  setup(r1cs_path) -> (ProvingKey, VerifyingKey)   single-party, toxic waste discarded by arkworks
  prove_wtns(pk, wtns_path) -> bytes               256-byte Ethereum proof blob
  VerifyingKey.to_json() -> str                    snarkjs verification_key.json WITHOUT vk_alphabeta_12
  Verifier(vk).verify(blob, [int, ...]) -> bool
groth16py has no snarkjs proof/public export: the blob is converted here (see
snarkjs_json.ethereum_proof_to_snarkjs), public.json is witness entries 1..nPublic, and
vk_alphabeta_12 is computed with py_ecc in the snarkjs convention.
"""

import json
import os
import sys

import groth16py

import snarkjs_json as sj

VK_ORDER = ["protocol", "curve", "nPublic", "vk_alpha_1", "vk_beta_2", "vk_gamma_2", "vk_delta_2", "vk_alphabeta_12", "IC"]


def write_json(path: str, obj) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def prove(r1cs: str, wtns: str, outdir: str) -> bool:
    for path, what in ((r1cs, "circuit"), (wtns, "witness")):
        if not os.path.isfile(path):
            raise sj.Malformed(f"{what} {path}: no such file")
    witness = sj.read_wtns(wtns)
    try:
        pk, vk = groth16py.setup(r1cs)
    except groth16py.SetupError as e:
        raise sj.Malformed(f"circuit {r1cs}: arkworks setup failed: {e}") from e
    try:
        blob = groth16py.prove_wtns(pk, wtns)
    except (groth16py.WitnessError, groth16py.SetupError, ValueError) as e:
        raise sj.Rejected(f"arkworks would not prove witness {wtns}: {e}") from e
    n_public = vk.n_public
    if len(witness) < n_public + 1:
        raise sj.Malformed(f"witness {wtns}: {len(witness)} values, fewer than 1 + nPublic = {n_public + 1}")
    public = witness[1:n_public + 1]
    if not groth16py.Verifier(vk).verify(blob, public):
        raise sj.Rejected("arkworks' proof does not verify under its own key: the witness does not satisfy the circuit")

    vk_json = json.loads(vk.to_json())
    parsed = sj.verification_key(vk_json)
    vk_json["vk_alphabeta_12"] = sj.alphabeta_snarkjs(parsed["alpha"], parsed["beta"])
    vk_json = {k: vk_json[k] for k in VK_ORDER if k in vk_json} | {k: v for k, v in vk_json.items() if k not in VK_ORDER}

    os.makedirs(outdir, exist_ok=True)
    write_json(os.path.join(outdir, "verification_key.json"), vk_json)
    write_json(os.path.join(outdir, "proof.json"), sj.ethereum_proof_to_snarkjs(blob))
    write_json(os.path.join(outdir, "public.json"), [str(v) for v in public])
    sj.log(f"ark_prove: wrote {outdir}/verification_key.json, proof.json, public.json (nPublic {n_public})")
    return True


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sj.log(__doc__.strip().splitlines()[2])
        sys.exit(sj.EXIT_ERROR)
    try:
        sj.run(lambda: prove(*sys.argv[1:4]))
    except OSError as e:
        sj.log(f"error: {e}")
        sys.exit(sj.EXIT_ERROR)
