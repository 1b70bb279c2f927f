package clusterlab.core.profile;

import java.util.Locale;

/**
 * A numeric attribute in a segment against the rest: means, medians, the standardized difference
 * from the overall mean ({@code (mean in segment - overall mean) / overall sd}, the "+1.4 sd" of the
 * report and of the profile heat map), Cohen's d against the rest with the pooled standard
 * deviation, the point-biserial correlation with membership, and Welch's t-test. Missing values
 * are left out attribute by attribute.
 *
 * @param nIn non-missing values in the segment
 * @param nRest non-missing values in the rest
 * @param missingIn missing values in the segment
 * @param sdAll overall standard deviation (n - 1 denominator)
 * @param stdDiff (meanIn - meanAll) / sdAll
 * @param cohensD (meanIn - meanRest) / pooled sd
 * @param r signed point-biserial correlation of the value with membership
 * @param t Welch's t statistic
 * @param df Welch-Satterthwaite degrees of freedom
 */
public record NumericContrast(String attribute, int column, long nIn, long nRest, long missingIn, double meanIn,
    double meanRest, double meanAll, double sdAll, double medianIn, double medianAll, double stdDiff, double cohensD,
    double r, double t, double df, double p, double pAdjusted) implements Contrast {

  @Override
  public double effect() {
    return Math.abs(r);
  }

  @Override
  public NumericContrast withPAdjusted(double q) {
    return new NumericContrast(attribute, column, nIn, nRest, missingIn, meanIn, meanRest, meanAll, sdAll, medianIn,
        medianAll, stdDiff, cohensD, r, t, df, p, q);
  }

  @Override
  public String describe() {
    String sd = Double.isFinite(stdDiff) ? String.format(Locale.ROOT, " (%+.1f sd)", stdDiff) : "";
    return "mean " + Format.num(meanIn) + " vs " + Format.num(meanAll) + " overall" + sd;
  }
}
