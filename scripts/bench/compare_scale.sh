#!/usr/bin/env bash
# The cost curve of `imb compare`: the default grid (36 strategies since qda joined it; 30 before), 5 folds, --jobs 2, on generated
# binary tables of ROWS x 20 features with 1% rare rows (scripts/bench/scale/Gen.java: the rare rows
# shifted in five features, one feature an interaction), for each size given. Prints per size the
# wall time, the peak resident memory, the rounds of successive halving, the winner and its balanced
# accuracy; the compare output of each run stays in bench-data/scale/out_ROWS/.
# Usage: scripts/bench/compare_scale.sh [ROWS...]   (default: 10000 100000 1000000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
data="$root/bench-data/scale"
mkdir -p "$data"
"$root/bin/imb" --version >/dev/null # builds on first use
printf '%-10s %9s %12s  %-32s %s\n' rows minutes "peak RSS MB" rounds "winner (balanced accuracy)"
for n in "${sizes[@]}"; do
  csv="$data/rows_$n.csv"
  [ -f "$csv" ] || java "$root/scripts/bench/scale/Gen.java" "$n" "$csv"
  out="$data/out_$n"
  rm -rf "$out"
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$data/rss_$n" "$root/bin/imb" compare "$csv" --jobs 2 --out "$out" \
    > "$data/compare_$n.log" 2>&1
  t1=$(date +%s.%N)
  /usr/bin/python3 - "$out/results.json" "$n" "$t0" "$t1" "$(cat "$data/rss_$n")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
h = r.get("halving")
rounds = "one round" if not h else " / ".join(f"{a:,}x{b}" for a, b in zip(h["training_rows_per_fold"], h["strategies"]))
top = r["candidates"][0]
ba = top["metrics"]["balanced_accuracy_score"]["mean"]
print(f"{int(sys.argv[2]):<10,} {(float(sys.argv[4]) - float(sys.argv[3])) / 60:9.1f} {int(sys.argv[5]) / 1024:12.0f}  "
      f"{rounds:<32} {top['candidate']} ({ba:.4f})")
PY
done
