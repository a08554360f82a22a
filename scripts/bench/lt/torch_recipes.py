#!/usr/bin/python3
"""PyTorch + torchvision side of scripts/bench/long_tail.sh: trains ResNet-32 (the CIFAR ResNet, as
imb's resnet32) on the same long-tailed IDX files with one recipe and seed, then scores the test set.

    torch_recipes.py TRAIN_IMAGES TRAIN_LABELS TEST_IMAGES TEST_LABELS RECIPE SEED EPOCHS [EXPORT.pt]

With EXPORT.pt the trained network is saved as TorchScript (torch.jit.script, eval mode) for
`imb train --pretrained EXPORT.pt --normalize MEAN,STD`; the JSON line then has the mean and std.

Recipes: ce, ce-balanced (class_weight=balanced), focal (gamma 2), cb-focal (focal with effective-number
weights, beta 0.999, as imb's), ldam-drw (LDAM, s=30, max margin 0.5, on a normalised (cosine)
classifier as Cao et al.'s code has it; effective-number re-weighting from 2/3 of the epochs on), balanced-softmax, bbn (ResNet-32 BBN, reversed sampler, alpha = 1 - (e/E)^2).
Adam at 1e-3 (one linear warm-up epoch, then cosine to 0 at the last epoch, as imb's --schedule cosine), batch 128, flip + RandomAffine(10, 0.1, (0.9, 1.1)) + ColorJitter(0.2, 0.2) as imb's
default policy, torch.set_num_threads(2). Prints one JSON line: per-class recall, accuracy, balanced
accuracy, seconds.
"""
import json, math, sys, time
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
import torchvision.transforms as T

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from idxio import read as idx

class Block(nn.Module):
    def __init__(s, i, o, st):
        super().__init__()
        s.c1, s.b1 = nn.Conv2d(i, o, 3, st, 1, bias=False), nn.BatchNorm2d(o)
        s.c2, s.b2 = nn.Conv2d(o, o, 3, 1, 1, bias=False), nn.BatchNorm2d(o)
        s.sc = nn.Sequential() if st == 1 and i == o else nn.Sequential(nn.Conv2d(i, o, 1, st, bias=False), nn.BatchNorm2d(o))
    def forward(s, x):
        return F.relu(s.b2(s.c2(F.relu(s.b1(s.c1(x))))) + s.sc(x))

