#!/usr/bin/python3
"""scikit-learn peer for clusterlab.bench.QualityBench: times sklearn's quality indices on the file the bench wrote.

usage: sklearn_quality.py <values.f64> <labels.i32> <n> <d> <silhouette|db_ch> <reps> <threads>
Values are little-endian float64 row-major, labels little-endian int32. BLAS and OpenMP are limited to
<threads> threads and silhouette_score gets n_jobs=<threads>, so both sides use the same cores.
Prints one line per index: "<name> <median seconds> <value>".
"""
import os
import sys

threads = sys.argv[7]
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = threads

import time  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import silhouette_score, davies_bouldin_score, calinski_harabasz_score  # noqa: E402


def median_time(reps, f):
    times, value = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2], value


def main():
    n, d, what, reps = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
    x = np.fromfile(sys.argv[1], dtype="<f8").reshape(n, d)
    y = np.fromfile(sys.argv[2], dtype="<i4")
    if what == "silhouette":
        t, v = median_time(reps, lambda: silhouette_score(x, y, metric="euclidean", n_jobs=int(threads)))
        print("silhouette %r %r" % (t, float(v)))
    else:
        t, v = median_time(reps, lambda: davies_bouldin_score(x, y))
        print("davies_bouldin %r %r" % (t, float(v)))
        t, v = median_time(reps, lambda: calinski_harabasz_score(x, y))
        print("calinski_harabasz %r %r" % (t, float(v)))


if __name__ == "__main__":
    main()
