#!/usr/bin/env bash
# Side-by-side: read a generated 1M-row x 20-column numeric CSV (plus a class column) with
# imbalanced4j and with pandas (Debian python3-pandas), same file, same machine.
# Prints rows/s for each and the ratio. Usage: scripts/bench/read_csv.sh [ROWS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-1000000}"
data="$root/bench-data"
csv="$data/numeric_${rows}x20.csv"
mkdir -p "$data"
py=/usr/bin/python3

if [ ! -f "$csv" ]; then
  echo "generating $csv ..." >&2
  "$py" - "$csv" "$rows" <<'PY'
import sys
import numpy as np
import pandas as pd
path, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(0)
X = rng.normal(size=(n, 20)).astype(np.float64) * rng.uniform(0.1, 1000, size=20)
df = pd.DataFrame(X, columns=[f"x{i}" for i in range(20)])
df["class"] = (rng.uniform(size=n) < 0.01).astype(int)
df.to_csv(path, index=False, float_format="%.7g")
PY
fi

(cd "$root" && mvn -q -B -DskipTests -pl bench -am package >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
ours=$(java -XX:+UseG1GC -Xmx4g -cp "$cp" org.imbalanced4j.bench.ReadCsvBench "$csv" 3)

theirs=$("$py" - "$csv" <<'PY'
import json, sys, time, statistics
import pandas as pd
path = sys.argv[1]
t = time.perf_counter(); df = pd.read_csv(path); cold = time.perf_counter() - t
times = []
for _ in range(3):
    t = time.perf_counter(); df = pd.read_csv(path); times.append(time.perf_counter() - t)
print(json.dumps({"rows": len(df), "cold_seconds": cold, "median_seconds": statistics.median(times),
                  "pandas": pd.__version__}))
PY
)

"$py" - "$ours" "$theirs" "$csv" <<'PY'
import json, os, sys
ours, theirs, path = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
assert ours["rows"] == theirs["rows"], (ours, theirs)
mb = os.path.getsize(path) / 1e6
print(f"file: {os.path.basename(path)} ({ours['rows']:,} rows, {mb:.0f} MB)")
print(f"{'reader':<28}{'median s':>10}{'rows/s':>14}{'cold s':>10}")
o = ours["rows"] / ours["median_seconds"]; t = theirs["rows"] / theirs["median_seconds"]
print(f"{'imbalanced4j (' + str(ours['threads']) + ' threads)':<28}{ours['median_seconds']:>10.3f}{o:>14,.0f}{ours['cold_seconds']:>10.3f}")
print(f"{'pandas ' + theirs['pandas'] + ' read_csv':<28}{theirs['median_seconds']:>10.3f}{t:>14,.0f}{theirs['cold_seconds']:>10.3f}")
print(f"ratio (ours / pandas, rows/s, median of 3): {o / t:.2f}x")
PY
