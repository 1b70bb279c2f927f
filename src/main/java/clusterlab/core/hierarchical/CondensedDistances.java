package clusterlab.core.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.distance.SquaredColumns;
import clusterlab.core.parallel.Parallel;

/**
 * The upper triangle of the pairwise distance matrix as one flat {@code double[]} of
 * {@code n(n-1)/2} values in SciPy's {@code pdist} order: pair {@code (i, j)}, {@code i < j}, is at
 * {@code offset(i) + j}. Java arrays are indexed by {@code int}, which caps n at 65,536 (32 GB of
 * doubles, far beyond any heap this package expects).
 */
final class CondensedDistances {

  /** Largest n whose condensed matrix fits one Java array. */
  static final int MAX_N = 65536;

  private CondensedDistances() {
  }

  /** Bytes a condensed matrix for {@code n} rows needs. */
  static long bytes(int n) {
    return 8L * n * (n - 1) / 2;
  }

  /** {@code offset(i) + j} is the index of pair (i, j), i &lt; j. */
  static int[] offsets(int n) {
    int[] off = new int[n];
    for (int i = 0; i < n; i++) {
      long o = (long) n * i - (long) i * (i + 1) / 2 - i - 1;
      off[i] = (int) o;
    }
    return off;
  }

  /**
   * Computes all pairwise distances on {@code threads} threads. Rows are handed out in pairs
   * (i, n-1-i) so every task has the same amount of work.
   *
   * @throws IllegalArgumentException when n is above {@link #MAX_N}
   */
  /** Heap the JVM can still allocate: its maximum less what is in use (garbage included). */
  private static long freeHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  static double[] compute(Dataset data, Distance distance, int threads) {
    int n = data.n();
    if (n > MAX_N) {
      throw new IllegalArgumentException("the distance matrix for " + n + " rows does not fit one array (at most "
          + MAX_N + " rows); use single linkage, or ward/centroid/median with the euclidean distance, which need "
          + "no matrix");
    }
    long bytes = bytes(n);
    long free = freeHeap();
    if (bytes > free) {
      // the estimate counts garbage not yet collected as used: collect once before refusing, so that a
      // long-running JVM (the Explorer, a test suite) is not refused memory it actually has
      System.gc();
      free = freeHeap();
    }
    if (bytes > free) {
      throw new IllegalArgumentException("the distance matrix for " + n + " rows needs " + (bytes >> 20)
          + " MB but only about " + (free >> 20) + " MB of heap are free; raise -Xmx, or use single linkage or "
          + "ward/centroid/median with the euclidean distance, which need O(n) memory");
    }
    double[] dist = new double[(int) (bytes / 8)];
    int[] off = offsets(n);
    double[] x = data.values();
    int d = data.d();
    int half = (n + 1) / 2;
    if (distance == Metric.EUCLIDEAN || distance == Metric.SQUARED_EUCLIDEAN) {
      double[][] cols = SquaredColumns.columns(x, n, d, n);
      boolean root = distance == Metric.EUCLIDEAN;
      Parallel.forRange(half, threads, (chunk, from, to) -> {
        double[] s = new double[n];
        double[] c = new double[d];
        for (int p = from; p < to; p++) {
          fillSquaredRow(p, cols, n, off, dist, root, s, c);
          int q = n - 1 - p;
          if (q != p) {
            fillSquaredRow(q, cols, n, off, dist, root, s, c);
          }
        }
      });
      return dist;
    }
    Parallel.forRange(half, threads, (chunk, from, to) -> {
      for (int p = from; p < to; p++) {
        fillRow(p, x, d, n, off, dist, distance);
        int q = n - 1 - p;
        if (q != p) {
          fillRow(q, x, d, n, off, dist, distance);
        }
      }
    });
    return dist;
  }

  /**
   * Row i of the (squared) Euclidean matrix by the SIMD kernel: the same sums as
   * {@link Metric#SQUARED_EUCLIDEAN}, so the same values to the last bit.
   */
  private static void fillSquaredRow(int i, double[][] cols, int n, int[] off, double[] dist, boolean root, double[] s,
      double[] c) {
    if (i + 1 >= n) {
      return;
    }
    SquaredColumns.centre(cols, i, c);
    SquaredColumns.block(s, cols, i + 1, c, n - i - 1);
    int o = off[i];
    if (root) {
      for (int j = i + 1; j < n; j++) {
        dist[o + j] = Math.sqrt(s[j]);
      }
    } else {
      System.arraycopy(s, i + 1, dist, o + i + 1, n - i - 1);
    }
  }

  private static void fillRow(int i, double[] x, int d, int n, int[] off, double[] dist, Distance distance) {
    int o = off[i];
    int io = i * d;
    for (int j = i + 1; j < n; j++) {
      dist[o + j] = distance.between(x, io, x, j * d, d);
    }
  }
}
