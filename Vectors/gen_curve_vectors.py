#!/usr/bin/env python3
"""Known-answer vectors for zkclear's G1/G2 arithmetic, computed with py_ecc 8.0.0 (an
independent implementation). Writes Vectors/curve_vectors.json next to this script.

    python3 -m venv .venv && .venv/bin/pip install py-ecc==8.0.0
    .venv/bin/python Vectors/gen_curve_vectors.py

Encoding in the JSON: every integer is a decimal string. A G1 point is [x, y]; a G2 point is
[[x.c0, x.c1], [y.c0, y.c1]] (real part first, u^2 = -1); infinity is all zeros. Scalars are
plain integers in [0, 2^256) and are NOT reduced mod r. The seed is fixed, so re-running the
script reproduces the file byte for byte.
"""
import json
import os
import random

from py_ecc import optimized_bn128 as bn


R = bn.curve_order
P = bn.field_modulus
rng = random.Random(20260522)


def affine(pt):
    return bn.normalize(pt) if not bn.is_inf(pt) else None


def g1_json(pt):
    a = affine(pt)
    if a is None:
        return ["0", "0"]
    return [str(int(a[0])), str(int(a[1]))]


def g2_json(pt):
    a = affine(pt)
    if a is None:
        return [["0", "0"], ["0", "0"]]
    x, y = a
    return [[str(int(x.coeffs[0])), str(int(x.coeffs[1]))], [str(int(y.coeffs[0])), str(int(y.coeffs[1]))]]


def rand_scalar():
    return rng.randrange(1, R)


SCALARS = [0, 1, 2, 3, R - 1, R, R + 1, 2**256 - 1, 2**255, 2**128 + 7]


def group_vectors(gen, zero, to_json, n_random):
    pts = [bn.multiply(gen, rand_scalar()) for _ in range(n_random)]
    add, dbl, mul = [], [], []
    for i in range(n_random):
        p, q = pts[i], pts[(i + 1) % n_random]
        add.append({"a": to_json(p), "b": to_json(q), "sum": to_json(bn.add(p, q))})
        dbl.append({"a": to_json(p), "double": to_json(bn.double(p))})
    # edge cases of addition: P + P, P + (-P), O + P, P + O, O + O
    p = pts[0]
    for a, b in [(p, p), (p, bn.neg(p)), (zero, p), (p, zero), (zero, zero)]:
        add.append({"a": to_json(a), "b": to_json(b), "sum": to_json(bn.add(a, b))})
    dbl.append({"a": to_json(zero), "double": to_json(zero)})
    scalars = SCALARS + [rng.randrange(0, 2**256) for _ in range(4)]
    for k in scalars:
        base = pts[rng.randrange(n_random)]
        mul.append({"point": to_json(base), "scalar": str(k), "product": to_json(bn.multiply(base, k))})
    return add, dbl, mul


def pairing_check_cases():
    """e(aP, bQ) * e(-abP, Q) = 1 (true) and perturbed versions (false)."""
    cases = []
    for i in range(2):
        a, b = rand_scalar(), rand_scalar()
        p1 = bn.multiply(bn.G1, a)
        q1 = bn.multiply(bn.G2, b)
        p2 = bn.neg(bn.multiply(bn.G1, a * b % R))
        q2 = bn.G2
        good = [[g1_json(p1), g2_json(q1)], [g1_json(p2), g2_json(q2)]]
        cases.append({"pairs": good, "expected": True, "note": "e(aG1, bG2) * e(-abG1, G2) = 1"})
        bad_p2 = bn.neg(bn.multiply(bn.G1, (a * b + 1) % R))
        cases.append({"pairs": [[g1_json(p1), g2_json(q1)], [g1_json(bad_p2), g2_json(q2)]],
                      "expected": False, "note": "e(aG1, bG2) * e(-(ab+1)G1, G2) != 1"})
    # with infinity in a pair: e(O, Q) = 1
    cases.append({"pairs": [[g1_json(bn.Z1), g2_json(bn.G2)]], "expected": True, "note": "e(O, G2) = 1"})
    cases.append({"pairs": [[g1_json(bn.G1), g2_json(bn.G2)]], "expected": False, "note": "e(G1, G2) != 1"})
    # check the claims with py_ecc's pairing (final exponentiation included)
    for c in cases:
        acc = bn.FQ12.one()
        for g1, g2 in c["pairs"]:
            p = (bn.FQ(int(g1[0])), bn.FQ(int(g1[1])), bn.FQ.one()) if g1 != ["0", "0"] else bn.Z1
            q = (bn.FQ2([int(v) for v in g2[0]]), bn.FQ2([int(v) for v in g2[1]]), bn.FQ2.one())
            acc = acc * bn.pairing(q, p)
        assert (acc == bn.FQ12.one()) == c["expected"], c["note"]
    return cases


def main():
    g1_add, g1_dbl, g1_mul = group_vectors(bn.G1, bn.Z1, g1_json, 8)
    g2_add, g2_dbl, g2_mul = group_vectors(bn.G2, bn.Z2, g2_json, 5)
    out = {
        "generator": "Vectors/gen_curve_vectors.py with py_ecc 8.0.0 (optimized_bn128), seed 20260522",
        "encoding": "decimal strings; G1 [x, y]; G2 [[x.c0, x.c1], [y.c0, y.c1]] real part first; infinity all zeros; scalars unreduced",
        "g1": {"add": g1_add, "double": g1_dbl, "mul": g1_mul},
        "g2": {"add": g2_add, "double": g2_dbl, "mul": g2_mul},
        "pairing_check": pairing_check_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "curve_vectors.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
