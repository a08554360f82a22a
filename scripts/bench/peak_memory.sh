#!/usr/bin/env bash
# Peak live memory of a sampler, garbage not counted: the smallest heap (-Xmx, serial collector,
# 2 MB young generation, found by bisection) with which one fitResample still completes, minus
# the young generation and the live heap after loading the data, over the input's feature bytes
# (rows x features x 4). Runs on the data resample.sh generates.
# Usage: scripts/bench/peak_memory.sh [N] [METHOD...]   (defaults: 100000, the four of resample.sh)
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
shift $(( $# > 0 ? 1 : 0 )) || true
methods=("$@")
[ ${#methods[@]} -gt 0 ] || methods=(SMOTE TomekLinks EditedNearestNeighbours SMOTETomek)
csv="$root/bench-data/sampling_${n}.csv"
[ -f "$csv" ] || { echo "no $csv: run scripts/bench/resample.sh $n first" >&2; exit 1; }
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
bin="${csv%.csv}.bin"
[ "$bin" -nt "$csv" ] || java -Xmx8g -cp "$cp" org.imbalanced4j.bench.PeakHeap convert "$csv" "$bin"
young=2
run() { java -XX:+UseSerialGC -Xmn${young}m -Xmx"$1"m -cp "$cp" org.imbalanced4j.bench.PeakHeap run "$bin" "$2" 2>/dev/null; }
printf '%-26s%14s%14s%16s\n' method "input MB" "peak MB" "peak/input"
for m in "${methods[@]}"; do
  hi=$(( n / 2000 > 16 ? n / 2000 : 16 ))
  lo=0
  until out=$(run $hi "$m"); do lo=$hi; hi=$((hi * 2)); done
  step=$(( n / 100000 > 0 ? n / 100000 : 1 )) # 1 MB at 100k, 10 MB at 1M
  while [ $((hi - lo)) -gt "$step" ]; do
    mid=$(((lo + hi) / 2))
    if o=$(run $mid "$m"); then hi=$mid; out=$o; else lo=$mid; fi
  done
  /usr/bin/python3 - "$out" "$hi" "$young" <<'PY'
import json, sys
j = json.loads(sys.argv[1]); heap = int(sys.argv[2]); young = int(sys.argv[3])
peak = heap * 2**20 - young * 2**20 - j["loaded_live_bytes"]
print(f"{j['method']:<26}{j['input_bytes']/2**20:>14.1f}{peak/2**20:>14.1f}{peak/j['input_bytes']:>15.2f}x")
PY
done
