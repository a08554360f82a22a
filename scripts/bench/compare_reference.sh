#!/usr/bin/env bash
# imb compare against imbalanced-learn pipelines and ensembles on the same folds (issues 7 and 16).
# For each data set: `imb compare` with the default grid (5-fold stratified CV, seed 0, racing on),
# and imbalanced-learn 0.10 / scikit-learn 1.2 on the identical StratifiedKFold(5, shuffle=True,
# random_state=0) folds (numeric columns standardised, categorical one-hot): pipelines of SMOTE,
# RandomUnderSampler or SMOTETomek, or class_weight='balanced', with LogisticRegression and
# MLPClassifier; and the balanced ensembles BalancedRandomForestClassifier(100),
# EasyEnsembleClassifier(10), RUSBoostClassifier(50) and BalancedBaggingClassifier(10). Prints our
# best strategy (rank 1 by balanced accuracy) beside the best reference for each metric.
# Usage: scripts/bench/compare_reference.sh [CSV...]   (default: the six CSVs of ../shared/datasets)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  for f in "$root"/../shared/datasets/*.csv; do files+=("$f"); done
fi
out="$root/bench-data/compare-reference"
mkdir -p "$out"
rows=()
for f in "${files[@]}"; do
  name="$(basename "$f" .csv)"
  rm -rf "${out:?}/$name"
  start=$(date +%s.%N)
  "$root/bin/imb" compare "$f" --folds 5 --seed 0 --out "$out/$name" >/dev/null 2>"$out/$name.log"
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  rows+=("$("$py" - "$f" "$out/$name/results.json" "$secs" <<'PY'
import json, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import balanced_accuracy_score, average_precision_score
from imblearn.pipeline import make_pipeline
from imblearn.over_sampling import SMOTE
from imblearn.under_sampling import RandomUnderSampler
from imblearn.combine import SMOTETomek
from imblearn.ensemble import (BalancedBaggingClassifier, BalancedRandomForestClassifier, EasyEnsembleClassifier,
                               RUSBoostClassifier)
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder
warnings.filterwarnings("ignore")
path, ours_json, our_secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
df = pd.read_csv(path)
target = "class" if "class" in df.columns else df.columns[-1]
X = df.drop(columns=target)
cat = [c for c in X.columns if X[c].dtype == object]
num = [c for c in X.columns if c not in cat]
X[num] = X[num].astype(np.float32).astype(np.float64)  # imb stores features as float32
labels = np.unique(df[target].astype(str))              # sorted as imb sorts class names
y = np.searchsorted(labels, df[target].astype(str))
rare = np.argmin(np.bincount(y))
lr = lambda **kw: LogisticRegression(max_iter=1000, **kw)
mlp = lambda: MLPClassifier(random_state=0, max_iter=300)
pre = lambda: ColumnTransformer([("num", StandardScaler(), num),
                                 ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cat)])
smote = lambda: SMOTE(random_state=0)  # on the one-hot columns too (imb uses SMOTENC on categories)
pipes = {
  "SMOTE + LogisticRegression": lambda: make_pipeline(pre(), smote(), lr()),
  "SMOTE + MLPClassifier": lambda: make_pipeline(pre(), smote(), mlp()),
  "RandomUnderSampler + LogisticRegression": lambda: make_pipeline(pre(), RandomUnderSampler(random_state=0), lr()),
  "RandomUnderSampler + MLPClassifier": lambda: make_pipeline(pre(), RandomUnderSampler(random_state=0), mlp()),
  "SMOTETomek + LogisticRegression": lambda: make_pipeline(pre(), SMOTETomek(random_state=0), lr()),
  "SMOTETomek + MLPClassifier": lambda: make_pipeline(pre(), SMOTETomek(random_state=0), mlp()),
  "LogisticRegression(class_weight='balanced')": lambda: make_pipeline(pre(), lr(class_weight="balanced")),
  "BalancedRandomForestClassifier(100)": lambda: make_pipeline(pre(), BalancedRandomForestClassifier(
      n_estimators=100, random_state=0, n_jobs=2)),
  "EasyEnsembleClassifier(10)": lambda: make_pipeline(pre(), EasyEnsembleClassifier(random_state=0, n_jobs=2)),
  "RUSBoostClassifier(50)": lambda: make_pipeline(pre(), RUSBoostClassifier(random_state=0)),
  "BalancedBaggingClassifier(10)": lambda: make_pipeline(pre(), BalancedBaggingClassifier(random_state=0, n_jobs=2)),
}
folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(X, y))
scores = {}
t0 = time.perf_counter()
for name, make in pipes.items():
    ba, ap = [], []
    for tr, te in folds:
        m = make().fit(X.iloc[tr], y[tr])
        ba.append(balanced_accuracy_score(y[te], m.predict(X.iloc[te])))
        ap.append(average_precision_score(y[te] == rare, m.predict_proba(X.iloc[te])[:, rare]))
    scores[name] = (np.mean(ba), np.mean(ap))
their_secs = time.perf_counter() - t0
best_ba = max(scores.items(), key=lambda kv: kv[1][0])
best_ap = max(scores.items(), key=lambda kv: kv[1][1])
cands = json.load(open(ours_json))["candidates"]
ours, m = cands[0], cands[0]["metrics"]
full = [c for c in cands if c["dropped_after_fold"] is None]   # ran every fold
best_ap_ours = max(full, key=lambda c: c["metrics"]["average_precision_score"]["mean"])
print(json.dumps({"data": path.split("/")[-1], "ours": ours["candidate"],
  "ours_ba": m["balanced_accuracy_score"]["mean"], "ours_ap": m["average_precision_score"]["mean"],
  "ours_best_ap": best_ap_ours["metrics"]["average_precision_score"]["mean"], "ours_best_ap_by": best_ap_ours["candidate"],
  "ref_ba": best_ba[1][0], "ref_ba_by": best_ba[0], "ref_ap": best_ap[1][1], "ref_ap_by": best_ap[0],
  "ours_s": our_secs, "ref_s": their_secs, "pipelines": {k: list(v) for k, v in scores.items()}}))
PY
)")
done
printf '%s\n' "${rows[@]}" > "$out/summary.jsonl"
"$py" - "$out/summary.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| data | our rank 1 (by balanced accuracy) | balanced accuracy: ours / best pipeline | PR-AUC (AP) of our rank 1 / best pipeline | best PR-AUC of any of ours (strategy) | time ours / imblearn, s |")
print("|---|---|---|---|---|---|")
yn = lambda ok: "" if ok else " **below**"
for r in rows:
    print(f"| {r['data']} | {r['ours']} | {r['ours_ba']:.4f} / {r['ref_ba']:.4f} ({r['ref_ba_by']}){yn(r['ours_ba'] >= r['ref_ba'])} | "
          f"{r['ours_ap']:.4f} / {r['ref_ap']:.4f} ({r['ref_ap_by']}){yn(r['ours_ap'] >= r['ref_ap'])} | "
          f"{r['ours_best_ap']:.4f} ({r['ours_best_ap_by']}){yn(r['ours_best_ap'] >= r['ref_ap'])} | {r['ours_s']:.0f} / {r['ref_s']:.0f} |")
PY
