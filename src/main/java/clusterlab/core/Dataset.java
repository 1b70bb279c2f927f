package clusterlab.core;

import java.util.Arrays;

/**
 * The numeric input every ClusterLab algorithm works on: {@code n} rows of {@code d} finite values
 * in one flat row-major array, with optional per-row weights.
 *
 * <p>Why a flat array: the kernels (distance loops, centroid updates, tree builds) read rows
 * sequentially, and one contiguous {@code double[]} keeps them cache friendly and free of the
 * per-row object headers a {@code double[][]} or a list of Weka {@code Instance}s would cost.
 *
 * <p>A {@code Dataset} is immutable by contract: {@link #values()} hands out the backing array for
 * speed, and no algorithm writes to it. Values are checked once, at construction, so kernels never
 * need to test for NaN or infinity.
 */
public final class Dataset implements RowWeights {

  private final double[] values;
  private final double[] weights;
  private final int n;
  private final int d;

  private Dataset(double[] values, int n, int d, double[] weights) {
    this.values = values;
    this.n = n;
    this.d = d;
    this.weights = weights;
  }

  /** Wraps (without copying) a row-major array of {@code n * d} finite values, all rows of weight 1. */
  public static Dataset of(double[] rowMajor, int n, int d) {
    return weighted(rowMajor, n, d, null);
  }

  /**
   * Wraps (without copying) a row-major array with per-row weights ({@code null} for unit weights).
   *
   * @throws IllegalArgumentException naming the first bad row and column, if a value is NaN or
   *     infinite, a weight is negative or not finite, or the sizes do not agree
   */
  public static Dataset weighted(double[] rowMajor, int n, int d, double[] weights) {
    Check.notNull("values", rowMajor);
    Check.atLeast("n (number of rows)", n, 0);
    Check.atLeast("d (number of columns)", d, 1);
    if ((long) n * d != rowMajor.length) {
      throw new IllegalArgumentException("values has length " + rowMajor.length + " but n * d = "
          + n + " * " + d + " = " + ((long) n * d) + "; pass a row-major array of exactly n * d values");
    }
    for (int i = 0; i < rowMajor.length; i++) {
      if (!Double.isFinite(rowMajor[i])) {
        throw new IllegalArgumentException("value at row " + (i / d) + ", column " + (i % d) + " is "
            + rowMajor[i] + "; all values must be finite: replace or remove missing and infinite values first");
      }
    }
    return new Dataset(rowMajor, n, d, RowWeights.checked(weights, n));
  }

  /** Copies a rectangular {@code double[n][d]} into a new dataset with unit weights. */
  public static Dataset ofRows(double[][] rows) {
    Check.notNull("rows", rows);
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows is empty; pass at least one row so the number of columns is known");
    }
    int d = rows[0].length;
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values but row 0 has "
            + d + "; all rows must have the same length");
      }
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return of(flat, rows.length, d);
  }

  /** Number of rows. */
  @Override
  public int n() {
    return n;
  }

  /** Number of columns (dimensions). */
  public int d() {
    return d;
  }

  /** The backing row-major array; row {@code i} starts at {@code i * d()}. Never modify it. */
  public double[] values() {
    return values;
  }

  /** Value at row {@code i}, column {@code j}. */
  public double get(int i, int j) {
    return values[i * d + j];
  }

  /** A copy of row {@code i}. */
  public double[] row(int i) {
    return Arrays.copyOfRange(values, i * d, i * d + d);
  }

  /** Per-row weights, or {@code null} when all rows weigh 1. Never modify it. */
  @Override
  public double[] weights() {
    return weights;
  }

  /** The rows listed in {@code rows}, copied into a new dataset (weights carried along). */
  public Dataset subset(int[] rows) {
    double[] v = new double[rows.length * d];
    double[] w = weights == null ? null : new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(values, rows[r] * d, v, r * d, d);
      if (w != null) {
        w[r] = weights[rows[r]];
      }
    }
    return new Dataset(v, rows.length, d, w);
  }

  @Override
  public String toString() {
    return "Dataset[n=" + n + ", d=" + d + (weights == null ? "" : ", weighted") + "]";
  }
}
