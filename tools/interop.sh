#!/usr/bin/env bash
# Interop checks run by `make test` after the Swift tests (ZKCLEAR_PYTHON = the pinned venv python).
# zkclear proofs verified by arkworks/py_ecc and arkworks proofs verified by zkclear (through the
# CLI), then a self-check of tools/interop/*.py against the shared snarkjs fixtures. Every check
# prints "PASS ..." / "FAIL ..."; the last line is always "interop: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
PY="${ZKCLEAR_PYTHON:-.venv/bin/python}"
if [ ! -x "$PY" ] && ! command -v "$PY" >/dev/null 2>&1; then
  echo "interop: python not found at $PY (run 'make venv' or set ZKCLEAR_PYTHON)" >&2
  echo "interop: 0 passed, 1 failed"
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# 1. zkclear's CLI against arkworks and py_ecc (needs no shared vectors).
Z="${ZKCLEAR_BIN:-.build/release/zkclear}"
if [ -x "$Z" ]; then
  tools/interop/zkclear_roundtrip.sh "$Z" "$PY" 2>&1 | tee -a "$log"
else
  echo "FAIL roundtrip: no zkclear binary at $Z (build it first)" | tee -a "$log"
fi

# 2. The interop scripts themselves against the shared snarkjs fixtures.
"$PY" tools/interop/selfcheck.py "$@" 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 2 ] && grep -q '^SKIP ' "$log"; then
  echo "interop: selfcheck skipped ($(grep '^SKIP ' "$log" | head -1 | cut -c6-))"
  status=0
fi

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "interop: selfcheck.py exited $status without a FAIL line" >&2
  failed=1
fi
echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
