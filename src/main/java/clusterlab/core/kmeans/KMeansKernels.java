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
   * Squared Euclidean distance between {@code a[ao .. ao+d)} and {@code b[bo .. bo+d)}. Four
   * independent accumulators let the CPU overlap the additions (the JIT does not reassociate
   * floating-point sums by itself).
   */
  static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double t0 = a[ao + j] - b[bo + j];
      double t1 = a[ao + j + 1] - b[bo + j + 1];
      double t2 = a[ao + j + 2] - b[bo + j + 2];
      double t3 = a[ao + j + 3] - b[bo + j + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    for (; j < d; j++) {
      double t = a[ao + j] - b[bo + j];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
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
