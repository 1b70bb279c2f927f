package clusterlab.core.mixed;

import clusterlab.core.Check;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A table of mixed attribute types, the input of the mixed-type algorithms (Gower distance,
 * k-medoids on Gower, k-prototypes, cluster profiles): {@code n} rows of {@code m} columns, each
 * column numeric, ordinal, nominal or asymmetric binary ({@link ColumnType}).
 *
 * <p>Layout: one flat row-major {@code double[]} like {@link clusterlab.core.Dataset}, so that every
 * {@link clusterlab.core.distance.Distance} consumer (k-medoids, hierarchical clustering, neighbour
 * search) can read it. Category columns hold their integer code {@code 0..levels-1} as a double;
 * the per-cell missing flag is the value {@code NaN} (as in Weka), tested with {@link #isMissing}.
 * Unlike {@code Dataset}, missing cells are allowed: Gower's coefficient and k-prototypes leave
 * the missing terms of a pair out. Infinite numbers and codes outside their column's levels are
 * refused at construction, naming the row and column.
 */
public final class MixedTable implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] values;
  private final int n;
  private final int m;
  private final ColumnType[] types;
  private final int[] levels;
  private final String[] names;
  private final double[] weights;

  private MixedTable(double[] values, int n, int m, ColumnType[] types, int[] levels, String[] names, double[] weights) {
    this.values = values;
    this.n = n;
    this.m = m;
    this.types = types;
    this.levels = levels;
    this.names = names;
    this.weights = weights;
  }

  /**
   * Wraps (without copying the values) a row-major table.
   *
   * @param values {@code n * m} cells; NaN marks a missing cell; category cells hold their code
   * @param types one type per column
   * @param levels per column the number of categories (ignored for numeric columns; 2 for binary)
   * @param names column names for messages and reports ({@code null}: "column 1", ...)
   * @param weights per-row weights, or {@code null} for unit weights
   * @throws IllegalArgumentException naming the row and column of the first bad cell
   */
  public static MixedTable of(double[] values, int n, ColumnType[] types, int[] levels, String[] names, double[] weights) {
    Check.notNull("values", values);
    Check.notNull("types", types);
    Check.notNull("levels", levels);
    int m = types.length;
    Check.atLeast("number of columns", m, 1);
    Check.atLeast("n (number of rows)", n, 0);
    if ((long) n * m != values.length || levels.length != m) {
      throw new IllegalArgumentException("values has length " + values.length + " and levels " + levels.length
          + ", but n = " + n + " rows of m = " + m + " columns need n * m values and m levels");
    }
    String[] colNames = names == null ? defaultNames(m) : names.clone();
    if (colNames.length != m) {
      throw new IllegalArgumentException("names has " + colNames.length + " entries for " + m + " columns");
    }
    int[] lv = levels.clone();
    for (int j = 0; j < m; j++) {
      Check.notNull("type of column " + colNames[j], types[j]);
      if (types[j] == ColumnType.ASYMMETRIC_BINARY) {
        lv[j] = 2;
      } else if (types[j].isCategorical()) {
        Check.atLeast("number of levels of column '" + colNames[j] + "'", lv[j], 1);
      } else {
        lv[j] = 0;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        checkCell(values[i * m + j], i, j, types[j], lv[j], colNames[j]);
      }
    }
    if (weights != null) {
      if (weights.length != n) {
        throw new IllegalArgumentException("weights has length " + weights.length + " but there are " + n + " rows");
      }
      for (int i = 0; i < n; i++) {
        if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
          throw new IllegalArgumentException("weight of row " + (i + 1) + " is " + weights[i] + "; weights must be finite and non-negative");
        }
      }
    }
    return new MixedTable(values, n, m, types.clone(), lv, colNames, weights);
  }

  /** A table of numeric columns only (no missing-value restriction beyond NaN = missing). */
  public static MixedTable numeric(double[] values, int n, int m) {
    ColumnType[] t = new ColumnType[m];
    Arrays.fill(t, ColumnType.NUMERIC);
    return of(values, n, t, new int[m], null, null);
  }

  private static void checkCell(double v, int i, int j, ColumnType type, int levels, String name) {
    if (Double.isNaN(v)) {
      return;
    }
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("infinite value in row " + (i + 1) + ", column '" + name
          + "': replace or remove infinite values first");
    }
    if (type.isCategorical() && (v != Math.rint(v) || v < 0 || v >= levels)) {
      throw new IllegalArgumentException("row " + (i + 1) + ", column '" + name + "' holds " + v + ", which is not"
          + " a category code 0.." + (levels - 1) + " of this " + type.name().toLowerCase(java.util.Locale.ROOT) + " column");
    }
  }

  private static String[] defaultNames(int m) {
    String[] s = new String[m];
    for (int j = 0; j < m; j++) {
      s[j] = "column " + (j + 1);
    }
    return s;
  }

  /** Number of rows. */
  public int n() {
    return n;
  }

  /** Number of columns. */
  public int m() {
    return m;
  }

  /** The backing row-major array (NaN = missing); row {@code i} starts at {@code i * m()}. Never modify it. */
  public double[] values() {
    return values;
  }

  /** Cell value (a code for category columns; NaN when missing). */
  public double get(int i, int j) {
    return values[i * m + j];
  }

  /** True when the cell is missing. */
  public boolean isMissing(int i, int j) {
    return Double.isNaN(values[i * m + j]);
  }

  /** Type of column {@code j}. */
  public ColumnType type(int j) {
    return types[j];
  }

  /** All column types (a copy). */
  public ColumnType[] types() {
    return types.clone();
  }

  /** Number of categories of column {@code j} (0 for numeric columns). */
  public int levels(int j) {
    return levels[j];
  }

  /** Name of column {@code j}. */
  public String name(int j) {
    return names[j];
  }

  /** Weight of row {@code i} (1 when unweighted). */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** Per-row weights, or {@code null} when all rows weigh 1. Never modify it. */
  public double[] weights() {
    return weights;
  }

  /** A copy of row {@code i}. */
  public double[] row(int i) {
    return Arrays.copyOfRange(values, i * m, i * m + m);
  }

  /** The listed rows, copied into a new table with the same columns (weights carried along). */
  public MixedTable subset(int[] rows) {
    double[] v = new double[rows.length * m];
    double[] w = weights == null ? null : new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(values, rows[r] * m, v, r * m, m);
      if (w != null) {
        w[r] = weights[rows[r]];
      }
    }
    return new MixedTable(v, rows.length, m, types, levels, names, w);
  }

  /** Index of the first row whose every cell is missing, or -1 when each row has a value. */
  public int firstEmptyRow() {
    for (int i = 0; i < n; i++) {
      boolean empty = true;
      for (int j = 0; j < m && empty; j++) {
        empty = Double.isNaN(values[i * m + j]);
      }
      if (empty) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "MixedTable[n=" + n + ", m=" + m + ", types=" + Arrays.toString(types) + "]";
  }
}
