#!/usr/bin/env bash
# Side-by-side training throughput: MLP 20-256-256-2 (batch norm, ReLU), batch 256, Adam 1e-3,
# focal loss (gamma 2), class-balanced sampling, 100k generated rows (1% minority), 2 threads;
# samples/s over epochs 2-4. Ours: DJL + PyTorch engine; theirs: Debian's python3-torch with a
# DataLoader and WeightedRandomSampler. Usage: scripts/bench/train_speed.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am install >/dev/null)
cp="$root/bench/target/imbalanced4j-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*"
ours=$(java -Xmx4g -cp "$cp" org.imbalanced4j.bench.TrainSpeedBench "$n" 4)
theirs=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 - "$n" <<'PY'
import json, sys, time, torch, torch.nn as nn, torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader, WeightedRandomSampler
torch.set_num_threads(2); torch.manual_seed(0)
n = int(sys.argv[1])
y = (torch.rand(n) < 0.01).long()
x = torch.randn(n, 20); x[:, :5] += y[:, None].float()
w = (1.0 / torch.bincount(y).float())[y]
loader = DataLoader(TensorDataset(x, y), batch_size=256, sampler=WeightedRandomSampler(w, n, replacement=True))
net = nn.Sequential(nn.Linear(20, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Linear(256, 256),
                    nn.BatchNorm1d(256), nn.ReLU(), nn.Linear(256, 2))
opt = torch.optim.Adam(net.parameters(), 1e-3)
def focal(z, t, g=2.0):
    lp = F.log_softmax(z, 1).gather(1, t[:, None])[:, 0]
    return (-(1 - lp.exp()) ** g * lp).mean()
times = []
for e in range(4):
    t0 = time.perf_counter()
    for xb, yb in loader:
        opt.zero_grad(); loss = focal(net(xb), yb); loss.backward(); opt.step()
    times.append(time.perf_counter() - t0)
print(json.dumps({"torch": torch.__version__, "samples_per_second": n * 3 / sum(times[1:])}))
PY
)
/usr/bin/python3 - "$ours" "$theirs" <<'PY'
import json, sys
o, t = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"imbalanced4j (DJL, libtorch 2.7.1): {o['samples_per_second']:,.0f} samples/s")
print(f"PyTorch {t['torch']} (Debian):        {t['samples_per_second']:,.0f} samples/s")
print(f"ratio (ours / PyTorch): {o['samples_per_second'] / t['samples_per_second']:.2f}x")
PY
