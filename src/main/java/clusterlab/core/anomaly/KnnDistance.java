package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;

/**
 * Distance-based outlier score: the distance to the k-th nearest neighbour (Ramaswamy, Rastogi and
 * Shim 2000) or the mean distance to the k nearest (Angiulli and Pizzuti 2002's weight divided by
 * k). A training row is not its own neighbour, as scikit-learn's {@code NearestNeighbors.kneighbors()}
 * without a query; a new row's neighbours are training rows. k is capped at n - 1 (at n for new rows).
 *
 * <p>Memory O(n): one score per row, the neighbours of one row per thread at a time.
 */
public final class KnnDistance implements AnomalyModel {

  private static final long serialVersionUID = 1L;

  /** How the k neighbour distances become one score. */
  public enum Aggregate {
    /** The distance to the k-th nearest neighbour. */
    KTH,
    /** The mean distance to the k nearest neighbours. */
    MEAN
  }

  private final NeighborRows rows;
  private final int k;
  private final Aggregate aggregate;
  private final double[] training;

  private KnnDistance(NeighborRows rows, int k, Aggregate aggregate, double[] training) {
    this.rows = rows;
    this.k = k;
    this.aggregate = aggregate;
    this.training = training;
  }

  /** Scores the rows of {@code data} by their {@code k} nearest other rows under {@code distance}. */
  public static KnnDistance fit(Dataset data, int k, Aggregate aggregate, Distance distance, int threads) {
    Check.notNull("data", data);
    Check.atLeast("k (neighbours)", k, 1);
    Check.notNull("aggregate", aggregate);
    Check.enoughRows(data, 2, "a k-NN distance needs at least one other row");
    NeighborRows rows = new NeighborRows(data, distance);
    int kk = Math.min(k, data.n() - 1);
    double[] scores = new double[data.n()];
    NeighborIndexes.forEachKnn(rows.index(), data, kk, true, threads,
        (row, found, nbr, dists) -> scores[row] = combine(dists, found, aggregate));
    return new KnnDistance(rows, k, aggregate, scores);
  }

  private static double combine(double[] dists, int found, Aggregate aggregate) {
    if (aggregate == Aggregate.KTH) {
      return dists[found - 1];
    }
    double s = 0;
    for (int j = 0; j < found; j++) {
      s += dists[j];
    }
    return s / found;
  }

  @Override
  public AnomalyMethod method() {
    return AnomalyMethod.KNN;
  }

  @Override
  public int d() {
    return rows.d();
  }

  /** The number of neighbours asked for (training rows use at most n - 1). */
  public int k() {
    return k;
  }

  public Aggregate aggregate() {
    return aggregate;
  }

  @Override
  public double[] trainingScores() {
    return training.clone();
  }

  @Override
  public double score(double[] x, int off) {
    AnomalyModel.checkRow(x, off, d());
    NeighborIndex index = rows.index();
    int kk = Math.min(k, index.size());
    int[] nbr = new int[kk];
    double[] dists = new double[kk];
    int found = index.knn(x, off, kk, -1, nbr, dists);
    return combine(dists, found, aggregate);
  }
}
