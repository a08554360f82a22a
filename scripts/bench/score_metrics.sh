#!/usr/bin/env bash
# Side-by-side: ROC AUC and average precision on N scores (default 10M; 1% positives, scores
# rounded to 4 decimals so that ties occur), imbalanced4j vs scikit-learn, same arrays, median of 3.
# Usage: scripts/bench/score_metrics.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-10000000}"
py=/usr/bin/python3
dir="$root/bench-data/scores_$n"
mkdir -p "$dir"
if [ ! -f "$dir/scores.f64" ]; then
  "$py" - "$dir" "$n" <<'PY'
import sys, numpy as np
d, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(0)
y = (rng.uniform(size=n) < 0.01).astype(np.uint8)
s = np.round(rng.normal(size=n) + 1.2 * y, 4)
y.tofile(f"{d}/labels.u8"); s.astype("<f8").tofile(f"{d}/scores.f64")
PY
fi
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
ours=$(java -Xmx6g -cp "$cp" org.imbalanced4j.bench.ScoreMetricsBench "$dir" 3)
theirs=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" - "$dir" <<'PY'
import sys, json, time, statistics, numpy as np, sklearn
from sklearn.metrics import roc_auc_score, average_precision_score
d = sys.argv[1]
y = np.fromfile(f"{d}/labels.u8", dtype=np.uint8); s = np.fromfile(f"{d}/scores.f64", dtype="<f8")
for name, f in [("roc_auc_score", roc_auc_score), ("average_precision_score", average_precision_score)]:
    f(y, s); times = []
    for _ in range(3):
        t = time.perf_counter(); v = f(y, s); times.append(time.perf_counter() - t)
    print(json.dumps({"metric": name, "value": float(v), "median_seconds": statistics.median(times), "sklearn": sklearn.__version__}))
PY
)
"$py" - "$ours" "$theirs" "$n" <<'PY'
import json, sys
ours = {j["metric"]: j for j in map(json.loads, sys.argv[1].splitlines())}
theirs = {j["metric"]: j for j in map(json.loads, sys.argv[2].splitlines())}
print(f"N={int(sys.argv[3]):,} scores, 1% positives, ties; median of 3; scikit-learn {next(iter(theirs.values()))['sklearn']}")
print(f"{'metric':<26}{'ours s':>9}{'sklearn s':>11}{'speed-up':>10}{'|difference|':>15}")
for m, o in ours.items():
    t = theirs[m]
    print(f"{m:<26}{o['median_seconds']:>9.3f}{t['median_seconds']:>11.3f}{t['median_seconds']/o['median_seconds']:>9.1f}x{abs(o['value']-t['value']):>15.2e}")
PY
