package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.parallel.Blocks;
import clusterlab.core.parallel.Parallel;
import java.io.Serializable;

/**
 * Centroids and scatter of a labelling in two linear passes: cluster weights and centroids, then
 * per-cluster within sum of squares and mean Euclidean distance to the centroid, the between and
 * total sums of squares. Calinski-Harabasz, Davies-Bouldin and the sum-of-squares indices are all
 * read off this one object, so computing all of them costs two passes over the data.
 *
 * <p>Row weights count as frequencies (a row of weight 2 counts as two identical rows), which is
 * what k-means minimises on weighted data. Noise rows (-1) are excluded. Sums are accumulated in
 * fixed blocks of rows combined in block order, so results do not depend on the thread count.
 */
public final class Scatter implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per reduction block at least; there are at most {@link #MAX_PARTS} blocks. */
  static final int BLOCK = 4096;

  /** Partial sums kept at most (bounds memory to MAX_PARTS * k * d), independent of threads. */
  static final int MAX_PARTS = 64;

  private final int k;
  private final int d;
  private final int[] ids;
  private final double[] clusterWeight;
  private final double[] centroids;
  private final double[] mean;
  private final double[] withinSS;
  private final double[] meanDistance;
  private final double totalSS;
  private final double totalWeight;
  private final int noise;

  private Scatter(int k, int d, int[] ids, double[] clusterWeight, double[] centroids, double[] mean,
      double[] withinSS, double[] meanDistance, double totalSS, double totalWeight, int noise) {
    this.k = k;
    this.d = d;
    this.ids = ids;
    this.clusterWeight = clusterWeight;
    this.centroids = centroids;
    this.mean = mean;
    this.withinSS = withinSS;
    this.meanDistance = meanDistance;
    this.totalSS = totalSS;
    this.totalWeight = totalWeight;
    this.noise = noise;
  }

  /** Computes the scatter of a labelling on {@code threads} threads ({@code <= 0}: all cores). */
  public static Scatter of(Dataset data, int[] labels, int threads) {
    Check.notNull("data", data);
    return of(data, Labelling.of(labels, data.n()), threads);
  }

  static Scatter of(Dataset data, Labelling lab, int threads) {
    int k = lab.k();
    int d = data.d();
    int n = data.n();
    Blocks blocks = Blocks.spread(n, BLOCK, MAX_PARTS);
    double[] v = data.values();
    // pass 1: weighted sums per cluster (k * d values), then the cluster weights (k values)
    double[] pass1 = Parallel.sum(blocks, k * d + k, threads, (from, to, part) -> {
      for (int i = from; i < to; i++) {
        int c = lab.of(i);
        if (c < 0) {
          continue;
        }
        double wi = data.weight(i);
        part[k * d + c] += wi;
        int o = c * d;
        int x = i * d;
        for (int t = 0; t < d; t++) {
          part[o + t] += wi * v[x + t];
        }
      }
    });
    double[] cw = java.util.Arrays.copyOfRange(pass1, k * d, k * d + k);
    double[] centroids = java.util.Arrays.copyOf(pass1, k * d);
    double total = 0;
    double[] mean = new double[d];
    for (int c = 0; c < k; c++) {
      total += cw[c];
      for (int t = 0; t < d; t++) {
        mean[t] += centroids[c * d + t];
      }
    }
    for (int t = 0; t < d; t++) {
      mean[t] = total > 0 ? mean[t] / total : 0;
    }
    for (int c = 0; c < k; c++) {
      for (int t = 0; t < d; t++) {
        centroids[c * d + t] = cw[c] > 0 ? centroids[c * d + t] / cw[c] : 0;
      }
    }
    // pass 2: squared (k values) and plain (k values) distances to the centroid, squared distance to the mean (1)
    double[] pass2 = Parallel.sum(blocks, 2 * k + 1, threads, (from, to, part) -> {
      double tss = 0;
      for (int i = from; i < to; i++) {
        int c = lab.of(i);
        if (c < 0) {
          continue;
        }
        double wi = data.weight(i);
        int o = c * d;
        int x = i * d;
        double sc = 0;
        double sm = 0;
        for (int t = 0; t < d; t++) {
          double u = v[x + t] - centroids[o + t];
          double z = v[x + t] - mean[t];
          sc += u * u;
          sm += z * z;
        }
        part[c] += wi * sc;
        part[k + c] += wi * Math.sqrt(sc);
        tss += wi * sm;
      }
      part[2 * k] = tss;
    });
    double[] wss = java.util.Arrays.copyOf(pass2, k);
    double[] dist = java.util.Arrays.copyOfRange(pass2, k, 2 * k);
    double tss = pass2[2 * k];
    for (int c = 0; c < k; c++) {
      dist[c] = cw[c] > 0 ? dist[c] / cw[c] : 0;
    }
    return new Scatter(k, d, lab.ids(), cw, centroids, mean, wss, dist, tss, total, lab.noise());
  }

