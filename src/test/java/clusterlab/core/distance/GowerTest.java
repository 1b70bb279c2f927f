package clusterlab.core.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.mixed.ColumnType;
import clusterlab.core.mixed.MixedTable;
import org.junit.jupiter.api.Test;

/** Gower's coefficient worked by hand on a small table; R agreement is in {@code GowerFixtureTest}. */
class GowerTest {

  private static final double NA = Double.NaN;
  private static final ColumnType[] TYPES = {ColumnType.NUMERIC, ColumnType.NOMINAL, ColumnType.ORDINAL,
      ColumnType.ASYMMETRIC_BINARY};

  private static MixedTable table() {
    double[] v = {
        10, 0, 0, 1,
        20, 1, 2, 0,
        30, 1, 1, 0,
        NA, 2, NA, 1,
    };
    return MixedTable.of(v, 4, TYPES, new int[] {0, 3, 3, 2}, new String[] {"income", "channel", "tier", "premium"}, null);
  }

  private static double d(Gower g, MixedTable t, int i, int j) {
    return g.between(t.values(), i * t.m(), t.values(), j * t.m(), t.m());
  }

  @Test
  void termsByHand() {
    MixedTable t = table();
    Gower g = Gower.fit(t);
    assertEquals(20, g.range(0));
    assertEquals(2, g.range(2));
    // rows 0, 1: |10-20|/20 + mismatch + |0-2|/2 + (1 vs 0: mismatch) = 0.5 + 1 + 1 + 1 over 4 terms
    assertEquals(3.5 / 4, d(g, t, 0, 1), 1e-15);
    // rows 1, 2: 0.5 + 0 + 0.5, binary 0/0 left out: over 3 terms
    assertEquals(1.0 / 3, d(g, t, 1, 2), 1e-15);
    // rows 0, 3: numeric and ordinal missing: nominal mismatch, binary 1/1 match: 1 over 2 terms
    assertEquals(0.5, d(g, t, 0, 3), 1e-15);
    assertEquals(0, d(g, t, 2, 2));
    assertEquals(d(g, t, 1, 3), d(g, t, 3, 1));
  }

  @Test
  void weightsScaleTheTerms() {
    MixedTable t = table();
    Gower g = Gower.fit(t, new double[] {2, 1, 0, 1});
    // rows 0, 1 with the ordinal column weighted 0: (2*0.5 + 1 + 1) / 4
    assertEquals(3.0 / 4, d(g, t, 0, 1), 1e-15);
  }

  @Test
  void rowsWithoutACommonTermAreAtTheMaximum() {
    double[] v = {1, NA, NA, 0};
    MixedTable t = MixedTable.of(v, 2, new ColumnType[] {ColumnType.NUMERIC, ColumnType.NOMINAL},
        new int[] {0, 2}, null, null);
    Gower g = Gower.fit(t);
    assertFalse(g.comparable(v, 0, v, 2));
    assertEquals(Gower.NO_COMMON_TERM, g.between(v, 0, v, 2, 2));
    assertTrue(g.comparable(v, 0, v, 0));
  }

  @Test
  void aColumnWithNoValueNeverCounts() {
    double[] v = {1, NA, 3, NA};
    MixedTable t = MixedTable.of(v, 2, new ColumnType[] {ColumnType.NUMERIC, ColumnType.NUMERIC}, new int[2], null, null);
    Gower g = Gower.fit(t);
    assertTrue(Double.isNaN(g.range(1)));
    assertEquals(1.0, g.between(v, 0, v, 2, 2), 1e-15);
  }

  @Test
  void badWeightsAreRefusedByName() {
    MixedTable t = table();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gower.fit(t, new double[] {1, -1, 1, 1}));
    assertTrue(e.getMessage().contains("channel"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Gower.fit(t, new double[] {1, 1}));
  }

  @Test
  void tableRefusesBadCodesAndInfinity() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixedTable.of(new double[] {1, 3},
        1, new ColumnType[] {ColumnType.NUMERIC, ColumnType.NOMINAL}, new int[] {0, 3}, new String[] {"a", "b"}, null));
    assertTrue(e.getMessage().contains("row 1, column 'b'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MixedTable.numeric(new double[] {Double.POSITIVE_INFINITY}, 1, 1));
    assertTrue(e.getMessage().contains("infinite"), e.getMessage());
  }
}
