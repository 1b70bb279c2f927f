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
   * Squared Euclidean distance between {@code a[ao .. ao+d)} and {@code b[bo .. bo+d)}.
   *
   * <p>The canonical summation order of every k-means kernel: four partial sums, partial r taking
   * the columns {@code j = r (mod 4)} in increasing order, added as {@code (s0 + s1) + (s2 + s3)}.
   * Four independent chains instead of one cut the latency of a lone distance (the bounded
   * variants compute them one at a time, between unpredictable branches) to a quarter; every
   * kernel below keeps this order so that Lloyd, Elkan, Hamerly and the predictions agree bit for
   * bit.
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
    int rest = d - j;
    if (rest > 0) {
      double t = a[ao + j] - b[bo + j];
      s0 += t * t;
    }
    if (rest > 1) {
      double t = a[ao + j + 1] - b[bo + j + 1];
      s1 += t * t;
    }
    if (rest > 2) {
      double t = a[ao + j + 2] - b[bo + j + 2];
      s2 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Squared distances from {@code x[off ..]} to all k centres (row-major {@code k * d}). Two
   * centres are summed side by side, so each value of x is loaded once for both and eight
   * independent sums keep the CPU busy; each centre's sum follows the canonical order of
   * {@link #squaredDistance}, so every value equals it bit for bit.
   */
  static void allSquaredDistances(double[] x, int off, double[] centroids, int k, int d, double[] out) {
    int c = 0;
    int body = d & ~3;
    for (; c + 1 < k; c += 2) {
      int o0 = c * d;
      int o1 = o0 + d;
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      double b0 = 0;
      double b1 = 0;
      double b2 = 0;
      double b3 = 0;
      for (int j = 0; j < body; j += 4) {
        double x0 = x[off + j];
        double x1 = x[off + j + 1];
        double x2 = x[off + j + 2];
        double x3 = x[off + j + 3];
        double t0 = x0 - centroids[o0 + j];
        double t1 = x1 - centroids[o0 + j + 1];
        double t2 = x2 - centroids[o0 + j + 2];
        double t3 = x3 - centroids[o0 + j + 3];
        double u0 = x0 - centroids[o1 + j];
        double u1 = x1 - centroids[o1 + j + 1];
        double u2 = x2 - centroids[o1 + j + 2];
        double u3 = x3 - centroids[o1 + j + 3];
        a0 += t0 * t0;
        a1 += t1 * t1;
        a2 += t2 * t2;
        a3 += t3 * t3;
        b0 += u0 * u0;
        b1 += u1 * u1;
        b2 += u2 * u2;
        b3 += u3 * u3;
      }
      int rest = d - body;
      if (rest > 0) {
        double t = x[off + body] - centroids[o0 + body];
        double u = x[off + body] - centroids[o1 + body];
        a0 += t * t;
        b0 += u * u;
      }
      if (rest > 1) {
        double t = x[off + body + 1] - centroids[o0 + body + 1];
        double u = x[off + body + 1] - centroids[o1 + body + 1];
        a1 += t * t;
        b1 += u * u;
      }
      if (rest > 2) {
        double t = x[off + body + 2] - centroids[o0 + body + 2];
        double u = x[off + body + 2] - centroids[o1 + body + 2];
        a2 += t * t;
        b2 += u * u;
      }
      out[c] = (a0 + a1) + (a2 + a3);
      out[c + 1] = (b0 + b1) + (b2 + b3);
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
