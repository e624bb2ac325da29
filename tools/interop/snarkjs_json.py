"""Shared helpers for the interop scripts: snarkjs Groth16 JSON <-> py_ecc points, checks, wtns.

Test tooling only (never part of zkclear). Formats follow ../shared/vectors/FORMATS.md:
  * G1 points are [x, y, z] decimal strings; z = "1" (affine) or z = "0" (point at infinity).
  * G2 points are [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] with c0 the real part.
  * public.json is a list of decimal strings, each in [0, r).
  * vk_alphabeta_12 is e(alpha1, beta2) in the tower Fp12 = Fp6[w]/(w^2 - v), Fp6 = Fp2[v]/(v^3 - xi),
    xi = 9 + u, laid out [[c0.a0, c0.a1, c0.a2], [c1.a0, c1.a1, c1.a2]], each a Fp2 pair [re, im].

Exit codes used by every interop script: 0 = yes (verified / done), 1 = no (rejected), 2 = error.
"""

from __future__ import annotations

import json
import struct
import sys

from py_ecc.optimized_bn128 import (
    FQ,
    FQ2,
    FQ12,
    Z1,
    Z2,
    b,
    b2,
    curve_order,
    field_modulus,
    is_inf,
    is_on_curve,
    multiply,
    pairing,
)

Q = field_modulus
R = curve_order
BN_X = 4965661367192848881  # BN parameter x (u) of alt_bn128

EXIT_YES, EXIT_NO, EXIT_ERROR = 0, 1, 2


class Rejected(Exception):
    """The input is well-formed JSON but is not a valid proof/key/statement (exit 1)."""


