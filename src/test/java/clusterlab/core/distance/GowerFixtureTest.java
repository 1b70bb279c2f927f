package clusterlab.core.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.mixed.MixedFixtures;
import clusterlab.core.mixed.MixedTable;
import org.junit.jupiter.api.Test;

/**
 * Gower against R's {@code cluster::daisy(metric = "gower")} (tools/fixtures/mixed_daisy.R) on a
 * table with numeric, nominal, ordinal, asymmetric binary and constant columns, missing values in
 * each kind, and unequal column weights: every pair to 1e-12.
 */
class GowerFixtureTest {

  @Test
  void matchesDaisyOnTheSyntheticMixedTable() {
    MixedFixtures f = MixedFixtures.read("gower_synth.csv");
    int n = f.n();
    MixedTable t = MixedTable.of(f.rowMajor(), n, f.types(), f.ints("levels"), f.strings("names"), null);
    Gower g = Gower.fit(t, f.doubles("weights"));
    double[] dist = f.doubles("dist");
    int m = t.m();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = i == j ? 0 : MixedFixtures.dist(dist, n, i, j);
        assertEquals(expected, g.between(t.values(), i * m, t.values(), j * m, m), 1e-12, "pair " + i + ", " + j);
      }
    }
  }
}
