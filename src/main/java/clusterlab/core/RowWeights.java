package clusterlab.core;

/**
 * Optional per-row weights, written once for the dense {@link Dataset} and the sparse
 * {@code SparseDataset}: both hold {@code n} rows and a weight array ({@code null} when every row
 * weighs 1), and read it through these default methods. The array is validated once, by
 * {@link #checked}, when the data is built.
 */
public interface RowWeights {

  /** Number of rows. */
  int n();

  /** Per-row weights, or {@code null} when all rows weigh 1. Never modify it. */
  double[] weights();

  /** True when rows carry weights other than the implicit 1. */
  default boolean isWeighted() {
    return weights() != null;
  }

  /** Weight of row {@code i} (1 when unweighted). */
  default double weight(int i) {
    double[] w = weights();
    return w == null ? 1.0 : w[i];
  }

  /** Sum of the row weights (n when unweighted). */
  default double totalWeight() {
    double[] w = weights();
    if (w == null) {
      return n();
    }
    double s = 0;
    for (double x : w) {
      s += x;
    }
    return s;
  }

  /**
   * {@code weights} after checking it: {@code null} (unit weights) or one finite, non-negative
   * weight for each of the {@code n} rows.
   *
   * @throws IllegalArgumentException naming the first bad row, or the length mismatch
   */
  static double[] checked(double[] weights, int n) {
    if (weights == null) {
      return null;
    }
    if (weights.length != n) {
      throw new IllegalArgumentException("weights has length " + weights.length + " but there are "
          + n + " rows; pass one weight per row or null for unit weights");
    }
    for (int i = 0; i < n; i++) {
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("weight of row " + i + " is " + weights[i]
            + "; weights must be finite and non-negative");
      }
    }
    return weights;
  }
}
