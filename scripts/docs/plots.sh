#!/usr/bin/env bash
# Regenerates the example evaluation plots under docs/img from docs/examples/pred.csv
# (500 rows of a simulated fraud score, 10% positives; written once by the Python snippet below).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -f "$root/docs/examples/pred.csv" ]; then
  /usr/bin/python3 - "$root/docs/examples/pred.csv" <<'PY'
import sys, numpy as np, pandas as pd
rng = np.random.RandomState(0); n = 500
y = (rng.uniform(size=n) < 0.1).astype(int)
s = 1 / (1 + np.exp(-(rng.normal(size=n) + 2 * y - 1.5)))
pd.DataFrame({"class": np.where(y == 1, "fraud", "ok"), "proba_fraud": s.round(6),
              "proba_ok": (1 - s).round(6)}).to_csv(sys.argv[1], index=False)
PY
fi
"$root/bin/imb" evaluate "$root/docs/examples/pred.csv" --score proba_fraud --threshold auto --plots "$root/docs/img"
