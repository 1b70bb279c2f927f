"""scikit-learn TSNE peer for clusterlab.bench.TsneBench.

Usage: OMP_NUM_THREADS=2 /usr/bin/python3 tools/bench/sklearn_tsne.py data.csv n_iter threads
Prints one line: seconds=<wall time of fit_transform> kl=<final KL divergence>.
"""
import sys
import time

import numpy as np
from sklearn.manifold import TSNE

X = np.loadtxt(sys.argv[1], delimiter=",")
n_iter = int(sys.argv[2])
threads = int(sys.argv[3])
t0 = time.perf_counter()
ts = TSNE(n_components=2, perplexity=30.0, init="pca", learning_rate="auto", n_iter=n_iter,
          random_state=0, n_jobs=threads, method="barnes_hut", angle=0.5)
ts.fit_transform(X)
print("seconds=%.4f kl=%.6f" % (time.perf_counter() - t0, ts.kl_divergence_))
