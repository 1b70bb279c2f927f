package clusterlab.core.prep;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.parallel.Parallel;

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

  /** The LOF of every row of {@code data}, with neighbours from {@code index} (built on the same data). */
  public static double[] lof(Dataset data, NeighborIndex index, int nNeighbors, int threads) {
    Check.notNull("data", data);
    Check.notNull("index", index);
    Check.atLeast("nNeighbors (LOF neighbours)", nNeighbors, 1);
    int n = data.n();
    Check.enoughRows(data, 2, "the local outlier factor compares each row with at least one neighbour");
    int k = Math.min(nNeighbors, n - 1);
    int d = data.d();
    double[] x = data.values();
    int[] nbr = new int[n * k];
    double[] dist = new double[n * k];
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      int[] rows = new int[k];
      double[] ds = new double[k];
      for (int i = from; i < to; i++) {
        index.knn(x, i * d, k, i, rows, ds);
        System.arraycopy(rows, 0, nbr, i * k, k);
        System.arraycopy(ds, 0, dist, i * k, k);
      }
    });
    double[] lrd = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int m = 0; m < k; m++) {
        int o = nbr[i * k + m];
        s += Math.max(dist[i * k + m], dist[o * k + k - 1]);
      }
      lrd[i] = 1.0 / (s / k + 1e-10);
    }
    double[] lof = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int m = 0; m < k; m++) {
        s += lrd[nbr[i * k + m]] / lrd[i];
      }
      lof[i] = s / k;
    }
    return lof;
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
