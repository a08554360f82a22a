#!/usr/bin/env bash
# Decoupled classifiers on long-tailed Fashion-MNIST (issue 17): tau-normalisation, cRT and LWS (Kang et
# al., ICLR 2020) of the cross-entropy ResNet-32s that scripts/bench/long_tail.sh trains (ratio 100,
# every training row, the last epoch kept). The balanced test set is split in two halves by a
# fixed permutation (seed 0): tau is chosen on the first (`imb train HALF1 --pretrained MODEL
# --decouple tau`); cRT re-trains the head on the long-tailed training set with class-balanced
# batches (`--decouple crt`, at most CRT_EPOCHS epochs, default 6, a fifth held out to stop on);
# LWS learns a scale per class on the same rows (`--decouple lws`); all are scored on the second half. Prints balanced accuracy and the mean recall of
# many-shot (classes 0-2), medium (3-6) and few-shot (7-9) classes per seed, and means.
# The PyTorch side (scripts/bench/lt/torch_decouple.py) trains the same CE recipe and builds the
# same three heads on the same rows; SIDES="ours pytorch" (default) or one of them.
# Usage: scripts/bench/decouple.sh [SEEDS]   (trains our CE models with long_tail.sh when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
seeds="${1:-3}"
d=/usr/share/datasets/fashion-mnist
out="$root/bench-data/long-tail"
for ((s = 0; s < seeds; s++)); do
  [ -f "$out/ours-ce-$s/model.json" ] || SIDES=ours KEEP=1 "$root/scripts/bench/long_tail.sh" "${EPOCHS:-3}" "$seeds" ce
done
work="$out/decouple"
mkdir -p "$work"
"$py" - "$d" "$work" "$root/scripts/bench/lt" <<'PY'
import sys
import numpy as np
d, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
from idxio import read, write
x, y = read(f"{d}/t10k-images-idx3-ubyte.gz"), read(f"{d}/t10k-labels-idx1-ubyte.gz")
idx = np.random.RandomState(0).permutation(len(y))
for name, part in (("choose", np.sort(idx[:5000])), ("score", np.sort(idx[5000:]))):
    write(f"{out}/{name}-images.gz", x[part])
    write(f"{out}/{name}-labels.gz", y[part])
PY
: > "$work/rows.txt"
sides="${SIDES:-ours pytorch}"
for ((s = 0; s < seeds; s++)); do
  [[ " $sides " == *" ours "* ]] || continue
  "$root/bin/imb" train "$work/choose-images.gz" --labels "$work/choose-labels.gz" --pretrained "$out/ours-ce-$s" \
    --decouple tau --out "$work/tau-$s" | tee "$work/tau-$s.log"
  "$root/bin/imb" train "$out/fmnist-lt/images-idx3-ubyte.gz" --labels "$out/fmnist-lt/labels-idx1-ubyte.gz" \
    --pretrained "$out/ours-ce-$s" --decouple crt --epochs "${CRT_EPOCHS:-6}" --seed "$s" --out "$work/crt-$s" \
    >"$work/crt-$s.log" 2>&1
  tail -1 "$work/crt-$s.log"
  "$root/bin/imb" train "$out/fmnist-lt/images-idx3-ubyte.gz" --labels "$out/fmnist-lt/labels-idx1-ubyte.gz" \
    --pretrained "$out/ours-ce-$s" --decouple lws --seed "$s" --out "$work/lws-$s" | tee "$work/lws-$s.log"
  for m in "ours-ce-$s:$out/ours-ce-$s" "tau-$s:$work/tau-$s" "crt-$s:$work/crt-$s" "lws-$s:$work/lws-$s"; do
    "$root/bin/imb" predict "${m#*:}" "$work/score-images.gz" --labels "$work/score-labels.gz" \
      --out "$work/${m%%:*}.pred.csv" >/dev/null
    "$root/bin/imb" evaluate "$work/${m%%:*}.pred.csv" --json | "$py" -c "
import json, sys
j = json.load(sys.stdin)
r = [j['classification_report_imbalanced'][str(c)]['rec'] for c in range(10)]
print('${m%%:*}'.split('-')[0], $s, j['balanced_accuracy_score'], sum(r[:3]) / 3, sum(r[3:7]) / 4, sum(r[7:]) / 3)
" >> "$work/rows.txt"
  done
done
if [[ " $sides " == *" pytorch "* ]]; then
  for ((s = 0; s < seeds; s++)); do
    "$py" -W ignore "$root/scripts/bench/lt/torch_decouple.py" "$out/fmnist-lt/images-idx3-ubyte.gz" \
      "$out/fmnist-lt/labels-idx1-ubyte.gz" "$work/choose-images.gz" "$work/choose-labels.gz" \
      "$work/score-images.gz" "$work/score-labels.gz" "$s" "${EPOCHS:-4}" "${CRT_EPOCHS:-6}" | "$py" -c "
import json, sys
for line in sys.stdin:
    j = json.loads(line); r = j['recall']
    print('pt-' + j['model'], j['seed'], j['balanced_accuracy'], sum(r[:3]) / 3, sum(r[3:7]) / 4, sum(r[7:]) / 3)
" >> "$work/rows.txt"
  done
fi
"$py" - "$work/rows.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
label = {"ours": "CE", "tau": "CE + tau-norm", "crt": "CE + cRT", "lws": "CE + LWS", "pt-ce": "PyTorch CE",
         "pt-tau": "PyTorch CE + tau-norm", "pt-crt": "PyTorch CE + cRT", "pt-lws": "PyTorch CE + LWS"}
print("| model | seed | balanced accuracy | many-shot recall | medium | few-shot |")
print("|---|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {label[r[0]]} | {r[1]} | " + " | ".join(f"{float(v):.4f}" for v in r[2:]) + " |")
for kind in label:
    sel = [[float(v) for v in r[2:]] for r in rows if r[0] == kind]
    if not sel:
        continue
    m = [sum(c) / len(sel) for c in zip(*sel)]
    print(f"| {label[kind]} | mean | " + " | ".join(f"{v:.4f}" for v in m) + " |")
PY
