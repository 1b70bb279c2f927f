#!/usr/bin/python3
"""fastcluster peer for clusterlab.bench.HierarchicalBench (part "fastcluster"): times Debian's
python3-fastcluster on the observation matrix, one thread (fastcluster has no threads), and writes
each linkage matrix so the bench can check that ClusterLab's merges are identical.

    /usr/bin/python3 tools/bench/fastcluster_linkage.py <data.csv> <reps> <outdir> <method> [<method> ...]

single, ward, centroid and median use linkage_vector (no distance matrix: MST / generic algorithm
on the vectors); complete, average and weighted use linkage (pdist + NN-chain), the pdist time
included as in ClusterLab's timings. Prints one line per method:
"<method> <median seconds> <top height> <peak RSS MiB so far>" and writes <outdir>/fastcluster_<method>.csv.
"""
import resource
import sys
import time
import numpy as np
import fastcluster

VECTOR = {"single", "ward", "centroid", "median"}


def main():
    path, reps, outdir, methods = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    X = np.loadtxt(path, delimiter=",")
    for m in methods:
        times = []
        Z = None
        for _ in range(reps):
            Z = None
            t0 = time.perf_counter()
            if m in VECTOR:
                Z = fastcluster.linkage_vector(X, method=m, metric="euclidean")
            else:
                Z = fastcluster.linkage(X, method=m, metric="euclidean")
            times.append(time.perf_counter() - t0)
        np.savetxt(f"{outdir}/fastcluster_{m}.csv", Z, delimiter=",", fmt="%.17g")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print(m, sorted(times)[len(times) // 2], repr(float(Z[-1, 2])), f"{rss:.0f}", flush=True)


if __name__ == "__main__":
    main()
