#!/usr/bin/python3
"""scikit-learn peer of clusterlab.bench.AnomalyBench (issue 15): LocalOutlierFactor or NearestNeighbors
k-th neighbour distance on the bench's data, timed.

Usage: /usr/bin/python3 tools/bench/sklearn_anomaly.py data.bin n d lof|knn k n_jobs reps scores.bin
data.bin: n*d little-endian float64, row-major. Prints one line: median seconds over reps (fit and scores; reading
the file is not timed). Writes the scores of the last run to scores.bin as little-endian float64 in ClusterLab's
orientation: LOF = -negative_outlier_factor_, knn = distance to the k-th neighbour, the row itself excluded
(kneighbors() without a query). Algorithm 'auto' (a k-d tree here), as a scikit-learn user gets it.
"""
import sys
import time

import numpy as np
from sklearn.neighbors import LocalOutlierFactor, NearestNeighbors

path, n, d, method, k, jobs, reps, out = sys.argv[1:9]
n, d, k, jobs, reps = int(n), int(d), int(k), int(jobs), int(reps)
x = np.fromfile(path, dtype="<f8").reshape(n, d)
times = []
scores = None
for _ in range(reps):
    t0 = time.perf_counter()
    if method == "lof":
        scores = -LocalOutlierFactor(n_neighbors=k, n_jobs=jobs).fit(x).negative_outlier_factor_
    elif method == "knn":
        dist, _ = NearestNeighbors(n_neighbors=k, n_jobs=jobs).fit(x).kneighbors()
        scores = dist[:, -1]
    else:
        raise SystemExit("method must be lof or knn, got " + method)
    times.append(time.perf_counter() - t0)
np.asarray(scores, dtype="<f8").tofile(out)
print("%.6f" % float(np.median(times)))
