#!/usr/bin/env python3
"""Benchmark peer: herumi/mcl (PyPI mclbn256 1.3.5, mcl 1.61 via ctypes) on Ethereum's BN254.

usage: mcl_peer.py fields|curves|pairing|msm|all [--sizes 1024,4096,...] [--quick] [--clock wall|cpu]
stdout: ONE JSON object {"operation name": seconds_per_op, ...}; diagnostics go to stderr.
exit:   0 = measured, 2 = mcl could not be loaded or does not compute alt_bn128.

Curve: mclbn256 initialises mcl with curve id 0 (MCL_BN254, mcl's own BN254 with a different
p and r). This script calls mclBn_init(4 = MCL_BN_SNARK1, MCLBN_COMPILED_TIME_VAR = 44), which is
alt_bn128 / bn128 / BN254 as Ethereum, circom and snarkjs use it, and then checks that claim
against py_ecc before measuring anything: p and r, the G1 generator (1, 2) and py_ecc's G2
generator are valid mcl points, [k]G1 agrees with py_ecc, bilinearity e([a]P,[b]Q) = e([ab]P,Q)
holds, and mcl's e(G1, G2) equals py_ecc's (in the snarkjs final-exponentiation convention).

Timing: every C function is called through ctypes, which costs a few hundred ns per call
("ctypes call overhead": a libc no-op with the same number of pre-built pointer arguments, in
the same Python loop). Per-op figures for single calls are (time per call - that overhead);
where the overhead is more than a few times the operation (field ops, G1/G2 add and double,
Fp12 ops) the figure is noise-dominated and "swamped" (listed on stderr and in tools/README.md).
Honest amortised figures come from mcl functions that loop in C: "Fr multiply+add (Horner, one
call)" (mclBn_FrEvaluatePolynomial), "G1 scalar multiply+add (Horner, one call)",
"multi-pairing (4 pairs)" (mclBn_millerLoopVec + mclBn_finalExp) and the MSMs (mclBnG1_mulVec).
Each figure is the minimum over several repeats (the machine is shared).

Threads: the PyPI build has no OpenMP; "mcl threads (observed)" is the largest number of extra
OS threads seen while mclBnG1_mulVecMT(cpuN = 0, i.e. all cores) runs; 1 means single-threaded.
MSM above 2^17 points needs a large stack: in msm mode the script raises RLIMIT_STACK to
unlimited and re-executes itself (same effect as `ulimit -s unlimited` in the caller).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import sys
import threading
import time

MCL_BN_SNARK1 = 4  # mcl include/mcl/curve_type.h: MCL_BN254 = 0, ..., MCL_BN_SNARK1 = 4
REEXEC_FLAG = "ZKCLEAR_MCL_PEER_STACK"
CLOCK = time.perf_counter  # --clock cpu: time.thread_time (mcl runs single-threaded in this thread)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def ensure_big_stack(needed: bool) -> None:
    """mcl's mulVec keeps per-call tables on the stack; 2^18+ points overflow the default 8 MiB."""
    if not needed:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    if soft == resource.RLIM_INFINITY:
        return
    if os.environ.get(REEXEC_FLAG):
        log(f"mcl_peer: stack limit is still {soft} bytes after re-exec; large MSMs may crash")
        return
    try:
        resource.setrlimit(resource.RLIMIT_STACK, (hard, hard))
    except (ValueError, OSError) as e:
        log(f"mcl_peer: cannot raise the stack limit ({e}); run `ulimit -s unlimited` first for MSMs above 2^17")
        return
    # The main thread's stack gap is fixed at exec time: re-exec so the new limit applies.
    os.environ[REEXEC_FLAG] = "1"
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable] + sys.argv)


# ---- loading mcl on alt_bn128 ----------------------------------------------------------------

Fr = ctypes.c_uint64 * 4
Fp = ctypes.c_uint64 * 4
Fp2 = ctypes.c_uint64 * 8
G1 = ctypes.c_uint64 * 12   # Jacobian x, y, z
G2 = ctypes.c_uint64 * 24
GT = ctypes.c_uint64 * 48


