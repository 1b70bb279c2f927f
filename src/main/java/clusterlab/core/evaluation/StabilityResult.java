package clusterlab.core.evaluation;

import java.io.Serializable;

/**
 * Per-cluster bootstrap stability (Hennig 2007): for every original cluster the Jaccard similarity
 * to its most similar cluster in each resample, their mean, and how often the cluster dissolved
 * (Jaccard at most the dissolution level) or was recovered (at least the recovery level).
 */
public final class StabilityResult implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] clusterIds;
  private final double[][] jaccard;
  private final double dissolution;
  private final double recover;

  StabilityResult(int[] clusterIds, double[][] jaccard, double dissolution, double recover) {
    this.clusterIds = clusterIds;
    this.jaccard = jaccard;
    this.dissolution = dissolution;
    this.recover = recover;
  }

  /** Original cluster ids, in the order of the per-cluster arrays. */
  public int[] clusterIds() {
    return clusterIds.clone();
  }

  /** Number of resamples. */
  public int resamples() {
    return jaccard.length == 0 ? 0 : jaccard[0].length;
  }

  /** Jaccard of cluster {@code c} (dense index) in resample {@code b}. */
  public double jaccard(int c, int b) {
    return jaccard[c][b];
  }

  /** Mean Jaccard of each cluster over the resamples (fpc's {@code bootmean}). */
  public double[] meanJaccard() {
    double[] m = new double[jaccard.length];
    for (int c = 0; c < m.length; c++) {
      double s = 0;
      for (double v : jaccard[c]) {
        s += v;
      }
      m[c] = s / jaccard[c].length;
    }
    return m;
  }

  /** The smallest per-cluster mean Jaccard: the stability of the least stable cluster. */
  public double minMeanJaccard() {
    double min = Double.POSITIVE_INFINITY;
    for (double v : meanJaccard()) {
      min = Math.min(min, v);
    }
    return min;
  }

  /** Times each cluster dissolved: Jaccard at most the dissolution level (fpc's {@code bootbrd}). */
  public int[] dissolved() {
    return count(true);
  }

  /** Times each cluster was recovered: Jaccard at least the recovery level (fpc's {@code bootrecover}). */
  public int[] recovered() {
    return count(false);
  }

  private int[] count(boolean below) {
    int[] r = new int[jaccard.length];
    for (int c = 0; c < r.length; c++) {
      for (double v : jaccard[c]) {
        if (below ? v <= dissolution : v >= recover) {
          r[c]++;
        }
      }
    }
    return r;
  }

  /** The dissolution level used. */
  public double dissolution() {
    return dissolution;
  }

  /** The recovery level used. */
  public double recover() {
    return recover;
  }
}
