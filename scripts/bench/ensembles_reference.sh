#!/usr/bin/env bash
# Balanced ensembles and forests against imbalanced-learn / scikit-learn on the same folds (issue 16).
# For each data set and seed s: `imb compare --seed s --no-race` with none + each learner below + argmax,
# and its reference on the identical StratifiedKFold(5, shuffle=True, random_state=s) folds (numeric
# columns standardised, categorical one-hot, as imb does), with the same number of estimators and
# random_state=s, the seed imb compare fits every fold with (as cross_validate does), so that the
# random ensembles draw the same bags and under-samples on both sides. Prints
# mean balanced accuracy over the folds, averaged over SEEDS seeds, and fit times (both use 2 cores).
# Usage: scripts/bench/ensembles_reference.sh [CSV...]   (default: satimage, hacide, lending_club)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
seeds="${SEEDS:-3}"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root/../shared/datasets/satimage.csv" "$root/../shared/datasets/hacide.csv" \
  "$root/../shared/datasets/lending_club.csv")
out="$root/bench-data/ensembles-reference"
mkdir -p "$out"
grid="$out/grid.yaml"
cat > "$grid" <<'YAML'
samplers: [none]
learners:
  - balanced-forest: {n_estimators: 100}
  - easy-ensemble: {n_estimators: 10}
  - rusboost: {n_estimators: 50}
  - balanced-bagging: {n_estimators: 10}
  - forest: {n_estimators: 100}
thresholds: [argmax]
YAML
"$root/bin/imb" --version >/dev/null
: > "$out/rows.jsonl"
for f in "${files[@]}"; do
  name="$(basename "$f" .csv)"
  for ((s = 0; s < seeds; s++)); do
    rm -rf "${out:?}/$name-$s"
    "$root/bin/imb" compare "$f" --grid "$grid" --folds 5 --seed "$s" --no-race --out "$out/$name-$s" \
      >"$out/$name-$s.log" 2>&1
    "$py" - "$f" "$out/$name-$s/results.json" "$s" >> "$out/rows.jsonl" <<'PY'
import json, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from imblearn.ensemble import (BalancedBaggingClassifier, BalancedRandomForestClassifier, EasyEnsembleClassifier,
                               RUSBoostClassifier)
warnings.filterwarnings("ignore")
path, ours_json, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
df = pd.read_csv(path)
target = "class" if "class" in df.columns else df.columns[-1]
X = df.drop(columns=target)
labels = np.unique(df[target].astype(str) if df[target].dtype == object else df[target])
y = np.searchsorted(labels, df[target].astype(str) if df[target].dtype == object else df[target])
cat = [c for c in X.columns if X[c].dtype == object]
num = [c for c in X.columns if c not in cat]
X[num] = X[num].astype(np.float32).astype(np.float64)  # imb stores features as float32
pre = lambda: ColumnTransformer([("num", StandardScaler(), num),
                                 ("cat", OneHotEncoder(handle_unknown="ignore"), cat)])
refs = {  # our learner -> its reference
    "balanced-forest": ("BalancedRandomForestClassifier(100)", lambda rs: BalancedRandomForestClassifier(
        n_estimators=100, random_state=rs, n_jobs=2)),
    "easy-ensemble": ("EasyEnsembleClassifier(10)", lambda rs: EasyEnsembleClassifier(n_estimators=10, random_state=rs,
                                                                            n_jobs=2)),
    "rusboost": ("RUSBoostClassifier(50)", lambda rs: RUSBoostClassifier(n_estimators=50, random_state=rs)),
    "balanced-bagging": ("BalancedBaggingClassifier(10)", lambda rs: BalancedBaggingClassifier(
        n_estimators=10, random_state=rs, n_jobs=2)),
    "forest": ("RandomForestClassifier(100)", lambda rs: RandomForestClassifier(n_estimators=100, random_state=rs,
                                                                           n_jobs=2)),
}
folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(X, y))
ours = {c["candidate"].split(" + ")[1].split("(")[0]: c for c in json.load(open(ours_json))["candidates"]}
for learner, (ref_name, make) in refs.items():
    ba, t0 = [], time.perf_counter()
    for tr, te in folds:
        m = make_pipeline(pre(), make(seed)).fit(X.iloc[tr], y[tr])
        ba.append(balanced_accuracy_score(y[te], m.predict(X.iloc[te])))
    c = ours[learner]
    print(json.dumps({"data": path.split("/")[-1], "seed": seed, "learner": learner, "reference": ref_name,
                      "ours": c["metrics"]["balanced_accuracy_score"]["mean"], "ref": float(np.mean(ba)),
                      "ours_s": c["seconds"], "ref_s": time.perf_counter() - t0}))
PY
    echo "$name seed $s done" >&2
  done
done
"$py" - "$out/rows.jsonl" <<'PY'
import json, sys
from collections import defaultdict
rows = [json.loads(l) for l in open(sys.argv[1])]
by = defaultdict(list)
for r in rows:
    by[(r["data"], r["learner"])].append(r)
mean = lambda xs: sum(xs) / len(xs)
n = len(next(iter(by.values())))
print(f"Mean balanced accuracy of 5 folds, mean of {n} seeds; fit + predict time of 5 folds, s (mean):")
print("| data | ours | reference | ours | reference | difference | ours s | reference s |")
print("|---|---|---|---:|---:|---:|---:|---:|")
for (d, l), rs in by.items():
    o, r = mean([x["ours"] for x in rs]), mean([x["ref"] for x in rs])
    mark = "" if o >= r - 0.005 else " **below -0.005**"
    print(f"| {d} | {l} | {rs[0]['reference']} | {o:.4f} | {r:.4f} | {o - r:+.4f}{mark} | "
          f"{mean([x['ours_s'] for x in rs]):.1f} | {mean([x['ref_s'] for x in rs]):.1f} |")
PY