class Mcl:
    def __init__(self):
        import mclbn256.mclbn256 as binding  # writes mcl's .so to a temp dir, loads it, inits curve 0

        self.lib = binding.lib
        self.version = self.lib.mclBn_getVersion()
        ret = self.lib.mclBn_init(MCL_BN_SNARK1, binding.MCLBN_COMPILED_TIME_VAR)
        if ret != 0:
            raise RuntimeError(f"mclBn_init(MCL_BN_SNARK1={MCL_BN_SNARK1}, {binding.MCLBN_COMPILED_TIME_VAR}) returned {ret}")
        void = [
            "mclBnFr_mul", "mclBnFr_sqr", "mclBnFr_add", "mclBnFr_inv", "mclBnFp_mul", "mclBnFp_sqr", "mclBnFp_add",
            "mclBnFp_inv", "mclBnFp2_mul", "mclBnFp2_sqr", "mclBnGT_mul", "mclBnGT_sqr", "mclBnGT_pow", "mclBnG1_add",
            "mclBnG1_dbl", "mclBnG1_mul", "mclBnG1_normalize", "mclBnG2_add", "mclBnG2_dbl", "mclBnG2_mul",
            "mclBn_pairing", "mclBn_millerLoop", "mclBn_millerLoopVec", "mclBn_finalExp", "mclBnG1_mulVec",
            "mclBnG1_mulVecMT", "mclBnG1_neg", "mclBnG2_mulVec", "mclBnG2_normalize",
        ]
        for name in void:
            getattr(self.lib, name).restype = None

    def get_str(self, kind: str, x, mode: int = 10) -> str:
        buf = ctypes.create_string_buffer(4096)
        n = getattr(self.lib, f"mclBn{kind}_getStr")(buf, len(buf), x, mode)
        if n == 0:
            raise RuntimeError(f"mclBn{kind}_getStr failed")
        return buf.value.decode()

    def set_str(self, kind: str, x, text: str, mode: int = 10) -> None:
        data = text.encode()
        if getattr(self.lib, f"mclBn{kind}_setStr")(x, data, len(data), mode) != 0:
            raise RuntimeError(f"mclBn{kind}_setStr rejected {text[:60]}")

    def fr(self, value: int):
        x = Fr()
        self.set_str("Fr", x, str(value))
        return x

    def random_fr(self):
        x = Fr()
        self.lib.mclBnFr_setByCSPRNG(x)
        return x

    def random_fp(self):
        x = Fp()
        self.lib.mclBnFp_setByCSPRNG(x)
        return x


def check_alt_bn128(mcl: Mcl):
    """Fail loudly unless mcl now computes the same curve and pairing as py_ecc's alt_bn128."""
    from py_ecc.optimized_bn128 import G1 as PG1, G2 as PG2, curve_order, field_modulus, multiply, normalize, pairing

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "interop"))
    from snarkjs_json import SNARKJS_GT_POWER, fq12_to_tower

    lib = mcl.lib
    buf = ctypes.create_string_buffer(256)
    lib.mclBn_getCurveOrder(buf, 256)
    r = int(buf.value)
    lib.mclBn_getFieldOrder(buf, 256)
    p = int(buf.value)
    if (p, r) != (field_modulus, curve_order):
        raise RuntimeError(f"mcl field/curve order {p}/{r} are not alt_bn128's")
    g1 = G1()
    mcl.set_str("G1", g1, "1 1 2")
    x, y = normalize(PG2)
    g2 = G2()
    mcl.set_str("G2", g2, f"1 {x.coeffs[0]} {x.coeffs[1]} {y.coeffs[0]} {y.coeffs[1]}")
    if not (lib.mclBnG1_isValid(g1) and lib.mclBnG2_isValid(g2)):
        raise RuntimeError("alt_bn128 generators (1,2) / py_ecc G2 are not valid mcl points")
    k = 0x1234567890ABCDEF1234567890ABCDEF1234567890ABCDEF % r
    kg = G1()
    lib.mclBnG1_mul(kg, g1, mcl.fr(k))
    px, py = normalize(multiply(PG1, k))
    if mcl.get_str("G1", kg) != f"1 {px.n} {py.n}":
        raise RuntimeError("mcl [k]G1 differs from py_ecc")
    a, b = 1234567, 7654321
    ap, bq, abp = G1(), G2(), G1()
    lib.mclBnG1_mul(ap, g1, mcl.fr(a))
    lib.mclBnG2_mul(bq, g2, mcl.fr(b))
    lib.mclBnG1_mul(abp, g1, mcl.fr(a * b))
    e1, e2, e = GT(), GT(), GT()
    lib.mclBn_pairing(e1, ap, bq)
    lib.mclBn_pairing(e2, abp, g2)
    if not lib.mclBnGT_isEqual(e1, e2):
        raise RuntimeError("mcl pairing is not bilinear: e(aP, bQ) != e(abP, Q)")
    lib.mclBn_pairing(e, g1, g2)
    ours = mcl.get_str("GT", e).split()
    theirs = [c for fp6 in fq12_to_tower(pairing(PG2, PG1) ** SNARKJS_GT_POWER) for fp2 in fp6 for c in fp2]
    if ours != theirs:
        raise RuntimeError("mcl e(G1, G2) differs from py_ecc's alt_bn128 pairing")
    log(f"mcl_peer: mcl {mcl.version >> 8}.{mcl.version & 0xff:02x} on MCL_BN_SNARK1 (id {MCL_BN_SNARK1}) = alt_bn128: "
        "p, r, generators, [k]G1, bilinearity and e(G1,G2) agree with py_ecc")
    return g1, g2


