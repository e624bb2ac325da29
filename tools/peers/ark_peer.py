#!/usr/bin/env python3
"""Benchmark peer: arkworks Groth16 on BN254 through groth16py 0.2.0 (Rust, PyO3).

usage: ark_peer.py --r1cs CIRCUIT.r1cs --wtns WITNESS.wtns [--quick] [--repeats N]
stdout: ONE JSON object {"setup": s, "prove": s, "verify": s, ...}; diagnostics on stderr.
exit:   0 = measured, 2 = error (unreadable files, arkworks refused them, or its proof did not verify)

What is timed (each is one call into Rust, so the Python overhead, ~1 us, is negligible):
  setup            groth16py.setup(r1cs_path): reads the .r1cs and runs arkworks' single-party
                   circuit-specific setup (random toxic waste) -> (ProvingKey, VerifyingKey)
  prove            groth16py.prove_wtns(pk, wtns_path): reads the .wtns and proves; returns the
                   256-byte Ethereum proof blob (file reading is included, as in snarkjs' CLI)
  verify           Verifier(vk).verify(blob, public) on an already prepared verifier
  verify (with key preparation)   Verifier(vk) construction + verify
Other keys: "constraints", "public inputs" (counts, not seconds) and "arkworks threads (observed)",
the most OS threads seen in this process while prove runs (rayon; 1 = single-threaded).
Figures are the minimum over the repeats (default 3 for setup/prove, more for verify).
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import sys
import threading
import time

import groth16py

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "interop"))
import snarkjs_json as sj  # noqa: E402


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def r1cs_constraints(path: str) -> int:
    """mConstraints from the .r1cs header (FORMATS.md section 1)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"r1cs":
        raise sj.Malformed(f"circuit {path}: missing 'r1cs' magic")
    (n_sections,) = struct.unpack_from("<I", data, 8)
    pos = 12
    for _ in range(n_sections):
        sid, size = struct.unpack_from("<IQ", data, pos)
        pos += 12
        if sid == 1:
            (n8,) = struct.unpack_from("<I", data, pos)
            return struct.unpack_from("<I", data, pos + 4 + n8 + 16 + 8)[0]
        pos += size
    raise sj.Malformed(f"circuit {path}: no header section")


def count_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return -1


def best_of(n: int, fn):
    best, result = float("inf"), None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--r1cs", required=True)
    ap.add_argument("--wtns", required=True)
    ap.add_argument("--quick", action="store_true", help="one repeat of setup and prove")
    ap.add_argument("--repeats", type=int, default=3, help="repeats of setup and prove (best is reported)")
    args = ap.parse_args()
    repeats = 1 if args.quick else max(1, args.repeats)
    try:
        for path, what in ((args.r1cs, "circuit"), (args.wtns, "witness")):
            if not os.path.isfile(path):
                raise sj.Malformed(f"{what} {path}: no such file")
        constraints = r1cs_constraints(args.r1cs)
        witness = sj.read_wtns(args.wtns)

        t_setup, (pk, vk) = best_of(1, lambda: groth16py.setup(args.r1cs))
        if repeats > 1 and t_setup < 30:
            t2, (pk, vk) = best_of(repeats - 1, lambda: groth16py.setup(args.r1cs))
            t_setup = min(t_setup, t2)
        log(f"ark_peer: setup {t_setup:.4g} s ({constraints} constraints, nPublic {vk.n_public})")

        # prove, sampling the thread count while it runs (the extension releases the GIL or not;
        # either way /proc/self/task shows rayon's workers once they exist)
        baseline = count_threads()
        seen = [baseline]
        done = threading.Event()

        def sampler():
            while not done.is_set():
                seen.append(count_threads())
                time.sleep(0.001)

        th = threading.Thread(target=sampler, daemon=True)
        th.start()
        time.sleep(0.005)
        baseline = count_threads()
        t_prove, blob = best_of(repeats, lambda: groth16py.prove_wtns(pk, args.wtns))
        done.set()
        th.join()
        threads = max(1, 1 + max(seen) - baseline)
        log(f"ark_peer: prove {t_prove:.4g} s, OS threads seen during prove: {threads} (machine has {os.cpu_count()} cores)")

        public = witness[1:vk.n_public + 1]
        verifier = groth16py.Verifier(vk)
        if not verifier.verify(blob, public):
            raise sj.Malformed("arkworks' proof does not verify: the witness does not satisfy the circuit")
        t_once, _ = best_of(1, lambda: verifier.verify(blob, public))
        n_verify = max(3, min(200, int(0.5 / max(t_once, 1e-6))))
        t_verify, ok = best_of(n_verify, lambda: verifier.verify(blob, public))
        t_verify_prep, _ = best_of(max(3, n_verify // 4), lambda: groth16py.Verifier(vk).verify(blob, public))
        bad = list(public)
        if bad:
            bad[0] = (bad[0] + 1) % sj.R
            if verifier.verify(blob, bad):
                raise sj.Malformed("arkworks accepted a tampered public input: the timing would be meaningless")
        log(f"ark_peer: verify {t_verify * 1e3:.4g} ms (prepared), {t_verify_prep * 1e3:.4g} ms with key preparation")
    except (sj.Malformed, sj.Rejected) as e:
        log(f"ark_peer: {e}")
        return 2
    except (groth16py.SetupError, groth16py.WitnessError, groth16py.EncodingError, groth16py.VerificationError, OSError) as e:
        log(f"ark_peer: arkworks failed: {type(e).__name__}: {e}")
        return 2

    print(json.dumps({
        "setup": t_setup,
        "prove": t_prove,
        "verify": t_verify,
        "verify (with key preparation)": t_verify_prep,
        "constraints": float(constraints),
        "public inputs": float(vk.n_public),
        "arkworks threads (observed)": float(threads),
    }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
