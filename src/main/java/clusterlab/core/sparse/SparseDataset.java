package clusterlab.core.sparse;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.RowWeights;
import java.util.Arrays;

/**
 * Rows of mostly-zero values in compressed sparse row (CSR) form: row {@code i} holds the
 * non-zeros {@code values[rowStart(i) .. rowEnd(i))} in the columns {@code cols[..]}, in strictly
 * increasing column order. This is how text arrives (Weka's {@code StringToWordVector} makes
 * {@code SparseInstance}s): 20,000 documents over 30,000 words are 4.8 GB dense but a few MB here.
 *
 * <p>Memory is {@code O(n + nnz)}; nothing in this class densifies. {@link #toDense(long)} exists
 * for algorithms that need dense rows, and refuses when the dense form would exceed a stated size.
 * Values are validated finite once, at construction, as for {@link Dataset}.
 */
public final class SparseDataset implements RowWeights {

  /** Default limit for {@link #toDense(long)}: 512 MiB of doubles. */
  public static final long DEFAULT_DENSE_LIMIT_BYTES = 512L << 20;

  private final int n;
  private final int d;
  private final int[] rowPtr;
  private final int[] cols;
  private final double[] values;
  private final double[] weights;

  private SparseDataset(int n, int d, int[] rowPtr, int[] cols, double[] values, double[] weights) {
    this.n = n;
    this.d = d;
    this.rowPtr = rowPtr;
    this.cols = cols;
    this.values = values;
    this.weights = weights;
  }

