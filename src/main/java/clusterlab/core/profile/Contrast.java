package clusterlab.core.profile;

import java.io.Serializable;

/**
 * How one attribute differs between a segment and the rest of the data. Every contrast carries an
 * effect size on one scale, the strength of the association between the attribute and membership
 * of the segment (0 = none, 1 = the attribute alone tells members from the rest): the absolute
 * point-biserial correlation for a number, Cramér's V for a category. For a two-group comparison
 * both are correlations, so attributes of either kind can be ranked together (Cohen 1988: 0.1
 * small, 0.3 medium, 0.5 large).
 */
public sealed interface Contrast extends Serializable permits NumericContrast, CategoryContrast {

  /** Attribute name. */
  String attribute();

  /** Column of the profiled table. */
  int column();

  /** Strength of association with segment membership, in [0, 1]; NaN when it cannot be computed. */
  double effect();

  /** The test's p-value, uncorrected; NaN when the test cannot be run. */
  double p();

  /** The p-value corrected for all tests of the profile. */
  double pAdjusted();

  /** The same contrast with its corrected p-value. */
  Contrast withPAdjusted(double q);

  /** Plain words for what stands out, e.g. "mean 5.2 vs 3.9 overall (+1.4 sd)" or "71% 'online' vs 38% overall". */
  String describe();

  /** Cohen's wording of an effect size on the correlation scale. */
  static String strength(double effect) {
    if (Double.isNaN(effect)) {
      return "n/a";
    }
    return effect >= 0.5 ? "strong" : effect >= 0.3 ? "moderate" : effect >= 0.1 ? "weak" : "negligible";
  }
}