# ---- timing ----------------------------------------------------------------------------------

class Timer:
    """Minimum over many short repeats: on a shared machine a short window is often uninterrupted."""

    def __init__(self, quick: bool):
        self.quick = quick
        self.repeats = 5 if quick else 15
        self.window = 0.004 if quick else 0.01  # seconds per repeat
        self.results: dict[str, float] = {}
        self.raw: dict[str, float] = {}
        self.swamped: list[str] = []
        libc = ctypes.CDLL(None)
        self._memcmp, self._strcmp, self._strlen = libc.memcmp, libc.strcmp, libc.strlen
        for f in (self._memcmp, self._strcmp, self._strlen):
            f.restype = None  # like the void mcl functions: no result conversion
        self._e1 = ctypes.create_string_buffer(8)
        self._e2 = ctypes.create_string_buffer(8)
        self._zero = ctypes.c_size_t(0)

    @staticmethod
    def _loop(f, args, n: int) -> float:
        if len(args) == 1:
            (a,) = args
            t0 = CLOCK()
            for _ in range(n):
                f(a)
        elif len(args) == 2:
            a, b = args
            t0 = CLOCK()
            for _ in range(n):
                f(a, b)
        elif len(args) == 3:
            a, b, c = args
            t0 = CLOCK()
            for _ in range(n):
                f(a, b, c)
        else:
            t0 = CLOCK()
            for _ in range(n):
                f(*args)
        return CLOCK() - t0

    def _count(self, f, args) -> int:
        """Calls per repeat so that one repeat takes about self.window seconds."""
        n = 1
        while True:
            t = self._loop(f, args, n)
            if t >= self.window / 4 or n >= 1 << 22:
                return max(1, int(n * self.window / max(t, 1e-9)))
            n *= 4

    def noop_call(self, arity: int):
        """A libc function that returns at once, called with `arity` pre-built pointer-like arguments."""
        return {
            1: (self._strlen, (self._e1,)),
            2: (self._strcmp, (self._e1, self._e2)),
            3: (self._memcmp, (self._e1, self._e2, self._zero)),
        }[arity]

    def overhead(self, arity: int = 3) -> float:
        f, args = self.noop_call(arity)
        n = self._count(f, args)
        return min(self._loop(f, args, n) / n for _ in range(self.repeats))

    def single(self, name: str, f, args) -> None:
        """One C operation per ctypes call; the same-arity no-op is timed interleaved and subtracted."""
        f0, a0 = self.noop_call(len(args))
        n = self._count(f, args)
        raw = over = float("inf")
        for _ in range(self.repeats):
            raw = min(raw, self._loop(f, args, n) / n)
            over = min(over, self._loop(f0, a0, n) / n)
        net = max(raw - over, 0.0)
        self.raw[name] = raw
        self.results[name] = net
        swamped = over > 3 * net
        if swamped:
            self.swamped.append(name)
        log(f"  {name:<42} {fmt(net)}/op  (per call {fmt(raw)}, no-op call {fmt(over)}{', SWAMPED' if swamped else ''})")

    def amortised(self, name: str, run, ops_per_run: int) -> None:
        """run() makes one ctypes call that performs ops_per_run operations in C."""
        t0 = CLOCK()
        run()
        once = CLOCK() - t0
        reps = max(1, int(self.window / max(once, 1e-9)))
        if once > 0.5:
            repeats = 1 if self.quick else 3
        elif once > 0.05:
            repeats = 3 if self.quick else 7
        else:
            repeats = self.repeats
        best = float("inf")
        for _ in range(repeats):
            t0 = CLOCK()
            for _ in range(reps):
                run()
            best = min(best, (CLOCK() - t0) / reps)
        self.results[name] = best / ops_per_run
        log(f"  {name:<42} {fmt(self.results[name])}/op  (one call doing {ops_per_run} op(s): {fmt(best)}, best of {repeats})")


