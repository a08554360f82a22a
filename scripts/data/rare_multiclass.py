#!/usr/bin/python3
"""Writes a seeded 7-class table with very rare classes, shaped like the Statlog Shuttle data:
58,000 rows, 9 numeric features on very different scales (about 1 to 10^4), class counts
45,586 / 8,903 / 3,267 / 171 / 50 / 13 / 10. Classes are Gaussian clusters (random means and
covariances) with a non-linear part, so a linear model is good but not perfect.

    /usr/bin/python3 scripts/data/rare_multiclass.py [OUT.csv] [--seed S]

Default output: bench-data/rare7.csv (not committed; the benchmark scripts call this).
"""
import argparse
import os

import numpy as np

COUNTS = [45586, 8903, 3267, 171, 50, 13, 10]
SCALES = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000]


def make(seed):
    rng = np.random.RandomState(seed)
    d = len(SCALES)
    xs, ys = [], []
    for c, n in enumerate(COUNTS):
        mean = rng.normal(scale=2.0, size=d)
        a = rng.normal(scale=0.6, size=(d, d)) + np.eye(d)
        z = rng.normal(size=(n, d)) @ a + mean
        z[:, 0] += 0.3 * z[:, 1] ** 2 / (1 + abs(mean[1]))  # a curved class boundary
        xs.append(z)
        ys.append(np.full(n, c))
    x = np.vstack(xs) * np.array(SCALES) + 50 * np.array(SCALES)
    y = np.concatenate(ys)
    order = rng.permutation(len(y))
    return x[order].astype(np.float32), y[order]


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    p = argparse.ArgumentParser()
    p.add_argument("out", nargs="?", default=os.path.join(root, "bench-data", "rare7.csv"))
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    x, y = make(a.seed)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        f.write(",".join(f"f{j + 1}" for j in range(x.shape[1])) + ",class\n")
        for row, label in zip(x, y):
            f.write(",".join(repr(float(v)) for v in row) + f",c{label + 1}\n")
    print("wrote", a.out, x.shape, np.bincount(y).tolist())


if __name__ == "__main__":
    main()
