#!/usr/bin/env bash
# Leak check of the GMP wrapper and the code that calls it: the GMP-heavy tests under
# AddressSanitizer/LeakSanitizer (debug build in .build-asan). XCTest leaks its own harness
# objects at exit; a leak fails this check only when its allocation stack passes through our
# library sources (Sources/…), e.g. an mpz that no deinit cleared.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=.build-asan
FILTER='GMPTests|FieldTests|TowerFp2Tests.testMultiplyAgainstGMP|testHornerMatchesGMP|testForwardMatchesGMPDFT|testFpDblAgainstGMP'
swift build --build-tests --sanitize=address --scratch-path "$SCRATCH"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
set +e
ASAN_OPTIONS=detect_leaks=1 swift test --sanitize=address --scratch-path "$SCRATCH" --skip-build \
  --disable-swift-testing --filter "$FILTER" >"$LOG" 2>&1
set -e
grep -q "Executed .* with 0 failures" "$LOG" || { tail -40 "$LOG"; echo "leakcheck: tests failed" >&2; exit 1; }
# One record per "Direct/Indirect leak of …" block; count the blocks with a frame in Sources/.
ours=$(awk '/^(Direct|Indirect) leak of/{inblock=1; hit=0; next}
            inblock && /\/Sources\//{if(!hit){n++; hit=1}}
            /^$/{inblock=0}
            END{print n+0}' "$LOG")
total=$(grep -c "^\(Direct\|Indirect\) leak of" "$LOG" || true)
echo "leakcheck: $total leak records at exit, $ours with an allocation in Sources/ (XCTest's own harness objects are the rest)"
if [ "$ours" -ne 0 ]; then
  grep -A12 "^\(Direct\|Indirect\) leak of" "$LOG" | grep -B3 -A8 "/Sources/" | head -60
  exit 1
fi
