package clusterlab.core.prep;

import static clusterlab.core.prep.PrepAsserts.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianImputerTest {

  @Test
  void equalsSklearnSimpleImputerMedian() {
    double[] x = PrepFixtures.flat("missing.csv");
    int n = x.length / 5;
    MedianImputer imp = MedianImputer.fit(x, n, 5);
    assertClose(PrepFixtures.flat("median_imputed.csv"), imp.transform(x, n), 1e-12);
  }

  @Test
  void emptyColumnStaysMissingAndLaterBatchesReuseMedians() {
    double[] x = {1, Double.NaN, 3, Double.NaN, 2, Double.NaN, 10, Double.NaN};
    MedianImputer imp = MedianImputer.fit(x, 4, 2);
    assertArrayEquals(new int[] {1}, imp.emptyColumns());
    double[] out = imp.transform(new double[] {Double.NaN, Double.NaN}, 1);
    assertTrue(out[0] == 2.5 && Double.isNaN(out[1]));
  }

  @Test
  void refusesBadShapesAndInfinity() {
    assertThrows(IllegalArgumentException.class, () -> MedianImputer.fit(new double[3], 2, 2));
    assertThrows(IllegalArgumentException.class,
        () -> MedianImputer.fit(new double[] {1, Double.POSITIVE_INFINITY}, 2, 1));
  }
}