class Malformed(Exception):
    """The input cannot be read or does not have the snarkjs shape at all (exit 2)."""


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def load_json(path: str, what: str):
    try:
        with open(path, "r", encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise Malformed(f"{what} {path}: cannot read: {e}") from e
    except json.JSONDecodeError as e:
        raise Malformed(f"{what} {path}: not JSON: {e}") from e


def _int(value, what: str) -> int:
    """A snarkjs decimal string (ints are tolerated too)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise Malformed(f"{what}: expected a decimal string, got {type(value).__name__}")
    if isinstance(value, int):
        return value
    text = value.strip()
    if not text.isdigit():
        raise Malformed(f"{what}: expected a decimal string, got {value!r}")
    return int(text)


def coordinate(value, what: str) -> int:
    v = _int(value, what)
    if v >= Q:
        raise Rejected(f"{what}: coordinate {v} is not canonical (>= q)")
    return v


def g1(value, what: str):
    """snarkjs G1 [x, y, z] -> py_ecc Jacobian-free projective point, checked on the curve."""
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise Malformed(f"{what}: expected [x, y, z], got {json.dumps(value)[:80]}")
    x, y = coordinate(value[0], f"{what}.x"), coordinate(value[1], f"{what}.y")
    z = _int(value[2], f"{what}.z") if len(value) == 3 else 1
    if z == 0:
        return Z1
    if z != 1:
        raise Malformed(f"{what}: z = {z}; only affine points (z = 1) or infinity (z = 0) are supported")
    p = (FQ(x), FQ(y), FQ.one())
    if not is_on_curve(p, b):
        raise Rejected(f"{what}: ({x}, {y}) is not on y^2 = x^3 + 3")
    return p  # G1 has cofactor 1: on the curve implies in the r-subgroup


def g2(value, what: str, subgroup: bool = True):
    """snarkjs G2 [[x0,x1],[y0,y1],[z0,z1]] -> py_ecc point, checked on the twist (and in the r-subgroup)."""
    if not isinstance(value, list) or len(value) not in (2, 3) or not all(isinstance(c, list) and len(c) == 2 for c in value):
        raise Malformed(f"{what}: expected [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]], got {json.dumps(value)[:80]}")
    x = [coordinate(c, f"{what}.x") for c in value[0]]
    y = [coordinate(c, f"{what}.y") for c in value[1]]
    z = [_int(c, f"{what}.z") for c in value[2]] if len(value) == 3 else [1, 0]
    if z == [0, 0]:
        return Z2
    if z != [1, 0]:
        raise Malformed(f"{what}: z = {z}; only affine points (z = [1, 0]) or infinity ([0, 0]) are supported")
    p = (FQ2(x), FQ2(y), FQ2.one())
    if not is_on_curve(p, b2):
        raise Rejected(f"{what}: not on the twist y^2 = x^3 + 3/(9+u)")
    if subgroup and not is_inf(multiply(p, R)):
        raise Rejected(f"{what}: on the twist but not in the order-r subgroup")
    return p


def public_signals(value, what: str = "public.json") -> list[int]:
    if not isinstance(value, list):
        raise Malformed(f"{what}: expected a list of decimal strings")
    out = []
    for i, s in enumerate(value):
        v = _int(s, f"{what}[{i}]")
        if v >= R:
            raise Rejected(f"{what}[{i}] = {v} is not a canonical field element (>= r)")
        out.append(v)
    return out


def verification_key(vk) -> dict:
    """Parsed and checked snarkjs Groth16 verification_key.json."""
    if not isinstance(vk, dict):
        raise Malformed("verification key: expected a JSON object")
    if vk.get("protocol") != "groth16":
        raise Malformed(f"verification key: protocol is {vk.get('protocol')!r}, expected 'groth16'")
    if vk.get("curve", "bn128") not in ("bn128", "bn254", "alt_bn128"):
        raise Malformed(f"verification key: curve {vk.get('curve')!r} is not BN254")
    for key in ("nPublic", "vk_alpha_1", "vk_beta_2", "vk_gamma_2", "vk_delta_2", "IC"):
        if key not in vk:
            raise Malformed(f"verification key: missing field {key!r}")
    n = _int(vk["nPublic"], "verification key.nPublic")
    ic = vk["IC"]
    if not isinstance(ic, list) or len(ic) != n + 1:
        raise Rejected(f"verification key: IC has {len(ic) if isinstance(ic, list) else '?'} points, expected nPublic+1 = {n + 1}")
    return {
        "nPublic": n,
        "alpha": g1(vk["vk_alpha_1"], "vk_alpha_1"),
        "beta": g2(vk["vk_beta_2"], "vk_beta_2"),
        "gamma": g2(vk["vk_gamma_2"], "vk_gamma_2"),
        "delta": g2(vk["vk_delta_2"], "vk_delta_2"),
        "IC": [g1(p, f"IC[{i}]") for i, p in enumerate(ic)],
        "alphabeta": vk.get("vk_alphabeta_12"),
    }


def proof(pr) -> dict:
    if not isinstance(pr, dict):
        raise Malformed("proof: expected a JSON object")
    if pr.get("protocol", "groth16") != "groth16":
        raise Malformed(f"proof: protocol is {pr.get('protocol')!r}, expected 'groth16'")
    for key in ("pi_a", "pi_b", "pi_c"):
        if key not in pr:
            raise Malformed(f"proof: missing field {key!r}")
    return {"A": g1(pr["pi_a"], "pi_a"), "B": g2(pr["pi_b"], "pi_b"), "C": g1(pr["pi_c"], "pi_c")}


# ---- Fp12 layout conversion ------------------------------------------------------------------
# py_ecc represents Fp12 as Fp[w]/(w^12 - 18 w^6 + 82). With v = w^2 and u = w^6 - 9 (so that
# u^2 = -1 and v^3 = w^6 = 9 + u = xi), the tower element sum_{i,j} (x_ij + y_ij u) w^(2j+i)
# has py_ecc coefficient x_ij - 9 y_ij at w^(2j+i) and y_ij at w^(2j+i+6).

def fq12_to_tower(e) -> list:
    c = [int(x) % Q for x in e.coeffs]
    out = [[None] * 3 for _ in range(2)]
    for i in range(2):
        for j in range(3):
            k = 2 * j + i
            y = c[k + 6]
            x = (c[k] + 9 * y) % Q
            out[i][j] = [str(x), str(y)]
    return out


def tower_to_fq12(t, what: str = "vk_alphabeta_12"):
    if not (isinstance(t, list) and len(t) == 2 and all(isinstance(a, list) and len(a) == 3 for a in t)):
        raise Malformed(f"{what}: expected [[3 x Fp2], [3 x Fp2]]")
    c = [0] * 12
    for i in range(2):
        for j in range(3):
            pair = t[i][j]
            if not (isinstance(pair, list) and len(pair) == 2):
                raise Malformed(f"{what}[{i}][{j}]: expected [re, im]")
            x, y = coordinate(pair[0], f"{what}[{i}][{j}].re"), coordinate(pair[1], f"{what}[{i}][{j}].im")
            k = 2 * j + i
            c[k] = (x - 9 * y) % Q
            c[k + 6] = y
    return FQ12(c)


# snarkjs (ffjavascript) and mcl use a final exponentiation whose hard part (Fuentes-Castaneda et al.)
# raises to 2x(6x^2+3x+1) times the exact (q^12-1)/r that py_ecc uses. Measured on the upstream
# arkworks/snarkjs verification_key.json: e_snarkjs = e_pyecc ^ (2x(6x^2+3x+1) mod r).
SNARKJS_GT_POWER = (2 * BN_X * (6 * BN_X * BN_X + 3 * BN_X + 1)) % R


def alphabeta_snarkjs(alpha, beta) -> list:
    """vk_alphabeta_12 exactly as `snarkjs zkey export verificationkey` writes it."""
    return fq12_to_tower(pairing(beta, alpha) ** SNARKJS_GT_POWER)


# ---- point export ----------------------------------------------------------------------------

def g1_json(x: int, y: int) -> list:
    return [str(x), str(y), "1"]


def g2_json(x0: int, x1: int, y0: int, y1: int) -> list:
    return [[str(x0), str(x1)], [str(y0), str(y1)], ["1", "0"]]


def ethereum_proof_to_snarkjs(blob: bytes) -> dict:
    """groth16py's 256-byte Ethereum proof blob -> snarkjs proof.json.

    Layout (32-byte big-endian words): A.x A.y | B.x.c1 B.x.c0 B.y.c1 B.y.c0 | C.x C.y,
    i.e. the EIP-197 order with the imaginary part first in G2."""
    if len(blob) != 256:
        raise Malformed(f"proof blob: {len(blob)} bytes, expected 256")
    w = [int.from_bytes(blob[32 * i:32 * (i + 1)], "big") for i in range(8)]
    return {
        "pi_a": g1_json(w[0], w[1]),
        "pi_b": g2_json(w[3], w[2], w[5], w[4]),
        "pi_c": g1_json(w[6], w[7]),
        "protocol": "groth16",
        "curve": "bn128",
    }


# ---- .wtns -----------------------------------------------------------------------------------

def read_wtns(path: str) -> list[int]:
    """Witness values from a circom .wtns (FORMATS.md section 2), in wire order."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise Malformed(f"witness {path}: cannot read: {e}") from e
    if len(data) < 12 or data[:4] != b"wtns":
        raise Malformed(f"witness {path}: missing 'wtns' magic")
    (_version, n_sections) = struct.unpack_from("<II", data, 4)
    pos, sections = 12, {}
    for _ in range(n_sections):
        if pos + 12 > len(data):
            raise Malformed(f"witness {path}: truncated section table")
        sid, size = struct.unpack_from("<IQ", data, pos)
        pos += 12
        if pos + size > len(data):
            raise Malformed(f"witness {path}: section {sid} overruns the file")
        sections.setdefault(sid, (pos, size))
        pos += size
    if 1 not in sections or 2 not in sections:
        raise Malformed(f"witness {path}: sections 1 (header) and 2 (values) are required")
    hpos, _ = sections[1]
    (n8,) = struct.unpack_from("<I", data, hpos)
    prime = int.from_bytes(data[hpos + 4:hpos + 4 + n8], "little")
    (count,) = struct.unpack_from("<I", data, hpos + 4 + n8)
    if prime != R:
        raise Malformed(f"witness {path}: prime {prime} is not the BN254 scalar field r")
    vpos, vsize = sections[2]
    if vsize != count * n8:
        raise Malformed(f"witness {path}: values section is {vsize} bytes, expected {count} x {n8}")
    return [int.from_bytes(data[vpos + n8 * i:vpos + n8 * (i + 1)], "little") for i in range(count)]


def run(main) -> None:
    """Run main() -> bool and map the outcome onto the interop exit codes."""
    try:
        ok = main()
    except Rejected as e:
        log(f"rejected: {e}")
        sys.exit(EXIT_NO)
    except Malformed as e:
        log(f"error: {e}")
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_YES if ok else EXIT_NO)
