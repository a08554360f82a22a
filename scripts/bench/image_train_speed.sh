#!/usr/bin/env bash
# Image network training throughput, ours vs PyTorch (issue 15): ResNet-32 (the CIFAR ResNet of He
# et al. 2016) and the small CNN on N random 28x28 gray images of 10 classes, batch 128, SGD with
# momentum 0.9 (lr 0.1), cross-entropy, 2 threads; images per second of the epochs after the first.
# Ours: imb's TrainingLoop on DJL's PyTorch engine (bench ImageTrainSpeedBench). PyTorch: the same
# networks in torch.nn, a plain loop over tensor slices (no DataLoader), torch.set_num_threads(2).
# Both sides run ROUNDS times, interleaved; the table gives the median of the rounds. Ours runs with
# the malloc settings bin/imb sets (freed memory kept for reuse); PyTorch runs as a user runs it and
# again with the same settings, so the last ratio compares the frameworks alone.
# Usage: scripts/bench/image_train_speed.sh [N] [EPOCHS] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
n="${1:-2560}"
epochs="${2:-3}"
rounds="${3:-3}"
malloc=(MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456)
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
# torch_speed [VAR=VALUE...] NET N EPOCHS DIR: PyTorch's images per second, in that environment
torch_speed() {
  local -a vars=()
  while [[ "$1" == *=* ]]; do vars+=("$1"); shift; done
  env "${vars[@]}" "$py" - "$@" <<'PY'
import json, sys, time
import torch, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(2)
net, n, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.manual_seed(0)

sys.path.insert(0, sys.argv[4])
from torch_recipes import ResNet32  # the same ResNet-32 as the long-tailed benchmark

def cnn(k=10):
    def cbr(i, o): return [nn.Conv2d(i, o, 3, 1, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU()]
    return nn.Sequential(*cbr(1, 32), *cbr(32, 32), nn.MaxPool2d(2), *cbr(32, 64), *cbr(64, 64), nn.MaxPool2d(2),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, k))

m = ResNet32(10) if net == "resnet32" else cnn()
opt = torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9)
x = torch.randint(0, 256, (n, 1, 28, 28)).float() / 255
y = torch.arange(n) % 10
times = []
for e in range(epochs):
    t = time.perf_counter()
    perm = torch.randperm(n)
    m.train()
    for b in range(0, n - 1, 128):
        idx = perm[b:b + 128]
        opt.zero_grad()
        F.cross_entropy(m(x[idx]), y[idx]).backward()
        opt.step()
    times.append(time.perf_counter() - t)
print(json.dumps({"images_per_second": n * (epochs - 1) / sum(times[1:])}))
PY
}
echo "| network | images | ours, images/s | PyTorch, images/s | ratio | PyTorch, same malloc settings | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for net in resnet32 cnn; do
  runs=()
  for ((r = 0; r < rounds; r++)); do
    ours=$(env "${malloc[@]}" MKL_DYNAMIC=FALSE OMP_DYNAMIC=FALSE java -Xmx4g -cp "$cp" \
      org.imbalanced4j.bench.ImageTrainSpeedBench "$net" "$n" "$epochs")
    plain=$(torch_speed "$net" "$n" "$epochs" "$root/scripts/bench/lt")
    same=$(torch_speed "${malloc[@]}" "$net" "$n" "$epochs" "$root/scripts/bench/lt")
    runs+=("{\"ours\": $ours, \"plain\": $plain, \"same\": $same}")
  done
  printf '%s\n' "${runs[@]}" | "$py" -c '
import json, statistics, sys
rows = [json.loads(l) for l in sys.stdin]
med = lambda k: statistics.median(r[k]["images_per_second"] for r in rows)
o, p, s, n = med("ours"), med("plain"), med("same"), rows[0]["ours"]["images"]
print(f"| {sys.argv[1]} | {n:,} | {o:.0f} | {p:.0f} | {o / p:.2f}x | {s:.0f} | {o / s:.2f}x |")
' "$net"
done
