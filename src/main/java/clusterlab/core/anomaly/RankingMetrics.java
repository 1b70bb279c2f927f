package clusterlab.core.anomaly;

import clusterlab.core.Check;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How well a score ranks the known anomalies first, with scikit-learn's definitions and optional
 * instance weights:
 *
 * <ul>
 *   <li>{@link #rocAuc}: the area under the ROC curve ({@code roc_auc_score}), the probability that
 *       a random anomaly scores above a random normal row, ties counting one half;
 *   <li>{@link #averagePrecision}: {@code average_precision_score}, the precision at each distinct
 *       score threshold weighted by the recall gained there, without interpolation; its baseline is
 *       the anomaly rate rather than 0.5, so it shows what ROC AUC hides when anomalies are rare.
 * </ul>
 *
 * <p>O(n log n) time, O(n) memory. Both are undefined (NaN) when every row has the same label.
 */
public final class RankingMetrics {

  private RankingMetrics() {
  }

  /** ROC AUC of {@code scores} (larger = more anomalous) for {@code anomaly} labels; weights may be null. */
  public static double rocAuc(double[] scores, boolean[] anomaly, double[] weights) {
    Group[] groups = groups(scores, anomaly, weights);
    double pos = 0;
    double neg = 0;
    for (Group g : groups) {
      pos += g.pos;
      neg += g.neg;
    }
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    // groups run from the highest score down: each positive beats the negatives below it, ties half
    double negBelow = neg;
    double area = 0;
    for (Group g : groups) {
      negBelow -= g.neg;
      area += g.pos * (negBelow + 0.5 * g.neg);
    }
    return area / (pos * neg);
  }

  /** Average precision of {@code scores} for {@code anomaly} labels; weights may be null. */
  public static double averagePrecision(double[] scores, boolean[] anomaly, double[] weights) {
    Group[] groups = groups(scores, anomaly, weights);
    double pos = 0;
    for (Group g : groups) {
      pos += g.pos;
    }
    if (pos == 0) {
      return Double.NaN;
    }
    double tp = 0;
    double fp = 0;
    double ap = 0;
    for (Group g : groups) {
      tp += g.pos;
      fp += g.neg;
      if (g.pos > 0) {
        ap += (g.pos / pos) * (tp / (tp + fp));
      }
    }
    return ap;
  }

  /** Number of anomalies (weighted) among the rows flagged, divided by the rows flagged; NaN when none is flagged. */
  public static double precision(boolean[] flagged, boolean[] anomaly, double[] weights) {
    check(flagged.length, anomaly, weights);
    double tp = 0;
    double all = 0;
    for (int i = 0; i < flagged.length; i++) {
      if (flagged[i]) {
        double w = weights == null ? 1 : weights[i];
        all += w;
        tp += anomaly[i] ? w : 0;
      }
    }
    return all == 0 ? Double.NaN : tp / all;
  }

  /** Fraction (weighted) of the anomalies that are flagged; NaN without anomalies. */
  public static double recall(boolean[] flagged, boolean[] anomaly, double[] weights) {
    check(flagged.length, anomaly, weights);
    double tp = 0;
    double pos = 0;
    for (int i = 0; i < flagged.length; i++) {
      if (anomaly[i]) {
        double w = weights == null ? 1 : weights[i];
        pos += w;
        tp += flagged[i] ? w : 0;
      }
    }
    return pos == 0 ? Double.NaN : tp / pos;
  }

  /** Weighted positive and negative counts per distinct score, highest score first. */
  private static Group[] groups(double[] scores, boolean[] anomaly, double[] weights) {
    Check.notNull("scores", scores);
    check(scores.length, anomaly, weights);
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score of row " + (i + 1) + " is NaN; score every row before ranking");
      }
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    java.util.List<Group> out = new java.util.ArrayList<>();
    Group cur = null;
    for (int r = 0; r < n; r++) {
      int i = order[r];
      if (cur == null || scores[i] != cur.score) {
        cur = new Group(scores[i]);
        out.add(cur);
      }
      double w = weights == null ? 1 : weights[i];
      if (anomaly[i]) {
        cur.pos += w;
      } else {
        cur.neg += w;
      }
    }
    return out.toArray(new Group[0]);
  }

  private static void check(int n, boolean[] anomaly, double[] weights) {
    Check.notNull("anomaly labels", anomaly);
    if (anomaly.length != n) {
      throw new IllegalArgumentException(n + " scores but " + anomaly.length + " labels");
    }
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException(n + " scores but " + weights.length + " weights");
    }
    if (weights != null) {
      for (int i = 0; i < n; i++) {
        if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
          throw new IllegalArgumentException("weight of row " + (i + 1) + " must be finite and at least 0, got "
              + weights[i]);
        }
      }
    }
  }

  private static final class Group {
    final double score;
    double pos;
    double neg;

    Group(double score) {
      this.score = score;
    }
  }
}
