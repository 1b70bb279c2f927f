package clusterlab.core.kmeans;

import clusterlab.core.Dataset;

/**
 * Elkan's exact acceleration of Lloyd's assignment (Elkan 2003, "Using the triangle inequality to
 * accelerate k-means", ICML): per row an upper bound on the distance to its centre and one lower
 * bound per centre, plus the centre-centre distances. It skips more distance computations than
 * Hamerly's single bound, which pays off with many clusters or in high dimension, at the price of
 * {@code n * k} doubles.
 *
 * <p>Lazy lower bounds: Elkan's rule lowers every bound {@code l(x, c)} by the shift of centre c in
 * every iteration, an {@code n * k} read-modify-write pass that costs more than the distances it
 * saves once few rows move. Since those decrements telescope, the bound is kept instead as
 * {@code l(x, c) + D(c)}, where {@code D(c)} is the drift of centre c (the sum of its shifts) when
 * the bound was set; the current bound is the stored value minus the current drift, the same number
 * Elkan's rule gives, and a row whose upper bound passes the separation test is not touched at all.
 */
final class ElkanAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final double[] upper;
  /** Per row and centre: lower bound plus the centre's drift when it was set. */
  private final double[] lowerPlusDrift;
  /** Per centre: the sum of its shifts so far. */
  private final double[] drift;

  private final double[] s;
  private final double[] halfPairs;
  private double[] shift;
  private CentreTable table;

  ElkanAssigner(Dataset data, int k) {
    if ((long) data.n() * k > Integer.MAX_VALUE - 8L) {
      throw new IllegalArgumentException("Elkan's k-means needs n * k lower bounds; n * k = " + ((long) data.n() * k)
          + " is too many: use the hamerly or lloyd algorithm");
    }
    this.data = data;
    this.k = k;
    this.upper = new double[data.n()];
    this.lowerPlusDrift = new double[data.n() * k];
    this.drift = new double[k];
    this.s = new double[k];
    this.halfPairs = new double[k * k];
  }

  @Override
  public void prepare(double[] centroids, double[] shift) {
    KMeansKernels.centreSeparation(centroids, k, data.d(), s, halfPairs);
    for (int c = 0; c < k; c++) {
      halfPairs[c * k + c] = Double.POSITIVE_INFINITY; // a row's own centre is never a candidate
    }
    table = shift == null ? new CentreTable(centroids, k, data.d()) : null; // only the first pass needs it
    if (shift != null) {
      for (int c = 0; c < k; c++) {
        drift[c] += shift[c];
      }
    }
    this.shift = shift;
  }

  @Override
  public int assign(int block, int from, int to, double[] centroids, int[] labels) {
    int d = data.d();
    double[] v = data.values();
    double[] bounds = lowerPlusDrift;
    double[] dr = drift;
    int changed = 0;
    double[] all = null;
    CentreTable.Scratch scratch = null;
    for (int i = from; i < to; i++) {
      int a = labels[i];
      if (a < 0) {
        if (all == null) {
          all = new double[k];
          scratch = table.scratch();
        }
        labels[i] = firstAssignment(v, i, scratch, all);
        changed++;
        continue;
      }
      double u = upper[i] + shift[a];
      if (u <= s[a]) {
        upper[i] = u;
        continue;
      }
      int lo = i * k;
      boolean tight = false;
      int start = a;
      for (int c = 0; c < k; c++) {
        double l = bounds[lo + c] - dr[c];
        if (u <= l || u <= halfPairs[a * k + c]) {
          continue;
        }
        if (!tight) {
          u = KMeansKernels.distance(v, i * d, centroids, a * d, d);
          bounds[lo + a] = withDrift(u, dr[a]);
          tight = true;
          if (u <= l || u <= halfPairs[a * k + c]) {
            continue;
          }
        }
        double dist = KMeansKernels.distance(v, i * d, centroids, c * d, d);
        bounds[lo + c] = withDrift(dist, dr[c]);
        if (dist < u || (dist == u && c < a)) {
          a = c;
          u = dist;
        }
      }
      upper[i] = u;
      if (a != start) {
        labels[i] = a;
        changed++;
      }
    }
    return changed;
  }

  /**
   * A lower bound in its stored form, {@code bound + drift}, lowered by two units in the last place:
   * rounding the sum and later the difference {@code stored - drift} each err by at most half a
   * unit of the stored value, so the recovered bound never exceeds the exact one and a centre that
   * is closer by a hair is never pruned.
   */
  private static double withDrift(double bound, double drift) {
    return Math.nextDown(Math.nextDown(bound + drift));
  }

  /**
   * All k distances at once (the vectorised kernel), which become the row's exact lower bounds;
   * returns the nearest centre, ties to the lower index as in Lloyd.
   */
  private int firstAssignment(double[] v, int i, CentreTable.Scratch scratch, double[] dist) {
    table.squaredDistances(v, i * data.d(), scratch, dist);
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (dist[c] < dist[best]) {
        best = c;
      }
    }
    int lo = i * k;
    for (int c = 0; c < k; c++) {
      lowerPlusDrift[lo + c] = withDrift(Math.sqrt(dist[c]), drift[c]);
    }
    upper[i] = Math.sqrt(dist[best]);
    return best;
  }

  @Override
  public double blockInertia(int block) {
    return Double.NaN;
  }
}
