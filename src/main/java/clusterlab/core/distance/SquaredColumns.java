package clusterlab.core.distance;

import java.util.Arrays;

/**
 * Squared Euclidean distances from one point to a run of points stored column-major, one array
 * per coordinate ({@code cols[j][q]}): the innermost kernel of the vector algorithms. The loops
 * run over points, four coordinates at a time, with one array per stream, which is the shape the
 * HotSpot JIT turns into SIMD instructions (several invariant offsets into one array defeat its
 * alignment analysis; measured: 3 times slower). Every point's sum is still accumulated over
 * j = 0, 1, ..., d-1 from 0, exactly as the row-major formula does, so the values equal
 * {@code Metric.SQUARED_EUCLIDEAN}'s to the last bit.
 */
public final class SquaredColumns {

  private SquaredColumns() {
  }

  /** Copies column-major data into one array per coordinate, {@code capacity} points each. */
  public static double[][] columns(double[] rowMajor, int n, int d, int capacity) {
    double[][] cols = new double[d][capacity];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        cols[j][i] = rowMajor[i * d + j];
      }
    }
    return cols;
  }

  /** Copies the coordinates of point {@code i} into {@code c}. */
  public static void centre(double[][] cols, int i, double[] c) {
    for (int j = 0; j < cols.length; j++) {
      c[j] = cols[j][i];
    }
  }

  /**
   * {@code s[q] = sum_j (c[j] - cols[j][q])^2} for q in [from, from + len). Output and input share
   * one index: with two different offsets the JIT cannot prove the vectors aligned alike and
   * falls back to scalar code (measured: 2.5 times slower).
   */
  public static void block(double[] s, double[][] cols, int from, double[] c, int len) {
    int d = cols.length;
    Arrays.fill(s, from, from + len, 0.0);
    int d4 = d & ~3;
    for (int j = 0; j < d4; j += 4) {
      add4(s, cols[j], cols[j + 1], cols[j + 2], cols[j + 3], from, c[j], c[j + 1], c[j + 2], c[j + 3], len);
    }
    for (int j = d4; j < d; j++) {
      add1(s, cols[j], from, c[j], len);
    }
  }

  public static void add4(double[] s, double[] p0, double[] p1, double[] p2, double[] p3, int o,
      double c0, double c1, double c2, double c3, int len) {
    for (int q = 0; q < len; q++) {
      double u0 = c0 - p0[o + q];
      double u1 = c1 - p1[o + q];
      double u2 = c2 - p2[o + q];
      double u3 = c3 - p3[o + q];
      double t = s[o + q];
      t += u0 * u0;
      t += u1 * u1;
      t += u2 * u2;
      t += u3 * u3;
      s[o + q] = t;
    }
  }

  public static void add1(double[] s, double[] p0, int o, double c0, int len) {
    for (int q = 0; q < len; q++) {
      double u0 = c0 - p0[o + q];
      s[o + q] += u0 * u0;
    }
  }
}
