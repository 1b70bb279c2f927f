package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;

/**
 * The k nearest neighbours of every row of a data set, as two flat row-major arrays: row
 * {@code i}'s neighbours are {@code rows[i*k .. i*k+k)}, nearest first, at the distances
 * {@code dists[i*k ..]}. Built exactly from a {@link NeighborIndex} ({@link #exact}) or
 * approximately by {@link NnDescent}; {@link #recall} measures the second against the first.
 */
public final class KnnGraph {

  private final int n;
  private final int k;
  private final int[] rows;
  private final double[] dists;

  /**
   * Wraps the arrays (not copied).
   *
   * @throws IllegalArgumentException if the arrays do not hold {@code n * k} entries
   */
  public KnnGraph(int n, int k, int[] rows, double[] dists) {
    Check.atLeast("n", n, 0);
    Check.atLeast("k", k, 1);
    if (rows.length != (long) n * k || dists.length != (long) n * k) {
      throw new IllegalArgumentException("a k-NN graph of " + n + " rows and k = " + k + " needs " + (long) n * k
          + " entries, got " + rows.length + " rows and " + dists.length + " distances");
    }
    this.n = n;
    this.k = k;
    this.rows = rows;
    this.dists = dists;
  }

  /**
   * The exact k nearest neighbours of every row (itself excluded) by queries to {@code index},
   * one row per task on {@code threads} threads.
   *
   * @throws IllegalArgumentException if {@code k} is not below the number of rows
   */
  public static KnnGraph exact(Dataset data, NeighborIndex index, int k, int threads, Progress progress) {
    int n = data.n();
    int d = data.d();
    Check.inRange("k (neighbours)", k, 1, n - 1);
    double[] x = data.values();
    int[] rows = new int[n * k];
    double[] dists = new double[n * k];
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      int[] r = new int[k];
      double[] dist = new double[k];
      for (int i = from; i < to; i++) {
        if ((i & 255) == 0) {
          progress.checkCancelled();
        }
        index.knn(x, i * d, k, i, r, dist);
        System.arraycopy(r, 0, rows, i * k, k);
        System.arraycopy(dist, 0, dists, i * k, k);
      }
    });
    return new KnnGraph(n, k, rows, dists);
  }

  public int n() {
    return n;
  }

  public int k() {
    return k;
  }

  /** Neighbour rows, row-major {@code n x k}, nearest first (the array itself, not a copy). */
  public int[] rows() {
    return rows;
  }

  /** Distances to the neighbours, row-major {@code n x k}, ascending (the array itself). */
  public double[] dists() {
    return dists;
  }

  /**
   * The fraction of this graph's neighbours that are among {@code truth}'s neighbours of the same
   * row: recall at k, the usual measure of an approximate k-NN graph (1 = exact).
   *
   * @throws IllegalArgumentException if the graphs differ in n or k
   */
  public double recall(KnnGraph truth) {
    if (truth.n != n || truth.k != k) {
      throw new IllegalArgumentException("recall needs graphs of the same shape, got " + n + " x " + k + " and "
          + truth.n + " x " + truth.k);
    }
    long found = 0;
    int[] mine = new int[k];
    int[] theirs = new int[k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows, i * k, mine, 0, k);
      System.arraycopy(truth.rows, i * k, theirs, 0, k);
      java.util.Arrays.sort(mine);
      java.util.Arrays.sort(theirs);
      for (int a = 0, b = 0; a < k && b < k;) {
        if (mine[a] == theirs[b]) {
          found++;
          a++;
          b++;
        } else if (mine[a] < theirs[b]) {
          a++;
        } else {
          b++;
        }
      }
    }
    return n == 0 ? 1.0 : found / ((double) n * k);
  }
}
