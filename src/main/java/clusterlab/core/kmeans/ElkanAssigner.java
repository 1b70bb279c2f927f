package clusterlab.core.kmeans;

import clusterlab.core.Dataset;

/**
 * Elkan's exact acceleration of Lloyd's assignment (Elkan 2003, "Using the triangle inequality to
 * accelerate k-means", ICML): per row an upper bound on the distance to its centre and one lower
 * bound per centre, plus the centre-centre distances. It skips more distance computations than
 * Hamerly's single bound, which pays off in high dimension, at the price of {@code n * k} doubles.
 */
final class ElkanAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final double[] upper;
  private final double[] lower;
  private final double[] s;
  private final double[] halfPairs;
  private double[] shift;

  ElkanAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.upper = new double[data.n()];
    this.lower = new double[(int) Math.min(Integer.MAX_VALUE - 8L, (long) data.n() * k)];
    if ((long) data.n() * k > Integer.MAX_VALUE - 8L) {
      throw new IllegalArgumentException("Elkan's k-means needs n * k lower bounds; n * k = " + ((long) data.n() * k)
          + " is too many: use the hamerly or lloyd algorithm");
    }
    this.s = new double[k];
    this.halfPairs = new double[k * k];
  }

  @Override
  public void prepare(double[] centroids, double[] shift) {
    KMeansKernels.centreSeparation(centroids, k, data.d(), s, halfPairs);
    this.shift = shift;
  }

  @Override
  public int assign(int block, int from, int to, double[] centroids, int[] labels) {
    int d = data.d();
    double[] v = data.values();
    int changed = 0;
    for (int i = from; i < to; i++) {
      int a = labels[i];
      int lo = i * k;
      if (a < 0) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double dist = KMeansKernels.distance(v, i * d, centroids, c * d, d);
          lower[lo + c] = dist;
          if (dist < bestDist) {
            bestDist = dist;
            best = c;
          }
        }
        upper[i] = bestDist;
        labels[i] = best;
        changed++;
        continue;
      }
      for (int c = 0; c < k; c++) {
        double l = lower[lo + c] - shift[c];
        lower[lo + c] = l > 0 ? l : 0;
      }
      double u = upper[i] + shift[a];
      if (u <= s[a]) {
        upper[i] = u;
        continue;
      }
      boolean tight = false;
      int start = a;
      for (int c = 0; c < k; c++) {
        if (c == a || u <= lower[lo + c] || u <= halfPairs[a * k + c]) {
          continue;
        }
        if (!tight) {
          u = KMeansKernels.distance(v, i * d, centroids, a * d, d);
          lower[lo + a] = u;
          tight = true;
          if (u <= lower[lo + c] || u <= halfPairs[a * k + c]) {
            continue;
          }
        }
        double dist = KMeansKernels.distance(v, i * d, centroids, c * d, d);
        lower[lo + c] = dist;
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

  @Override
  public double blockInertia(int block) {
    return Double.NaN;
  }
}
