package clusterlab.core.kmeans;

/**
 * A fitted k-means model: centroids, the training labelling and the figures a user reads to judge
 * it (inertia overall and per cluster, cluster weights, iterations, convergence). Immutable.
 */
public final class KMeansModel implements clusterlab.core.Partition, java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int d;
  private final double[] centroids;
  private final int[] labels;
  private final double[] clusterInertia;
  private final double[] clusterWeight;
  private final int iterations;
  private final boolean converged;
  private final KMeans.Algorithm algorithm;
  private final double[] inertiaTrace;

  KMeansModel(int k, int d, double[] centroids, int[] labels, double[] clusterInertia, double[] clusterWeight,
      int iterations, boolean converged, KMeans.Algorithm algorithm, double[] inertiaTrace) {
    this.algorithm = algorithm;
    this.inertiaTrace = inertiaTrace;
    this.k = k;
    this.d = d;
    this.centroids = centroids;
    this.labels = labels;
    this.clusterInertia = clusterInertia;
    this.clusterWeight = clusterWeight;
    this.iterations = iterations;
    this.converged = converged;
  }

  /**
   * A model fitted elsewhere (by the Spark engine, for instance) from its parts: centroids
   * (row-major {@code k * d}), the training labels (may be empty when the labelling is kept outside
   * the model, as on Spark where it stays with the data), per-cluster inertia and weight.
   */
  public static KMeansModel of(int k, int d, double[] centroids, int[] labels, double[] clusterInertia,
      double[] clusterWeight, int iterations, boolean converged, KMeans.Algorithm algorithm) {
    clusterlab.core.Check.atLeast("k (number of clusters)", k, 1);
    clusterlab.core.Check.atLeast("d (number of columns)", d, 1);
    if (centroids.length != k * d || clusterInertia.length != k || clusterWeight.length != k) {
      throw new IllegalArgumentException("a k-means model of k = " + k + " clusters in d = " + d + " columns needs "
          + (k * d) + " centroid values and " + k + " inertias and weights, got " + centroids.length + ", "
          + clusterInertia.length + " and " + clusterWeight.length);
    }
    return new KMeansModel(k, d, centroids.clone(), labels.clone(), clusterInertia.clone(), clusterWeight.clone(),
        iterations, converged, algorithm, new double[0]);
  }

  /** Number of clusters. */
  public int k() {
    return k;
  }

  @Override
  public int numClusters() {
    return k;
  }

  /** Number of dimensions. */
  public int d() {
    return d;
  }

  /** Centroids, row-major {@code k * d} (a copy). */
  public double[] centroids() {
    return centroids.clone();
  }

  /** Centroid of cluster {@code c} (a copy). */
  public double[] centroid(int c) {
    return java.util.Arrays.copyOfRange(centroids, c * d, c * d + d);
  }

  /** Cluster of every training row (a copy). */
  public int[] labels() {
    return labels.clone();
  }

  /** Weighted sum of squared distances of the rows to their centroid. */
  public double inertia() {
    double s = 0;
    for (double v : clusterInertia) {
      s += v;
    }
    return s;
  }

  /** Inertia of each cluster (a copy). */
  public double[] clusterInertia() {
    return clusterInertia.clone();
  }

  /** Total row weight of each cluster (the cluster size when unweighted; a copy). */
  public double[] clusterWeight() {
    return clusterWeight.clone();
  }

  /** Iterations run. */
  public int iterations() {
    return iterations;
  }

  /** True when the centre shift fell below the tolerance (or labels stopped changing). */
  public boolean converged() {
    return converged;
  }

  /** The iteration algorithm that ran (AUTO resolved). */
  public KMeans.Algorithm algorithm() {
    return algorithm;
  }

  /**
   * Inertia of each Lloyd iteration's labelling with the centres it was assigned to (a copy;
   * empty for Elkan and Hamerly, whose bounds never compute it). Non-increasing by construction.
   */
  public double[] inertiaTrace() {
    return inertiaTrace.clone();
  }

  /** Index of the nearest centroid to {@code x[off .. off+d)} (ties: the lower index). */
  public int predict(double[] x, int off) {
    return KMeansKernels.nearest(x, off, centroids, k, d);
  }

  /** The nearest centroid; training rows get their labels, as the last assignment used the final centres. */
  @Override
  public int predict(double[] row) {
    return predict(row, 0);
  }

  /** Squared Euclidean distance from {@code x[off ..]} to every centroid. */
  public double[] squaredDistances(double[] x, int off) {
    double[] out = new double[k];
    for (int c = 0; c < k; c++) {
      out[c] = KMeansKernels.squaredDistance(x, off, centroids, c * d, d);
    }
    return out;
  }
}
