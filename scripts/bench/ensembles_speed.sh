#!/usr/bin/env bash
# Speed of trees, balanced forests and anomaly detectors, ours vs scikit-learn / imbalanced-learn (issue 16),
# on the same data on this machine, both on 2 cores (n_jobs=2 where the peer has it), median of REPEATS:
#   - Isolation Forest (100 trees, max_samples auto): standardise, fit on all rows, score all rows,
#     on 1,000,000 x 20 (bench-data/sampling_1000000.csv, scripts/data/sampling.py);
#   - BalancedRandomForestClassifier(100): fit on 4/5 of 100,000 x 20 rows, predict_proba of the rest;
#   - One-Class SVM (RBF, gamma scale, nu 0.5): fit + score on 10,000 and 50,000 rows (the first rows
#     of the 1M table, standardised; one run each at 50,000, without a warm-up).
# Prints a table with both times, the ratio and the ROC-AUC each reached.
# Usage: scripts/bench/ensembles_speed.sh [REPEATS] [TASK]   (TASK: run only the rows whose label
#   contains it, e.g. BalancedRandomForest)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
repeats="${1:-3}"
only="${2:-}"
data="$root/bench-data"
mkdir -p "$data"
[ -f "$data/sampling_1000000.csv" ] || "$py" "$root/scripts/data/sampling.py" 1000000 "$data/sampling_1000000.csv"
for n in 100000 50000 10000; do
  [ -f "$data/sampling_$n.csv" ] || head -n $((n + 1)) "$data/sampling_1000000.csv" > "$data/sampling_$n.csv"
done
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
run() { # name file repeats kind args...
  local label="$1" file="$2" reps="$3"; shift 3
  [[ -z "$only" || "$label" == *"$only"* ]] || return 0
  ours=$(java -Xmx12g -cp "$cp" org.imbalanced4j.bench.LearnerSpeedBench "$file" "$reps" "$@")
  theirs=$("$py" - "$file" "$reps" "$label" <<'PY'
import json, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler
from sklearn.svm import OneClassSVM
from imblearn.ensemble import BalancedRandomForestClassifier
warnings.filterwarnings("ignore")
path, repeats, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
df = pd.read_csv(path)
X = df.drop(columns="class").to_numpy(np.float64)
y = df["class"].to_numpy()
rare = np.argmin(np.bincount(y))
times, auc = [], None
for r in range(-1 if repeats > 1 else 0, repeats):  # a warm-up run when there are several
    t0 = time.perf_counter()
    if label.startswith("BalancedRandomForest"):
        test = np.arange(len(y)) % 5 == 4
        Xs = StandardScaler().fit(X[~test])
        m = BalancedRandomForestClassifier(n_estimators=100, n_jobs=2, random_state=max(r, 0)).fit(
            Xs.transform(X[~test]), y[~test])
        auc = roc_auc_score(y[test] == rare, m.predict_proba(Xs.transform(X[test]))[:, rare])
    else:
        Xs = StandardScaler().fit_transform(X)
        m = IsolationForest(n_jobs=2, random_state=max(r, 0)) if label.startswith("IsolationForest") else OneClassSVM()
        s = -m.fit(Xs).score_samples(Xs)
        auc = roc_auc_score(y != np.argmax(np.bincount(y)), s)
    if r >= 0:
        times.append(time.perf_counter() - t0)
print(json.dumps({"median_seconds": sorted(times)[len(times) // 2], "roc_auc": auc}))
PY
)
  "$py" -c "
import json, sys
o, t = json.loads('''$ours'''), json.loads('''$theirs''')
print(f\"| $label | {o['rows']:,} | {o['median_seconds']:.2f} | {t['median_seconds']:.2f} | {t['median_seconds'] / o['median_seconds']:.1f}x | {o['roc_auc']:.4f} / {t['roc_auc']:.4f} |\")"
}
echo "| task | rows | ours, s | peer, s | speed-up | ROC-AUC ours / peer |"
echo "|---|---:|---:|---:|---:|---:|"
run "IsolationForest(100), fit + score" "$data/sampling_1000000.csv" "$repeats" detector iforest
run "BalancedRandomForestClassifier(100), fit + predict_proba" "$data/sampling_100000.csv" "$repeats" learner balanced-forest
run "OneClassSVM, fit + score" "$data/sampling_10000.csv" "$repeats" detector ocsvm
run "OneClassSVM, fit + score" "$data/sampling_50000.csv" 1 detector ocsvm  # minutes a run: one each
