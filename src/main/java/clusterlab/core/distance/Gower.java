package clusterlab.core.distance;

import clusterlab.core.Check;
import clusterlab.core.mixed.ColumnType;
import clusterlab.core.mixed.MixedTable;
import java.io.Serializable;

/**
 * Gower's (1971) general coefficient of dissimilarity for rows of mixed attribute types, in the
 * form of R's {@code cluster::daisy(metric = "gower")}:
 *
 * <pre>
 *   d(i, j) = sum_k w_k delta_ijk d_ijk / sum_k w_k delta_ijk
 * </pre>
 *
 * with, per column {@code k}: {@code d_ijk = |x_ik - x_jk| / R_k} for numeric columns and for
 * ordinal columns (on their rank codes), {@code R_k} the range seen in the <em>training</em> data
 * (1 when that range is 0, as daisy); {@code d_ijk = 0} or {@code 1} for a match or mismatch of a
 * nominal column; and for an asymmetric binary column a mismatch term that is left out when both
 * rows are 0. {@code delta_ijk = 0} when either value is missing (NaN), so only the terms available
 * for the pair count; {@code w_k} are per-column weights (default 1).
 *
 * <p>Two rows that share no available term have no Gower dissimilarity (daisy returns NA); this
 * class returns {@link #NO_COMMON_TERM} = 1, the largest value Gower's coefficient takes on the
 * training data, so such rows are never each other's nearest neighbour; {@link #comparable} tells
 * them apart. Rows of new data may lie outside the training range; their numeric terms may then
 * exceed 1 (the range is not re-fitted, so distances between training rows never change).
 *
 * <p>Rows are read in {@link MixedTable}'s layout (category codes as doubles, NaN = missing), so
 * this is an ordinary {@link Distance} for every ClusterLab algorithm that takes one. It is a
 * metric when no value is missing (Gower 1971).
 */
public final class Gower implements Distance, Serializable {

  private static final long serialVersionUID = 1L;

  /** The value returned for two rows that have no attribute available in both. */
  public static final double NO_COMMON_TERM = 1.0;

  private final ColumnType[] types;
  private final double[] ranges;
  private final double[] weights;
  // column indices per kind, so the hot loop does not switch per column
  private final int[] scaled;
  private final double[] inverseRange;
  private final int[] nominal;
  private final int[] asymmetric;

  private Gower(ColumnType[] types, double[] ranges, double[] weights) {
    this.types = types;
    this.ranges = ranges;
    this.weights = weights;
    int ns = 0;
    int nn = 0;
    int na = 0;
    for (int k = 0; k < types.length; k++) {
      if (weights[k] == 0 || Double.isNaN(ranges[k])) {
        continue; // weight 0, or never observed in training: the column never contributes
      }
      if (types[k].isScaled()) {
        ns++;
      } else if (types[k] == ColumnType.NOMINAL) {
        nn++;
      } else {
        na++;
      }
    }
    scaled = new int[ns];
    inverseRange = new double[ns];
    nominal = new int[nn];
    asymmetric = new int[na];
    ns = 0;
    nn = 0;
    na = 0;
    for (int k = 0; k < types.length; k++) {
      if (weights[k] == 0 || Double.isNaN(ranges[k])) {
        continue;
      }
      if (types[k].isScaled()) {
        inverseRange[ns] = 1.0 / (ranges[k] == 0 ? 1.0 : ranges[k]);
        scaled[ns++] = k;
      } else if (types[k] == ColumnType.NOMINAL) {
        nominal[nn++] = k;
      } else {
        asymmetric[na++] = k;
      }
    }
  }

  /** Gower with unit column weights and the ranges of {@code training}. */
  public static Gower fit(MixedTable training) {
    return fit(training, null);
  }

  /**
   * Gower with the given per-column weights and the ranges of the numeric and ordinal columns
   * of {@code training} (missing cells ignored; a column with no value at all never contributes).
   *
   * @param columnWeights one finite non-negative weight per column, or {@code null} for all 1
   */
  public static Gower fit(MixedTable training, double[] columnWeights) {
    Check.notNull("training table", training);
    int m = training.m();
    double[] w = new double[m];
    if (columnWeights == null) {
      java.util.Arrays.fill(w, 1.0);
    } else {
      if (columnWeights.length != m) {
        throw new IllegalArgumentException("Gower weights: " + columnWeights.length + " weights given for " + m
            + " attributes; give one weight per attribute");
      }
      for (int k = 0; k < m; k++) {
        Check.nonNegative("Gower weight of attribute '" + training.name(k) + "'", columnWeights[k]);
        w[k] = columnWeights[k];
      }
    }
    double[] ranges = new double[m];
    double[] v = training.values();
    for (int k = 0; k < m; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < training.n(); i++) {
        double x = v[i * m + k];
        if (x == x) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
      ranges[k] = lo <= hi ? hi - lo : Double.NaN;
    }
    return new Gower(training.types(), ranges, w);
  }

  @Override
  public double between(double[] a, int ao, double[] b, int bo, int d) {
    double sum = 0;
    double wsum = 0;
    for (int s = 0; s < scaled.length; s++) {
      int k = scaled[s];
      double t = a[ao + k] - b[bo + k];
      if (t == t) { // NaN when either is missing
        double w = weights[k];
        sum += w * Math.abs(t) * inverseRange[s];
        wsum += w;
      }
    }
    for (int k : nominal) {
      double x = a[ao + k];
      double y = b[bo + k];
      if (x == x && y == y) {
        double w = weights[k];
        wsum += w;
        if (x != y) {
          sum += w;
        }
      }
    }
    for (int k : asymmetric) {
      double x = a[ao + k];
      double y = b[bo + k];
      if (x == x && y == y && (x != 0 || y != 0)) {
        double w = weights[k];
        wsum += w;
        if (x != y) {
          sum += w;
        }
      }
    }
    return wsum > 0 ? sum / wsum : NO_COMMON_TERM;
  }

  /** True when the two rows share at least one attribute that counts for Gower (see class comment). */
  public boolean comparable(double[] a, int ao, double[] b, int bo) {
    for (int k : scaled) {
      if (!Double.isNaN(a[ao + k] - b[bo + k])) {
        return true;
      }
    }
    for (int k : nominal) {
      if (a[ao + k] == a[ao + k] && b[bo + k] == b[bo + k]) {
        return true;
      }
    }
    for (int k : asymmetric) {
      double x = a[ao + k];
      double y = b[bo + k];
      if (x == x && y == y && (x != 0 || y != 0)) {
        return true;
      }
    }
    return false;
  }

  /** Gower is a metric on complete data (Gower 1971); with missing values the triangle inequality can fail. */
  @Override
  public boolean isMetric() {
    return false;
  }

  @Override
  public String name() {
    return "gower";
  }

  /** Number of columns this distance reads. */
  public int columns() {
    return types.length;
  }

  /** The training range of column {@code k} (NaN when it had no value; 0 for constant columns). */
  public double range(int k) {
    return ranges[k];
  }

  /** The weight of column {@code k}. */
  public double weight(int k) {
    return weights[k];
  }

  /** The type of column {@code k}. */
  public ColumnType type(int k) {
    return types[k];
  }
}
