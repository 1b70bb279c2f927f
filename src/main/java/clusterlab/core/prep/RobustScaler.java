package clusterlab.core.prep;

import clusterlab.core.Check;
import java.io.Serializable;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Centres each column on its median and divides it by its interquartile range (or another
 * quantile range), as scikit-learn's {@code RobustScaler}: unlike standardisation, a few extreme
 * values barely move the median and the quartiles, so they do not squash the bulk of the data.
 *
 * <p>Statistics ignore missing values (NaN), which pass through. A range below
 * {@code 10 * machine epsilon} (a constant column) is replaced by 1, as scikit-learn does. With
 * {@code unitVariance} the scale is further divided by the range of the standard normal between
 * the same quantiles, so normally distributed columns end with variance 1.
 */
public final class RobustScaler implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] center;
  private final double[] scale;

  private RobustScaler(double[] center, double[] scale) {
    this.center = center;
    this.scale = scale;
  }

  /**
   * Fits the scaler.
   *
   * @param qMin lower percentile in [0, 100] (scikit-learn's default 25)
   * @param qMax upper percentile, at least {@code qMin}, at most 100 (default 75)
   * @param withCentering subtract the median
   * @param withScaling divide by the quantile range
   */
  public static RobustScaler fit(double[] values, int n, int d, double qMin, double qMax, boolean withCentering,
      boolean withScaling, boolean unitVariance) {
    Quantiles.checkShape(values, n, d);
    Check.inRange("lower quantile (percent)", qMin, 0.0, 100.0);
    Check.inRange("upper quantile (percent)", qMax, 0.0, 100.0);
    if (!(qMin <= qMax)) {
      throw new IllegalArgumentException("quantile range must satisfy lower <= upper, got (" + qMin + ", " + qMax + ")");
    }
    double[] center = new double[d];
    double[] scale = new double[d];
    double adjust = 1.0;
    if (unitVariance) {
      NormalDistribution normal = new NormalDistribution(0, 1);
      adjust = normal.inverseCumulativeProbability(qMax / 100.0) - normal.inverseCumulativeProbability(qMin / 100.0);
    }
    for (int j = 0; j < d; j++) {
      double[] sorted = Quantiles.sortedColumn(values, n, d, j);
      center[j] = withCentering ? Quantiles.median(sorted) : 0.0;
      if (withScaling) {
        double s = Quantiles.percentile(sorted, qMax) - Quantiles.percentile(sorted, qMin);
        if (s < 10 * Math.ulp(1.0)) {
          s = 1.0;
        }
        scale[j] = unitVariance ? s / adjust : s;
      } else {
        scale[j] = 1.0;
      }
    }
    return new RobustScaler(center, scale);
  }

  /** scikit-learn's defaults: (25, 75), centring and scaling, no unit variance. */
  public static RobustScaler fit(double[] values, int n, int d) {
    return fit(values, n, d, 25, 75, true, true, false);
  }

  /** A scaled copy: {@code (x - center) / scale}; NaN stays NaN. */
  public double[] transform(double[] values, int n) {
    int d = center.length;
    Quantiles.checkShape(values, n, d);
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      int j = i % d;
      out[i] = (out[i] - center[j]) / scale[j];
    }
    return out;
  }

  /** Maps scaled values back: {@code x * scale + center}. */
  public double[] inverseTransform(double[] values, int n) {
    int d = center.length;
    Quantiles.checkShape(values, n, d);
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      int j = i % d;
      out[i] = out[i] * scale[j] + center[j];
    }
    return out;
  }

  /** Column medians (0 without centring; NaN for a column without observed values). A copy. */
  public double[] center() {
    return center.clone();
  }

  /** Column scales (1 without scaling or for constant columns). A copy. */
  public double[] scale() {
    return scale.clone();
  }
}
