#!/usr/bin/python3
"""scikit-learn's LatentDirichletAllocation on ClusterLab's LDA fixture, timed: prints 'seconds perplexity'
(median seconds over reps; document-completion perplexity as tools/fixtures/text.py defines it). Called by TextBench.

Usage: /usr/bin/python3 tools/bench/sklearn_lda.py train.csv heldout.csv [n_jobs [reps]]
"""
import os
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import LatentDirichletAllocation

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
from text import doc_completion_perplexity  # noqa: E402


def read(path):
    with open(path) as f:
        n, d = map(int, f.readline().split(","))
        r = np.loadtxt(f, delimiter=",", dtype=np.int64, ndmin=2)
    return sp.csr_matrix((r[:, 2], (r[:, 0], r[:, 1])), shape=(n, d))


train, held = read(sys.argv[1]), read(sys.argv[2])
jobs = int(sys.argv[3]) if len(sys.argv) > 3 else None
reps = int(sys.argv[4]) if len(sys.argv) > 4 else 1
times = []
for _ in range(reps):
    t0 = time.perf_counter()
    lda = LatentDirichletAllocation(n_components=8, doc_topic_prior=0.2, topic_word_prior=0.05,
                                    learning_method="batch", max_iter=100, random_state=0, n_jobs=jobs).fit(train)
    times.append(time.perf_counter() - t0)
print("%.3f %.4f" % (float(np.median(times)), doc_completion_perplexity(lda, held)))
