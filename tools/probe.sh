#!/usr/bin/env bash
# Instruction counts per operation under callgrind (repeatable, unlike wall time on a shared VM):
# tools/probe.sh [ZKBench binary] [OP ...]. Each OP runs N1 and N2 times; the difference / (N2 − N1)
# is its instruction count, free of start-up. Build as make bench does:
# swift build -c release -Xswiftc -target-cpu -Xswiftc native --product ZKBench
set -euo pipefail
bin=${1:-.build/release/ZKBench}; shift || true
ops=("$@"); [ ${#ops[@]} -gt 0 ] || ops=(fp-mul fp12-mul fp12-square fp12-mulBy034 fp12-cyclotomic-square)
n1=2000; n2=12000
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --probe "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
for op in "${ops[@]}"; do
  a=$(count "$op" $n1); b=$(count "$op" $n2)
  echo "$op: $(( (b - a) / (n2 - n1) )) instructions"
done
