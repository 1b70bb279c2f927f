package clusterlab.core.prep;

import static clusterlab.core.prep.PrepAsserts.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RobustScalerTest {

  private final double[] x = PrepFixtures.flat("missing.csv");
  private final int n = x.length / 5;

  @Test
  void equalsSklearnRobustScaler() {
    assertClose(PrepFixtures.flat("robust_scaled.csv"), RobustScaler.fit(x, n, 5).transform(x, n), 1e-12);
    assertClose(PrepFixtures.flat("robust_scaled_10_90.csv"),
        RobustScaler.fit(x, n, 5, 10, 90, true, true, false).transform(x, n), 1e-12);
    assertClose(PrepFixtures.flat("robust_scaled_10_90_unit.csv"),
        RobustScaler.fit(x, n, 5, 10, 90, true, true, true).transform(x, n), 1e-12);
  }

  @Test
  void secondBatchReusesFirstBatchStatistics() {
    double[] x2 = PrepFixtures.flat("missing_batch2.csv");
    assertClose(PrepFixtures.flat("robust_scaled_batch2.csv"), RobustScaler.fit(x, n, 5).transform(x2, x2.length / 5),
        1e-12);
  }

  @Test
  void constantColumnKeepsScaleOneAndInverseRoundTrips() {
    double[] c = {3, 1, 3, 2, 3, 9};
    RobustScaler s = RobustScaler.fit(c, 3, 2);
    assertEquals(1.0, s.scale()[0], 0.0);
    assertClose(c, s.inverseTransform(s.transform(c, 3), 3), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> RobustScaler.fit(c, 3, 2, 80, 20, true, true, false));
    assertThrows(IllegalArgumentException.class, () -> RobustScaler.fit(c, 3, 2, -1, 20, true, true, false));
  }
}
