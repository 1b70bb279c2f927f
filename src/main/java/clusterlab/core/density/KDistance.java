package clusterlab.core.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.core.select.Kneedle;
import java.util.Arrays;

/**
 * The sorted k-distance curve of Ester et al. (1996, section 4.2): every row's distance to its
 * k-th nearest other row, in increasing order. With k = minPts - 1, a row is a DBSCAN core point
 * exactly when its k-distance is at most eps, so the curve shows how many rows each eps makes
 * core; its knee, where distances start to shoot up, separates cluster rows from noise and is the
 * usual eps heuristic. The knee is found with Kneedle (Satopää et al. 2011) on the convex,
 * increasing curve.
 */
public final class KDistance {

  private KDistance() {
  }

  /** The sorted k-distances (k nearest other rows; k at least 1 and below n). */
  public static double[] curve(NeighborIndex index, Dataset data, int k, int threads) {
    Check.atLeast("k", k, 1);
    Check.enoughRows(data, k + 1, "a k-distance curve with k = " + k);
    double[] kd = NeighborIndexes.kthDistances(index, data, k, false, threads);
    Arrays.sort(kd);
    return kd;
  }

  /**
   * Index of the knee of a sorted k-distance curve, or -1 when Kneedle finds none (a curve
   * without a bend, such as uniform data).
   */
  public static int knee(double[] sortedCurve) {
    int n = sortedCurve.length;
    if (n < 3 || sortedCurve[0] == sortedCurve[n - 1]) {
      return -1;
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return Kneedle.find(x, sortedCurve, Kneedle.Curve.CONVEX, Kneedle.Direction.INCREASING, 1.0).index();
  }
}
