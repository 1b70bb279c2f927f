package clusterlab.report;

import clusterlab.core.Check;
import clusterlab.core.prep.OutlierDetector;
import clusterlab.core.prep.OutlierResult;
import clusterlab.core.prep.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data audit of the report's first step, per attribute: type, missing values, distinct values,
 * whether it is constant and, for numeric attributes, the summary statistics and the rows that are
 * outliers by Tukey's IQR fences (1.5 IQR) and by the robust z-score (|x - median| / (MAD / 0.6745)
 * above 3.5, Iglewicz and Hoaglin 1993) — the rules and thresholds of ClusterLab's
 * {@code RemoveOutliers} filter, which reproduces the counts. Plus the Pearson correlations of the
 * numeric attributes (pairwise complete). Weka-free: values come as columns, NaN for missing.
 */
public final class DataAudit {

  /** Attribute kinds as the audit sees them. */
  public enum Kind {
    NUMERIC, NOMINAL, STRING, OTHER
  }

  /** The audit of one attribute. */
  public static final class Column {
    public final String name;
    public final Kind kind;
    public final int missing;
    public final int distinct;
    public final boolean constant;
    public final double mean;
    public final double sd;
    public final double min;
    public final double q1;
    public final double median;
    public final double q3;
    public final double max;
    public final int iqrOutliers;
    public final int robustZOutliers;

    Column(String name, Kind kind, int missing, int distinct, double[] stats, int iqr, int rz) {
      this.name = name;
      this.kind = kind;
      this.missing = missing;
      this.distinct = distinct;
      this.constant = distinct <= 1;
      this.mean = stats[0];
      this.sd = stats[1];
      this.min = stats[2];
      this.q1 = stats[3];
      this.median = stats[4];
      this.q3 = stats[5];
      this.max = stats[6];
      this.iqrOutliers = iqr;
      this.robustZOutliers = rz;
    }
  }

  private final int rows;
  private final List<Column> columns;
  private final int[] numeric;
  private final double[][] correlation;
  private final int rowsWithOutlier;

  private DataAudit(int rows, List<Column> columns, int[] numeric, double[][] correlation, int rowsWithOutlier) {
    this.rows = rows;
    this.columns = columns;
    this.numeric = numeric;
    this.correlation = correlation;
    this.rowsWithOutlier = rowsWithOutlier;
  }

  /**
   * Audits the columns.
   *
   * @param names attribute names
   * @param kinds attribute kinds
   * @param values one array per attribute, {@code rows} long, NaN where missing (nominal and string
   *     attributes as value indices)
   */
  public static DataAudit of(String[] names, Kind[] kinds, double[][] values) {
    Check.notNull("names", names);
    if (names.length != kinds.length || names.length != values.length) {
      throw new IllegalArgumentException("names, kinds and values must have one entry per attribute");
    }
    int n = values.length == 0 ? 0 : values[0].length;
    List<Column> cols = new ArrayList<>();
    List<Integer> num = new ArrayList<>();
    boolean[] anyOutlier = new boolean[n];
    for (int j = 0; j < names.length; j++) {
      double[] v = values[j];
      if (v.length != n) {
        throw new IllegalArgumentException("attribute " + names[j] + " has " + v.length + " values, expected " + n);
      }
      int missing = 0;
      Set<Double> seen = new HashSet<>();
      for (double x : v) {
        if (Double.isNaN(x)) {
          missing++;
        } else if (seen.size() < 1_000_000) {
          seen.add(x);
        }
      }
      double[] stats = new double[7];
      Arrays.fill(stats, Double.NaN);
      int iqr = 0;
      int rz = 0;
      if (kinds[j] == Kind.NUMERIC && missing < n) {
        stats = stats(v);
        iqr = flag(OutlierDetector.Method.IQR, v, anyOutlier);
        rz = flag(OutlierDetector.Method.ROBUST_Z, v, anyOutlier);
        num.add(j);
      }
      cols.add(new Column(names[j], kinds[j], missing, seen.size(), stats, iqr, rz));
    }
    int[] numeric = num.stream().mapToInt(Integer::intValue).toArray();
    double[][] corr = new double[numeric.length][numeric.length];
    for (int a = 0; a < numeric.length; a++) {
      for (int b = a; b < numeric.length; b++) {
        corr[a][b] = a == b ? 1.0 : pearson(values[numeric[a]], values[numeric[b]]);
        corr[b][a] = corr[a][b];
      }
    }
    int flagged = 0;
    for (boolean f : anyOutlier) {
      flagged += f ? 1 : 0;
    }
    return new DataAudit(n, cols, numeric, corr, flagged);
  }

