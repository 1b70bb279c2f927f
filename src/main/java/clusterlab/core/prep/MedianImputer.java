package clusterlab.core.prep;

import java.io.Serializable;

/**
 * Replaces missing values (NaN) by the column median of the fitted data, as scikit-learn's
 * {@code SimpleImputer(strategy="median")}. The median, unlike Weka's mean imputation, is not
 * dragged by outliers and keeps integer-valued columns on observed values more often.
 *
 * <p>Data are row-major {@code double[]} with NaN for missing values (a {@code Dataset} cannot hold
 * them). A column with no observed value has no median: its statistic is NaN and its missing
 * values stay missing ({@link #emptyColumns()} lists them).
 */
public final class MedianImputer implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] medians;

  private MedianImputer(double[] medians) {
    this.medians = medians;
  }

  /** Learns the column medians of {@code values} ({@code n x d}, NaN = missing). */
  public static MedianImputer fit(double[] values, int n, int d) {
    Quantiles.checkShape(values, n, d);
    double[] med = new double[d];
    for (int j = 0; j < d; j++) {
      med[j] = Quantiles.median(Quantiles.sortedColumn(values, n, d, j));
    }
    return new MedianImputer(med);
  }

  /** A copy of {@code values} with every NaN replaced by its column's fitted median. */
  public double[] transform(double[] values, int n) {
    int d = medians.length;
    Quantiles.checkShape(values, n, d);
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (Double.isNaN(out[i])) {
        out[i] = medians[i % d];
      }
    }
    return out;
  }

  /** The fitted medians (NaN for a column without observed values). A copy. */
  public double[] medians() {
    return medians.clone();
  }

  /** Columns that had no observed value when fitted. */
  public int[] emptyColumns() {
    return java.util.stream.IntStream.range(0, medians.length).filter(j -> Double.isNaN(medians[j])).toArray();
  }
}