def trunk(last=True):
    layers, i = [nn.Conv2d(1, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU()], 16
    for st, o in enumerate([16, 32, 64]):
        for j in range(5):
            if st == 2 and j == 4 and not last:
                break
            layers.append(Block(i, o, 2 if st > 0 and j == 0 else 1)); i = o
    return nn.Sequential(*layers)

class NormedLinear(nn.Module):
    """Cao et al.'s classifier for LDAM: cosines between the normalised features and class weights."""
    def __init__(s, i, o):
        super().__init__(); s.weight = nn.Parameter(torch.empty(i, o).uniform_(-1, 1).renorm_(2, 1, 1e-5).mul_(1e5))
    def forward(s, x):
        return F.normalize(x, dim=1).mm(F.normalize(s.weight, dim=0))

class ResNet32(nn.Module):
    def __init__(s, k, normed=False):
        super().__init__(); s.t = trunk(); s.fc = NormedLinear(64, k) if normed else nn.Linear(64, k)
    def forward(s, x):
        return s.fc(F.adaptive_avg_pool2d(s.t(x), 1).flatten(1))

class BBN(nn.Module):
    def __init__(s, k):
        super().__init__(); s.t = trunk(last=False)
        s.bc, s.br = Block(64, 64, 1), Block(64, 64, 1)
        s.fc, s.fr = nn.Linear(64, k), nn.Linear(64, k)
    def branch(s, f, b, fc):
        return fc(F.adaptive_avg_pool2d(b(f), 1).flatten(1))
    def forward(s, x, x2=None):
        if x2 is None:
            f = s.t(x); return 0.5 * (s.branch(f, s.bc, s.fc) + s.branch(f, s.br, s.fr))
        n = x.shape[0]; f = s.t(torch.cat([x, x2]))
        return s.branch(f[:n], s.bc, s.fc), s.branch(f[n:], s.br, s.fr)

def rate(t, epochs, lr=1e-3, warmup=1):
    if t < warmup:
        return lr * (t + 1e-3) / warmup
    return lr * 0.5 * (1 + math.cos(math.pi * min(1.0, (t - warmup) / max(1e-9, epochs - warmup))))

def effective(counts, beta):
    w = (1 - beta) / (1 - beta ** counts); return w / w.sum() * len(counts)

def main():
    tri, trl, tei, tel, recipe, seed, epochs = sys.argv[1:8]
    seed, epochs = int(seed), int(epochs)
    torch.set_num_threads(2); torch.manual_seed(seed); np.random.seed(seed)
    x, y = idx(tri), idx(trl).astype(np.int64)
    xt, yt = idx(tei), idx(tel).astype(np.int64)
    k = int(max(y.max(), yt.max()) + 1)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    mean, std = x.mean() / 255, x.std() / 255
    aug = T.Compose([T.RandomHorizontalFlip(), T.RandomAffine(10, (0.1, 0.1), (0.9, 1.1)), T.ColorJitter(0.2, 0.2)])
    X = torch.tensor(x, dtype=torch.float32).unsqueeze(1) / 255
    Y = torch.tensor(y)
    norm = lambda t: (t - mean) / std
    model = BBN(k) if recipe == "bbn" else ResNet32(k, normed=recipe == "ldam-drw")
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    cnt = torch.tensor(counts, dtype=torch.float32)
    w_bal = torch.tensor(counts.sum() / (k * counts), dtype=torch.float32)
    margins = torch.tensor(1 / counts ** 0.25, dtype=torch.float32); margins = margins * (0.5 / margins.max())
    def loss_fn(z, t, e):
        if recipe in ("ce", "bbn"):
            return F.cross_entropy(z, t)
        if recipe == "ce-balanced":
            return F.cross_entropy(z, t, weight=w_bal)
        if recipe in ("focal", "cb-focal"):
            w = torch.tensor(effective(counts, 0.999), dtype=torch.float32) if recipe == "cb-focal" else None
            logp = F.log_softmax(z, 1).gather(1, t[:, None]).squeeze(1)
            fl = -(1 - logp.exp()) ** 2 * logp
            return (fl * w[t]).sum() / w[t].sum() if w is not None else fl.mean()
        if recipe == "balanced-softmax":
            return F.cross_entropy(z + cnt.log(), t)
        if recipe == "ldam-drw":
            zm = z - F.one_hot(t, k) * margins[t][:, None]
            w = torch.tensor(effective(counts, 0.9999), dtype=torch.float32) if e >= 2 * epochs // 3 else None
            return F.cross_entropy(30 * zm, t, weight=w)
        raise SystemExit("unknown recipe " + recipe)
    rev = (1 / counts)[y]; rev = torch.tensor(rev / rev.sum())
    start = time.perf_counter()
    for e in range(epochs):
        model.train()
        perm = torch.randperm(len(y))
        second = torch.multinomial(rev, len(y), replacement=True) if recipe == "bbn" else None
        for b in range(0, len(y) - 1, 128):
            for g in opt.param_groups:
                g["lr"] = rate(e + b / len(y), epochs)
            idx_b = perm[b:b + 128]
            xb = norm(torch.stack([aug(im) for im in X[idx_b]]))
            opt.zero_grad()
            if recipe == "bbn":
                idx2 = second[b:b + len(idx_b)]
                x2 = norm(torch.stack([aug(im) for im in X[idx2]]))
                a = 1 - (e / epochs) ** 2
                zc, zr = model(xb, x2); z = a * zc + (1 - a) * zr
                loss = a * F.cross_entropy(z, Y[idx_b]) + (1 - a) * F.cross_entropy(z, Y[idx2])
            else:
                loss = loss_fn(model(xb), Y[idx_b], e)
            loss.backward(); opt.step()
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(norm(torch.tensor(xt[i:i + 1000], dtype=torch.float32).unsqueeze(1) / 255)).argmax(1)
                          for i in range(0, len(yt), 1000)]).numpy()
    recall = [float((pred[yt == c] == c).mean()) for c in range(k)]
    out = {"recipe": recipe, "seed": seed, "recall": recall, "accuracy": float((pred == yt).mean()),
           "balanced_accuracy": float(np.mean(recall)), "seconds": seconds}
    if len(sys.argv) > 8:
        torch.jit.script(model).save(sys.argv[8])
        out.update(exported=sys.argv[8], mean=float(mean), std=float(std))
    print(json.dumps(out))

if __name__ == "__main__":
    main()
