#!/usr/bin/python3
"""SciPy peer for clusterlab.bench.HierarchicalBench: times scipy.cluster.hierarchy.linkage on the
observation matrix (pdist included, as ClusterLab's timings include its distance computation).

    /usr/bin/python3 tools/bench/scipy_linkage.py <data.csv> <reps> <method> [<method> ...]

Prints one line per method: "<method> <median seconds> <top height>".
"""
import sys
import time
import numpy as np
from scipy.cluster.hierarchy import linkage


def main():
    path, reps, methods = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    X = np.loadtxt(path, delimiter=",")
    for m in methods:
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            Z = linkage(X, method=m, metric="euclidean")
            times.append(time.perf_counter() - t0)
            top = Z[-1, 2]
            del Z
        print(m, sorted(times)[len(times) // 2], repr(float(top)), flush=True)


if __name__ == "__main__":
    main()
