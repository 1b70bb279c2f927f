package clusterlab.core.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private static boolean[] labels(double[] y) {
    boolean[] b = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      b[i] = y[i] == 1;
    }
    return b;
  }

  @Test
  void rocAucAndAveragePrecisionEqualSklearnWithTiesAndWeights() {
    double[] s = AnomalyFixtures.vector("ranking_scores.csv");
    boolean[] y = labels(AnomalyFixtures.vector("ranking_labels.csv"));
    double[] w = AnomalyFixtures.vector("ranking_weights.csv");
    double[] expected = AnomalyFixtures.vector("ranking_metrics.csv");
    assertEquals(expected[0], RankingMetrics.rocAuc(s, y, null), 1e-12, "roc_auc_score");
    assertEquals(expected[1], RankingMetrics.averagePrecision(s, y, null), 1e-12, "average_precision_score");
    assertEquals(expected[2], RankingMetrics.rocAuc(s, y, w), 1e-12, "roc_auc_score, sample_weight");
    assertEquals(expected[3], RankingMetrics.averagePrecision(s, y, w), 1e-12, "average_precision_score, sample_weight");
  }

  @Test
  void perfectAndReversedAndUndefined() {
    double[] s = {0.9, 0.8, 0.1, 0.2};
    boolean[] y = {true, true, false, false};
    assertEquals(1.0, RankingMetrics.rocAuc(s, y, null), 0);
    assertEquals(1.0, RankingMetrics.averagePrecision(s, y, null), 0);
    boolean[] rev = {false, false, true, true};
    assertEquals(0.0, RankingMetrics.rocAuc(s, rev, null), 0);
    assertTrue(Double.isNaN(RankingMetrics.rocAuc(s, new boolean[4], null)));
    assertTrue(Double.isNaN(RankingMetrics.averagePrecision(s, new boolean[4], null)));
    assertEquals(0.5, RankingMetrics.rocAuc(new double[] {1, 1, 1, 1}, y, null), 0, "all tied");
  }

  @Test
  void precisionAndRecallOfFlags() {
    boolean[] flagged = {true, true, false, false};
    boolean[] y = {true, false, true, false};
    assertEquals(0.5, RankingMetrics.precision(flagged, y, null), 0);
    assertEquals(0.5, RankingMetrics.recall(flagged, y, null), 0);
  }

  @Test
  void refusesNaNScoresAndMismatchedLengths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.rocAuc(new double[] {1, Double.NaN}, new boolean[2], null));
    assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.rocAuc(new double[] {1}, new boolean[2], null));
  }
}
