#!/usr/bin/env bash
# Logistic regression fit time, ours vs scikit-learn (issue 12): on every CSV of ../shared/datasets,
# the generated 7-class set (bench-data/rare7.csv) and 1M x 20 binary (bench-data/sampling_1000000.csv,
# as scripts/bench/resample.sh makes it), fit on all rows with class_weight=balanced: ours
# LogisticRegression (trust-region Newton, tol 1e-4, standardising included) vs scikit-learn 1.2
# StandardScaler (+ OneHotEncoder) + LogisticRegression(lbfgs, class_weight='balanced', max_iter=1000).
# Median of REPEATS fits each (ours after warm-up fits in the same JVM). Prints a table with the ratio.
# Usage: scripts/bench/logistic_fit.sh [REPEATS] [CSV...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
repeats="${1:-5}"
shift $(( $# > 0 ? 1 : 0 )) || true
files=("$@")
data="$root/bench-data"
mkdir -p "$data"
if [ ${#files[@]} -eq 0 ]; then
  [ -f "$data/rare7.csv" ] || "$py" "$root/scripts/data/rare_multiclass.py" >/dev/null
  if [ ! -f "$data/sampling_1000000.csv" ]; then
    echo "generating $data/sampling_1000000.csv ..." >&2
    "$py" "$root/scripts/data/sampling.py" 1000000 "$data/sampling_1000000.csv"
  fi
  for f in "$root"/../shared/datasets/*.csv; do files+=("$f"); done
  files+=("$data/rare7.csv" "$data/sampling_1000000.csv")
fi
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
echo "| data | rows | ours, s | Newton steps | scikit-learn, s | lbfgs iterations | speed-up |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for f in "${files[@]}"; do
  ours=$(java -Xmx8g -cp "$cp" org.imbalanced4j.bench.LogisticFitBench "$f" "$repeats" balanced)
  theirs=$("$py" - "$f" "$repeats" <<'PY'
import json, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
path, repeats = sys.argv[1], int(sys.argv[2])
df = pd.read_csv(path)
target = "class" if "class" in df.columns else df.columns[-1]
X, y = df.drop(columns=target), df[target].astype(str).to_numpy()
cat = [c for c in X.columns if X[c].dtype == object]
num = [c for c in X.columns if c not in cat]
times = []
for _ in range(repeats):
    pre = ColumnTransformer([("num", StandardScaler(), num), ("cat", OneHotEncoder(handle_unknown="ignore"), cat)])
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = make_pipeline(pre, LogisticRegression(class_weight="balanced", max_iter=1000)).fit(X, y)
    times.append(time.perf_counter() - t0)
print(json.dumps({"median_seconds": sorted(times)[len(times) // 2], "n_iter": int(m[-1].n_iter_.max())}))
PY
)
  "$py" - "$f" "$ours" "$theirs" <<'PY'
import json, sys
o, t = json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"| {sys.argv[1].split('/')[-1]} | {o['rows']:,} | {o['median_seconds']:.4f} | {o['n_iter']} | "
      f"{t['median_seconds']:.4f} | {t['n_iter']} | {t['median_seconds'] / o['median_seconds']:.1f}x |")
PY
done
