package clusterlab.core.kmeans;

import clusterlab.core.Dataset;

/**
 * Hamerly's exact acceleration of Lloyd's assignment (Hamerly 2010, "Making k-means even faster",
 * SIAM SDM): per row one upper bound on the distance to its centre and one lower bound on the
 * distance to every other centre. A row is re-examined only when its upper bound exceeds both its
 * lower bound and half the distance from its centre to the nearest other centre. O(n) extra memory,
 * the best choice in low and moderate dimension.
 */
final class HamerlyAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final double[] upper;
  private final double[] lower;
  private final double[] s;
  private final double[] centreDist2;
  private double[] shift;
  private int maxShiftCentre;
  private double maxShift;
  private double secondShift;

  HamerlyAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.upper = new double[data.n()];
    this.lower = new double[data.n()];
    this.s = new double[k];
    this.centreDist2 = new double[k * k];
  }

  @Override
  public void prepare(double[] centroids, double[] shift) {
    KMeansKernels.centreSeparation(centroids, k, data.d(), s, null);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        centreDist2[a * k + b] = KMeansKernels.squaredDistance(centroids, a * data.d(), centroids, b * data.d(), data.d());
      }
    }
    this.shift = shift;
    if (shift != null) {
      maxShift = 0;
      secondShift = 0;
      maxShiftCentre = -1;
      for (int c = 0; c < k; c++) {
        if (shift[c] > maxShift) {
          secondShift = maxShift;
          maxShift = shift[c];
          maxShiftCentre = c;
        } else if (shift[c] > secondShift) {
          secondShift = shift[c];
        }
      }
    }
  }

  @Override
  public int assign(int block, int from, int to, double[] centroids, int[] labels) {
    int d = data.d();
    double[] v = data.values();
    int changed = 0;
    for (int i = from; i < to; i++) {
      int a = labels[i];
      int best = 0;
      double d1;
      if (a >= 0) {
        upper[i] += shift[a];
        lower[i] -= a == maxShiftCentre ? secondShift : maxShift;
        double bound = Math.max(s[a], lower[i]);
        if (upper[i] <= bound) {
          continue;
        }
        d1 = KMeansKernels.squaredDistance(v, i * d, centroids, a * d, d);
        upper[i] = Math.sqrt(d1);
        if (upper[i] <= bound) {
          continue;
        }
        best = a;
      } else {
        d1 = KMeansKernels.squaredDistance(v, i * d, centroids, 0, d);
      }
      // Full scan from the current centre for the closest and a lower bound on the second closest.
      // A centre c with d(b, c) >= 2 d(x, b) for the best b so far cannot be closer than b (Elkan's
      // lemma 1) and is skipped; the triangle inequality still bounds it below by d(b, c) - d(x, b).
      // Ties go to the lower index, as in Lloyd.
      int start = best;
      double d2 = Double.POSITIVE_INFINITY;
      double skipped = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c == start) {
          continue;
        }
        double cc = centreDist2[best * k + c];
        if (cc >= 4 * d1) {
          double lb = Math.sqrt(cc) - Math.sqrt(d1);
          if (lb < skipped) {
            skipped = lb;
          }
          continue;
        }
        double dist = KMeansKernels.squaredDistance(v, i * d, centroids, c * d, d);
        if (dist < d1 || (dist == d1 && c < best)) {
          d2 = d1;
          d1 = dist;
          best = c;
        } else if (dist < d2) {
          d2 = dist;
        }
      }
      upper[i] = Math.sqrt(d1);
      lower[i] = Math.min(Math.sqrt(d2), skipped);
      if (best != a) {
        labels[i] = best;
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
