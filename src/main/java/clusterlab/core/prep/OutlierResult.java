package clusterlab.core.prep;

import java.io.Serializable;

/**
 * Outlier scores of a set of rows, the threshold applied, and for the univariate rules the column
 * that produced each row's score (the reason it was flagged).
 */
public final class OutlierResult implements Serializable {

  private static final long serialVersionUID = 1L;

  private final OutlierDetector.Method method;
  private final double threshold;
  private final double[] scores;
  private final int[] column;

  OutlierResult(OutlierDetector.Method method, double threshold, double[] scores, int[] column) {
    if (!(threshold >= 0) || Double.isNaN(threshold)) {
      throw new IllegalArgumentException("outlier threshold must be a number of at least 0, got " + threshold);
    }
    this.method = method;
    this.threshold = threshold;
    this.scores = scores;
    this.column = column;
  }

  public OutlierDetector.Method method() {
    return method;
  }

  public double threshold() {
    return threshold;
  }

  /** Number of scored rows. */
  public int n() {
    return scores.length;
  }

  /** Score of row {@code i} (larger = more outlying). */
  public double score(int i) {
    return scores[i];
  }

  /** All scores. A copy. */
  public double[] scores() {
    return scores.clone();
  }

  /** True when row {@code i} scores strictly above the threshold. */
  public boolean isOutlier(int i) {
    return scores[i] > threshold;
  }

  /** The column that produced row {@code i}'s score, or -1 (LOF, or no deviation at all). */
  public int column(int i) {
    return column[i];
  }

  /** Number of rows flagged as outliers. */
  public int outliers() {
    int c = 0;
    for (int i = 0; i < scores.length; i++) {
      if (isOutlier(i)) {
        c++;
      }
    }
    return c;
  }

  /** How many outliers each column produced (univariate rules), indexed by column. */
  public int[] outliersPerColumn(int d) {
    int[] c = new int[d];
    for (int i = 0; i < scores.length; i++) {
      if (isOutlier(i) && column[i] >= 0) {
        c[column[i]]++;
      }
    }
    return c;
  }
}
