#!/usr/bin/env bash
# A learner that fits in one go, ours vs scikit-learn: knn (issue 14) or qda (issue 16). On every
# CSV of ../shared/datasets, the generated 7-class set (bench-data/rare7.csv) and 100,000 x 20
# binary rows (the first rows of bench-data/sampling_1000000.csv, as scripts/bench/resample.sh makes
# it): rows i % 5 == 4 held out, the others trained on; fit + predict_proba of the held-out rows.
# knn: n_neighbors=5, uniform weights; ours standardises and searches an exact k-d tree or brute
# force on both cores; scikit-learn 1.2's KNeighborsClassifier(n_jobs=-1, algorithm='auto').
# qda: reg_param=0.1 (the default grid's); ours each class's scatter matrix on both cores and EJML's
# eigen-decomposition, scikit-learn's
# QuadraticDiscriminantAnalysis (LAPACK through NumPy). Both after StandardScaler (+ OneHotEncoder).
# Median of REPEATS runs each; the probability column sums show agreement.
# Usage: scripts/bench/holdout.sh knn|qda [REPEATS] [CSV...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
learner="${1:?usage: holdout.sh knn|qda [REPEATS] [CSV...]}"
shift
repeats="${1:-3}"
shift $(( $# > 0 ? 1 : 0 )) || true
case "$learner" in
  knn) params=(n_neighbors=5 weights=uniform) ;;
  qda) params=(reg_param=0.1) ;;
  *) echo "holdout.sh: unknown learner '$learner' (knn or qda)" >&2; exit 2 ;;
esac
files=("$@")
data="$root/bench-data"
mkdir -p "$data"
if [ ${#files[@]} -eq 0 ]; then
  [ -f "$data/rare7.csv" ] || "$py" "$root/scripts/data/rare_multiclass.py" >/dev/null
  if [ ! -f "$data/sampling_100000.csv" ]; then
    [ -f "$data/sampling_1000000.csv" ] || "$py" "$root/scripts/data/sampling.py" 1000000 "$data/sampling_1000000.csv"
    head -n 100001 "$data/sampling_1000000.csv" > "$data/sampling_100000.csv"
  fi
  for f in "$root"/../shared/datasets/*.csv; do files+=("$f"); done
  files+=("$data/rare7.csv" "$data/sampling_100000.csv")
fi
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
echo "| data | train rows | test rows | ours, s | scikit-learn, s | speed-up | max difference of probability sums |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for f in "${files[@]}"; do
  ours=$(java -Xmx8g -cp "$cp" org.imbalanced4j.bench.HoldoutBench "$f" "$repeats" "$learner" "${params[@]}")
  theirs=$("$py" - "$f" "$repeats" "$learner" <<'PY'
import json, sys, time
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.discriminant_analysis import QuadraticDiscriminantAnalysis
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
path, repeats, learner = sys.argv[1], int(sys.argv[2]), sys.argv[3]
make = {"knn": lambda: KNeighborsClassifier(n_neighbors=5, n_jobs=-1),
        "qda": lambda: QuadraticDiscriminantAnalysis(reg_param=0.1)}[learner]
df = pd.read_csv(path)
target = "class" if "class" in df.columns else df.columns[-1]
X = df.drop(columns=target)
labels = np.unique(df[target].astype(str))
y = np.searchsorted(labels, df[target].astype(str))
cat = [c for c in X.columns if X[c].dtype == object]
num = [c for c in X.columns if c not in cat]
X[num] = X[num].astype(np.float32).astype(np.float64)  # as imbalanced4j stores features
test = np.arange(len(y)) % 5 == 4
times = []
for _ in range(repeats):
    pre = ColumnTransformer([("num", StandardScaler(), num),
                             ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cat)])
    t0 = time.perf_counter()
    m = make_pipeline(pre, make()).fit(X[~test], y[~test])
    p = m.predict_proba(X[test])
    times.append(time.perf_counter() - t0)
print(json.dumps({"median_seconds": sorted(times)[len(times) // 2], "proba_sums": p.sum(axis=0).tolist()}))
PY
)
  "$py" - "$f" "$ours" "$theirs" <<'PY'
import json, sys
o, t = json.loads(sys.argv[2]), json.loads(sys.argv[3])
diff = max(abs(a - b) for a, b in zip(o["proba_sums"], t["proba_sums"]))
print(f"| {sys.argv[1].split('/')[-1]} | {o['rows']:,} | {o['test_rows']:,} | {o['median_seconds']:.4f} | "
      f"{t['median_seconds']:.4f} | {t['median_seconds'] / o['median_seconds']:.1f}x | {diff:.2g} |")
PY
done
