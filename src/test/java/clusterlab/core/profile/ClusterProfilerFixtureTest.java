package clusterlab.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The profile's numbers against R (tools/fixtures/profile.R): Welch's t.test, chisq.test without
 * continuity correction and its standardized residuals, Cohen's d, the point-biserial correlation,
 * medians, and p.adjust (Holm and Benjamini-Hochberg) over the whole family of tests, on a synthetic
 * mixed table with noise and missing values and on 1000 rows of the bundled income survey segmented
 * by R's pam on Gower distances.
 */
class ClusterProfilerFixtureTest {

  private static final double TOL = 1e-9;

  @ParameterizedTest
  @ValueSource(strings = {"profile_synth.csv", "profile_income.csv"})
  void everyStatisticMatchesR(String fixture) {
    ProfileFixtures f = ProfileFixtures.read(fixture);
    ClusterProfile holm = new ClusterProfiler().profile(f.table, f.labels, null);
    ClusterProfile bh = new ClusterProfiler(PAdjust.BH, 0).profile(f.table, f.labels, null);
    int checked = 0;
    for (ProfileFixtures.Result r : f.results) {
      Contrast c = holm.segment(r.cluster()).contrasts().get(r.column());
      Contrast cb = bh.segment(r.cluster()).contrasts().get(r.column());
      String where = fixture + " segment " + r.cluster() + " column " + c.attribute() + " (" + r.kind() + ")";
      double[] v = r.values();
      switch (r.kind()) {
        case "num" -> {
          NumericContrast x = (NumericContrast) c;
          double[] got = {x.nIn(), x.nRest(), x.missingIn(), x.meanIn(), x.meanRest(), x.meanAll(), x.sdAll(),
              x.medianIn(), x.medianAll(), x.stdDiff(), x.cohensD(), x.r(), x.t(), x.df(), x.p(), x.pAdjusted(),
              cb.pAdjusted()};
          String[] what = {"nIn", "nRest", "missingIn", "meanIn", "meanRest", "meanAll", "sdAll", "medianIn",
              "medianAll", "stdDiff", "cohensD", "r", "t", "df", "p", "holm", "bh"};
          for (int i = 0; i < got.length; i++) {
            close(v[i], got[i], where + " " + what[i]);
          }
        }
        case "cat" -> {
          CategoryContrast x = (CategoryContrast) c;
          double[] got = {x.chi2(), x.df(), x.p(), x.cramersV(), x.pAdjusted(), cb.pAdjusted(), x.medianIn(), x.medianAll()};
          String[] what = {"chi2", "df", "p", "cramersV", "holm", "bh", "medianIn", "medianAll"};
          for (int i = 0; i < got.length; i++) {
            close(v[i], got[i], where + " " + what[i]);
          }
        }
        case "res" -> {
          CategoryContrast x = (CategoryContrast) c;
          for (int l = 0; l < v.length; l++) {
            close(v[l], x.residual()[l], where + " residual of level " + x.levels()[l]);
          }
        }
        default -> {
          CategoryContrast x = (CategoryContrast) c;
          for (int l = 0; l < v.length; l++) {
            assertEquals((long) v[l], x.countIn()[l], where + " count of level " + l);
          }
        }
      }
      checked++;
    }
    assertTrue(checked > 20, "the fixture holds too few results: " + checked);
    assertEquals(new ClusterProfiler(PAdjust.HOLM, 1).profile(f.table, f.labels, null).toCsv(),
        new ClusterProfiler(PAdjust.HOLM, 3).profile(f.table, f.labels, null).toCsv(), "the thread count changes nothing");
    assertEquals(f.results.stream().filter(r -> !r.kind().equals("res") && !r.kind().equals("cnt")).count(), holm.tests());
  }

  /** Relative agreement, absolute near zero; tiny p-values agree in their leading digits. */
  static void close(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
      return;
    }
    double tol = TOL * Math.max(1, Math.abs(expected));
    if (Math.abs(expected) < 1e-6 && expected != 0) {
      tol = 1e-7 * Math.abs(expected);
    }
    assertEquals(expected, actual, tol, what);
  }
}
