package clusterlab.core.kmeans;

/**
 * The loops every k-means variant spends its time in, kept in one place so that Lloyd, Elkan,
 * Hamerly, the seeding and the model's predictions all compute a distance bit for bit the same way
 * (the accelerated variants then reach exactly Lloyd's decisions).
 */
final class KMeansKernels {

  private KMeansKernels() {
  }

  /**
   * Squared Euclidean distance between {@code a[ao .. ao+d)} and {@code b[bo .. bo+d)}, summed in
   * column order so that it is bit-identical to {@link #allSquaredDistances}.
   */
  static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = a[ao + j] - b[bo + j];
      s += t * t;
    }
    return s;
  }

  /**
   * Squared distances from {@code x[off ..]} to all k centres (row-major {@code k * d}). Four
   * centres are summed side by side, so each value of x is loaded once for four centres and the
   * four independent sums keep the CPU busy; each centre's sum still runs in column order, so every
   * value equals {@link #squaredDistance} bit for bit.
   */
  static void allSquaredDistances(double[] x, int off, double[] centroids, int k, int d, double[] out) {
    int c = 0;
    for (; c + 3 < k; c += 4) {
      int o0 = c * d;
      int o1 = o0 + d;
      int o2 = o1 + d;
      int o3 = o2 + d;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = 0; j < d; j++) {
        double xj = x[off + j];
        double t0 = xj - centroids[o0 + j];
        double t1 = xj - centroids[o1 + j];
        double t2 = xj - centroids[o2 + j];
        double t3 = xj - centroids[o3 + j];
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      out[c] = s0;
      out[c + 1] = s1;
      out[c + 2] = s2;
      out[c + 3] = s3;
    }
    for (; c < k; c++) {
      out[c] = squaredDistance(x, off, centroids, c * d, d);
    }
  }

  /** Euclidean distance (the square root of {@link #squaredDistance}). */
  static double distance(double[] a, int ao, double[] b, int bo, int d) {
    return Math.sqrt(squaredDistance(a, ao, b, bo, d));
  }

  /** Nearest centroid; ties go to the lower index, as in scikit-learn. */
  static int nearest(double[] x, int off, double[] centroids, int k, int d) {
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double dist = squaredDistance(x, off, centroids, c * d, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = c;
      }
    }
    return best;
  }

  /** Squared distance to the nearest centroid. */
  static double nearestSquaredDistance(double[] x, int off, double[] centroids, int k, int d) {
    double bestDist = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double dist = squaredDistance(x, off, centroids, c * d, d);
      if (dist < bestDist) {
        bestDist = dist;
      }
    }
    return bestDist;
  }

  /**
   * Half the distance from every centre to its nearest other centre ({@code s} in Elkan 2003 and
   * Hamerly 2010), and when {@code halfPairs} is not null all half centre-centre distances.
   */
  static void centreSeparation(double[] centroids, int k, int d, double[] s, double[] halfPairs) {
    java.util.Arrays.fill(s, Double.POSITIVE_INFINITY);
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double h = 0.5 * distance(centroids, a * d, centroids, b * d, d);
        if (halfPairs != null) {
          halfPairs[a * k + b] = h;
          halfPairs[b * k + a] = h;
        }
        if (h < s[a]) {
          s[a] = h;
        }
        if (h < s[b]) {
          s[b] = h;
        }
      }
    }
  }
}
