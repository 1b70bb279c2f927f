package clusterlab.core.prep;

import clusterlab.core.Dataset;
import clusterlab.core.anomaly.LocalOutlierFactorModel;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndex;

/**
 * Local outlier factor (Breunig et al. 2000) of every row, with scikit-learn's
 * {@code LocalOutlierFactor} definitions: k = min(nNeighbors, n - 1) neighbours excluding the row
 * itself, reachability distance max(d(p, o), k-distance(o)), local reachability density
 * {@code 1 / (mean reachability distance + 1e-10)} (the 1e-10 keeps rows with more than k exact
 * duplicates finite, as scikit-learn does) and LOF = mean over the neighbours of lrd(o) / lrd(p).
 *
 * <p>{@link #negativeOutlierFactor()} is scikit-learn's {@code negative_outlier_factor_} = -LOF:
 * around -1 for inliers, more negative for outliers. Memory O(n k).
 */
public final class LocalOutlierFactor {

  private LocalOutlierFactor() {
  }

  /**
   * The LOF of every row of {@code data}, with neighbours from {@code index} (built on the same
   * data). The model behind it, which also scores new rows, is
   * {@link clusterlab.core.anomaly.LocalOutlierFactorModel}.
   */
  public static double[] lof(Dataset data, NeighborIndex index, int nNeighbors, int threads) {
    return LocalOutlierFactorModel.fit(data, index, Metric.EUCLIDEAN, nNeighbors, threads).trainingScores();
  }

  /** scikit-learn's {@code negative_outlier_factor_}: minus {@link #lof}. */
  public static double[] negativeOutlierFactor(Dataset data, NeighborIndex index, int nNeighbors, int threads) {
    double[] l = lof(data, index, nNeighbors, threads);
    for (int i = 0; i < l.length; i++) {
      l[i] = -l[i];
    }
    return l;
  }
}
