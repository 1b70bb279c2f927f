package clusterlab.core.hierarchical;

import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;
import clusterlab.core.parallel.StepTeam;
import java.util.Arrays;

/**
 * The nearest-neighbour chain algorithm on a condensed distance matrix (M&uuml;llner 2011,
 * section 3.2, figure 4) for the reducible linkages: complete, average, weighted and Ward.
 * Reducibility guarantees that a pair of reciprocal nearest neighbours can be merged at once
 * without changing the final dendrogram, so each merge costs O(n) amortised and the whole run
 * O(n&sup2;) time; memory is the matrix itself, updated in place by the Lance&ndash;Williams rule.
 *
 * <p>Ties follow SciPy's {@code nn_chain} exactly: the previous chain element is preferred, then
 * the live cluster with the smallest index; the merged cluster is stored at the larger index.
 * Live clusters are kept exactly in an increasing index array (a merged-away cluster is cut out
 * at once), so scans never test for dead clusters and split at x into their column and row parts.
 */
final class NnChainLinkage {

  /**
   * Below this many live clusters a scan or update runs on one thread. The scans are bound by
   * memory latency (half of every row is read with a stride of n), so two threads pay off as soon
   * as a scan takes longer than handing it out, around a few thousand clusters.
   */
  private static final int PARALLEL_MIN = 3000;

  private NnChainLinkage() {
  }

  static MergeHistory run(double[] dist, int n, Linkage linkage, Progress progress) {
    return run(dist, n, linkage, 1, progress);
  }

  static MergeHistory run(double[] dist, int n, Linkage linkage, int threads, Progress progress) {
    int t = Parallel.threads(threads);
    if (t == 1 || n < PARALLEL_MIN) {
      return run(dist, n, linkage, (StepTeam) null, progress);
    }
    try (StepTeam team = StepTeam.open(t)) {
      return run(dist, n, linkage, team, progress);
    }
  }

  /** The chain; scans and updates over many live clusters are split over {@code team} (null: one thread). */
  private static MergeHistory run(double[] dist, int n, Linkage linkage, StepTeam team, Progress progress) {
    int t = team == null ? 1 : team.threads();
    int[] off = CondensedDistances.offsets(n);
    int[] size = new int[n];
    // the live clusters, exactly, in increasing order: a merged-away cluster is cut out at once
    // (one memmove of ints), so no scan tests for dead clusters and every scan splits at x into a
    // column part (i < x) and a contiguous row part (i > x) without a branch per element
    int[] live = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      live[i] = i;
    }
    int liveLen = n;
    int[] chain = new int[n];
    int chainLen = 0;
    int[] repA = new int[n - 1];
    int[] repB = new int[n - 1];
    double[] h = new double[n - 1];
    for (int k = 0; k < n - 1; k++) {
      if (chainLen == 0) {
        chain[chainLen++] = live[0];
      }
      int x;
      int y;
      double min;
      while (true) {
        x = chain[chainLen - 1];
        int prev = chainLen > 1 ? chain[chainLen - 2] : -1;
        y = prev;
        min = prev >= 0 ? dist[x < prev ? off[x] + prev : off[prev] + x] : Double.POSITIVE_INFINITY;
        int px = Arrays.binarySearch(live, 0, liveLen, x);
        long found = t > 1 && liveLen >= PARALLEL_MIN
            ? parallelNearest(dist, off, live, liveLen, px, x, min, team)
            : nearest(dist, off, live, 0, liveLen, px, x, min);
        if (found >= 0) {
          y = (int) found;
          min = dist[y < x ? off[y] + x : off[x] + y];
        }
        if (prev >= 0 && y == prev) {
          break;
        }
        chain[chainLen++] = y;
      }
      chainLen -= 2;
      if (x > y) {
        int swap = x;
        x = y;
        y = swap;
      }
      int nx = size[x];
      int ny = size[y];
      repA[k] = x;
      repB[k] = y;
      h[k] = min;
      size[x] = 0;
      size[y] = nx + ny;
      int px = Arrays.binarySearch(live, 0, liveLen, x);
      System.arraycopy(live, px + 1, live, px, liveLen - px - 1);
      liveLen--;
      int py = Arrays.binarySearch(live, 0, liveLen, y);
      if (t > 1 && liveLen >= PARALLEL_MIN) {
        final int fx = x;
        final int fy = y;
        final double fmin = min;
        team.run(liveLen,
            (chunk, from, to) -> update(dist, off, live, from, to, px, py, size, fx, fy, fmin, nx, ny, linkage));
      } else {
        update(dist, off, live, 0, liveLen, px, py, size, x, y, min, nx, ny, linkage);
      }
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report(linkage.id() + " linkage", (double) k / (n - 1), "merge " + k + " of " + (n - 1));
      }
    }
    return MergeHistoryBuilder.fromRepresentatives(n, repA, repB, h, true);
  }

  /**
   * The live cluster nearest to x among live[from..to) with a distance strictly below
   * {@code bound}, the first one on ties, or -1; x is at position px.
   */
  private static long nearest(double[] dist, int[] off, int[] live, int from, int to, int px, int x, double bound) {
    double min = bound;
    long arg = -1;
    int end = Math.min(to, px);
    for (int p = from; p < end; p++) {
      int i = live[p];
      double v = dist[off[i] + x];
      if (v < min) {
        min = v;
        arg = i;
      }
    }
    int offX = off[x];
    for (int p = Math.max(from, px + 1); p < to; p++) {
      int i = live[p];
      double v = dist[offX + i];
      if (v < min) {
        min = v;
        arg = i;
      }
    }
    return arg;
  }

  /** {@link #nearest} over thread chunks, combined in order: the same answer as one scan. */
  private static long parallelNearest(double[] dist, int[] off, int[] live, int liveLen, int px, int x, double bound,
      StepTeam team) {
    int c = Parallel.chunks(liveLen, team.threads());
    long[] arg = new long[c];
    team.run(liveLen,
        (chunk, from, to) -> arg[chunk] = nearest(dist, off, live, from, to, px, x, bound));
    long best = -1;
    double min = bound;
    for (int q = 0; q < c; q++) {
      if (arg[q] >= 0) {
        int i = (int) arg[q];
        double v = dist[i < x ? off[i] + x : off[x] + i];
        if (v < min) {
          min = v;
          best = i;
        }
      }
    }
    return best;
  }

  /**
   * Lance&ndash;Williams update of the distances to the merged cluster, stored at y, over
   * live[from..to) (x already cut out of live: px is where it was, py is y's position), in three
   * runs without a branch per element: i &lt; x, x &lt; i &lt; y, i &gt; y.
   */
  static void update(double[] dist, int[] off, int[] live, int from, int to, int px, int py, int[] size, int x, int y,
      double dxy, int nx, int ny, Linkage linkage) {
    int offX = off[x];
    int offY = off[y];
    for (int p = from, end = Math.min(to, px); p < end; p++) {
      int i = live[p];
      int oi = off[i];
      dist[oi + y] = linkage.update(dist[oi + x], dist[oi + y], dxy, nx, ny, size[i]);
    }
    for (int p = Math.max(from, px), end = Math.min(to, py); p < end; p++) {
      int i = live[p];
      int iy = off[i] + y;
      dist[iy] = linkage.update(dist[offX + i], dist[iy], dxy, nx, ny, size[i]);
    }
    for (int p = Math.max(from, py + 1); p < to; p++) {
      int i = live[p];
      dist[offY + i] = linkage.update(dist[offX + i], dist[offY + i], dxy, nx, ny, size[i]);
    }
  }
}
