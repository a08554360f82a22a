#!/usr/bin/env bash
# Long-tailed Fashion-MNIST, ours vs PyTorch + torchvision, recipe by recipe (issue 15).
# Fashion-MNIST-LT: the training set cut to the exponential profile with imbalance ratio 100 by
# `imb resample --method long-tail --param ratio=100 --seed 0` (6,000 down to 60 images a class);
# the full balanced test set. Each recipe trains ResNet-32 (bbn: its bilateral-branch version) for
# EPOCHS epochs with the default augmentation, Adam at 1e-3 with one warm-up epoch and cosine decay
# to 0 (`--schedule cosine`, the same schedule in PyTorch), batch 128, on every training row and
# keeping the last epoch, ours through `imb train --val-split 0` and PyTorch's through
# scripts/bench/lt/torch_recipes.py; LDAM-DRW re-weights from 2/3 of the epochs on both sides. Reports top-1, balanced accuracy and recall on many-shot (classes 0-2), medium (3-6) and
# few-shot (7-9) classes, mean over SEEDS seeds, and draws the per-class recall of each side's CE and
# best recipe to docs/img/long-tail-recall.png.
# Usage: scripts/bench/long_tail.sh [EPOCHS] [SEEDS] [RECIPE...]
#   SEEDS seeds for ce, ldam-drw and balanced-softmax, one for the other recipes
# Environment: SIDES="ours pytorch" (the default) or one of them; KEEP=1 adds to the rows of earlier
# runs (bench-data/long-tail/rows.jsonl) instead of starting afresh, replacing rows of the same
# framework, recipe and seed.
#   recipes: ce ce-balanced focal cb-focal ldam-drw balanced-softmax bbn (default: all)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
epochs="${1:-3}"
seeds="${2:-1}"
shift $(( $# > 2 ? 2 : $# )) || true
recipes=("$@")
[ ${#recipes[@]} -gt 0 ] || recipes=(ce ce-balanced focal cb-focal ldam-drw balanced-softmax bbn)
d=/usr/share/datasets/fashion-mnist
[ -f "$d/train-images-idx3-ubyte.gz" ] || apt-get install -y dataset-fashion-mnist >/dev/null
out="$root/bench-data/long-tail"
mkdir -p "$out"
lt="$out/fmnist-lt"
if [ ! -f "$lt/images-idx3-ubyte.gz" ]; then
  "$root/bin/imb" resample "$d/train-images-idx3-ubyte.gz" --labels "$d/train-labels-idx1-ubyte.gz" \
    --method long-tail --param ratio=100 --seed 0 --out "$lt" >/dev/null
fi
options() {
  case "$1" in
    ce) echo "--model resnet32 --loss ce" ;;
    ce-balanced) echo "--model resnet32 --loss ce --class-weight balanced" ;;
    focal) echo "--model resnet32 --loss focal" ;;
    cb-focal) echo "--model resnet32 --loss focal --class-weight effective" ;;
    ldam-drw) echo "--model resnet32 --loss ldam-drw" ;;
    balanced-softmax) echo "--model resnet32 --loss balanced-softmax" ;;
    bbn) echo "--model bbn --loss ce" ;;
    *) echo "unknown recipe $1" >&2; exit 2 ;;
  esac
}
rows="$out/rows.jsonl"
sides="${SIDES:-ours pytorch}"
[ "${KEEP:-0}" = 1 ] && touch "$rows" || : > "$rows"
# appends a row, dropping an earlier one of the same framework, recipe and seed
add_row() {
  "$py" -c '
import json, sys
path, new = sys.argv[1], json.loads(sys.stdin.read())
key = lambda r: (r["framework"], r["recipe"], r["seed"])
rows = [json.loads(l) for l in open(path) if l.strip()]
rows = [r for r in rows if key(r) != key(new)] + [new]
open(path, "w").write("".join(json.dumps(r) + "\n" for r in rows))
' "$rows"
}
for r in "${recipes[@]}"; do
  n=1
  case "$r" in ce | ldam-drw | balanced-softmax) n="$seeds" ;; esac
  for ((s = 0; s < n; s++)); do
    if [[ " $sides " == *" ours "* ]]; then
    m="$out/ours-$r-$s"
    start=$(date +%s.%N)
    # shellcheck disable=SC2046
    "$root/bin/imb" train "$lt/images-idx3-ubyte.gz" --labels "$lt/labels-idx1-ubyte.gz" $(options "$r") \
      --augment default --schedule cosine --epochs "$epochs" \
      --val-split 0 --seed "$s" --out "$m" >"$m.log" 2>&1
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    "$root/bin/imb" predict "$m" "$d/t10k-images-idx3-ubyte.gz" --labels "$d/t10k-labels-idx1-ubyte.gz" \
      --out "$m.pred.csv" >/dev/null
    ("$py" - "$m.pred.csv" "$r" "$s" "$secs" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
k = 10
hit = [0] * k; tot = [0] * k
for row in rows:
    c = int(row["class"]); tot[c] += 1; hit[c] += row["predicted"] == row["class"]
recall = [hit[c] / tot[c] for c in range(k)]
print(json.dumps({"framework": "ours", "recipe": sys.argv[2], "seed": int(sys.argv[3]), "recall": recall,
                  "accuracy": sum(hit) / sum(tot), "balanced_accuracy": sum(recall) / k, "seconds": float(sys.argv[4])}))
PY
    ) | add_row
    fi
    if [[ " $sides " == *" pytorch "* ]]; then
    "$py" "$root/scripts/bench/lt/torch_recipes.py" "$lt/images-idx3-ubyte.gz" "$lt/labels-idx1-ubyte.gz" \
      "$d/t10k-images-idx3-ubyte.gz" "$d/t10k-labels-idx1-ubyte.gz" "$r" "$s" "$epochs" \
      | "$py" -c 'import json,sys; r=json.loads(sys.stdin.read()); r["framework"]="pytorch"; print(json.dumps(r))' | add_row
    fi
    echo "$r seed $s done" >&2
  done
