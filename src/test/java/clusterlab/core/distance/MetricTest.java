package clusterlab.core.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricTest {

  private static final double[] A = {1, 2, 3, 0, 0};
  private static final double[] B = {9, 4, 6, 0, -1};

  private static double dist(Metric m) {
    return m.between(A, 0, B, 2, 3); // (1,2,3) vs (6,0,-1)
  }

  @Test
  void valuesMatchHandComputation() {
    assertEquals(25 + 4 + 16, dist(Metric.SQUARED_EUCLIDEAN), 1e-12);
    assertEquals(Math.sqrt(45), dist(Metric.EUCLIDEAN), 1e-12);
    assertEquals(5 + 2 + 4, dist(Metric.MANHATTAN), 1e-12);
    assertEquals(5, dist(Metric.CHEBYSHEV), 1e-12);
    double cos = (6 + 0 - 3) / (Math.sqrt(14) * Math.sqrt(37));
    assertEquals(1 - cos, dist(Metric.COSINE), 1e-12);
  }

  @Test
  void cosineOfAZeroVectorIsOneAsInScikitLearn() {
    assertEquals(1.0, Metric.COSINE.between(new double[] {0, 0}, 0, new double[] {1, 2}, 0, 2));
  }

  @Test
  void metricFlagsAndNames() {
    assertTrue(Metric.EUCLIDEAN.isMetric());
    assertFalse(Metric.SQUARED_EUCLIDEAN.isMetric());
    assertFalse(Metric.COSINE.isMetric());
    assertEquals(Metric.MANHATTAN, Metric.byId("Manhattan"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.byId("hamming"));
    assertTrue(e.getMessage().contains("euclidean"), e.getMessage());
  }
}
