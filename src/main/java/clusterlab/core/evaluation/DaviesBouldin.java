package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;

/**
 * Davies-Bouldin index (Davies and Bouldin 1979): the mean over clusters of the worst ratio
 * (S_i + S_j) / M_ij, with S_i the mean Euclidean distance of cluster i's rows to its centroid and
 * M_ij the distance between centroids. Lower is better. Linear time (two passes, see
 * {@link Scatter}). As scikit-learn's {@code davies_bouldin_score}: 0 when every S_i or every M_ij is
 * within 1e-8 of 0; coinciding centroids contribute 0; fewer than 2 or more than n - 1 clusters is
 * an {@link IllegalArgumentException}. Row weights count as frequencies.
 */
public final class DaviesBouldin implements InternalIndex {

  private final int threads;

  /** On all cores. */
  public DaviesBouldin() {
    this(0);
  }

  /** @param threads worker threads, {@code <= 0} for all cores */
  public DaviesBouldin(int threads) {
    this.threads = threads;
  }

  @Override
  public String name() {
    return "davies_bouldin";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public double score(Dataset data, int[] labels) {
    Check.notNull("data", data);
    Labelling lab = Labelling.of(labels, data.n());
    lab.requireValidCount(name());
    return of(Scatter.of(data, lab, threads));
  }

  /** The index from an already computed scatter. */
  public static double of(Scatter s) {
    int k = s.k();
    double[] intra = s.clusterMeanDistance();
    double[] centroids = s.centroidArray();
    double[][] m = new double[k][k];
    boolean allIntraZero = true;
    boolean allCentroidZero = true;
    for (int i = 0; i < k; i++) {
      allIntraZero &= Math.abs(intra[i]) <= 1e-8;
      for (int j = 0; j < k; j++) {
        m[i][j] = Math.sqrt(s.sq(i, centroids, j * s.d()));
        allCentroidZero &= Math.abs(m[i][j]) <= 1e-8;
      }
    }
    if (allIntraZero || allCentroidZero) {
      return 0.0;
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double worst = 0;
      for (int j = 0; j < k; j++) {
        if (m[i][j] != 0) {
          worst = Math.max(worst, (intra[i] + intra[j]) / m[i][j]);
        }
      }
      sum += worst;
    }
    return sum / k;
  }
}
