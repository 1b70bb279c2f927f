package clusterlab.core.evaluation;

import java.io.Serializable;

/**
 * Silhouette widths of one labelling: per row (NaN for noise rows and rows left out of a sample),
 * per cluster and overall, so charts can draw the classic silhouette plot without re-computing.
 */
public final class SilhouetteResult implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] samples;
  private final double mean;
  private final int[] clusterIds;
  private final double[] clusterMeans;
  private final int[] clusterSizes;
  private final int noise;
  private final int evaluated;
  private final String distance;

  SilhouetteResult(double[] samples, double mean, int[] clusterIds, double[] clusterMeans, int[] clusterSizes,
      int noise, int evaluated, String distance) {
    this.samples = samples;
    this.mean = mean;
    this.clusterIds = clusterIds;
    this.clusterMeans = clusterMeans;
    this.clusterSizes = clusterSizes;
    this.noise = noise;
    this.evaluated = evaluated;
    this.distance = distance;
  }

  /** Mean silhouette over the evaluated rows (scikit-learn's {@code silhouette_score}). */
  public double mean() {
    return mean;
  }

  /**
   * A copy of the per-row silhouette widths (scikit-learn's {@code silhouette_samples}), in the
   * input row order; NaN for noise rows and for rows not in the sample.
   */
  public double[] samples() {
    return samples.clone();
  }

  /** Silhouette of row {@code i} (NaN for noise or unsampled rows). */
  public double sample(int i) {
    return samples[i];
  }

  /** Original cluster ids, in the order of {@link #clusterMeans()}. */
  public int[] clusterIds() {
    return clusterIds.clone();
  }

  /** Mean silhouette of each cluster's evaluated rows. */
  public double[] clusterMeans() {
    return clusterMeans.clone();
  }

  /** Number of evaluated rows in each cluster. */
  public int[] clusterSizes() {
    return clusterSizes.clone();
  }

  /** Rows labelled noise (-1), excluded. */
  public int noise() {
    return noise;
  }

  /** Rows whose silhouette was computed (all clustered rows unless sampled). */
  public int evaluated() {
    return evaluated;
  }

  /** Name of the distance used. */
  public String distance() {
    return distance;
  }
}