done
"$py" - "$rows" "$epochs" <<'PY'
import json, sys
from collections import defaultdict
rows = [json.loads(l) for l in open(sys.argv[1])]
by = defaultdict(list)
for r in rows:
    by[(r["recipe"], r["framework"])].append(r)
mean = lambda xs: sum(xs) / len(xs)
print(f"Fashion-MNIST-LT (ratio 100), ResNet-32, {sys.argv[2]} epochs; mean over seeds:")
print("| recipe | framework | seeds | top-1 | balanced accuracy | many (0-2) | medium (3-6) | few (7-9) | seconds |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for (recipe, fw), rs in by.items():
    rec = [mean([r["recall"][c] for r in rs]) for c in range(10)]
    print(f"| {recipe} | {fw} | {len(rs)} | {mean([r['accuracy'] for r in rs]):.4f} | "
          f"{mean([r['balanced_accuracy'] for r in rs]):.4f} | {mean(rec[0:3]):.4f} | {mean(rec[3:7]):.4f} | "
          f"{mean(rec[7:10]):.4f} | {mean([r['seconds'] for r in rs]):.0f} |")
PY
# the per-class recall plot: each side's plain CE and its best recipe by balanced accuracy among
# those run on the most seeds
best() {
  "$py" - "$rows" "$1" <<'PY'
import json, sys
from collections import defaultdict
by = defaultdict(list)
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r["framework"] == sys.argv[2]:
        by[r["recipe"]].append(r["balanced_accuracy"])
most = max(len(v) for v in by.values())  # like with like: among the recipes run on the most seeds
print(max((k for k in by if len(by[k]) == most), key=lambda k: sum(by[k]) / len(by[k])))
PY
}
series=()
for fw in ours pytorch; do
  series+=("$fw:ce")
  b="$(best "$fw")"
  [ "$b" = ce ] || series+=("$fw:$b")
done
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
java -cp "$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*" \
  org.imbalanced4j.bench.LongTailPlot "$rows" "$root/docs/img/long-tail-recall.png" "${series[@]}"
