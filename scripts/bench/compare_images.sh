#!/usr/bin/env bash
# `imb compare` on images (issue 17): the default image grid raced on Fashion-MNIST-LT (ratio 100,
# `imb resample --method long-tail --param ratio=100 --seed 0`: 6,000 training images of class 0
# down to 60 of class 9, as scripts/bench/long_tail.sh builds it) with one stratified hold-out
# split of 20% and BUDGET minutes of training per strategy (default 5). Reports the stated budget
# against the wall time, then scores the winner (best/, retrained by compare on all the rows) on the
# full balanced test set (10,000 images) beside the best single recipe of scripts/bench/long_tail.sh,
# and checks the report in headless Chromium (scripts/docs/report_check.sh, screenshot in docs/img).
# Usage: scripts/bench/compare_images.sh [BUDGET_MINUTES]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
budget="${1:-5}"
d=/usr/share/datasets/fashion-mnist
[ -f "$d/train-images-idx3-ubyte.gz" ] || apt-get install -y dataset-fashion-mnist >/dev/null
lt="$root/bench-data/long-tail/fmnist-lt"
out="$root/bench-data/compare-images"
imb="$root/bin/imb"
if [ ! -f "$lt/images-idx3-ubyte.gz" ]; then
  "$imb" resample "$d/train-images-idx3-ubyte.gz" --labels "$d/train-labels-idx1-ubyte.gz" \
    --method long-tail --param ratio=100 --seed 0 --out "$lt" >/dev/null
fi
rm -rf "$out"
mkdir -p "$out"
strategies=$("$imb" compare --print-grid "$lt/images-idx3-ubyte.gz" --labels "$lt/labels-idx1-ubyte.gz" \
  | grep -c "^  - resnet32\|^  - bbn" || true)
t0=$(date +%s)
"$imb" compare "$lt/images-idx3-ubyte.gz" --labels "$lt/labels-idx1-ubyte.gz" --holdout 0.2 \
  --budget-minutes "$budget" --seed 0 --out "$out/run" > "$out/compare.out" 2> "$out/compare.err"
secs=$(( $(date +%s) - t0 ))
"$imb" predict "$out/run/best" "$d/t10k-images-idx3-ubyte.gz" --labels "$d/t10k-labels-idx1-ubyte.gz" \
  --out "$out/test.pred.csv" >/dev/null
"$imb" evaluate "$out/test.pred.csv" --json > "$out/test.json"
cat "$out/compare.out"
"$py" - "$out" "$budget" "$strategies" "$secs" "$root/bench-data/long-tail" <<'PY'
import json, sys, glob, os
out, budget, strategies, secs, lt = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
run = json.load(open(f"{out}/run/results.json"))
test = json.load(open(f"{out}/test.json"))
winner = run["candidates"][0]
rec = test["classification_report_imbalanced"]
few = sum(rec[str(c)]["rec"] for c in (7, 8, 9)) / 3
print(f"\nstated: {budget:g} minutes x {strategies} strategies = {budget * strategies:g} minutes of training, "
      f"then the winner's retraining; wall time {secs / 60:.1f} minutes")
print(f"rank 1: {winner['candidate']} (hold-out balanced accuracy {winner['metrics']['balanced_accuracy_score']['mean']:.4f})")
print(f"rank 1 retrained on all rows, balanced test set: balanced accuracy {test['balanced_accuracy_score']:.4f}, "
      f"few-shot recall (7-9) {few:.4f}")
rows = []
p = os.path.join(lt, "rows.jsonl")
if os.path.exists(p):
    rows = [json.loads(l) for l in open(p)]
best = {}
for r in rows:
    if r["framework"] == "ours":
        best.setdefault(r["recipe"], []).append(r["balanced_accuracy"])
if best:
    recipe, v = max(best.items(), key=lambda kv: sum(kv[1]) / len(kv[1]))
    print(f"best single recipe of long_tail.sh (ours): {recipe}, balanced accuracy {sum(v) / len(v):.4f} "
          f"(mean of {len(v)} seeds)")
PY
RENDER_ONLY=1 "$root/scripts/docs/report_check.sh" "$lt/images-idx3-ubyte.gz" "$out/run" \
  "$root/docs/img/compare-images-report.png"
