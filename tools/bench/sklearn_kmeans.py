#!/usr/bin/python3
"""scikit-learn KMeans peer for clusterlab.bench.KMeansBench: times its own fit on the same data and init.

usage: sklearn_kmeans.py DATA.bin INIT.bin N D K TOL THREADS ALGORITHM [MAX_ITER]
DATA.bin / INIT.bin: raw little-endian float64, row-major (N x D and K x D).
Prints one line: seconds n_iter inertia (median seconds over 3 fits, after one warm-up fit).
"""
import os
import sys
import time

import numpy as np


def main():
    data, init, n, d, k, tol, threads, algorithm = sys.argv[1:9]
    n, d, k, threads = int(n), int(d), int(k), int(threads)
    max_iter = int(sys.argv[9]) if len(sys.argv) > 9 else 300
    os.environ["OMP_NUM_THREADS"] = str(threads)
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits

    X = np.fromfile(data, dtype="<f8").reshape(n, d)
    C = np.fromfile(init, dtype="<f8").reshape(k, d)
    times = []
    with threadpool_limits(limits=threads):
        for rep in range(4):
            km = KMeans(n_clusters=k, init=C, n_init=1, tol=float(tol), max_iter=max_iter, algorithm=algorithm)
            t0 = time.perf_counter()
            km.fit(X)
            t = time.perf_counter() - t0
            if rep > 0:
                times.append(t)
    print("%.6f %d %.17g" % (sorted(times)[len(times) // 2], km.n_iter_, km.inertia_))


if __name__ == "__main__":
    main()
