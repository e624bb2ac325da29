#!/usr/bin/env bash
# zkclear ↔ arkworks / py_ecc round trips through the CLI, on a circuit compiled by zkclear:
#   our setup + prove  → verified by zkclear, arkworks (groth16py) and py_ecc;
#   arkworks setup + prove on OUR .r1cs/.wtns → verified by zkclear;
#   tampered and malformed files → exit 1 / exit 2.
# Prints "PASS …"/"FAIL …" lines. Needs no shared vectors. Usage: zkclear_roundtrip.sh ZKCLEAR PYTHON
set -uo pipefail
Z="$1"; PY="$2"
HERE="$(cd "$(dirname "$0")" && pwd)"
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
expect() {  # expect CODE LABEL CMD…
  local want="$1" label="$2"; shift 2
  "$@" >"$T/out" 2>&1; local got=$?
  if [ "$got" -eq "$want" ]; then echo "PASS roundtrip: $label"; else echo "FAIL roundtrip: $label (exit $got, expected $want): $(tail -2 "$T/out" | tr '\n' ' ')"; fi
}
cat > "$T/pay.zkc" <<'ZKC'
// A call payoff with a public spot and a private strike and size.
circuit Payoff {
    public input spot: u64;
    input strike: u64;
    input qty: u32;
    let itm = spot > strike;
    let intrinsic = (if itm { spot } else { strike }) - strike;
    output payoff: u96 = intrinsic * qty;
}
ZKC
echo '{"spot": "105000000", "strike": "100000000", "qty": "3"}' > "$T/in.json"
expect 0 "compile" "$Z" compile "$T/pay.zkc" -o "$T/pay"
expect 0 "witness" "$Z" witness "$T/pay.zkw" "$T/in.json" -o "$T/pay.wtns"
expect 0 "setup" "$Z" setup "$T/pay.r1cs" "$T/pay.zkey" --vk "$T/vk.json"
expect 0 "zkey export vk" "$Z" zkey export vk "$T/pay.zkey" "$T/vk2.json"
expect 0 "prove" "$Z" prove "$T/pay.zkey" "$T/pay.wtns" "$T/proof.json" "$T/public.json" --r1cs "$T/pay.r1cs"
expect 0 "zkclear verifies its proof" "$Z" verify "$T/vk.json" "$T/public.json" "$T/proof.json"
expect 0 "exported vk verifies too" "$Z" verify "$T/vk2.json" "$T/public.json" "$T/proof.json"
expect 0 "arkworks verifies zkclear's proof" "$PY" "$HERE/verify_arkworks.py" "$T/vk.json" "$T/public.json" "$T/proof.json"
expect 0 "py_ecc verifies zkclear's proof (and vk_alphabeta_12)" "$PY" "$HERE/verify_pyecc.py" "$T/vk.json" "$T/public.json" "$T/proof.json"
# Phase 2 from the Hermez ceremony (when ../shared/vectors is beside the repository).
PTAU="${ZKCLEAR_VECTORS:-$HERE/../../../shared/vectors}/ptau/powersOfTau28_hez_final_09.ptau"
if [ -f "$PTAU" ]; then
  expect 0 "setup --ptau (Hermez power 9 + one phase-2 contribution)" "$Z" setup "$T/pay.r1cs" "$T/payp.zkey" --ptau "$PTAU" --vk "$T/vkp.json"
  expect 0 "prove with the ptau key" "$Z" prove "$T/payp.zkey" "$T/pay.wtns" "$T/proofp.json" "$T/publicp.json" --r1cs "$T/pay.r1cs"
  expect 0 "zkclear verifies the ptau-key proof" "$Z" verify "$T/vkp.json" "$T/publicp.json" "$T/proofp.json"
  expect 0 "arkworks verifies the ptau-key proof" "$PY" "$HERE/verify_arkworks.py" "$T/vkp.json" "$T/publicp.json" "$T/proofp.json"
  expect 0 "py_ecc verifies the ptau-key proof" "$PY" "$HERE/verify_pyecc.py" "$T/vkp.json" "$T/publicp.json" "$T/proofp.json"
  expect 1 "the other key rejects the ptau-key proof" "$Z" verify "$T/vk.json" "$T/publicp.json" "$T/proofp.json"
  SNK="$(dirname "$PTAU")/../snarkjs/ark_mycircuit_2024"
  if [ -f "$SNK/test.zkey" ]; then
    expect 0 "setup --ptau --no-contribution" "$Z" setup "$SNK/mycircuit.r1cs" "$T/new.zkey" --ptau "$PTAU" --no-contribution
    expect 0 "  … is byte-identical to snarkjs zkey new (ark_mycircuit_2024/test.zkey)" cmp "$T/new.zkey" "$SNK/test.zkey"
  fi
  expect 2 "--no-contribution without --ptau is a usage error" "$Z" setup "$T/pay.r1cs" "$T/x.zkey" --no-contribution
  expect 2 "a .zkey passed as --ptau is malformed input" "$Z" setup "$T/pay.r1cs" "$T/x.zkey" --ptau "$T/pay.zkey"
fi
# Tampered public signal (payoff + 1).
"$PY" - "$T/public.json" "$T/bad_public.json" <<'PYEOF'
import json, sys
p = json.load(open(sys.argv[1])); p[0] = str(int(p[0]) + 1); json.dump(p, open(sys.argv[2], "w"))
PYEOF
expect 1 "zkclear rejects a tampered public input" "$Z" verify "$T/vk.json" "$T/bad_public.json" "$T/proof.json"
expect 1 "arkworks rejects it too" "$PY" "$HERE/verify_arkworks.py" "$T/vk.json" "$T/bad_public.json" "$T/proof.json"
# Malformed input: exit 2 with a reason.
head -c 100 "$T/proof.json" > "$T/trunc.json"
expect 2 "truncated proof.json is malformed (exit 2)" "$Z" verify "$T/vk.json" "$T/public.json" "$T/trunc.json"
expect 2 "missing file is malformed (exit 2)" "$Z" verify "$T/vk.json" "$T/public.json" "$T/nope.json"
# An unsatisfying witness is refused (exit 1), with and without the circuit.
echo '{"spot": "105000000", "strike": "100000000", "qty": "4294967296"}' > "$T/oob.json"
expect 1 "witness: out-of-range input refused" "$Z" witness "$T/pay.zkw" "$T/oob.json" -o "$T/oob.wtns"
# arkworks proves on our .r1cs/.wtns; zkclear verifies.
expect 0 "arkworks setup+prove on zkclear's r1cs/wtns" "$PY" "$HERE/ark_prove.py" "$T/pay.r1cs" "$T/pay.wtns" "$T/ark"
expect 0 "zkclear verifies arkworks' proof" "$Z" verify "$T/ark/verification_key.json" "$T/ark/public.json" "$T/ark/proof.json"
expect 1 "zkclear rejects arkworks' proof under its own key" "$Z" verify "$T/vk.json" "$T/ark/public.json" "$T/ark/proof.json"
