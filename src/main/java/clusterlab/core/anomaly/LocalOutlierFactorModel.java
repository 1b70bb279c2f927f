package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;

/**
 * Local outlier factor (Breunig, Kriegel, Ng and Sander 2000) with scikit-learn's definitions, kept
 * as a model so that new rows can be scored against the fitted data ({@code novelty=True}):
 * k = min(nNeighbors, n - 1) neighbours, a training row excluding itself; reachability distance
 * max(d(p, o), k-distance(o)); local reachability density {@code 1 / (mean reachability + 1e-10)}
 * (the 1e-10 keeps rows with more than k exact duplicates finite, as in scikit-learn); LOF = mean
 * of lrd(o) / lrd(p) over the neighbours o. About 1 for inliers, larger for outliers;
 * scikit-learn's {@code negative_outlier_factor_} and {@code score_samples} are minus these.
 *
 * <p>Memory O(n k) while fitting (the neighbour lists), O(n) afterwards (k-distance and lrd per row).
 */
public final class LocalOutlierFactorModel implements AnomalyModel {

  private static final long serialVersionUID = 1L;

  private final NeighborRows rows;
  private final int k;
  private final double[] kDistance;
  private final double[] lrd;
  private final double[] lof;

  private LocalOutlierFactorModel(NeighborRows rows, int k, double[] kDistance, double[] lrd, double[] lof) {
    this.rows = rows;
    this.k = k;
    this.kDistance = kDistance;
    this.lrd = lrd;
    this.lof = lof;
  }

  /** Fits LOF with {@code nNeighbors} neighbours under {@code distance}. */
  public static LocalOutlierFactorModel fit(Dataset data, int nNeighbors, Distance distance, int threads) {
    Check.notNull("data", data);
    NeighborRows rows = new NeighborRows(data, distance);
    return fit(data, rows, rows.index(), nNeighbors, threads);
  }

  /** Fits LOF with neighbours from {@code index}, which must be built on {@code data}. */
  public static LocalOutlierFactorModel fit(Dataset data, NeighborIndex index, Distance distance, int nNeighbors,
      int threads) {
    Check.notNull("data", data);
    Check.notNull("index", index);
    return fit(data, new NeighborRows(data, distance), index, nNeighbors, threads);
  }

  private static LocalOutlierFactorModel fit(Dataset data, NeighborRows rows, NeighborIndex index, int nNeighbors,
      int threads) {
    Check.atLeast("nNeighbors (LOF neighbours)", nNeighbors, 1);
    Check.enoughRows(data, 2, "the local outlier factor compares each row with at least one neighbour");
    int n = data.n();
    int k = Math.min(nNeighbors, n - 1);
    int[] nbr = new int[n * k];
    double[] dist = new double[n * k];
    NeighborIndexes.forEachKnn(index, data, k, true, threads, (row, found, r, ds) -> {
      System.arraycopy(r, 0, nbr, row * k, k);
      System.arraycopy(ds, 0, dist, row * k, k);
    });
    double[] kDistance = new double[n];
    for (int i = 0; i < n; i++) {
      kDistance[i] = dist[i * k + k - 1];
    }
    double[] lrd = new double[n];
    for (int i = 0; i < n; i++) {
      lrd[i] = density(nbr, dist, i * k, k, kDistance);
    }
    double[] lof = new double[n];
    for (int i = 0; i < n; i++) {
      lof[i] = factor(nbr, i * k, k, lrd, lrd[i]);
    }
    return new LocalOutlierFactorModel(rows, nNeighbors, kDistance, lrd, lof);
  }

  /** Local reachability density from the neighbours {@code nbr[off .. off + k)} at {@code dist}. */
  private static double density(int[] nbr, double[] dist, int off, int k, double[] kDistance) {
    double s = 0;
    for (int m = 0; m < k; m++) {
      s += Math.max(dist[off + m], kDistance[nbr[off + m]]);
    }
    return 1.0 / (s / k + 1e-10);
  }

  private static double factor(int[] nbr, int off, int k, double[] lrd, double own) {
    double s = 0;
    for (int m = 0; m < k; m++) {
      s += lrd[nbr[off + m]] / own;
    }
    return s / k;
  }

  @Override
  public AnomalyMethod method() {
    return AnomalyMethod.LOF;
  }

  @Override
  public int d() {
    return rows.d();
  }

  /** The number of neighbours asked for (training rows use at most n - 1). */
  public int nNeighbors() {
    return k;
  }

  /** Local reachability density of every fitted row. A copy. */
  public double[] localReachabilityDensities() {
    return lrd.clone();
  }

  @Override
  public double[] trainingScores() {
    return lof.clone();
  }

  /**
   * LOF of a new row relative to the fitted rows: its min(nNeighbors, n - 1) neighbours are fitted
   * rows, as scikit-learn's {@code score_samples} with {@code novelty=True}.
   */
  @Override
  public double score(double[] x, int off) {
    AnomalyModel.checkRow(x, off, d());
    int kk = Math.min(k, rows.n() - 1);
    int[] nbr = new int[kk];
    double[] dist = new double[kk];
    int found = rows.index().knn(x, off, kk, -1, nbr, dist);
    double own = density(nbr, dist, 0, found, kDistance);
    return factor(nbr, 0, found, lrd, own);
  }
}
