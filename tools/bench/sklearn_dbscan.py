"""scikit-learn DBSCAN peer for clusterlab.bench.DensityBench (issue 7).

Usage: /usr/bin/python3 tools/bench/sklearn_dbscan.py data.csv eps min_samples reps
Prints one line: median_seconds clusters noise  (fit time only; reading the CSV is not timed).
Uses all cores (n_jobs=-1) and the default algorithm choice (a k-d tree for low dimensions).
"""
import sys
import time
import numpy as np
from sklearn.cluster import DBSCAN

X = np.loadtxt(sys.argv[1], delimiter=",")
eps = float(sys.argv[2])
ms = int(sys.argv[3])
reps = int(sys.argv[4])
times = []
labels = None
for _ in range(reps):
    t0 = time.perf_counter()
    labels = DBSCAN(eps=eps, min_samples=ms, n_jobs=-1).fit(X).labels_
    times.append(time.perf_counter() - t0)
times.sort()
print("%.6f %d %d" % (times[len(times) // 2], labels.max() + 1, int((labels < 0).sum())))
