package clusterlab.core.kmeans;

/**
 * Hamerly's bounds (Hamerly 2010, "Making k-means even faster", SIAM SDM), written once for the
 * assigners that differ only in how they scan all centres ({@link HamerlyAssigner},
 * {@link BlockedHamerlyAssigner}): per row an upper bound on the distance to its centre and one lower
 * bound on the distance to every other centre, loosened each iteration by how far the centres moved,
 * and per centre half the distance to its nearest other centre. O(n + k) memory.
 */
final class HamerlyBounds {

  /** Upper bound on each row's distance to its centre; a full scan sets it to that distance. */
  final double[] upper;
  /** Lower bound on each row's distance to every other centre; a full scan sets it to the second nearest. */
  final double[] lower;
  private final double[] separation;
  private final int k;
  private final int d;
  private double[] shift;
  private int maxShiftCentre;
  private double maxShift;
  private double secondShift;

  HamerlyBounds(int n, int k, int d) {
    this.upper = new double[n];
    this.lower = new double[n];
    this.separation = new double[k];
    this.k = k;
    this.d = d;
  }

  /**
   * Takes the new centres and how far each moved ({@code null} before the first assignment): the
   * half-separations, and the largest and second-largest move, by which the lower bounds loosen.
   */
  void prepare(double[] centroids, double[] shift) {
    KMeansKernels.centreSeparation(centroids, k, d, separation, null);
    this.shift = shift;
    if (shift == null) {
      return;
    }
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

  /**
   * Loosens row {@code i}'s bounds by the last move and returns true when it provably keeps centre
   * {@code a} (Hamerly's test, retried once with the upper bound tightened to the exact distance);
   * false when the row needs a full scan.
   */
  boolean keeps(int i, int a, double[] v, double[] centroids) {
    upper[i] += shift[a];
    lower[i] -= a == maxShiftCentre ? secondShift : maxShift;
    double bound = Math.max(separation[a], lower[i]);
    if (upper[i] <= bound) {
      return true;
    }
    upper[i] = Math.sqrt(KMeansKernels.squaredDistance(v, i * d, centroids, a * d, d));
    return upper[i] <= bound;
  }

  /**
   * Ends a full scan of row {@code i}: its bounds become the distance to the nearest centre and to
   * the second nearest (or a lower bound on it), and its label the nearest; returns 1 when the label
   * changed, else 0.
   */
  int settle(int i, double nearest, double second, int best, int[] labels) {
    upper[i] = nearest;
    lower[i] = second;
    if (best == labels[i]) {
      return 0;
    }
    labels[i] = best;
    return 1;
  }
}
