package clusterlab.core.anomaly;

import static clusterlab.core.anomaly.AnomalyFixtures.assertClose;
import static clusterlab.core.anomaly.AnomalyFixtures.negate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.LinearScan;
import org.junit.jupiter.api.Test;

class LocalOutlierFactorModelTest {

  @Test
  void trainingAndNoveltyScoresEqualSklearn() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    double[][] fresh = AnomalyFixtures.rows("new.csv");
    for (int k : new int[] {5, 20}) {
      for (int threads : new int[] {1, 2}) {
        LocalOutlierFactorModel m = LocalOutlierFactorModel.fit(data, k, Metric.EUCLIDEAN, threads);
        assertClose(AnomalyFixtures.vector("lof_k" + k + "_train.csv"), negate(m.trainingScores()), 1e-9,
            "LOF k=" + k + " training");
        assertClose(AnomalyFixtures.vector("lof_k" + k + "_new.csv"), negate(AnomalyFixtures.scoreAll(m, fresh)),
            1e-9, "LOF k=" + k + " new rows");
      }
      LocalOutlierFactorModel linear = LocalOutlierFactorModel.fit(data, new LinearScan(data, Metric.EUCLIDEAN),
          Metric.EUCLIDEAN, k, 1);
      assertClose(AnomalyFixtures.vector("lof_k" + k + "_train.csv"), negate(linear.trainingScores()), 1e-9,
          "LOF k=" + k + " by linear scan");
    }
  }

  @Test
  void contaminationThresholdIsSklearnOffset() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    for (int k : new int[] {5, 20}) {
      double[] lof = LocalOutlierFactorModel.fit(data, k, Metric.EUCLIDEAN, 1).trainingScores();
      for (String c : new String[] {"0.05", "0.1"}) {
        double offset = AnomalyFixtures.vector("lof_k" + k + "_offset_c" + c + ".csv")[0];
        assertEquals(-offset, Contamination.threshold(lof, Double.parseDouble(c)), 1e-9, "k=" + k + " c=" + c);
      }
    }
  }

  @Test
  void aDuplicateOfATrainingRowScoresAsTheDataAroundIt() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    LocalOutlierFactorModel m = LocalOutlierFactorModel.fit(data, 10, Metric.EUCLIDEAN, 1);
    double inlier = m.score(data.values(), 0);
    assertEquals(1.0, inlier, 0.3, "a row of the tight blob");
  }

  @Test
  void refusesTooFewRowsAndShortRows() {
    Dataset one = Dataset.of(new double[] {1, 2}, 1, 2);
    assertThrows(IllegalArgumentException.class, () -> LocalOutlierFactorModel.fit(one, 5, Metric.EUCLIDEAN, 1));
    Dataset two = Dataset.of(new double[] {1, 2, 3, 4}, 2, 2);
    LocalOutlierFactorModel m = LocalOutlierFactorModel.fit(two, 5, Metric.EUCLIDEAN, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.score(new double[] {1}, 0));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("2 columns"), e.getMessage());
  }
}
