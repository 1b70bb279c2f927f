package clusterlab.core.profile;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Multiple-testing corrections of a family of p-values, with the semantics of R's
 * {@code p.adjust}: a profile runs one test per segment and attribute, so dozens of tests, and
 * uncorrected p-values would call many chance differences "significant". Holm (1979) controls the
 * family-wise error rate and is never worse than Bonferroni; Benjamini and Hochberg (1995) control
 * the false discovery rate. NaN entries (tests that could not be run) are left out of the family
 * and stay NaN, as R does with {@code NA}.
 */
public enum PAdjust {

  /** Holm's step-down procedure (R "holm", the default). */
  HOLM,
  /** Benjamini-Hochberg false discovery rate (R "BH"). */
  BH,
  /** Bonferroni: p times the number of tests (R "bonferroni"). */
  BONFERRONI,
  /** No correction. */
  NONE;

  /** Lower-case name used in options and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The correction named {@code id} (case-insensitive). */
  public static PAdjust byId(String id) {
    for (PAdjust a : values()) {
      if (a.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown p-value correction '" + id + "'; use holm, bh, bonferroni or none");
  }

  /** The adjusted p-values, in the order given. */
  public double[] adjust(double[] p) {
    int[] idx = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    int m = idx.length;
    if (m == 0) {
      return out;
    }
    Integer[] order = Arrays.stream(idx).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    switch (this) {
      case HOLM:
        double runMax = 0;
        for (int r = 0; r < m; r++) {
          runMax = Math.max(runMax, (m - r) * p[order[r]]);
          out[order[r]] = Math.min(1, runMax);
        }
        break;
      case BH:
        double runMin = 1;
        for (int r = m - 1; r >= 0; r--) {
          runMin = Math.min(runMin, (double) m / (r + 1) * p[order[r]]);
          out[order[r]] = Math.min(1, runMin);
        }
        break;
      case BONFERRONI:
        for (int i : idx) {
          out[i] = Math.min(1, m * p[i]);
        }
        break;
      default:
        for (int i : idx) {
          out[i] = p[i];
        }
    }
    return out;
  }
}
