package clusterlab.core.medoids;

import clusterlab.core.Check;
import clusterlab.core.distance.Distance;
import clusterlab.core.parallel.Parallel;

/**
 * Pairwise dissimilarities between the {@code n} rows k-medoids works on, either read from a
 * precomputed {@code n x n} matrix or computed on demand from the rows and a {@link Distance}.
 *
 * <p>Why both: FasterPAM reads, for every swap candidate, its dissimilarity to all {@code n} rows;
 * from a matrix that is one contiguous row read, computed on demand it costs {@code n} distance
 * evaluations but only {@code O(n)} memory. {@link #auto} chooses by the memory rule stated there.
 */
public abstract class Dissimilarities {

  /** Number of rows. */
  public abstract int n();

  /** Dissimilarity between rows {@code i} and {@code j}. */
  public abstract double get(int i, int j);

  /**
   * Dissimilarities of row {@code j} to every row, into {@code out[0..n)}. Returns the array to read
   * them from: {@code out}, or for a matrix its backing array, with the row starting at
   * {@link #offset(int)} there.
   */
  public abstract double[] row(int j, double[] out);

  /** Where row {@code j} starts in the array {@link #row} returned (0 unless precomputed). */
  public int offset(int j) {
    return 0;
  }

  /** True when all dissimilarities are held in memory. */
  public abstract boolean isPrecomputed();

  /**
   * The memory rule: the full {@code n x n} matrix (8 n^2 bytes) is precomputed when it takes at
   * most two thirds of the heap the JVM can still allocate ({@code maxMemory - used}) and {@code n^2}
   * fits in one Java array; otherwise distances are computed on demand in {@code O(n)} memory.
   */
  public static boolean matrixFits(int n) {
    long bytes = 8L * n * n;
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    return (long) n * n <= Integer.MAX_VALUE - 8 && bytes <= free / 3 * 2;
  }

  /** Precomputed when {@link #matrixFits} allows, else on demand. */
  public static Dissimilarities auto(double[] values, int n, int d, Distance distance, int threads) {
    return matrixFits(n) ? precompute(values, n, d, distance, threads) : onDemand(values, n, d, distance);
  }

  /** Computes all {@code n x n} dissimilarities (multi-threaded; symmetric, zero diagonal). */
  public static Dissimilarities precompute(double[] values, int n, int d, Distance distance, int threads) {
    check(values, n, d, distance);
    if ((long) n * n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(n + " rows are too many for a precomputed dissimilarity matrix"
          + " (n^2 must stay below 2^31); use the on-demand memory mode or CLARA");
    }
    double[] m = new double[n * n];
    // rows cut so that chunks hold similar numbers of pairs (row i computes pairs j > i)
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        for (int j = i + 1; j < n; j++) {
          m[i * n + j] = distance.between(values, i * d, values, j * d, d);
        }
      }
    });
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        for (int j = 0; j < i; j++) {
          m[i * n + j] = m[j * n + i];
        }
      }
    });
    return new Matrix(m, n);
  }

  /** Wraps a symmetric {@code n x n} row-major matrix (not copied; the diagonal must be 0). */
  public static Dissimilarities ofMatrix(double[] matrix, int n) {
    Check.notNull("dissimilarity matrix", matrix);
    if ((long) n * n != matrix.length) {
      throw new IllegalArgumentException("dissimilarity matrix has " + matrix.length + " entries, n * n = " + ((long) n * n));
    }
    for (double v : matrix) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("dissimilarities must be finite and non-negative, found " + v);
      }
    }
    return new Matrix(matrix, n);
  }

  /** Computes dissimilarities when asked: {@code O(n)} memory. */
  public static Dissimilarities onDemand(double[] values, int n, int d, Distance distance) {
    check(values, n, d, distance);
    return new OnDemand(values, n, d, distance);
  }

  private static void check(double[] values, int n, int d, Distance distance) {
    Check.notNull("values", values);
    Check.notNull("distance", distance);
    if ((long) n * d != values.length) {
      throw new IllegalArgumentException("values has length " + values.length + " but n * d = " + ((long) n * d));
    }
  }

  private static final class Matrix extends Dissimilarities {
    private final double[] m;
    private final int n;

    Matrix(double[] m, int n) {
      this.m = m;
      this.n = n;
    }

    @Override
    public int n() {
      return n;
    }

    @Override
    public double get(int i, int j) {
      return m[i * n + j];
    }

    @Override
    public double[] row(int j, double[] out) {
      return m;
    }

    @Override
    public int offset(int j) {
      return j * n;
    }

    @Override
    public boolean isPrecomputed() {
      return true;
    }
  }

  private static final class OnDemand extends Dissimilarities {
    private final double[] v;
    private final int n;
    private final int d;
    private final Distance distance;

    OnDemand(double[] v, int n, int d, Distance distance) {
      this.v = v;
      this.n = n;
      this.d = d;
      this.distance = distance;
    }

    @Override
    public int n() {
      return n;
    }

    @Override
    public double get(int i, int j) {
      return i == j ? 0 : distance.between(v, i * d, v, j * d, d);
    }

    @Override
    public double[] row(int j, double[] out) {
      for (int o = 0; o < n; o++) {
        out[o] = o == j ? 0 : distance.between(v, o * d, v, j * d, d);
      }
      return out;
    }

    @Override
    public boolean isPrecomputed() {
      return false;
    }
  }
}
