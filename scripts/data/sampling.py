#!/usr/bin/python3
"""Writes the benchmark table of resampling and logistic regression: N rows, 20 features, 1% minority,
binary (scikit-learn make_classification(n_features=20, n_informative=10, n_redundant=4,
weights=[0.99], flip_y=0.01, random_state=0)), stored as float32 CSV.

    /usr/bin/python3 scripts/data/sampling.py N OUT.csv
"""
import sys

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification

n, path = int(sys.argv[1]), sys.argv[2]
X, y = make_classification(n_samples=n, n_features=20, n_informative=10, n_redundant=4,
                           weights=[0.99], flip_y=0.01, class_sep=1.0, random_state=0)
df = pd.DataFrame(X.astype(np.float32), columns=[f"x{i}" for i in range(20)])
df["class"] = y
df.to_csv(path, index=False, float_format="%.7g")