  private static int flag(OutlierDetector.Method m, double[] v, boolean[] any) {
    OutlierResult r = OutlierDetector.fit(m, v, v.length, 1).score(v, v.length, m.defaultThreshold());
    if (m == OutlierDetector.Method.ROBUST_Z) {
      for (int i = 0; i < v.length; i++) {
        any[i] |= r.isOutlier(i);
      }
    }
    return r.outliers();
  }

  /** mean, sd (n - 1), min, q1, median, q3, max of the observed values. */
  private static double[] stats(double[] v) {
    double[] sorted = Quantiles.sortedColumn(v, v.length, 1, 0);
    int m = sorted.length;
    double mean = 0;
    for (double x : sorted) {
      mean += x;
    }
    mean /= m;
    double ss = 0;
    for (double x : sorted) {
      ss += (x - mean) * (x - mean);
    }
    double sd = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
    return new double[] {mean, sd, sorted[0], Quantiles.percentile(sorted, 25), Quantiles.median(sorted),
        Quantiles.percentile(sorted, 75), sorted[m - 1]};
  }

  /** Pearson correlation over the rows where both are observed; NaN when either is constant there. */
  static double pearson(double[] x, double[] y) {
    double sx = 0;
    double sy = 0;
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sx += x[i];
        sy += y[i];
        m++;
      }
    }
    if (m < 2) {
      return Double.NaN;
    }
    double mx = sx / m;
    double my = sy / m;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Every attribute's audit, in data order. */
  public List<Column> columns() {
    return new ArrayList<>(columns);
  }

  /** Indices (into {@link #columns()}) of the numeric attributes with at least one observed value. */
  public int[] numeric() {
    return numeric.clone();
  }

  /** Pearson correlations of the numeric attributes, in the order of {@link #numeric()}. */
  public double[][] correlation() {
    double[][] c = new double[correlation.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = correlation[i].clone();
    }
    return c;
  }

  /** Rows with at least one numeric value flagged by the robust z-score. */
  public int rowsWithOutlier() {
    return rowsWithOutlier;
  }

  /** Total missing values. */
  public int missingValues() {
    int m = 0;
    for (Column c : columns) {
      m += c.missing;
    }
    return m;
  }

  /**
   * The pairs of numeric attributes correlated at |r| >= threshold, strongest first, as
   * "a ~ b (r = 0.87)".
   */
  public List<String> strongCorrelations(double threshold) {
    List<double[]> pairs = new ArrayList<>();
    for (int a = 0; a < numeric.length; a++) {
      for (int b = a + 1; b < numeric.length; b++) {
        if (Math.abs(correlation[a][b]) >= threshold) {
          pairs.add(new double[] {a, b, correlation[a][b]});
        }
      }
    }
    pairs.sort((p, q) -> Double.compare(Math.abs(q[2]), Math.abs(p[2])));
    List<String> out = new ArrayList<>();
    for (double[] p : pairs) {
      out.add(columns.get(numeric[(int) p[0]]).name + " ~ " + columns.get(numeric[(int) p[1]]).name
          + String.format(java.util.Locale.ROOT, " (r = %.2f)", p[2]));
    }
    return out;
  }
}
