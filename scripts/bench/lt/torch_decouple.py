#!/usr/bin/python3
"""PyTorch side of scripts/bench/decouple.sh: the same cross-entropy ResNet-32 recipe as
torch_recipes.py (4 epochs by default, every long-tailed training row, the last epoch kept), then
Kang et al.'s decoupled heads exactly as imb builds them, scored on the same half of the test set:

- tau: weights divided by their norm to the tau, no bias; tau in 0..2 (step 0.1) with the best
  balanced accuracy on the choosing half (the smallest on a tie; the head kept when none beats it);
- cRT: the head zeroed and trained alone with cross-entropy on class-balanced batches
  (WeightedRandomSampler, 1/n_c), Adam 1e-3, batch 128, no augmentation, the backbone frozen (batch
  norm statistics follow the batches), at most CRT_EPOCHS epochs, the epoch with the lowest
  class-balanced log loss on a stratified fifth held out (train_test_split, random_state=seed) kept;
- LWS: per-class scales minimising the class-balanced cross-entropy of the other four fifths'
  logits plus 1e-4/2 |s - 1|^2, by L-BFGS.

    torch_decouple.py LT_IMAGES LT_LABELS CHOOSE_IMAGES CHOOSE_LABELS SCORE_IMAGES SCORE_LABELS SEED [EPOCHS] [CRT_EPOCHS]

Prints one JSON line per model: balanced accuracy and recall per class on the scoring half.
"""
import json, sys
import numpy as np, torch, torch.nn.functional as F
from sklearn.model_selection import train_test_split
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from torch_recipes import ResNet32, idx, rate
import torchvision.transforms as T

def logits(model, x, norm):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(norm(torch.tensor(x[i:i + 1000], dtype=torch.float32).unsqueeze(1) / 255))
                          for i in range(0, len(x), 1000)])

def report(name, seed, z, y, k):
    pred = z.argmax(1).numpy()
    recall = [float((pred[y == c] == c).mean()) for c in range(k)]
    print(json.dumps({"model": name, "seed": seed, "balanced_accuracy": float(np.mean(recall)), "recall": recall}),
          flush=True)

def bacc(z, y, k):
    pred = z.argmax(1).numpy()
    return float(np.mean([(pred[y == c] == c).mean() for c in range(k)]))

def main():
    a = sys.argv[1:]
    seed = int(a[6]); epochs = int(a[7]) if len(a) > 7 else 4; crt_epochs = int(a[8]) if len(a) > 8 else 6
    torch.set_num_threads(2); torch.manual_seed(seed); np.random.seed(seed)
    x, y = idx(a[0]), idx(a[1]).astype(np.int64)
    xc, yc = idx(a[2]), idx(a[3]).astype(np.int64)
    xs, ys = idx(a[4]), idx(a[5]).astype(np.int64)
    k = int(y.max() + 1)
    mean, std = x.mean() / 255, x.std() / 255
    norm = lambda t: (t - mean) / std
    aug = T.Compose([T.RandomHorizontalFlip(), T.RandomAffine(10, (0.1, 0.1), (0.9, 1.1)), T.ColorJitter(0.2, 0.2)])
    X = torch.tensor(x, dtype=torch.float32).unsqueeze(1) / 255
    Y = torch.tensor(y)
    model = ResNet32(k)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for e in range(epochs):  # torch_recipes.py's ce recipe
        model.train()
        perm = torch.randperm(len(y))
        for b in range(0, len(y) - 1, 128):
            for g in opt.param_groups:
                g["lr"] = rate(e + b / len(y), epochs)
            ib = perm[b:b + 128]
            opt.zero_grad()
            F.cross_entropy(model(norm(torch.stack([aug(im) for im in X[ib]]))), Y[ib]).backward(); opt.step()
    zs = logits(model, xs, norm)
    report("ce", seed, zs, ys, k)
    fc_w, fc_b = model.fc.weight.detach().clone(), model.fc.bias.detach().clone()

    # tau-normalisation, tau chosen on the choosing half
    zc = logits(model, xc, norm)
    nrm = fc_w.norm(dim=1).double()
    zc_nb, zs_nb = (zc - fc_b).double(), (zs - fc_b).double()
    before, best, best_tau = bacc(zc, yc, k), -1.0, None
    for tau in [i / 10 for i in range(21)]:
        v = bacc(zc_nb / nrm ** tau, yc, k)
        if v > best:
            best, best_tau = v, tau
    report("tau", seed, zs_nb / nrm ** best_tau if best > before else zs, ys, k)

    # the fifth held out and the rest, as imb train --val-split 0.2 --seed SEED
    tr, va = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=seed)
    counts = np.bincount(y[tr], minlength=k)

    # LWS on the training part's logits
    ztr = logits(model, x[tr], norm).double()
    ytr = torch.tensor(y[tr])
    wi = torch.tensor(1.0 / (k * counts[y[tr]]), dtype=torch.float64)
    s = torch.ones(k, dtype=torch.float64, requires_grad=True)
    lb = torch.optim.LBFGS([s], lr=1, max_iter=500, tolerance_grad=1e-10, tolerance_change=1e-14,
                           line_search_fn="strong_wolfe")
    def closure():
        lb.zero_grad()
        f = (wi * F.cross_entropy(ztr * s, ytr, reduction="none")).sum() + 1e-4 / 2 * ((s - 1) ** 2).sum()
        f.backward(); return f
    lb.step(closure)
    report("lws", seed, zs * s.detach().float(), ys, k)

    # cRT: the head zeroed, trained alone on class-balanced batches, the best held-out epoch kept
    with torch.no_grad():
        model.fc.weight.zero_(); model.fc.bias.zero_()
    for p in model.t.parameters():
        p.requires_grad = False
    hopt = torch.optim.Adam(model.fc.parameters(), lr=1e-3)
    sampler = torch.utils.data.WeightedRandomSampler(torch.tensor(1.0 / counts[y[tr]]), len(tr), replacement=True)
    best_loss, best_state = float("inf"), None
    vcounts = np.bincount(y[va], minlength=k)
    for e in range(crt_epochs):
        model.train()
        order = np.array(list(sampler))
        for b in range(0, len(order) - 1, 128):
            ib = tr[order[b:b + 128]]
            hopt.zero_grad()
            F.cross_entropy(model(norm(X[ib])), Y[ib]).backward(); hopt.step()
        zv = logits(model, x[va], norm)
        nll = F.cross_entropy(zv, torch.tensor(y[va]), reduction="none").numpy()
        bll = float(np.mean([nll[y[va] == c].mean() for c in range(k) if vcounts[c] > 0]))
        if bll < best_loss:
            best_loss = bll
            best_state = {n: t.clone() for n, t in model.state_dict().items()}
    model.load_state_dict(best_state)
    report("crt", seed, logits(model, xs, norm), ys, k)

if __name__ == "__main__":
    main()
