#!/usr/bin/env bash
# Side-by-side: imbalanced4j vs imbalanced-learn (Debian python3-imblearn) on the same generated
# data: 20 features, 1% minority, binary (sklearn make_classification, stored as float32 CSV).
# Median of REPEATS runs each; ours also reports peak heap growth / input size.
# Usage: scripts/bench/resample.sh [N] [REPEATS] [METHOD...]
#   defaults: N=100000, REPEATS=3, methods SMOTE TomekLinks EditedNearestNeighbours SMOTETomek
#   PY_REPEATS=1 runs imbalanced-learn fewer times than ours (its neighbour cleaners are quadratic:
#   about 20 minutes a run at N=1M on 2 cores); PY_SKIP="SMOTETomek" leaves methods out on its side
#   (the table then shows a lower bound where one can be derived, see BENCHMARKS.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
repeats="${2:-3}"
shift $(( $# > 2 ? 2 : $# )) || true
methods=("$@")
[ ${#methods[@]} -gt 0 ] || methods=(SMOTE TomekLinks EditedNearestNeighbours SMOTETomek)
py=/usr/bin/python3
data="$root/bench-data"
csv="$data/sampling_${n}.csv"
mkdir -p "$data"

if [ ! -f "$csv" ]; then
  echo "generating $csv ..." >&2
  "$py" "$root/scripts/data/sampling.py" "$n" "$csv"
fi

(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
ours=$(java -Xmx12g -cp "$cp" org.imbalanced4j.bench.ResampleBench "$csv" "$repeats" "${methods[@]}")

# the Python side: imbalanced-learn with its own defaults, float64 as users load it
theirs=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" - "$csv" "${PY_REPEATS:-$repeats}" $(for m in "${methods[@]}"; do [[ " ${PY_SKIP:-} " == *" $m "* ]] || echo "$m"; done) <<'PY'
import json, sys, time, statistics
import pandas as pd
import imblearn
from imblearn import combine, over_sampling, under_sampling
path, repeats, methods = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
df = pd.read_csv(path)
X = df.drop(columns="class").to_numpy(); y = df["class"].to_numpy()
make = {"SMOTE": lambda: over_sampling.SMOTE(random_state=0),
        "TomekLinks": lambda: under_sampling.TomekLinks(),
        "EditedNearestNeighbours": lambda: under_sampling.EditedNearestNeighbours(),
        "SMOTETomek": lambda: combine.SMOTETomek(random_state=0),
        "SMOTEENN": lambda: combine.SMOTEENN(random_state=0),
        "RandomUnderSampler": lambda: under_sampling.RandomUnderSampler(random_state=0),
        "RandomOverSampler": lambda: over_sampling.RandomOverSampler(random_state=0),
        "ADASYN": lambda: over_sampling.ADASYN(random_state=0),
        "NearMiss": lambda: under_sampling.NearMiss()}
for m in methods:
    times = []
    for _ in range(repeats):
        t = time.perf_counter(); Xr, yr = make[m]().fit_resample(X, y); times.append(time.perf_counter() - t)
    print(json.dumps({"method": m, "rows_out": int(len(yr)), "median_seconds": statistics.median(times),
                      "imblearn": imblearn.__version__}))
PY
)

"$py" - "$ours" "$theirs" "$n" "$repeats" "${PY_REPEATS:-$repeats}" <<'PY'
import json, sys
ours = {j["method"]: j for j in map(json.loads, sys.argv[1].splitlines())}
theirs = {j["method"]: j for j in map(json.loads, sys.argv[2].splitlines())}
n, repeats, py_repeats = int(sys.argv[3]), sys.argv[4], sys.argv[5]
print(f"N={n:,} rows x 20 features, 1% minority; median of {repeats} (imbalanced-learn: {py_repeats}); imbalanced-learn {next(iter(theirs.values()))['imblearn']}")
print(f"{'method':<26}{'ours s':>10}{'imblearn s':>12}{'speed-up':>10}{'rows ours/theirs':>20}{'peak heap/input':>17}")
for m, o in ours.items():
    if m not in theirs:
        print(f"{m:<26}{o['median_seconds']:>10.3f}{'not run':>12}{'':>10}{'':>20}{o['peak_heap_growth_bytes']/o['input_bytes']:>16.1f}x")
        continue
    t = theirs[m]
    same = "same" if o["rows_out"] == t["rows_out"] else f"{o['rows_out']}/{t['rows_out']}"
    print(f"{m:<26}{o['median_seconds']:>10.3f}{t['median_seconds']:>12.3f}{t['median_seconds']/o['median_seconds']:>9.1f}x"
          f"{same:>20}{o['peak_heap_growth_bytes']/o['input_bytes']:>16.1f}x")
PY
