#!/usr/bin/env bash
# Isolation Forest against scikit-learn's (issue 16): on each CSV of ../shared/datasets, both fit
# IsolationForest(100 trees, max_samples auto) on all rows (numeric columns standardised,
# categorical one-hot, the target left out) and score all rows; ROC-AUC of the anomaly score against
# "not the majority class", mean of seeds 0..SEEDS-1 each (SEEDS=3 by default). The draws differ;
# the ROC-AUC should not (its seed-to-seed spread is up to 0.03 on satimage: more seeds tell).
# Usage: [SEEDS=N] scripts/bench/iforest_reference.sh [CSV...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
seeds="${SEEDS:-3}"
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  for f in "$root"/../shared/datasets/*.csv; do files+=("$f"); done
fi
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
echo "| data | rows | ROC-AUC ours | ROC-AUC scikit-learn | difference |"
echo "|---|---:|---:|---:|---:|"
for f in "${files[@]}"; do
  ours=$(java -cp "$cp" org.imbalanced4j.bench.LearnerSpeedBench "$f" "$seeds" detector iforest)
  theirs=$("$py" - "$f" "$seeds" <<'PY'
import sys, warnings
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler
warnings.filterwarnings("ignore")
df = pd.read_csv(sys.argv[1])
target = "class" if "class" in df.columns else df.columns[-1]
X = df.drop(columns=target)
y = df[target].astype(str).to_numpy()
cat = [c for c in X.columns if X[c].dtype == object]
num = [c for c in X.columns if c not in cat]
X[num] = X[num].astype(np.float32).astype(np.float64)
Z = ColumnTransformer([("num", StandardScaler(), num), ("cat", OneHotEncoder(sparse_output=False), cat)]).fit_transform(X)
values, counts = np.unique(y, return_counts=True)
rare = y != values[np.argmax(counts)]
print(np.mean([roc_auc_score(rare, -IsolationForest(random_state=s).fit(Z).score_samples(Z)) for s in range(int(sys.argv[2]))]))
PY
)
  "$py" -c "
import json
o = json.loads('''$ours'''); t = float('$theirs')
print(f\"| $(basename "$f") | {o['rows']:,} | {o['roc_auc']:.4f} | {t:.4f} | {o['roc_auc'] - t:+.4f} |\")"
done
