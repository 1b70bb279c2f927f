package clusterlab.core.hierarchical;

import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;

/**
 * The nearest-neighbour chain algorithm on a condensed distance matrix (M&uuml;llner 2011,
 * section 3.2, figure 4) for the reducible linkages: complete, average, weighted and Ward.
 * Reducibility guarantees that a pair of reciprocal nearest neighbours can be merged at once
 * without changing the final dendrogram, so each merge costs O(n) amortised and the whole run
 * O(n&sup2;) time; memory is the matrix itself, updated in place by the Lance&ndash;Williams rule.
 *
 * <p>Ties follow SciPy's {@code nn_chain} exactly: the previous chain element is preferred, then
 * the live cluster with the smallest index; the merged cluster is stored at the larger index.
 * Live clusters are kept in an increasing index array that is compacted when half of it is dead,
 * so scans never walk over merged clusters for long.
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
    int[] off = CondensedDistances.offsets(n);
    int[] size = new int[n];
    int[] live = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      live[i] = i;
    }
    int liveLen = n;
    int dead = 0;
    int[] chain = new int[n];
    int chainLen = 0;
    int[] repA = new int[n - 1];
    int[] repB = new int[n - 1];
    double[] h = new double[n - 1];
    for (int k = 0; k < n - 1; k++) {
      if (chainLen == 0) {
        for (int p = 0; p < liveLen; p++) {
          if (size[live[p]] > 0) {
            chain[chainLen++] = live[p];
            break;
          }
        }
      }
      int x;
      int y;
      double min;
      while (true) {
        x = chain[chainLen - 1];
        int prev = chainLen > 1 ? chain[chainLen - 2] : -1;
        y = prev;
        min = prev >= 0 ? dist[x < prev ? off[x] + prev : off[prev] + x] : Double.POSITIVE_INFINITY;
        long found = t > 1 && liveLen >= PARALLEL_MIN
            ? parallelNearest(dist, off, live, liveLen, size, x, min, t)
            : nearest(dist, off, live, 0, liveLen, size, x, min);
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
      if (t > 1 && liveLen >= PARALLEL_MIN) {
        final int fx = x;
        final int fy = y;
        final double fmin = min;
        final int[] fl = live;
        Parallel.forRange(liveLen, t, (chunk, from, to) -> update(dist, off, fl, from, to, size, fx, fy, fmin, nx, ny, linkage));
      } else {
        update(dist, off, live, 0, liveLen, size, x, y, min, nx, ny, linkage);
      }
      if (++dead * 2 > liveLen) {
        liveLen = compact(live, liveLen, size);
        dead = 0;
      }
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report(linkage.id() + " linkage", (double) k / (n - 1), "merge " + k + " of " + (n - 1));
      }
    }
    return MergeHistory.fromRepresentatives(n, repA, repB, h, true);
  }

  /**
   * The live cluster nearest to x among live[from..to) with a distance strictly below
   * {@code bound}, the first one on ties, or -1.
   */
  private static long nearest(double[] dist, int[] off, int[] live, int from, int to, int[] size, int x, double bound) {
    int offX = off[x];
    double min = bound;
    long arg = -1;
    for (int p = from; p < to; p++) {
      int i = live[p];
      if (i == x || size[i] == 0) {
        continue;
      }
      double v = dist[i < x ? off[i] + x : offX + i];
      if (v < min) {
        min = v;
        arg = i;
      }
    }
    return arg;
  }

  /** {@link #nearest} over thread chunks, combined in order: the same answer as one scan. */
  private static long parallelNearest(double[] dist, int[] off, int[] live, int liveLen, int[] size, int x,
      double bound, int threads) {
    int c = Parallel.chunks(liveLen, threads);
    long[] arg = new long[c];
    Parallel.forRange(liveLen, threads, (chunk, from, to) -> arg[chunk] = nearest(dist, off, live, from, to, size, x, bound));
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

  /** Lance&ndash;Williams update of the distances to the merged cluster, stored at y. */
  static void update(double[] dist, int[] off, int[] live, int from, int to, int[] size, int x, int y, double dxy,
      int nx, int ny, Linkage linkage) {
    int offX = off[x];
    int offY = off[y];
    for (int p = from; p < to; p++) {
      int i = live[p];
      int ni = size[i];
      if (ni == 0 || i == y) {
        continue;
      }
      int ix = i < x ? off[i] + x : offX + i;
      int iy = i < y ? off[i] + y : offY + i;
      dist[iy] = linkage.update(dist[ix], dist[iy], dxy, nx, ny, ni);
    }
  }

  /** Drops dead clusters from the live index array, keeping the order. */
  static int compact(int[] live, int liveLen, int[] size) {
    int w = 0;
    for (int p = 0; p < liveLen; p++) {
      if (size[live[p]] > 0) {
        live[w++] = live[p];
      }
    }
    return w;
  }
}
