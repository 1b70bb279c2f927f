package clusterlab.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A category attribute in a segment against the rest: the 2 x L table of counts (segment / rest by
 * level, missing values left out), Pearson's chi-square test of independence (no continuity
 * correction, as R's {@code chisq.test(correct = FALSE)}), Cramér's V, and per level the share in
 * the segment and overall, the lift (their ratio) and Haberman's adjusted standardized residual (R's
 * {@code chisq.test()$stdres}), which says which levels make the difference. Levels nobody has are
 * left out of the test. For ordered attributes the median level is reported as well.
 *
 * @param levels level labels
 * @param countIn per level, rows of the segment
 * @param countRest per level, rows of the rest
 * @param missingIn missing values in the segment
 * @param residual per level the adjusted residual of the segment's cell (NaN for empty levels)
 * @param medianIn median level in the segment (ordered attributes; -1 otherwise or when empty)
 * @param medianAll median level overall (ordered attributes; -1 otherwise)
 */
public record CategoryContrast(String attribute, int column, boolean ordered, String[] levels, long[] countIn,
    long[] countRest, long missingIn, double chi2, int df, double cramersV, double[] residual, int medianIn,
    int medianAll, double p, double pAdjusted) implements Contrast {

  /** Levels whose adjusted residual exceeds this are called over-represented (two-sided 5%). */
  public static final double RESIDUAL_CUT = 1.959963984540054;

  @Override
  public double effect() {
    return cramersV;
  }

  @Override
  public CategoryContrast withPAdjusted(double q) {
    return new CategoryContrast(attribute, column, ordered, levels, countIn, countRest, missingIn, chi2, df, cramersV,
        residual, medianIn, medianAll, p, q);
  }

  /** Non-missing rows of the segment. */
  public long totalIn() {
    return java.util.Arrays.stream(countIn).sum();
  }

  /** Non-missing rows overall. */
  public long totalAll() {
    return totalIn() + java.util.Arrays.stream(countRest).sum();
  }

  /** Share of level {@code l} among the segment's non-missing values. */
  public double shareIn(int l) {
    long t = totalIn();
    return t == 0 ? Double.NaN : (double) countIn[l] / t;
  }

  /** Share of level {@code l} among all non-missing values. */
  public double shareAll(int l) {
    long t = totalAll();
    return t == 0 ? Double.NaN : (double) (countIn[l] + countRest[l]) / t;
  }

  /** Share in the segment over share overall (1 = as common as everywhere). */
  public double lift(int l) {
    return shareIn(l) / shareAll(l);
  }

  /** The levels significantly more common in the segment than in the rest, most over-represented first. */
  public List<Integer> overRepresented() {
    List<Integer> out = new ArrayList<>();
    for (int l = 0; l < levels.length; l++) {
      if (residual[l] > RESIDUAL_CUT) {
        out.add(l);
      }
    }
    out.sort((a, b) -> Double.compare(residual[b], residual[a]));
    return out;
  }

  /** The level whose share rises most over the overall share (percentage points), -1 when none rises. */
  public int characteristicLevel() {
    int best = -1;
    double gain = 0;
    for (int l = 0; l < levels.length; l++) {
      double g = shareIn(l) - shareAll(l);
      if (g > gain) {
        gain = g;
        best = l;
      }
    }
    return best;
  }

  @Override
  public String describe() {
    int l = characteristicLevel();
    String s = l < 0 ? "as overall" : Format.pct(shareIn(l)) + " '" + levels[l] + "' vs " + Format.pct(shareAll(l)) + " overall";
    if (ordered && medianIn >= 0 && medianIn != medianAll) {
      s += String.format(Locale.ROOT, ", median '%s' vs '%s'", levels[medianIn], levels[medianAll]);
    }
    return s;
  }
}
