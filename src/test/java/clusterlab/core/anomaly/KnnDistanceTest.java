package clusterlab.core.anomaly;

import static clusterlab.core.anomaly.AnomalyFixtures.assertClose;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import org.junit.jupiter.api.Test;

class KnnDistanceTest {

  @Test
  void kthAndMeanDistancesEqualSklearnNearestNeighbors() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    double[][] fresh = AnomalyFixtures.rows("new.csv");
    for (int k : new int[] {5, 20}) {
      for (KnnDistance.Aggregate a : KnnDistance.Aggregate.values()) {
        String name = "knn_k" + k + "_" + a.name().toLowerCase(java.util.Locale.ROOT);
        KnnDistance m = KnnDistance.fit(data, k, a, Metric.EUCLIDEAN, 2);
        assertClose(AnomalyFixtures.vector(name + "_train.csv"), m.trainingScores(), 1e-12, name + " training");
        assertClose(AnomalyFixtures.vector(name + "_new.csv"), AnomalyFixtures.scoreAll(m, fresh), 1e-12, name + " new");
      }
    }
  }

  @Test
  void kIsCappedByTheRows() {
    Dataset three = Dataset.of(new double[] {0, 1, 3}, 3, 1);
    KnnDistance m = KnnDistance.fit(three, 10, KnnDistance.Aggregate.KTH, Metric.EUCLIDEAN, 1);
    assertClose(new double[] {3, 2, 3}, m.trainingScores(), 0, "k = n - 1 on training rows");
    assertClose(new double[] {10}, new double[] {m.score(new double[] {-7}, 0)}, 0, "k = n on a new row");
  }
}
