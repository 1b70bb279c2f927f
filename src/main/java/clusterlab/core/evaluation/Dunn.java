package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.parallel.Parallel;

/**
 * Dunn's index (Dunn 1974) as R's {@code fpc::cluster.stats()$dunn}: the smallest distance between
 * two rows of different clusters divided by the largest distance between two rows of one cluster.
 * Higher is better. Exact, O(n^2 d) time and O(n d) memory (rows grouped by cluster, scanned in
 * parallel tiles; minima and maxima are exact, so the value is the same for any thread count).
 *
 * <p>Conventions: a singleton cluster has diameter 0; when every cluster has diameter 0 the index
 * is +infinity (as fpc returns {@code Inf}); fewer than 2 clusters is an
 * {@link IllegalArgumentException}. Noise rows are excluded; row weights other than 1 are refused.
 */
public final class Dunn implements InternalIndex {

  private final Distance distance;
  private final int threads;

  /**
   * @param distance dissimilarity between rows
   * @param threads worker threads, {@code <= 0} for all cores
   */
  public Dunn(Distance distance, int threads) {
    this.distance = Check.notNull("distance", distance);
    this.threads = threads;
  }

  @Override
  public String name() {
    return "dunn";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public double score(Dataset data, int[] labels) {
    return score(data, labels, Progress.NONE);
  }

  /** The index, checking {@code progress} for cancellation between tiles of rows (the pass is quadratic). */
  @Override
  public double score(Dataset data, int[] labels, Progress progress) {
    Check.notNull("data", data);
    Weights.requireUnit(data, name());
    Labelling lab = Labelling.of(labels, data.n());
    if (lab.k() < 2) {
      throw new IllegalArgumentException(name() + ": number of clusters is " + lab.k() + " (after excluding "
          + lab.noise() + " noise rows); at least 2 clusters are needed");
    }
    Grouped g = new Grouped(data, lab);
    double[] norms = distance == Metric.COSINE ? RowSums.norms(g.x, g.m, g.d) : null;
    RowSums kernel = RowSums.of(distance, norms);
    int[] tiles = tiles(g);
    int chunks = Parallel.chunks(tiles.length, threads);
    double[] minSep = new double[Math.max(1, chunks)];
    double[] maxDiam = new double[Math.max(1, chunks)];
    java.util.Arrays.fill(minSep, Double.POSITIVE_INFINITY);
    Parallel.forRange(tiles.length, threads, (chunk, from, to) -> {
      int[] q = new int[RowSums.TILE];
      double[] mx = new double[RowSums.TILE];
      double[] mn = new double[RowSums.TILE];
      for (int ti = from; ti < to; ti++) {
        progress.checkCancelled();
        int first = tiles[ti];
        int c = g.cluster[first];
        int count = Math.min(RowSums.TILE, g.start[c + 1] - first);
        for (int t = 0; t < RowSums.TILE; t++) {
          q[t] = (first + Math.min(t, count - 1)) * g.d;
        }
        java.util.Arrays.fill(mx, 0);
        java.util.Arrays.fill(mn, Double.POSITIVE_INFINITY);
        kernel.extreme(g.x, g.d, q, first, g.start[c + 1], mx, true);
        kernel.extreme(g.x, g.d, q, g.start[c + 1], g.m, mn, false);
        for (int t = 0; t < RowSums.TILE; t++) {
          maxDiam[chunk] = Math.max(maxDiam[chunk], mx[t]);
          minSep[chunk] = Math.min(minSep[chunk], mn[t]);
        }
      }
    });
    double sep = Double.POSITIVE_INFINITY;
    double diam = 0;
    for (int c = 0; c < minSep.length; c++) {
      sep = Math.min(sep, minSep[c]);
      diam = Math.max(diam, maxDiam[c]);
    }
    return sep / diam;
  }

  /** First grouped row of every tile; a tile never spans two clusters. */
  private static int[] tiles(Grouped g) {
    int count = 0;
    for (int c = 0; c < g.k(); c++) {
      count += (g.start[c + 1] - g.start[c] + RowSums.TILE - 1) / RowSums.TILE;
    }
    int[] t = new int[count];
    int p = 0;
    for (int c = 0; c < g.k(); c++) {
      for (int r = g.start[c]; r < g.start[c + 1]; r += RowSums.TILE) {
        t[p++] = r;
      }
    }
    return t;
  }
}
