#!/usr/bin/env bash
# Do our learners reach the reference's optimum? (issue 12) For each data set and seed s:
# `imb compare --seed s --no-race` with none + {logistic(class_weight=balanced), mlp(loss=ce),
# mlp(loss=class-balanced)} + argmax, and scikit-learn 1.2 on the identical folds
# (StratifiedKFold(5, shuffle=True, random_state=s); numeric columns standardised, categorical
# one-hot, as imb does): LogisticRegression(class_weight='balanced', max_iter=1000) and
# MLPClassifier(random_state=s, max_iter=300). Prints mean balanced accuracy over the folds for
# seed 0 (logistic: ours vs scikit-learn, difference) and over SEEDS seeds (networks), and times.
# Usage: scripts/bench/learners_reference.sh [CSV...]
#   default: the six CSVs of ../shared/datasets and bench-data/rare7.csv (generated: 7 classes,
#   58,000 rows, classes of 10 to 50 rows; scripts/data/rare_multiclass.py). SEEDS=3 by default.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
seeds="${SEEDS:-3}"
first="${FIRST_SEED:-0}" # the first seed (FIRST_SEED=3 SEEDS=2: seeds 3 and 4)
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  [ -f "$root/bench-data/rare7.csv" ] || "$py" "$root/scripts/data/rare_multiclass.py" >/dev/null
  files=("$root/bench-data/rare7.csv")
  for f in "$root"/../shared/datasets/*.csv; do files+=("$f"); done
fi
out="$root/bench-data/learners-reference"
mkdir -p "$out"
grid="$out/grid.yaml"
cat > "$grid" <<'YAML'
samplers: [none]
learners:
  - logistic: {class_weight: balanced}
  - mlp: {loss: ce}
  - mlp: {loss: class-balanced}
thresholds: [argmax]
YAML
"$root/bin/imb" --version >/dev/null
: > "$out/rows.jsonl"
for f in "${files[@]}"; do
  name="$(basename "$f" .csv)"
  for ((s = first; s < first + seeds; s++)); do
    rm -rf "${out:?}/$name-$s"
    start=$(date +%s.%N)
    "$root/bin/imb" compare "$f" --grid "$grid" --folds 5 --seed "$s" --no-race --out "$out/$name-$s" \
      >"$out/$name-$s.log" 2>&1
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    "$py" - "$f" "$out/$name-$s/results.json" "$s" "$secs" >> "$out/rows.jsonl" <<'PY'
import json, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import StratifiedKFold
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
path, ours_json, seed, our_secs = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
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
models = {
    "logistic": lambda: LogisticRegression(class_weight="balanced", max_iter=1000),
    # the same objective solved to its optimum: lbfgs stops on SciPy's relative-reduction rule
    "logistic_optimum": lambda: LogisticRegression(solver="newton-cg", class_weight="balanced", tol=1e-10,
                                                   max_iter=1000),
    "mlp": lambda: MLPClassifier(random_state=seed, max_iter=300),
}
folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(X, y))
ref, secs, warned = {}, {}, {}
for name, make in models.items():
    ba, t0, w = [], time.perf_counter(), 0
    for tr, te in folds:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            m = make_pipeline(pre(), make()).fit(X.iloc[tr], y[tr])
        w += sum(issubclass(c.category, ConvergenceWarning) for c in caught)
        ba.append(balanced_accuracy_score(y[te], m.predict(X.iloc[te])))
    ref[name], secs[name], warned[name] = float(np.mean(ba)), time.perf_counter() - t0, w
ours = {c["candidate"]: c for c in json.load(open(ours_json))["candidates"]}
get = lambda key: next(v for k, v in ours.items() if k.startswith(key))
row = {"data": path.split("/")[-1], "seed": seed, "ref": ref, "ref_seconds": secs, "ref_convergence_warnings": warned,
       "ours": {k: get(k)["metrics"]["balanced_accuracy_score"]["mean"] for k in
                ["none + logistic", "none + mlp(loss=ce)", "none + mlp(loss=class-balanced)"]},
       "ours_seconds": {k: get(k)["seconds"] for k in
                        ["none + logistic", "none + mlp(loss=ce)", "none + mlp(loss=class-balanced)"]},
       "ours_warnings": {k: v.get("warnings", []) for k, v in ours.items()}, "ours_wall": our_secs}
print(json.dumps(row))
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
    by[r["data"]].append(r)
print("Logistic regression, class_weight=balanced, seed 0 folds (mean balanced accuracy of the 5 folds):")
print("| data | ours | scikit-learn lbfgs | difference | scikit-learn at the optimum (newton-cg, tol 1e-10) | difference |")
print("|---|---:|---:|---:|---:|---:|")
for d, rs in by.items():
    r = next(x for x in rs if x["seed"] == 0)
    o, s, opt = r["ours"]["none + logistic"], r["ref"]["logistic"], r["ref"]["logistic_optimum"]
    print(f"| {d} | {o:.4f} | {s:.4f} | {o - s:+.1e} | {opt:.4f} | {o - opt:+.1e} |")
n = len(next(iter(by.values())))
print(f"\nNetworks, mean balanced accuracy over {n} seeds (same folds per seed; fit time of 5 folds, mean):")
print("| data | MLPClassifier | ours mlp(ce) | ours mlp(class-balanced) | MLPClassifier s | ours ce s | ours cb s |")
print("|---|---:|---:|---:|---:|---:|---:|")
mean = lambda xs: sum(xs) / len(xs)
for d, rs in by.items():
    ref = mean([r["ref"]["mlp"] for r in rs])
    ce = mean([r["ours"]["none + mlp(loss=ce)"] for r in rs])
    cb = mean([r["ours"]["none + mlp(loss=class-balanced)"] for r in rs])
    mark = lambda v: f"{v:.4f}" + ("" if v >= ref else " **below**")
    print(f"| {d} | {ref:.4f} | {mark(ce)} | {mark(cb)} | {mean([r['ref_seconds']['mlp'] for r in rs]):.1f} | "
          f"{mean([r['ours_seconds']['none + mlp(loss=ce)'] for r in rs]):.1f} | "
          f"{mean([r['ours_seconds']['none + mlp(loss=class-balanced)'] for r in rs]):.1f} |")
PY
