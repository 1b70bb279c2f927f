package clusterlab.core.profile;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The test statistics of a profile, written out so that tiny p-values keep their precision: the
 * tails are evaluated directly from the regularized incomplete beta and gamma functions rather than
 * as {@code 1 - cdf}, which rounds to 0 below 1e-16 (R's {@code pt(lower.tail = FALSE)} and
 * {@code pchisq(lower.tail = FALSE)} do the same).
 */
final class Tests {

  private Tests() {
  }

  /** Welch's unequal-variance t-test; {@code {t, df, p}} (two-sided), as R's {@code t.test(x, y)}. */
  static double[] welch(double mean1, double var1, long n1, double mean2, double var2, long n2) {
    if (n1 < 2 || n2 < 2) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    double a = var1 / n1;
    double b = var2 / n2;
    double se = Math.sqrt(a + b);
    double diff = mean1 - mean2;
    if (se == 0) { // both groups constant: equal values say nothing, different ones separate perfectly
      return new double[] {diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff), Double.NaN, diff == 0 ? 1 : 0};
    }
    double t = diff / se;
    double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
    double p = Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
    return new double[] {t, df, Math.min(1, p)};
  }

  /** Upper tail of the chi-square distribution with {@code df} degrees of freedom. */
  static double chiSquareUpper(double chi2, int df) {
    if (df <= 0) {
      return Double.NaN;
    }
    return chi2 <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, chi2 / 2);
  }

  /** Median of the first {@code n} values (sorted in place), the mean of the two middle ones for even n. */
  static double median(double[] v, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(v, 0, n);
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** The lower median category of an ordered count vector (the first level reaching half the total), -1 when empty. */
  static int medianLevel(long[] counts) {
    long total = Arrays.stream(counts).sum();
    if (total == 0) {
      return -1;
    }
    long cum = 0;
    for (int l = 0; l < counts.length; l++) {
      cum += counts[l];
      if (2 * cum >= total) {
        return l;
      }
    }
    return counts.length - 1;
  }
}
