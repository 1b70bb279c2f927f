package clusterlab.core.anomaly;

import static clusterlab.core.anomaly.AnomalyFixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import org.junit.jupiter.api.Test;

class GloshTest {

  @Test
  void equalsRDbscanGlosh() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    for (int k : new int[] {4, 10}) {
      AnomalyModel m = AnomalyDetector.builder(AnomalyMethod.GLOSH).neighbours(k).build().fit(data, 1, null);
      assertClose(AnomalyFixtures.vector("glosh_k" + k + ".csv"), m.trainingScores(), 1e-9, "GLOSH k=" + k);
    }
  }

  @Test
  void newRowsFarAwayScoreHigherThanRowsInsideABlob() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    AnomalyModel m = AnomalyDetector.builder(AnomalyMethod.GLOSH).neighbours(10).build().fit(data, 1, null);
    double inside = m.score(new double[] {0, 0, 0}, 0);
    double far = m.score(new double[] {30, -30, 30}, 0);
    assertTrue(far > inside && far <= 1 && inside >= 0, inside + " vs " + far);
  }
}
