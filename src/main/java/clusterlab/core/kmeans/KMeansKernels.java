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

  /** Centroids transposed to column-major ({@code d * k}) for {@link #allSquaredDistances}. */
  static double[] transpose(double[] centroids, int k, int d) {
    double[] t = new double[d * k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        t[j * k + c] = centroids[c * d + j];
      }
    }
    return t;
  }

  /**
   * Squared distances from {@code x[off ..]} to all k centres at once. The inner loop runs over the
   * centres of one column, which the JIT vectorises (no reduction across iterations), and each
   * centre's sum is taken in column order, so every value equals {@link #squaredDistance} bit for bit.
   *
   * @param ct centroids transposed by {@link #transpose}
   * @param out receives the k squared distances
   */
  static void allSquaredDistances(double[] x, int off, double[] ct, int k, int d, double[] out) {
    double x0 = x[off];
    for (int c = 0; c < k; c++) {
      double t = x0 - ct[c];
      out[c] = t * t;
    }
    for (int j = 1; j < d; j++) {
      double xj = x[off + j];
      int base = j * k;
      for (int c = 0; c < k; c++) {
        double t = xj - ct[base + c];
        out[c] += t * t;
      }
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
