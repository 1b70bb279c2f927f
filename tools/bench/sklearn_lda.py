#!/usr/bin/python3
"""scikit-learn's LatentDirichletAllocation on ClusterLab's LDA fixture, timed: prints 'seconds perplexity'
(document-completion perplexity as tools/fixtures/text.py defines it). Called by TextBench."""
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
t0 = time.time()
lda = LatentDirichletAllocation(n_components=8, doc_topic_prior=0.2, topic_word_prior=0.05, learning_method="batch",
                                max_iter=100, random_state=0).fit(train)
seconds = time.time() - t0
print("%.3f %.4f" % (seconds, doc_completion_perplexity(lda, held)))
