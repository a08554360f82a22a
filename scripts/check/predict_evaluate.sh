#!/usr/bin/env bash
# Issue 13's chain on real data: for every CSV given (default: ../shared/datasets/*.csv),
#   imb train FILE --out M && imb predict M FILE --out P.csv && imb evaluate P.csv
# with no options, and checks that the label metrics equal those of the `predicted` column scored
# against the true class alone (evaluate on a copy holding only those two columns).
# Usage: scripts/check/predict_evaluate.sh [CSV...]   (EPOCHS=20 by default)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$root"/../shared/datasets/*.csv)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/bin/imb" --version >/dev/null
status=0
for f in "${files[@]}"; do
  name="$(basename "$f" .csv)"
  "$root/bin/imb" train "$f" --epochs "${EPOCHS:-20}" --out "$work/$name" >/dev/null 2>"$work/$name.train.log"
  "$root/bin/imb" predict "$work/$name" "$f" --out "$work/$name.pred.csv" >/dev/null
  "$root/bin/imb" evaluate "$work/$name.pred.csv" --json >"$work/$name.json"
  # the decisions alone: the predicted column and the true class (the last column predict wrote)
  awk -F, 'BEGIN{OFS=","} {for(i=1;i<=NF;i++) if(NR==1 && $i=="predicted") p=i; print $p, $NF}' \
    "$work/$name.pred.csv" >"$work/$name.decisions.csv"
  "$root/bin/imb" evaluate "$work/$name.decisions.csv" --json >"$work/$name.decisions.json"
  /usr/bin/python3 - "$name" "$work/$name.json" "$work/$name.decisions.json" <<'PY' || status=1
import json, sys
name, a, b = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
keys = ["accuracy_score", "balanced_accuracy_score", "matthews_corrcoef", "cohen_kappa_score",
        "precision_score", "recall_score", "f1_score", "geometric_mean_score", "confusion_matrix"]
same = all(a[k] == b[k] for k in keys)
print(f"{name:14s} rows {a['rows']:6d}  decision: {a['decision']:17s} balanced accuracy "
      f"{a['balanced_accuracy_score']:.4f}  label metrics equal to predicted-vs-true: {same}")
sys.exit(0 if same else 1)
PY
done
exit $status
