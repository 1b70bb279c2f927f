package clusterlab.core.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.parallel.Parallel;

/**
 * Single linkage as a minimum spanning tree grown by Prim's algorithm with distances computed on
 * the fly (M&uuml;llner 2011, section 3.3, "MST-linkage"): O(n&sup2;) distance evaluations, O(n)
 * memory, no distance matrix. Each step relaxes the distance of every row outside the tree to the
 * row just added and picks the closest; that scan is split over threads, each chunk keeping its
 * own minimum (lowest row index on ties), combined with the same rule, so the result is the same as the
 * sequential scan for any thread count. Edges sorted stably by weight and relabelled give the
 * same merge history as SciPy's {@code mst_single_linkage}.
 */
final class PrimSingleLinkage {

  /** Below this many rows outside the tree a step is scanned on one thread (fork cost dominates). */
  private static final int PARALLEL_MIN = 4096;

  private PrimSingleLinkage() {
  }

  static MergeHistory run(Dataset data, Distance distance, int threads, Progress progress) {
    int n = data.n();
    double[] x = data.values();
    int d = data.d();
    // rows not yet in the tree, compacted so a scan touches only live rows
    int[] rest = new int[n - 1];
    double[] best = new double[n - 1];
    for (int i = 1; i < n; i++) {
      rest[i - 1] = i;
      best[i - 1] = Double.POSITIVE_INFINITY;
    }
    int live = n - 1;
    int t = Parallel.threads(threads);
    int chunks = Parallel.chunks(live, t);
    int[] chunkArg = new int[Math.max(1, chunks)];
    double[] chunkMin = new double[Math.max(1, chunks)];
    int[] repA = new int[n - 1];
    int[] repB = new int[n - 1];
    double[] h = new double[n - 1];
    int cur = 0;
    for (int k = 0; k < n - 1; k++) {
      int pos;
      if (t > 1 && live >= PARALLEL_MIN) {
        int c = Parallel.chunks(live, t);
        if (c > chunkArg.length) {
          chunkArg = new int[c];
          chunkMin = new double[c];
        }
        final int from0 = cur;
        final int[] ca = chunkArg;
        final double[] cm = chunkMin;
        Parallel.forRange(live, t, (chunk, from, to) -> {
          int arg = relax(x, d, from0, rest, best, from, to, distance);
          ca[chunk] = arg;
          cm[chunk] = arg < 0 ? Double.POSITIVE_INFINITY : best[arg];
        });
        pos = -1;
        double m = Double.POSITIVE_INFINITY;
        for (int q = 0; q < c; q++) {
          if (ca[q] >= 0 && (pos < 0 || cm[q] < m || (cm[q] == m && rest[ca[q]] < rest[pos]))) {
            m = cm[q];
            pos = ca[q];
          }
        }
      } else {
        pos = relax(x, d, cur, rest, best, 0, live, distance);
      }
      int next = rest[pos];
      repA[k] = cur;
      repB[k] = next;
      h[k] = best[pos];
      // O(1) removal: the last entry moves into the hole; ties are broken by row index, not position
      live--;
      rest[pos] = rest[live];
      best[pos] = best[live];
      cur = next;
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report("single linkage", (double) k / (n - 1), "MST edge " + k + " of " + (n - 1));
      }
    }
    return MergeHistory.fromRepresentatives(n, repA, repB, h, true);
  }

  /**
   * Relaxes rows rest[from..to) against row {@code cur}; returns the position of the smallest,
   * the lowest row index on ties (SciPy's scan in row order keeps the first strict minimum).
   */
  private static int relax(double[] x, int d, int cur, int[] rest, double[] best, int from, int to, Distance distance) {
    int co = cur * d;
    int arg = -1;
    double m = Double.POSITIVE_INFINITY;
    for (int p = from; p < to; p++) {
      double v = distance.between(x, co, x, rest[p] * d, d);
      double b = best[p];
      if (v < b) {
        b = v;
        best[p] = v;
      }
      if (b < m || arg < 0 || (b == m && rest[p] < rest[arg])) {
        m = b;
        arg = p;
      }
    }
    return arg;
  }
}
