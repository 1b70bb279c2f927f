#!/usr/bin/python3
"""scikit-learn GaussianMixture peer for clusterlab.bench.MixtureBench: times its own fit on the same data and init.

usage: sklearn_gmm.py DATA.bin MEANS.bin N D K COVARIANCE ITERATIONS THREADS REPS
DATA.bin / MEANS.bin: raw little-endian float64, row-major (N x D and K x D). Initial weights are uniform and
initial covariances the identity (precisions_init accordingly), as the Java side uses; tol 0 so that exactly
ITERATIONS EM iterations run. Prints one line: seconds n_iter log-likelihood (median of REPS fits after a warm-up).
"""
import os
import sys
import time
import warnings

import numpy as np


def main():
    data, means, n, d, k, cov, iters, threads, reps = sys.argv[1:10]
    n, d, k, iters, threads, reps = int(n), int(d), int(k), int(iters), int(threads), int(reps)
    os.environ["OMP_NUM_THREADS"] = str(threads)
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.mixture import GaussianMixture
    from threadpoolctl import threadpool_limits

    X = np.fromfile(data, dtype="<f8").reshape(n, d)
    M = np.fromfile(means, dtype="<f8").reshape(k, d)
    prec = {"full": np.array([np.eye(d)] * k), "diag": np.ones((k, d)), "tied": np.eye(d), "spherical": np.ones(k)}[cov]
    times = []
    with threadpool_limits(limits=threads), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for rep in range(reps + 1):
            gm = GaussianMixture(n_components=k, covariance_type=cov, tol=0.0, max_iter=iters, reg_covar=1e-6, init_params="random_from_data",
                                 weights_init=np.full(k, 1.0 / k), means_init=M, precisions_init=prec)
            t0 = time.perf_counter()
            gm.fit(X)
            t = time.perf_counter() - t0
            if rep > 0:
                times.append(t)
    print("%.6f %d %.17g" % (sorted(times)[len(times) // 2], gm.n_iter_, gm.score(X) * n))


if __name__ == "__main__":
    main()
