#!/usr/bin/env python3
"""Self-check of the interop scripts against the shared snarkjs fixtures.

usage: selfcheck.py [VECTORS_DIR]
       default: $ZKCLEAR_VECTORS, else the first shared/vectors found beside the package root or
       beside one of its ancestors (../shared/vectors in a checkout; ../../shared/vectors from a worktree)
prints one line per check, "PASS name" or "FAIL name: why", then "selfcheck: N passed, N failed".
exit:  0 = all passed, 1 = some failed, 2 = the vectors are absent (prints "SKIP reason").

Every check runs the real script in a subprocess with this interpreter and compares its exit
code (0 yes / 1 no / 2 error) with the expected one, so the scripts are tested exactly as the
Swift tests and the Makefile call them.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VERIFIERS = ("verify_pyecc", "verify_arkworks")


class Checker:
    def __init__(self, tmp: str):
        self.tmp = tmp
        self.passed = 0
        self.failed = 0
        self.counter = 0

    def script(self, name: str, args: list, expect: int, label: str) -> None:
        cmd = [sys.executable, os.path.join(HERE, name + ".py")] + args
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode == expect:
            self.passed += 1
            print(f"PASS {name}: {label}", flush=True)
        else:
            self.failed += 1
            why = (proc.stderr.strip().splitlines() or ["(no stderr)"])[-1]
            print(f"FAIL {name}: {label}: exit {proc.returncode}, expected {expect} ({why})", flush=True)

    def write(self, obj) -> str:
        self.counter += 1
        path = os.path.join(self.tmp, f"f{self.counter}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(obj, f)
        return path

    def verify_all(self, vk: str, public: str, proof: str, expect: int, label: str) -> None:
        for v in VERIFIERS:
            self.script(v, [vk, public, proof], expect, label)


def load(path: str):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def bump(public_path: str) -> list:
    pub = load(public_path)
    pub[0] = str(int(pub[0]) + 1)
    return pub


def g2_outside_subgroup(vectors: str) -> list:
    """pi_B taken from the EIP-197 failure case 'pairing_g2_not_in_subgroup' (on the twist, not order r)."""
    cases = load(os.path.join(vectors, "eip196_197", "derived_failure_cases.json"))
    case = next(c for c in cases if c["Name"] == "pairing_g2_not_in_subgroup")
    w = [int(case["Input"][64 * i:64 * (i + 1)], 16) for i in range(6)]
    # EIP-197 order: x.c1, x.c0, y.c1, y.c0 after the 64-byte G1 point
    return [[str(w[3]), str(w[2])], [str(w[5]), str(w[4])], ["1", "0"]]


def find_vectors() -> str:
    if os.environ.get("ZKCLEAR_VECTORS"):
        return os.environ["ZKCLEAR_VECTORS"]
    d = ROOT
    while True:
        parent = os.path.dirname(d)
        candidate = os.path.join(parent, "shared", "vectors")
        if os.path.isdir(candidate) or parent == d:
            return candidate if os.path.isdir(candidate) else os.path.join(os.path.dirname(ROOT), "shared", "vectors")
        d = parent


def main() -> int:
    vectors = sys.argv[1] if len(sys.argv) > 1 else find_vectors()
    snark = os.path.join(vectors, "snarkjs")
    g23 = os.path.join(snark, "groth16_2023")
    a21 = os.path.join(snark, "ark_mycircuit_2021")
    a24 = os.path.join(snark, "ark_mycircuit_2024")
    if not all(os.path.isdir(d) for d in (g23, a21, a24)):
        print(f"SKIP shared vectors not found at {vectors} (they live in ../shared/vectors beside the package)")
        return 2

    with tempfile.TemporaryDirectory(prefix="zkclear-interop-") as tmp:
        c = Checker(tmp)
        vk23 = os.path.join(g23, "verification_key.derived.json")
        vk21 = os.path.join(a21, "verification_key.json")

        # 1. upstream proofs verify; a tampered public input does not
        c.verify_all(vk23, os.path.join(g23, "public.json"), os.path.join(g23, "proof.json"), 0, "groth16_2023 upstream proof verifies")
        c.verify_all(vk21, os.path.join(a21, "public.json"), os.path.join(a21, "proof.json"), 0, "ark_mycircuit_2021 upstream proof verifies")
        c.verify_all(os.path.join(a24, "verification_key.json"), os.path.join(a21, "public.json"), os.path.join(a21, "proof.json"), 0,
                     "ark_mycircuit_2024 key accepts the 2021 proof")
        c.verify_all(vk23, c.write(bump(os.path.join(g23, "public.json"))), os.path.join(g23, "proof.json"), 1, "groth16_2023 public+1 rejected")
        c.verify_all(vk21, c.write(bump(os.path.join(a21, "public.json"))), os.path.join(a21, "proof.json"), 1, "ark_mycircuit_2021 public+1 rejected")

        # 2. the derived verifier cases (valid, tampered, non-canonical, off-curve, swapped, ...)
        cases = load(os.path.join(g23, "verify_cases.derived.json"))
        for case in cases["cases"]:
            c.verify_all(vk23, c.write(case["publicSignals"]), c.write(case["proof"]), 0 if case["expectedValid"] else 1,
                         f"verify_cases {case['name']}")

        # 3. soundness extras: pi_B outside the r-subgroup, wrong public count, corrupted key, bad files
        proof23 = load(os.path.join(g23, "proof.json"))
        bad = copy.deepcopy(proof23)
        bad["pi_b"] = g2_outside_subgroup(vectors)
        c.verify_all(vk23, os.path.join(g23, "public.json"), c.write(bad), 1, "pi_B on the twist but outside the r-subgroup rejected")
        c.verify_all(vk23, c.write(load(os.path.join(g23, "public.json")) + ["1"]), os.path.join(g23, "proof.json"), 1,
                     "one public signal too many rejected")
        vk_bad = load(vk23)
        vk_bad["IC"][1], vk_bad["IC"][0] = vk_bad["IC"][0], vk_bad["IC"][1]
        c.verify_all(c.write(vk_bad), os.path.join(g23, "public.json"), os.path.join(g23, "proof.json"), 1, "key with IC swapped rejects the proof")
        vk_ab = load(vk21)
        vk_ab["vk_alphabeta_12"][0][0][0] = str(int(vk_ab["vk_alphabeta_12"][0][0][0]) + 1)
        c.script("verify_pyecc", [c.write(vk_ab), os.path.join(a21, "public.json"), os.path.join(a21, "proof.json")], 1,
                 "inconsistent vk_alphabeta_12 rejected")
        c.verify_all(os.path.join(tmp, "missing.json"), os.path.join(g23, "public.json"), os.path.join(g23, "proof.json"), 2, "missing key file is an error")
        notjson = os.path.join(tmp, "notjson.json")
        with open(notjson, "w") as f:
            f.write("{ not json")
        c.verify_all(vk23, os.path.join(g23, "public.json"), notjson, 2, "proof that is not JSON is an error")

        # 4. arkworks proves (setup on the .r1cs), both verifiers accept, tampering is caught
        for name, r1cs, wtns in (("groth16_2023", os.path.join(g23, "circuit.r1cs"), os.path.join(g23, "witness.wtns")),
                                 ("ark_mycircuit_2021", os.path.join(a21, "mycircuit.r1cs"), os.path.join(a21, "witness.wtns"))):
            out = os.path.join(tmp, "ark_" + name)
            c.script("ark_prove", [r1cs, wtns, out], 0, f"{name}: setup + prove")
            files = [os.path.join(out, f) for f in ("verification_key.json", "public.json", "proof.json")]
            if not all(os.path.isfile(f) for f in files):
                continue
            c.verify_all(*files, 0, f"{name}: arkworks proof verifies")
            c.verify_all(files[0], c.write(bump(files[1])), files[2], 1, f"{name}: arkworks proof with public+1 rejected")
            expected_public = load(os.path.join(g23 if name == "groth16_2023" else a21, "public.json"))
            if load(files[1]) == expected_public:
                c.passed += 1
                print(f"PASS ark_prove: {name}: public.json equals the upstream public.json")
            else:
                c.failed += 1
                print(f"FAIL ark_prove: {name}: public.json {load(files[1])} != upstream {expected_public}")
        bad_wtns = os.path.join(tmp, "bad.wtns")
        with open(os.path.join(g23, "witness.wtns"), "rb") as f:
            data = bytearray(f.read())
        data[-5] ^= 1  # perturb the last witness value: it no longer satisfies its constraint
        with open(bad_wtns, "wb") as f:
            f.write(data)
        c.script("ark_prove", [os.path.join(g23, "circuit.r1cs"), bad_wtns, os.path.join(tmp, "ark_bad")], 1, "unsatisfying witness gives no proof")
        c.script("ark_prove", [os.path.join(g23, "circuit.r1cs"), os.path.join(snark, "circuit2", "witness.wtns"), os.path.join(tmp, "ark_bad2")], 1,
                 "witness of another circuit gives no proof")

        print(f"selfcheck: {c.passed} passed, {c.failed} failed")
        return 0 if c.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
