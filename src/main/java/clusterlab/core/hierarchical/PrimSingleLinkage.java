package clusterlab.core.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.parallel.Parallel;

/**
 * Single linkage as a minimum spanning tree grown by Prim's algorithm with distances computed on
 * the fly (M&uuml;llner 2011, section 3.3, "MST-linkage"; fastcluster's
 * {@code MST_linkage_core_vector}): O(n&sup2;) distance evaluations, O(n&middot;d) memory, no
 * distance matrix. Each step relaxes the distance of every row outside the tree to the row just
 * added and picks the closest.
 *
 * <p>Where the constant factor goes: the rows outside the tree are kept <em>compacted</em>, their
 * coordinates copied into one array in the same order as their tentative distances, and a row
 * that joins the tree is replaced by the last one (O(d) move). Every step is therefore one
 * sequential pass over two arrays (no index gather, no dead rows to skip), which the JIT keeps in
 * registers and the hardware prefetcher streams. For the Euclidean distance the scan compares
 * squared distances and takes one square root per edge: the square root is monotone, so heights
 * are bit for bit those of the Euclidean scan.
 *
 * <p>Ties go to the lowest row index (SciPy's scan in row order keeps the first strict minimum).
 * With two or more threads a step is split into chunks, each keeping its own minimum by the same
 * rule, combined in order, so the tree does not depend on the thread count. Edges sorted stably
 * by weight and relabelled give the same merge history as SciPy's {@code mst_single_linkage}.
 * (On squared Euclidean keys, two edges whose lengths round to the same double but whose squares
 * differ are not a tie; either is a minimum spanning tree edge of that length.)
 */
final class PrimSingleLinkage {

  /** Below this many rows outside the tree a step is scanned on one thread (fork cost dominates). */
  private static final int PARALLEL_MIN = 4096;

  private final int n;
  private final int d;
  private final Distance distance;
  private final boolean squared;
  /**
   * Coordinates of the rows outside the tree, compacted and column-major: coordinate j of the
   * row at position p is {@code pts[j][p]}, and position p holds row rest[p].
   */
  private final double[][] pts;
  private final int[] rest;
  /** Tentative distance (squared for the Euclidean fast path) of rest[p] to the tree. */
  private final double[] best;
  /** Squared distances of a scan, per position (indexed like pts, which keeps the kernel SIMD). */
  private final double[] sq;
  /** Coordinates of the row that joined the tree last. */
  private final double[] cur;

  private PrimSingleLinkage(Dataset data, Distance distance) {
    this.n = data.n();
    this.d = data.d();
    this.distance = distance;
    this.squared = distance == Metric.EUCLIDEAN || distance == Metric.SQUARED_EUCLIDEAN;
    double[] x = data.values();
    this.pts = SquaredColumns.columns(java.util.Arrays.copyOfRange(x, d, n * d), n - 1, d, n - 1);
    this.rest = new int[n - 1];
    this.best = new double[n - 1];
    for (int i = 1; i < n; i++) {
      rest[i - 1] = i;
      best[i - 1] = Double.POSITIVE_INFINITY;
    }
    this.sq = new double[n - 1];
    this.cur = new double[d];
    System.arraycopy(x, 0, cur, 0, d);
  }

  static MergeHistory run(Dataset data, Distance distance, int threads, Progress progress) {
    return new PrimSingleLinkage(data, distance).grow(Parallel.threads(threads), progress);
  }

  private MergeHistory grow(int t, Progress progress) {
    int live = n - 1;
    int chunks = Math.max(1, Parallel.chunks(live, t));
    int[] chunkArg = new int[chunks];
    int[] repA = new int[n - 1];
    int[] repB = new int[n - 1];
    double[] h = new double[n - 1];
    int curRow = 0;
    for (int k = 0; k < n - 1; k++) {
      int pos;
      if (t > 1 && live >= PARALLEL_MIN) {
        int c = Parallel.chunks(live, t);
        final int[] ca = chunkArg.length >= c ? chunkArg : (chunkArg = new int[c]);
        Parallel.forRange(live, t, (chunk, from, to) -> ca[chunk] = relax(from, to));
        pos = ca[0];
        for (int q = 1; q < c; q++) {
          int p = ca[q];
          if (best[p] < best[pos] || (best[p] == best[pos] && rest[p] < rest[pos])) {
            pos = p;
          }
        }
      } else {
        pos = relax(0, live);
      }
      int next = rest[pos];
      repA[k] = curRow;
      repB[k] = next;
      h[k] = distance == Metric.EUCLIDEAN ? Math.sqrt(best[pos]) : best[pos];
      // the new tree row's coordinates leave the compacted arrays: the last entry fills the hole
      live--;
      for (int j = 0; j < d; j++) {
        double[] col = pts[j];
        cur[j] = col[pos];
        col[pos] = col[live];
      }
      rest[pos] = rest[live];
      best[pos] = best[live];
      curRow = next;
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report("single linkage", (double) k / (n - 1), "MST edge " + k + " of " + (n - 1));
      }
    }
    return MergeHistory.fromRepresentatives(n, repA, repB, h, true);
  }

  /**
   * Relaxes positions [from, to) against the row just added; returns the position of the
   * smallest tentative distance, the lowest row index on ties.
   */
  private int relax(int from, int to) {
    return squared ? relaxSquared(from, to) : relaxAny(from, to);
  }

  /** Points per block of the squared scan: its partial sums stay in the L1 cache. */
  private static final int BLOCK = 512;

  /**
   * The squared-Euclidean scan, a block at a time: first the squared distances of the block, one
   * coordinate after the other over all its points (a loop over contiguous columns that the JIT
   * turns into SIMD instructions; per point the sum runs over j = 0..d-1 as in the row-major
   * formula, so the values are the same to the last bit), then the relaxation and the minimum.
   */
  private int relaxSquared(int from, int to) {
    final double[] b = best;
    final int[] r = rest;
    final double[] s = sq;
    int arg = from;
    double m = Double.POSITIVE_INFINITY;
    for (int b0 = from; b0 < to; b0 += BLOCK) {
      int len = Math.min(BLOCK, to - b0);
      SquaredColumns.block(s, pts, b0, cur, len);
      for (int q = 0; q < len; q++) {
        double v = b[b0 + q];
        if (s[b0 + q] < v) {
          v = s[b0 + q];
          b[b0 + q] = v;
        }
        if (v < m) {
          m = v;
          arg = b0 + q;
        } else if (v == m && r[b0 + q] < r[arg]) {
          arg = b0 + q;
        }
      }
    }
    return arg;
  }

  private int relaxAny(int from, int to) {
    double[] row = new double[d];
    int arg = from;
    double m = Double.POSITIVE_INFINITY;
    for (int q = from; q < to; q++) {
      for (int j = 0; j < d; j++) {
        row[j] = pts[j][q];
      }
      double v = Math.min(best[q], distance.between(cur, 0, row, 0, d));
      best[q] = v;
      if (v < m) {
        m = v;
        arg = q;
      } else if (v == m && rest[q] < rest[arg]) {
        arg = q;
      }
    }
    return arg;
  }
}