  /**
   * Wraps (without copying) CSR arrays.
   *
   * @param rowPtr {@code n + 1} offsets, non-decreasing, from 0 to {@code cols.length}
   * @param cols column of each stored value, strictly increasing within a row, in {@code [0, d)}
   * @param values the stored values, finite (explicit zeros are allowed)
   * @param weights one non-negative weight per row, or {@code null} for unit weights
   * @throws IllegalArgumentException naming the row and column of the first inconsistency
   */
  public static SparseDataset of(int n, int d, int[] rowPtr, int[] cols, double[] values, double[] weights) {
    Check.atLeast("n (number of rows)", n, 0);
    Check.atLeast("d (number of columns)", d, 1);
    Check.notNull("rowPtr", rowPtr);
    Check.notNull("cols", cols);
    Check.notNull("values", values);
    if (rowPtr.length != n + 1 || rowPtr[0] != 0 || rowPtr[n] != cols.length || cols.length != values.length) {
      throw new IllegalArgumentException("inconsistent CSR arrays: rowPtr must have n + 1 = " + (n + 1)
          + " entries from 0 to the number of stored values, and cols and values the same length (rowPtr has "
          + rowPtr.length + ", cols " + cols.length + ", values " + values.length + ")");
    }
    for (int i = 0; i < n; i++) {
      if (rowPtr[i + 1] < rowPtr[i]) {
        throw new IllegalArgumentException("rowPtr decreases at row " + i + "; offsets must be non-decreasing");
      }
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        if (cols[p] < 0 || cols[p] >= d || (p > rowPtr[i] && cols[p] <= cols[p - 1])) {
          throw new IllegalArgumentException("row " + i + " has column " + cols[p] + " out of order or outside [0, "
              + d + "); columns must be strictly increasing within a row");
        }
        if (!Double.isFinite(values[p])) {
          throw new IllegalArgumentException("value at row " + i + ", column " + cols[p] + " is " + values[p]
              + "; all values must be finite: replace or remove missing and infinite values first");
        }
      }
    }
    return new SparseDataset(n, d, rowPtr, cols, values, RowWeights.checked(weights, n));
  }

  /** The non-zeros of a dense dataset (weights carried along). */
  public static SparseDataset fromDense(Dataset data) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    int nnz = 0;
    for (double x : v) {
      if (x != 0) {
        nnz++;
      }
    }
    int[] ptr = new int[n + 1];
    int[] c = new int[nnz];
    double[] val = new double[nnz];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double x = v[i * d + j];
        if (x != 0) {
          c[p] = j;
          val[p++] = x;
        }
      }
      ptr[i + 1] = p;
    }
    return new SparseDataset(n, d, ptr, c, val, data.weights());
  }

  /** Number of rows. */
  @Override
  public int n() {
    return n;
  }

  /** Number of columns. */
  public int d() {
    return d;
  }

  /** Number of stored values. */
  public int nnz() {
    return cols.length;
  }

  /** Offset of row {@code i}'s first stored value. */
  public int rowStart(int i) {
    return rowPtr[i];
  }

  /** Offset one past row {@code i}'s last stored value. */
  public int rowEnd(int i) {
    return rowPtr[i + 1];
  }

  /** The column indices of the stored values (backing array; never modify it). */
  public int[] cols() {
    return cols;
  }

  /** The stored values (backing array; never modify it). */
  public double[] values() {
    return values;
  }

  /** Per-row weights, or {@code null} when all rows weigh 1. Never modify it. */
  @Override
  public double[] weights() {
    return weights;
  }

  /** Euclidean (L2) norm of row {@code i}. */
  public double rowNorm(int i) {
    double s = 0;
    for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      s += values[p] * values[p];
    }
    return Math.sqrt(s);
  }

  /** True when row {@code i} has no non-zero value. */
  public boolean isEmptyRow(int i) {
    for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      if (values[p] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Dot product of row {@code i} with the dense vector {@code x[off .. off + d)}. */
  public double dot(int i, double[] x, int off) {
    double s = 0;
    for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      s += values[p] * x[off + cols[p]];
    }
    return s;
  }

  /** Cosine similarity of row {@code i} with the dense vector {@code x[off .. off + d)} of norm {@code xNorm}; 0 for a zero vector. */
  public double cosine(int i, double[] x, int off, double xNorm) {
    double norm = rowNorm(i) * xNorm;
    return norm == 0 ? 0 : dot(i, x, off) / norm;
  }

  /** Adds {@code scale} times row {@code i} to the dense vector {@code x[off .. off + d)}. */
  public void addTo(int i, double scale, double[] x, int off) {
    for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      x[off + cols[p]] += scale * values[p];
    }
  }

  /**
   * A copy with every non-empty row scaled to unit L2 norm (empty rows stay empty): the input of
   * cosine methods, where a row's direction is all that counts.
   */
  public SparseDataset unitNormalised() {
    double[] v = values.clone();
    for (int i = 0; i < n; i++) {
      double norm = rowNorm(i);
      if (norm > 0) {
        for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
          v[p] /= norm;
        }
      }
    }
    return new SparseDataset(n, d, rowPtr, cols, v, weights);
  }

  /** Bytes the dense row-major form would take. */
  public long denseBytes() {
    return 8L * n * d;
  }

  /**
   * The dense form, for algorithms without a sparse path.
   *
   * @param maxBytes largest dense array allowed
   * @throws IllegalArgumentException when the dense form would exceed {@code maxBytes}, saying how
   *     large it would be and what to do instead
   */
  public Dataset toDense(long maxBytes) {
    long bytes = denseBytes();
    if (bytes > maxBytes || (long) n * d > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "the sparse data (%d rows x %d columns, %d non-zeros) would take %.1f MB as a dense matrix, more than the"
              + " limit of %.1f MB for an algorithm without a sparse path: reduce the number of attributes (e.g."
              + " StringToWordVector -W or AttributeSelection) or use a sparse method (SphericalKMeans,"
              + " LatentDirichletAllocation)", n, d, nnz(), bytes / 1e6, maxBytes / 1e6));
    }
    double[] dense = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        dense[i * d + cols[p]] = values[p];
      }
    }
    return Dataset.weighted(dense, n, d, weights);
  }

  /** Row {@code i} as a dense array (for reports and tests). */
  public double[] denseRow(int i) {
    double[] r = new double[d];
    addTo(i, 1.0, r, 0);
    return r;
  }

  @Override
  public String toString() {
    return "SparseDataset[n=" + n + ", d=" + d + ", nnz=" + nnz() + (weights == null ? "" : ", weighted") + "]";
  }

  /** Builds a sparse dataset row by row, in O(nnz) memory (amortised doubling). */
  public static final class Builder {
    private final int d;
    private int n;
    private int pos;
    private int[] rowPtr = new int[17];
    private int[] cols = new int[64];
    private double[] values = new double[64];
    private double[] weights = new double[16];
    private boolean weighted;

    /** A builder for rows of {@code d} columns. */
    public Builder(int d) {
      Check.atLeast("d (number of columns)", d, 1);
      this.d = d;
    }

    /** Appends one value of the current row; columns must come in increasing order. */
    public Builder add(int col, double value) {
      if (pos == cols.length) {
        cols = Arrays.copyOf(cols, 2 * pos);
        values = Arrays.copyOf(values, 2 * pos);
      }
      cols[pos] = col;
      values[pos++] = value;
      return this;
    }

    /** Ends the current row with the given weight. */
    public Builder endRow(double weight) {
      if (n + 2 > rowPtr.length) {
        rowPtr = Arrays.copyOf(rowPtr, 2 * rowPtr.length);
      }
      if (n == weights.length) {
        weights = Arrays.copyOf(weights, 2 * n);
      }
      weights[n] = weight;
      weighted |= weight != 1.0;
      rowPtr[n + 1] = pos;
      n++;
      return this;
    }

    /** The validated dataset. */
    public SparseDataset build() {
      int nnz = pos;
      return of(n, d, Arrays.copyOf(rowPtr, n + 1), Arrays.copyOf(cols, nnz), Arrays.copyOf(values, nnz),
          weighted ? Arrays.copyOf(weights, n) : null);
    }
  }
}
