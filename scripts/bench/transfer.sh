#!/usr/bin/env bash
# Transfer learning for rare classes (issue 17): does a backbone trained on plenty of other data
# help when the classes at hand are long-tailed? Fashion-MNIST: ResNet-32 trained on the balanced
# classes 0-4 (30,000 images, PRE_EPOCHS epochs, default 2) twice: by `imb train` (a model
# directory) and by PyTorch (scripts/bench/lt/torch_recipes.py, exported with torch.jit.script);
# then classes 5-9 cut to a long tail (ratio 100: 6,000 images of class 5 down to 60 of class 9,
# `imb resample --method long-tail`), trained EPOCHS epochs (default 4) by `imb train` from each
# backbone (`--pretrained DIR`, `--pretrained pre.pt --normalize MEAN,STD`: a new head, nothing
# frozen) and from scratch, each with cross-entropy, the default augmentation, Adam with cosine
# decay, every row, the last epoch kept. Scored on the balanced test images of classes 5-9.
# Prints balanced accuracy and few-shot recall (classes 8-9) per seed and their means. A run whose
# row is in bench-data/transfer/*.row is not run again (delete them to start over).
# Usage: scripts/bench/transfer.sh [SEEDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
seeds="${1:-3}"
d=/usr/share/datasets/fashion-mnist
[ -f "$d/train-images-idx3-ubyte.gz" ] || apt-get install -y dataset-fashion-mnist >/dev/null
out="$root/bench-data/transfer"
mkdir -p "$out"
"$py" - "$d" "$out" "$root/scripts/bench/lt" <<'PY'
import sys
d, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
from idxio import read, write
for part, src in (("train", "train"), ("test", "t10k")):
    x, y = read(f"{d}/{src}-images-idx3-ubyte.gz"), read(f"{d}/{src}-labels-idx1-ubyte.gz")
    for name, keep in (("pre", y < 5), ("rare", y >= 5)):
        write(f"{out}/{part}-{name}-images.gz", x[keep])
        write(f"{out}/{part}-{name}-labels.gz", y[keep])
PY
imb="$root/bin/imb"
recipe=(--loss ce --augment default --schedule cosine --val-split 0)
[ -f "$out/lt/images-idx3-ubyte.gz" ] || "$imb" resample "$out/train-rare-images.gz" --labels "$out/train-rare-labels.gz" \
  --method long-tail --param ratio=100 --seed 0 --out "$out/lt" >/dev/null
[ -f "$out/pre/model.json" ] || "$imb" train "$out/train-pre-images.gz" --labels "$out/train-pre-labels.gz" \
  --model resnet32 "${recipe[@]}" --epochs "${PRE_EPOCHS:-2}" --seed 0 --out "$out/pre" >"$out/pre.log" 2>&1
[ -f "$out/pre.pt" ] || "$py" "$root/scripts/bench/lt/torch_recipes.py" "$out/train-pre-images.gz" \
  "$out/train-pre-labels.gz" "$out/test-pre-images.gz" "$out/test-pre-labels.gz" ce 0 "${PRE_EPOCHS:-2}" \
  "$out/pre.pt" > "$out/pre-torch.json"
norm=$("$py" -c "import json; j = json.load(open('$out/pre-torch.json')); print(f\"{j['mean']},{j['std']}\")")
for ((s = 0; s < seeds; s++)); do
  for how in pretrained torchscript scratch; do
    [ -f "$out/$how-$s.row" ] && continue
    start=(--model resnet32)
    [ "$how" = pretrained ] && start=(--pretrained "$out/pre")
    [ "$how" = torchscript ] && start=(--pretrained "$out/pre.pt" --normalize "$norm")
    t0=$(date +%s.%N)
    "$imb" train "$out/lt/images-idx3-ubyte.gz" --labels "$out/lt/labels-idx1-ubyte.gz" "${start[@]}" "${recipe[@]}" \
      --epochs "${EPOCHS:-4}" --seed "$s" --out "$out/$how-$s" >"$out/$how-$s.log" 2>&1
    secs=$(echo "$(date +%s.%N) - $t0" | bc)
    "$imb" predict "$out/$how-$s" "$out/test-rare-images.gz" --labels "$out/test-rare-labels.gz" \
      --out "$out/$how-$s.pred.csv" >/dev/null
    "$imb" evaluate "$out/$how-$s.pred.csv" --json | "$py" -c "
import json, sys
j = json.load(sys.stdin); c = j['classification_report_imbalanced']
print('$how', $s, j['balanced_accuracy_score'], (c['8']['rec'] + c['9']['rec']) / 2, $secs)" > "$out/$how-$s.row"
  done
done
cat "$out"/*-[0-9]*.row | sort -k2,2n -s > "$out/rows.txt"
"$py" - "$out/rows.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
print("| start | seed | balanced accuracy | few-shot recall (8, 9) | seconds |")
print("|---|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {float(r[2]):.4f} | {float(r[3]):.4f} | {float(r[4]):.0f} |")
for how in ("pretrained", "torchscript", "scratch"):
    sel = [[float(v) for v in r[2:]] for r in rows if r[0] == how]
    m = [sum(c) / len(sel) for c in zip(*sel)]
    print(f"| {how} | mean | {m[0]:.4f} | {m[1]:.4f} | {m[2]:.0f} |")
PY
