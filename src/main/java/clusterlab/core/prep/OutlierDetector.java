package clusterlab.core.prep;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.VpTree;
import java.io.Serializable;

/**
 * Scores rows for outlyingness and flags those above a threshold, with four classic rules:
 *
 * <ul>
 *   <li>{@link Method#Z}: |x - mean| / sd per column (population sd, as {@code scipy.stats.zscore});
 *       the usual threshold is 3;
 *   <li>{@link Method#ROBUST_Z}: the modified z-score 0.6745 (x - median) / MAD of Iglewicz and
 *       Hoaglin (1993), threshold 3.5; when the MAD is 0 the scale falls back to 1.2533 times the mean
 *       absolute deviation from the median;
 *   <li>{@link Method#IQR}: Tukey's fences, distance beyond [Q1, Q3] in units of the IQR (NumPy's
 *       linear quartiles), threshold 1.5;
 *   <li>{@link Method#LOF}: the local outlier factor ({@link LocalOutlierFactor}), threshold 1.5.
 * </ul>
 *
 * <p>The univariate rules score a row by its worst column and report which column that was, so a
 * user can see why a row was removed. They ignore missing values (NaN): statistics use the observed
 * values and a missing value never makes a row an outlier. Statistics are fitted once and reused on
 * later data ({@link #score}); LOF compares each row with the fitted data set itself, so it scores
 * only the data it was fitted on. A column whose scale is 0 scores 0 where the value equals the centre
 * and infinity elsewhere.
 */
public final class OutlierDetector implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The scoring rule. */
  public enum Method {
    Z, ROBUST_Z, IQR, LOF;

    /** The conventional threshold for this rule. */
    public double defaultThreshold() {
      switch (this) {
        case Z:
          return 3.0;
        case ROBUST_Z:
          return 3.5;
        default:
          return 1.5;
      }
    }
  }

  private final Method method;
  private final double[] lower;
  private final double[] upper;
  private final double[] scale;
  private final int d;

  private OutlierDetector(Method method, double[] lower, double[] upper, double[] scale, int d) {
    this.method = method;
    this.lower = lower;
    this.upper = upper;
    this.scale = scale;
    this.d = d;
  }

  /** Fits the per-column statistics of a univariate rule ({@code Z}, {@code ROBUST_Z}, {@code IQR}). */
  public static OutlierDetector fit(Method method, double[] values, int n, int d) {
    Check.notNull("method", method);
    if (method == Method.LOF) {
      throw new IllegalArgumentException("LOF has no per-column statistics: use OutlierDetector.lof");
    }
    Quantiles.checkShape(values, n, d);
    double[] lo = new double[d];
    double[] hi = new double[d];
    double[] sc = new double[d];
    for (int j = 0; j < d; j++) {
      double[] sorted = Quantiles.sortedColumn(values, n, d, j);
      switch (method) {
        case Z: {
          double mean = Quantiles.mean(values, n, d, j);
          double ss = 0;
          for (double v : sorted) {
            ss += (v - mean) * (v - mean);
          }
          lo[j] = mean;
          hi[j] = mean;
          sc[j] = Math.sqrt(ss / sorted.length);
          break;
        }
        case ROBUST_Z: {
          double med = Quantiles.median(sorted);
          double[] dev = new double[sorted.length];
          double meanAd = 0;
          for (int i = 0; i < dev.length; i++) {
            dev[i] = Math.abs(sorted[i] - med);
            meanAd += dev[i];
          }
          meanAd /= Math.max(1, dev.length);
          java.util.Arrays.sort(dev);
          double mad = Quantiles.median(dev);
          lo[j] = med;
          hi[j] = med;
          sc[j] = mad > 0 ? mad / 0.6745 : 1.253314 * meanAd;
          break;
        }
        default: {
          lo[j] = Quantiles.percentile(sorted, 25);
          hi[j] = Quantiles.percentile(sorted, 75);
          sc[j] = hi[j] - lo[j];
        }
      }
    }
    return new OutlierDetector(method, lo, hi, sc, d);
  }

  /** Scores {@code values} ({@code rows x d}) with the fitted statistics; threshold decides the flags. */
  public OutlierResult score(double[] values, int rows, double threshold) {
    Quantiles.checkShape(values, rows, d);
    double[] scores = new double[rows];
    int[] worst = new int[rows];
    for (int i = 0; i < rows; i++) {
      double best = 0;
      int arg = -1;
      for (int j = 0; j < d; j++) {
        double v = values[i * d + j];
        if (Double.isNaN(v) || Double.isNaN(scale[j])) {
          continue;
        }
        double dev = v < lower[j] ? lower[j] - v : (v > upper[j] ? v - upper[j] : 0.0);
        double s = dev == 0 ? 0.0 : (scale[j] > 0 ? dev / scale[j] : Double.POSITIVE_INFINITY);
        if (s > best) {
          best = s;
          arg = j;
        }
      }
      scores[i] = best;
      worst[i] = arg;
    }
    return new OutlierResult(method, threshold, scores, worst);
  }

  /** LOF scores (positive, about 1 for inliers) of the rows of {@code data}, flagged above {@code threshold}. */
  public static OutlierResult lof(Dataset data, int nNeighbors, double threshold, int threads) {
    NeighborIndex index = new VpTree(data, Metric.EUCLIDEAN);
    double[] lof = LocalOutlierFactor.lof(data, index, nNeighbors, threads);
    int[] worst = new int[data.n()];
    java.util.Arrays.fill(worst, -1);
    return new OutlierResult(Method.LOF, threshold, lof, worst);
  }

  public Method method() {
    return method;
  }

  /** Per-column centre (mean or median; Q1 for IQR). A copy. */
  public double[] lower() {
    return lower.clone();
  }

  /** Per-column upper reference (equal to {@link #lower} except Q3 for IQR). A copy. */
  public double[] upper() {
    return upper.clone();
  }

  /** Per-column scale (sd, MAD / 0.6745, or IQR). A copy. */
  public double[] scale() {
    return scale.clone();
  }
}
