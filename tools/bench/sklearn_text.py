#!/usr/bin/python3
"""scikit-learn KMeans (k-means++, n_init=1, tol 1e-4) on L2-normalised sparse count rows, timed; prints a
Markdown table row. Called by TextBench's spherical section.

Usage: /usr/bin/python3 tools/bench/sklearn_text.py counts.csv [reps [clusterlab_labels.txt]]
Median seconds over reps (reading is not timed). Besides scikit-learn's inertia, the row gives the spherical
k-means objective of scikit-learn's labels (sum over clusters of the norm of the sum of the cluster's unit rows, i.e.
the sum of cosine similarities to the normalised cluster means: the figure ClusterLab reports) and, when
ClusterLab's labels are given, the adjusted Rand index between the two labelings (different seeds, so it measures
how alike the partitions are, not identity).
"""
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import normalize

with open(sys.argv[1]) as f:
    n, d = map(int, f.readline().split(","))
    r = np.loadtxt(f, delimiter=",", dtype=np.int64, ndmin=2)
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 1
x = normalize(sp.csr_matrix((r[:, 2].astype(float), (r[:, 0], r[:, 1])), shape=(n, d)))
times = []
for _ in range(reps):
    t0 = time.perf_counter()
    km = KMeans(n_clusters=20, n_init=1, tol=1e-4, max_iter=100, random_state=1).fit(x)
    times.append(time.perf_counter() - t0)
labels = km.labels_
member = sp.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(20, n))
sums = member @ x
cosine = float(np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1))).sum())
note = "inertia %.1f; cosine objective of its labels %.1f" % (km.inertia_, cosine)
if len(sys.argv) > 3:
    ours = np.loadtxt(sys.argv[3], dtype=np.int64)
    note += "; ARI vs ClusterLab %.4f" % adjusted_rand_score(ours, labels)
print("| scikit-learn KMeans on L2-normalised sparse rows (OpenMP 2 threads) | 2 | %.2f | %d | %s |"
      % (float(np.median(times)), km.n_iter_, note))
