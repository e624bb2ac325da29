#!/usr/bin/env python3
"""Pairing known-answer vectors from py_ecc (independent of zkclear).

Writes Vectors/pairing_vectors.json:
  * "values": e(P, Q) = py_ecc.bn128.pairing(Q, P) for a few (P = [a]G1, Q = [b]G2), with the Fp12
    value as py_ecc's 12 coefficients (a polynomial in w with w^12 = 18 w^6 - 82, i.e. u = w^6 - 9).
    zkclear's pairing is the m-th power of this value, m = 2x(6x^2 + 3x + 1) (Fuentes-Castaneda
    hard part); the Swift test converts and compares exactly.
  * "checks": random multi-pairing checks prod e(P_i, Q_i) == 1 with py_ecc's verdict, both true
    (scalars chosen to cancel) and false cases.
Run: /work/main/.venv/bin/python Vectors/gen_pairing_vectors.py   (py-ecc==8.0.0; ~1 minute)
"""
import json, random
from py_ecc.bn128 import G1, G2, multiply, pairing, curve_order, FQ12

rng = random.Random(20261122)
r = curve_order

def g1(P): return [str(int(P[0])), str(int(P[1]))]
def g2(Q): return [[str(int(Q[0].coeffs[0])), str(int(Q[0].coeffs[1]))],
                   [str(int(Q[1].coeffs[0])), str(int(Q[1].coeffs[1]))]]

values = []
for (a, b) in [(1, 1), (rng.randrange(1, r), rng.randrange(1, r))]:
    P = multiply(G1, a); Q = multiply(G2, b)
    e = pairing(Q, P)
    values.append({"a": str(a), "b": str(b), "P": g1(P), "Q": g2(Q),
                   "e": [str(int(c)) for c in e.coeffs]})

checks = []
for n in range(4):
    k = 2 + (n % 2)
    scal = [(rng.randrange(1, r), rng.randrange(1, r)) for _ in range(k - 1)]
    s = sum(x * y for x, y in scal) % r
    # last pair cancels the sum: (c)(1) with c = -s, so prod e = e(G1,G2)^(sum + c) = 1
    scal.append(((-s) % r, 1))
    truth = True
    if n >= 2:
        scal[0] = ((scal[0][0] + 1) % r, scal[0][1]); truth = False
    pts = [(multiply(G1, x), multiply(G2, y)) for x, y in scal]
    acc = FQ12.one()
    for P, Q in pts:
        acc = acc * pairing(Q, P)      # py_ecc's pairing includes the final exponentiation
    verdict = acc == FQ12.one()
    assert verdict == truth
    checks.append({"pairs": [[g1(P), g2(Q)] for P, Q in pts], "expected": verdict})

with open(__file__.replace("gen_pairing_vectors.py", "pairing_vectors.json"), "w") as f:
    json.dump({"generator": "py_ecc 8.0.0 (Vectors/gen_pairing_vectors.py)", "values": values, "checks": checks}, f, indent=1)
print("ok", len(values), len(checks))