def fmt(s: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s * 1e9:.3g} ns"


# ---- benchmarks ------------------------------------------------------------------------------

def bench_fields(mcl: Mcl, t: Timer) -> None:
    lib = mcl.lib
    log("fields (single ctypes calls; the overhead dominates these):")
    x, y, z = mcl.random_fr(), mcl.random_fr(), Fr()
    t.single("Fr multiply", lib.mclBnFr_mul, (z, x, y))
    t.single("Fr square", lib.mclBnFr_sqr, (z, x))
    t.single("Fr add", lib.mclBnFr_add, (z, x, y))
    t.single("Fr inverse", lib.mclBnFr_inv, (z, x))
    u, v, w = mcl.random_fp(), mcl.random_fp(), Fp()
    t.single("Fp multiply", lib.mclBnFp_mul, (w, u, v))
    t.single("Fp square", lib.mclBnFp_sqr, (w, u))
    t.single("Fp add", lib.mclBnFp_add, (w, u, v))
    t.single("Fp inverse", lib.mclBnFp_inv, (w, u))
    a, b, c = Fp2(), Fp2(), Fp2()
    ctypes.memmove(a, bytes(mcl.random_fp()) + bytes(mcl.random_fp()), 64)
    ctypes.memmove(b, bytes(mcl.random_fp()) + bytes(mcl.random_fp()), 64)
    t.single("Fp2 multiply", lib.mclBnFp2_mul, (c, a, b))
    t.single("Fp2 square", lib.mclBnFp2_sqr, (c, a))
    g1, g2 = GEN
    e, f, h = GT(), GT(), GT()
    lib.mclBn_pairing(e, g1, g2)
    lib.mclBnGT_sqr(f, e)
    t.single("Fp12 multiply", lib.mclBnGT_mul, (h, e, f))
    t.single("Fp12 square", lib.mclBnGT_sqr, (h, e))
    t.single("GT exponentiation", lib.mclBnGT_pow, (h, e, mcl.random_fr()))
    log("fields (amortised: the loop runs inside mcl):")
    n = 1 << 14
    coeffs = (Fr * n)()
    for i in range(n):
        lib.mclBnFr_setByCSPRNG(coeffs[i])
    out = Fr()
    t.amortised("Fr multiply+add (Horner, one call)", lambda: lib.mclBn_FrEvaluatePolynomial(out, coeffs, n, x), n - 1)


def bench_curves(mcl: Mcl, t: Timer) -> None:
    lib = mcl.lib
    g1, g2 = GEN
    log("curves:")
    p, q, s = G1(), G1(), G1()
    lib.mclBnG1_mul(p, g1, mcl.random_fr())
    lib.mclBnG1_mul(q, g1, mcl.random_fr())
    t.single("G1 add", lib.mclBnG1_add, (s, p, q))
    t.single("G1 double", lib.mclBnG1_dbl, (s, p))
    t.single("G1 scalar multiply", lib.mclBnG1_mul, (s, p, mcl.random_fr()))
    p2, q2, s2 = G2(), G2(), G2()
    lib.mclBnG2_mul(p2, g2, mcl.random_fr())
    lib.mclBnG2_mul(q2, g2, mcl.random_fr())
    t.single("G2 add", lib.mclBnG2_add, (s2, p2, q2))
    t.single("G2 double", lib.mclBnG2_dbl, (s2, p2))
    t.single("G2 scalar multiply", lib.mclBnG2_mul, (s2, p2, mcl.random_fr()))
    n = 256
    cvec = (G1 * n)()
    for i in range(n):
        lib.mclBnG1_mul(cvec[i], g1, mcl.random_fr())
    x = mcl.random_fr()
    t.amortised("G1 scalar multiply+add (Horner, one call)", lambda: lib.mclBn_G1EvaluatePolynomial(s, cvec, n, x), n - 1)