  /**
   * A scatter from sums an outside engine accumulated (Spark, for instance: one pass for
   * {@code clusterWeight} and the weighted sums, then one for the squared and plain distances to the
   * centroids), so that every index read off a scatter is computed by the same code. Clusters are
   * those of non-zero weight, in increasing id order, as {@link #of} numbers them.
   *
   * @param centroids row-major {@code k * d} weighted means
   * @param withinSS weighted squared distance of each cluster's rows to its centroid
   * @param meanDistance weighted mean Euclidean distance of each cluster's rows to its centroid
   * @param totalSS weighted squared distance of all clustered rows to {@code mean}
   */
  public static Scatter fromSums(int[] ids, double[] clusterWeight, double[] centroids, double[] mean,
      double[] withinSS, double[] meanDistance, double totalSS, int noise) {
    int k = ids.length;
    int d = mean.length;
    if (clusterWeight.length != k || centroids.length != k * d || withinSS.length != k || meanDistance.length != k) {
      throw new IllegalArgumentException("scatter parts disagree: " + k + " ids, " + clusterWeight.length + " weights, "
          + centroids.length + " centroid values for d = " + d + ", " + withinSS.length + " within sums, "
          + meanDistance.length + " mean distances");
    }
    double total = 0;
    for (double w : clusterWeight) {
      total += w;
    }
    return new Scatter(k, d, ids.clone(), clusterWeight.clone(), centroids.clone(), mean.clone(), withinSS.clone(),
        meanDistance.clone(), totalSS, total, noise);
  }

  /** Number of clusters. */
  public int k() {
    return k;
  }

  /** Original cluster ids, in the order of the per-cluster arrays. */
  public int[] clusterIds() {
    return ids.clone();
  }

  /** Total row weight of each cluster (its size when unweighted). */
  public double[] clusterWeights() {
    return clusterWeight.clone();
  }

  /** Centroids, row-major k x d. */
  public double[] centroids() {
    return centroids.clone();
  }

  /** Weighted mean of all clustered rows. */
  public double[] mean() {
    return mean.clone();
  }

  /** Within-cluster sum of squares of each cluster. */
  public double[] clusterWithinSS() {
    return withinSS.clone();
  }

  /** Mean Euclidean distance of each cluster's rows to its centroid (Davies-Bouldin's S_i). */
  public double[] clusterMeanDistance() {
    return meanDistance.clone();
  }

  /** Within-cluster sum of squares (k-means inertia). */
  public double withinSS() {
    double s = 0;
    for (double w : withinSS) {
      s += w;
    }
    return s;
  }

  /** Between-cluster sum of squares: sum over clusters of weight * |centroid - mean|^2. */
  public double betweenSS() {
    double s = 0;
    for (int c = 0; c < k; c++) {
      s += clusterWeight[c] * sq(c, mean, 0);
    }
    return s;
  }

  /** Total sum of squares about the mean (equal to within + between up to rounding). */
  public double totalSS() {
    return totalSS;
  }

  /** Total weight of the clustered rows. */
  public double totalWeight() {
    return totalWeight;
  }

  /** Rows labelled noise, excluded. */
  public int noise() {
    return noise;
  }

  /** Squared distance between centroid c and {@code p[po..po+d)}. */
  double sq(int c, double[] p, int po) {
    double s = 0;
    for (int t = 0; t < d; t++) {
      double u = centroids[c * d + t] - p[po + t];
      s += u * u;
    }
    return s;
  }

  double[] centroidArray() {
    return centroids;
  }

  int d() {
    return d;
  }
}
