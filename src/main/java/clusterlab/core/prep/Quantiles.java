package clusterlab.core.prep;

import java.util.Arrays;

/**
 * Column statistics that ignore missing values (NaN), with NumPy's definitions so that results
 * match scikit-learn bit for bit where NumPy's arithmetic is plain: {@code numpy.nanpercentile}
 * with linear interpolation (virtual index {@code (m - 1) q}, NumPy's two-sided lerp) and
 * {@code numpy.nanmedian}.
 */
public final class Quantiles {

  private Quantiles() {
  }

  /** The observed (non-NaN) values of column {@code j}, sorted ascending. */
  public static double[] sortedColumn(double[] values, int n, int d, int j) {
    double[] col = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i * d + j];
      if (!Double.isNaN(v)) {
        col[m++] = v;
      }
    }
    double[] out = Arrays.copyOf(col, m);
    Arrays.sort(out);
    return out;
  }

  /** Percentile {@code q} in [0, 100] of sorted values, linear interpolation; NaN when empty. */
  public static double percentile(double[] sorted, double q) {
    int m = sorted.length;
    if (m == 0) {
      return Double.NaN;
    }
    double virtual = (m - 1) * (q / 100.0);
    int lo = (int) Math.floor(virtual);
    if (lo >= m - 1) {
      return sorted[m - 1];
    }
    if (lo < 0) {
      return sorted[0];
    }
    double t = virtual - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** Median of sorted values (mean of the two middle ones for an even count); NaN when empty. */
  public static double median(double[] sorted) {
    int m = sorted.length;
    if (m == 0) {
      return Double.NaN;
    }
    if ((m & 1) == 1) {
      return sorted[m / 2];
    }
    return (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0;
  }

  /** Mean of the observed values of column {@code j}; NaN when none is observed. */
  public static double mean(double[] values, int n, int d, int j) {
    double s = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i * d + j];
      if (!Double.isNaN(v)) {
        s += v;
        m++;
      }
    }
    return m == 0 ? Double.NaN : s / m;
  }

  static void checkShape(double[] values, int n, int d) {
    if (values == null) {
      throw new IllegalArgumentException("values must not be null");
    }
    if (n < 0 || d < 1 || (long) n * d != values.length) {
      throw new IllegalArgumentException("values has length " + values.length + " but n * d = " + n + " * " + d
          + "; pass a row-major array of exactly n * d values (NaN for missing)");
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException("value at row " + (i / d) + ", column " + (i % d)
            + " is infinite; only finite values and NaN (missing) are allowed");
      }
    }
  }
}