def bench_pairing(mcl: Mcl, t: Timer) -> None:
    lib = mcl.lib
    g1, g2 = GEN
    log("pairing:")
    p, q, e = G1(), G2(), GT()
    lib.mclBnG1_mul(p, g1, mcl.random_fr())
    lib.mclBnG2_mul(q, g2, mcl.random_fr())
    t.single("pairing", lib.mclBn_pairing, (e, p, q))
    t.single("Miller loop", lib.mclBn_millerLoop, (e, p, q))
    f = GT()
    lib.mclBn_millerLoop(f, p, q)
    t.single("final exponentiation", lib.mclBn_finalExp, (e, f))
    k = 4
    ps, qs = (G1 * k)(), (G2 * k)()
    for i in range(k):
        lib.mclBnG1_mul(ps[i], g1, mcl.random_fr())
        lib.mclBnG2_mul(qs[i], g2, mcl.random_fr())

    def multi():
        lib.mclBn_millerLoopVec(e, ps, qs, k)
        lib.mclBn_finalExp(e, e)

    t.amortised("multi-pairing (4 pairs)", multi, 1)


def random_scalars(mcl: Mcl, n: int):
    """n uniformly random Fr elements, written as random internal (Montgomery) words below 2^253 < r."""
    arr = (Fr * n)()
    data = bytearray(os.urandom(32 * n))
    data[31::32] = bytes(b & 0x1F for b in data[31::32])
    ctypes.memmove(arr, bytes(data), 32 * n)
    for i in range(0, n, max(1, n // 64)):
        if not mcl.lib.mclBnFr_isValid(arr[i]):
            raise RuntimeError("random scalar construction produced an invalid Fr")
    return arr


def random_points(mcl: Mcl, n: int, group: str = "G1", k: int = 1024):
    """n distinct pseudo-random affine points of G1 or G2: R[i mod k] + S[(i div k) mod k], with R and S
    2k random multiples of the group's generator (2k scalar multiplications instead of n)."""
    lib = mcl.lib
    point_type, gen = (G1, GEN[0]) if group == "G1" else (G2, GEN[1])
    mul, add, norm = (getattr(lib, f"mclBn{group}_{name}") for name in ("mul", "add", "normalize"))
    base = (point_type * (2 * k))()
    for i in range(2 * k):
        mul(base[i], gen, mcl.random_fr())
    pts = (point_type * n)()
    for i in range(n):
        pi = pts[i]
        add(pi, base[i % k], base[k + (i // k) % k])
        norm(pi, pi)
    return pts


def check_mul_vec(lib, group: str, point_type, pts, scs) -> None:
    """Sanity: mclBn{group}_mulVec over the first 3 terms equals the sum of single multiplications."""
    mul_vec, mul, add, equal = (getattr(lib, f"mclBn{group}_{name}") for name in ("mulVec", "mul", "add", "isEqual"))
    check, acc, term = point_type(), point_type(), point_type()
    mul_vec(check, pts, scs, 3)
    mul(acc, pts[0], scs[0])
    for i in (1, 2):
        mul(term, pts[i], scs[i])
        add(acc, acc, term)
    if not equal(check, acc):
        raise RuntimeError(f"mclBn{group}_mulVec disagrees with mclBn{group}_mul + add")


def bench_mul_vec(mcl: Mcl, t: Timer, sizes: list[int], group: str):
    """mclBn{G1,G2}_mulVec on random affine points: one row per size, then the sanity check.
    Returns (points, scalars) for further rows."""
    lib = mcl.lib
    biggest = max(max(sizes), 3)  # the mulVec sanity check uses 3 terms
    t0 = CLOCK()
    pts = random_points(mcl, biggest, group, k=256 if group == "G2" else 1024)
    scs = random_scalars(mcl, biggest)
    log(f"  generated {biggest} random affine {group} points and scalars in {CLOCK() - t0:.2f} s")
    cls = G2 if group == "G2" else G1
    mul_vec = getattr(lib, f"mclBn{group}_mulVec")
    out = cls()
    for n in sizes:
        t.amortised(f"{group} MSM {n}", lambda n=n: mul_vec(out, pts, scs, n), 1)
    check_mul_vec(lib, group, cls, pts, scs)
    return pts, scs


def bench_msm_g2(mcl: Mcl, t: Timer, sizes: list[int]) -> None:
    bench_mul_vec(mcl, t, sizes, "G2")


def count_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return -1


def bench_msm(mcl: Mcl, t: Timer, sizes: list[int]) -> None:
    lib = mcl.lib
    log(f"msm (mclBnG1_mulVec; stack limit {resource.getrlimit(resource.RLIMIT_STACK)[0]}):")
    pts, scs = bench_mul_vec(mcl, t, sizes, "G1")
    out = G1()

    # Threads: sample /proc/self/task while mulVecMT(cpuN = 0 = all cores) runs (ctypes drops the GIL).
    n = max(sizes)
    baseline = count_threads()
    seen = [baseline]
    done = threading.Event()

    def sampler():
        while not done.is_set():
            seen.append(count_threads())
            time.sleep(0.0005)

    th = threading.Thread(target=sampler, daemon=True)
    th.start()
    time.sleep(0.01)
    baseline = count_threads()  # python main + sampler
    t0 = CLOCK()
    lib.mclBnG1_mulVecMT(out, pts, scs, n, 0)
    mt = CLOCK() - t0
    done.set()
    th.join()
    extra = max(seen) - baseline
    threads = 1 + max(extra, 0)
    t.results["mcl threads (observed)"] = float(threads)
    log(f"  mclBnG1_mulVecMT(cpuN=0) on {n} points: {fmt(mt)}, OS threads during the call: {threads} "
        f"(mulVec {fmt(t.results[f'G1 MSM {n}'])}); this PyPI build is {'single' if threads == 1 else 'multi'}-threaded")


GEN: tuple = ()


def main() -> int:
    global GEN
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["fields", "curves", "pairing", "msm", "all"])
    ap.add_argument("--sizes", default="1024,4096,16384,65536", help="MSM sizes, comma-separated")
    ap.add_argument("--g2-sizes", default="", help="G2 MSM sizes (mclBnG2_mulVec), comma-separated; none by default")
    ap.add_argument("--quick", action="store_true", help="fewer, shorter repeats")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="wall = perf_counter, like ZKBench (default); cpu = this thread's CPU time, "
                         "robust on a loaded machine and valid because the PyPI mcl is single-threaded")
    args = ap.parse_args()
    global CLOCK
    CLOCK = time.thread_time if args.clock == "cpu" else time.perf_counter
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
        g2_sizes = sorted({int(s) for s in args.g2_sizes.split(",") if s.strip()})
    except ValueError:
        log(f"mcl_peer: --sizes must be comma-separated integers, got {args.sizes!r}")
        return 2
    if any(s < 1 for s in sizes + g2_sizes):
        log("mcl_peer: sizes must be positive")
        return 2
    ensure_big_stack(args.mode in ("msm", "all") and max(sizes) > (1 << 17))

    try:
        mcl = Mcl()
        GEN = check_alt_bn128(mcl)
    except Exception as e:  # noqa: BLE001 - any failure here means there is no usable peer
        log(f"mcl_peer: {e}")
        return 2

    t = Timer(args.quick)
    t.results["ctypes call overhead"] = t.overhead(3)
    log(f"ctypes call overhead (libc no-op, 3 pointer args, in a Python loop): {fmt(t.results['ctypes call overhead'])}")
    if args.mode in ("fields", "all"):
        bench_fields(mcl, t)
    if args.mode in ("curves", "all"):
        bench_curves(mcl, t)
    if args.mode in ("pairing", "all"):
        bench_pairing(mcl, t)
    if args.mode in ("msm", "all"):
        bench_msm(mcl, t, sizes)
        if g2_sizes:
            log("msm (mclBnG2_mulVec):")
            bench_msm_g2(mcl, t, g2_sizes)
    if t.swamped:
        log(f"swamped by the ctypes overhead (figure = call - no-op, noise-dominated): {', '.join(t.swamped)}")
    print(json.dumps(t.results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
