#!/usr/bin/python3
"""scikit-learn KMeans (k-means++, n_init=1, tol 1e-4) on L2-normalised sparse count rows, timed; prints a
Markdown table row. Called by TextBench's spherical section."""
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.preprocessing import normalize

with open(sys.argv[1]) as f:
    n, d = map(int, f.readline().split(","))
    r = np.loadtxt(f, delimiter=",", dtype=np.int64, ndmin=2)
x = normalize(sp.csr_matrix((r[:, 2].astype(float), (r[:, 0], r[:, 1])), shape=(n, d)))
t0 = time.time()
km = KMeans(n_clusters=20, n_init=1, tol=1e-4, max_iter=100, random_state=1).fit(x)
print("| scikit-learn KMeans on L2-normalised sparse rows (OpenMP 2 threads) | 2 | %.2f | %d | %.1f (inertia) |"
      % (time.time() - t0, km.n_iter_, km.inertia_))
