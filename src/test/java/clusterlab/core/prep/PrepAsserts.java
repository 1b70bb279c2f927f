package clusterlab.core.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Element-wise comparison treating NaN as equal to NaN. */
final class PrepAsserts {

  private PrepAsserts() {
  }

  static void assertClose(double[] expected, double[] actual, double tol) {
    assertEquals(expected.length, actual.length, "length");
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertTrue(Double.isNaN(actual[i]), "element " + i + " should be NaN, was " + actual[i]);
      } else {
        assertEquals(expected[i], actual[i], tol * Math.max(1.0, Math.abs(expected[i])), "element " + i);
      }
    }
  }
}
