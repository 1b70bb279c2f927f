package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.parallel.Blocks;
import clusterlab.core.parallel.Parallel;

/**
 * Simplified silhouette (Hruschka, Campello and de Castro 2004; Vendramin, Campello and Hruschka
 * 2010): the silhouette with a(i) the distance of row i to its own cluster's centroid and b(i) the
 * distance to the nearest other centroid, so it costs O(n k d) instead of O(n^2 d). Centroids are
 * the (weighted) means whatever the distance. Higher is better.
 *
 * <p>Conventions: a row alone in its cluster scores 0 (as in the silhouette); a = b = 0 scores 0;
 * fewer than 2 or more than n - 1 clusters is an {@link IllegalArgumentException}. Row weights count
 * as frequencies (the mean is weighted), which is well defined because each row's score depends on
 * the centroids only. Noise rows are excluded.
 */
public final class SimplifiedSilhouette implements InternalIndex {

  private final Distance distance;
  private final int threads;

  /**
   * @param distance dissimilarity between a row and a centroid
   * @param threads worker threads, {@code <= 0} for all cores
   */
  public SimplifiedSilhouette(Distance distance, int threads) {
    this.distance = Check.notNull("distance", distance);
    this.threads = threads;
  }

  @Override
  public String name() {
    return "simplified_silhouette";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public double score(Dataset data, int[] labels) {
    Check.notNull("data", data);
    Labelling lab = Labelling.of(labels, data.n());
    lab.requireValidCount(name());
    return of(data, lab, Scatter.of(data, lab, threads));
  }

  double of(Dataset data, Labelling lab, Scatter s) {
    int n = data.n();
    int d = data.d();
    int k = s.k();
    double[] centroids = s.centroidArray();
    double[] v = data.values();
    double total = Parallel.sum(Blocks.spread(n, Scatter.BLOCK, Scatter.MAX_PARTS), 1, threads, (from, to, sum) -> {
      for (int i = from; i < to; i++) {
        int own = lab.of(i);
        if (own < 0 || lab.size(own) == 1) {
          continue;
        }
        double a = distance.between(v, i * d, centroids, own * d, d);
        double bb = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          if (c != own) {
            bb = Math.min(bb, distance.between(v, i * d, centroids, c * d, d));
          }
        }
        double max = Math.max(a, bb);
        sum[0] += data.weight(i) * (max == 0 ? 0 : (bb - a) / max);
      }
    })[0];
    return total / s.totalWeight();
  }
}
