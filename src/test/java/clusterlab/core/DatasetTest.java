package clusterlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetTest {

  @Test
  void rowsAreRowMajor() {
    Dataset d = Dataset.ofRows(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertEquals(2, d.n());
    assertEquals(3, d.d());
    assertEquals(6, d.get(1, 2));
    assertArrayEquals(new double[] {4, 5, 6}, d.row(1));
    assertEquals(2.0, d.totalWeight());
  }

  @Test
  void nonFiniteValuesAreRefusedNamingRowAndColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new double[] {1, 2, 3, Double.NaN}, 2, 2));
    assertTrue(e.getMessage().contains("row 1, column 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[] {1, Double.NEGATIVE_INFINITY}, 1, 2));
    assertTrue(e.getMessage().contains("row 0, column 1"), e.getMessage());
  }

  @Test
  void sizesMustAgree() {
    assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[5], 2, 2));
    assertThrows(IllegalArgumentException.class, () -> Dataset.ofRows(new double[][] {{1, 2}, {3}}));
    assertThrows(IllegalArgumentException.class, () -> Dataset.weighted(new double[4], 2, 2, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> Dataset.weighted(new double[4], 2, 2, new double[] {1, -1}));
  }

  @Test
  void subsetCarriesWeights() {
    Dataset d = Dataset.weighted(new double[] {1, 2, 3}, 3, 1, new double[] {0.5, 1, 2});
    Dataset s = d.subset(new int[] {2, 0});
    assertArrayEquals(new double[] {3, 1}, s.values());
    assertEquals(2.0, s.weight(0));
    assertEquals(2.5, s.totalWeight());
  }
}
