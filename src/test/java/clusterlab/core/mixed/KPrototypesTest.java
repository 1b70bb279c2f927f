package clusterlab.core.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * k-prototypes against the independent R re-implementation in tools/fixtures/mixed_kproto.R
 * (R's clustMixType and Python's kmodes are not in Debian): same Huang gamma, same Cao initial
 * rows, same labels, same objective (recomputed by brute force in R) to 1e-9.
 */
class KPrototypesTest {

  private static MixedTable table(MixedFixtures f) {
    return MixedTable.of(f.rowMajor(), f.n(), f.types(), f.ints("levels"), null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kproto_synth.csv", "kproto_income400.csv"})
  void matchesTheIndependentReimplementation(String file) {
    MixedFixtures f = MixedFixtures.read(file);
    MixedTable t = table(f);
    int k = f.ints("k")[0];
    assertEquals(f.doubles("gamma")[0], KPrototypes.defaultGamma(t), 1e-12, "Huang's default gamma");
    KPrototypesModel m = new KPrototypes(k, Double.NaN, KPrototypes.Init.CAO, 100).fit(t, 1, Progress.NONE);
    assertArrayEquals(f.ints("init"), m.initialRows(), "Cao initial rows");
    assertArrayEquals(f.ints("labels"), m.labels(), "labels");
    assertEquals(f.doubles("cost")[0], m.cost(), 1e-9 * f.doubles("cost")[0], "objective");
    assertTrue(m.converged());
  }

  @Test
  void atConvergenceEveryRowIsNearestToItsOwnPrototype() {
    MixedFixtures f = MixedFixtures.read("kproto_synth.csv");
    MixedTable t = table(f);
    KPrototypesModel m = new KPrototypes(4, Double.NaN, KPrototypes.Init.RANDOM, 100).fit(t, 5, Progress.NONE);
    int[] labels = m.labels();
    for (int i = 0; i < t.n(); i++) {
      double own = m.cost(t.values(), i * t.m(), labels[i]);
      for (int c = 0; c < m.k(); c++) {
        assertTrue(own <= m.cost(t.values(), i * t.m(), c) + 1e-9, "row " + i + " is closer to prototype " + c);
      }
    }
    double total = 0;
    for (int i = 0; i < t.n(); i++) {
      total += m.cost(t.values(), i * t.m(), labels[i]);
    }
    assertEquals(total, m.cost(), 1e-9 * total);
  }

  @Test
  void refusesTooFewRowsAndBadGamma() {
    MixedTable t = MixedTable.numeric(new double[] {1, 2}, 2, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KPrototypes(3, Double.NaN, KPrototypes.Init.CAO, 10).fit(t, 1, Progress.NONE));
    assertTrue(e.getMessage().contains("at least 3 rows"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new KPrototypes(2, -1, KPrototypes.Init.CAO, 10));
  }
}
