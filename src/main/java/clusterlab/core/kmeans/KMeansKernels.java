package clusterlab.core.kmeans;

/** The two loops every k-means step spends its time in, kept in one place. */
final class KMeansKernels {

  private KMeansKernels() {
  }

  static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = a[ao + j] - b[bo + j];
      s += t * t;
    }
    return s;
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
}
