#!/usr/bin/env python3
"""Peer for ChartsBench: the same charts drawn with matplotlib (and SciPy's dendrogram) to a 900x600 PNG.

usage: mpl_charts.py <scatter.f64: x,y,label rows> <n> <linkage.f64: rows of Z (4 values)> <m> <outdir> <reps>
prints "scatter <median s>" and "dendrogram <median s>" (data already in memory; figure built and saved).
"""
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy.cluster.hierarchy import dendrogram  # noqa: E402


def median_time(fn, reps):
    fn()  # warm-up
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    ts.sort()
    return ts[len(ts) // 2]


def main():
    sc_file, n, z_file, m, out, reps = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
    xyl = np.fromfile(sc_file, dtype="<f8").reshape(n, 3)
    z = np.fromfile(z_file, dtype="<f8").reshape(m, 4)

    def scatter():
        fig, ax = plt.subplots(figsize=(9, 6), dpi=100)
        ax.scatter(xyl[:, 0], xyl[:, 1], c=xyl[:, 2], s=2, cmap="tab10", alpha=0.5, linewidths=0)
        ax.set_xlabel("a")
        ax.set_ylabel("b")
        ax.set_title("scatter")
        fig.savefig(out + "/mpl-scatter.png")
        plt.close(fig)

    def dendro():
        fig, ax = plt.subplots(figsize=(9, 6), dpi=100)
        dendrogram(z, truncate_mode="lastp", p=60, ax=ax, color_threshold=z[-5, 2])
        ax.set_title("dendrogram")
        fig.savefig(out + "/mpl-dendrogram.png")
        plt.close(fig)

    print("scatter %.6f" % median_time(scatter, reps))
    print("dendrogram %.6f" % median_time(dendro, reps))


if __name__ == "__main__":
    main()
