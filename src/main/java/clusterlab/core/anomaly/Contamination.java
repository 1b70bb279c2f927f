package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.prep.Quantiles;
import java.util.Arrays;

/**
 * Turns scores into a flag by an expected contamination rate, as scikit-learn's outlier detectors
 * do ({@code offset_ = percentile(score_samples, 100 * contamination)}, outliers strictly beyond it):
 * the threshold is the {@code 100 (1 - c)}-th percentile of the training scores with linear
 * interpolation, and a row is flagged when its score is strictly above it. With ties at the
 * threshold fewer than {@code c n} rows may be flagged, never more than the ties allow.
 */
public final class Contamination {

  private Contamination() {
  }

  /**
   * The score above which a row is an outlier when a fraction {@code contamination} of
   * {@code scores} is expected to be.
   *
   * @param contamination in (0, 0.5], scikit-learn's range
   */
  public static double threshold(double[] scores, double contamination) {
    Check.notNull("scores", scores);
    if (!(contamination > 0 && contamination <= 0.5)) {
      throw new IllegalArgumentException("contamination must be in (0, 0.5] (the expected fraction of outliers), got "
          + contamination);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("no scores to set a contamination threshold from");
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    return Quantiles.percentile(sorted, 100.0 * (1.0 - contamination));
  }
}
