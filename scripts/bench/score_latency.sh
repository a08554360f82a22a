#!/usr/bin/env bash
# Scoring latency of one row, warm (issue 20): a model directory loaded with Models.load and each
# row scored alone through the library (ScoreLatencyBench), vs scikit-learn's predict_proba on one
# row of the same model fitted on the same data. Cases: logistic regression on a numeric table (a
# double[] row vs a 1 x d NumPy array), logistic regression on a table with categorical columns (a
# map of feature name to text, as a JSON request gives it, vs a one-row DataFrame through
# ColumnTransformer(StandardScaler, OneHotEncoder)), and a 128-64 MLP on the numeric table. Warm-up
# two seconds, then N calls each, one thread. Prints p50/p99 in microseconds and the ratio.
# Usage: scripts/bench/score_latency.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
n="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
res="$root/core/src/main/resources/org/imbalanced4j/datasets"
cp "$res/satimage.csv" "$res/lending_club.csv" "$work/"
"$root/bin/imb" train "$work/satimage.csv" --model logistic --seed 0 -o "$work/lr-num" >/dev/null 2>&1
"$root/bin/imb" train "$work/lending_club.csv" --model logistic --seed 0 -o "$work/lr-mixed" >/dev/null 2>&1
"$root/bin/imb" train "$work/satimage.csv" --model mlp --seed 0 -o "$work/mlp-num" >/dev/null 2>&1

ours() { java -Xmx1g -cp "$cp" org.imbalanced4j.bench.ScoreLatencyBench "$@" 2>/dev/null; }
theirs() { # CASE FILE
  "$py" - "$1" "$2" "$n" <<'PY'
import json, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
warnings.filterwarnings("ignore")
case, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
df = pd.read_csv(path)
target = "class" if "class" in df.columns else df.columns[-1]
y = df[target].astype(str).to_numpy()
X = df.drop(columns=[target])
cat = [c for c in X.columns if X[c].dtype == object]
num = [c for c in X.columns if c not in cat]
if case == "mixed":
    model = make_pipeline(ColumnTransformer([("num", StandardScaler(), num),
                                             ("cat", OneHotEncoder(handle_unknown="ignore"), cat)]),
                          LogisticRegression(max_iter=1000))
    model.fit(X, y)
    rows = X.head(1000).astype(str).to_dict("records")  # as a JSON request gives them: text
    def one(i):
        r = rows[i % len(rows)]
        frame = pd.DataFrame([r])
        frame[num] = frame[num].astype(float)
        return model.predict_proba(frame)
else:
    clf = LogisticRegression(max_iter=1000) if case == "logistic" else MLPClassifier((128, 64), random_state=0)
    model = make_pipeline(StandardScaler(), clf)
    A = X.to_numpy(dtype=np.float64)
    model.fit(A, y)
    def one(i):
        return model.predict_proba(A[i % 1000:i % 1000 + 1])
t0 = time.perf_counter()
i = 0
while time.perf_counter() - t0 < 2:
    one(i); i += 1
t = np.empty(n)
for i in range(n):
    s = time.perf_counter_ns(); one(i); t[i] = time.perf_counter_ns() - s
t.sort()
print(json.dumps({"p50_us": t[n // 2] / 1e3, "p99_us": t[int(n * 0.99)] / 1e3}, separators=(",", ":")))
PY
}
field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/"; }
echo "one row, warm, one thread; $n calls each; $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "| model, row form | ours p50 µs | ours p99 µs | scikit-learn p50 µs | scikit-learn p99 µs | p50 speed-up |"
echo "|---|---:|---:|---:|---:|---:|"
row() { # LABEL OURS_JSON THEIRS_JSON
  local o50 o99 t50 t99
  o50=$(echo "$2" | field p50_us); o99=$(echo "$2" | field p99_us)
  t50=$(echo "$3" | field p50_us); t99=$(echo "$3" | field p99_us)
  printf '| %s | %.1f | %.1f | %.1f | %.1f | %.0fx |\n' "$1" "$o50" "$o99" "$t50" "$t99" "$(echo "$t50 / $o50" | bc -l)"
}
row "logistic, satimage (36 numeric): double[] vs NumPy 1 x d" \
  "$(ours "$work/lr-num" "$work/satimage.csv" array "$n")" "$(theirs logistic "$work/satimage.csv")"
row "logistic, lending_club (17 numeric, 5 categorical): Map of text vs one-row DataFrame" \
  "$(ours "$work/lr-mixed" "$work/lending_club.csv" map "$n")" "$(theirs mixed "$work/lending_club.csv")"
row "MLP 128-64, satimage: double[] vs NumPy 1 x d" \
  "$(ours "$work/mlp-num" "$work/satimage.csv" array "$n")" "$(theirs mlp "$work/satimage.csv")"
