#!/usr/bin/env bash
# Augmentation throughput, ours vs torchvision (issue 15): RandomHorizontalFlip(0.5),
# RandomRotation(15), ColorJitter(0.2, 0.2, 0.2), ToTensor and Normalize on random uint8 images,
# 28x28 gray and 224x224 RGB. torchvision 0.14: the usual PIL path (transforms.Compose on PIL images,
# one process, torch.set_num_threads(THREADS)). Ours: the same steps as a training batch makes them
# (bench AugmentBench) on THREADS threads. Images per second, median of 5 passes after warm-up.
# Usage: scripts/bench/augment_speed.sh [THREADS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
threads="${1:-1}"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
echo "| images | threads | ours, images/s | torchvision (PIL), images/s | ratio |"
echo "|---|---:|---:|---:|---:|"
for shape in "1 28 20000" "3 224 300"; do
  set -- $shape
  ours=$(java -Xmx4g -cp "$cp" org.imbalanced4j.bench.AugmentBench "$1" "$2" "$3" "$threads")
  theirs=$("$py" - "$1" "$2" "$3" "$threads" <<'PY'
import json, sys, time
import numpy as np, torch
from PIL import Image
import torchvision.transforms as T
c, size, n, threads = (int(a) for a in sys.argv[1:])
torch.set_num_threads(threads)
rng = np.random.default_rng(0)
arrays = rng.integers(0, 256, (n, size, size, c) if c == 3 else (n, size, size), dtype=np.uint8)
images = [Image.fromarray(a) for a in arrays]
t = T.Compose([T.RandomHorizontalFlip(), T.RandomRotation(15), T.ColorJitter(0.2, 0.2, 0.2), T.ToTensor(),
               T.Normalize([0.5] * c, [0.25] * c)])
times = []
for p in range(7):
    t0 = time.perf_counter()
    for im in images:
        t(im)
    times.append(time.perf_counter() - t0)
timed = sorted(times[2:])
print(json.dumps({"images_per_second": n / timed[len(timed) // 2]}))
PY
)
  "$py" - "$1" "$2" "$threads" "$ours" "$theirs" <<'PY'
import json, sys
c, size, threads = sys.argv[1], sys.argv[2], sys.argv[3]
o, t = json.loads(sys.argv[4]), json.loads(sys.argv[5])
kind = "gray" if c == "1" else "RGB"
print(f"| {size}x{size} {kind} | {threads} | {o['images_per_second']:,.0f} | {t['images_per_second']:,.0f} | "
      f"{o['images_per_second'] / t['images_per_second']:.1f}x |")
PY
done
