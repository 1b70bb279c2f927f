package clusterlab.core.prep;

import static clusterlab.core.prep.PrepAsserts.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.LinearScan;
import clusterlab.core.neighbors.VpTree;
import org.junit.jupiter.api.Test;

class LocalOutlierFactorTest {

  @Test
  void equalsSklearnNegativeOutlierFactorWithDuplicates() {
    Dataset data = PrepFixtures.dataset("lof_data.csv");
    for (int k : new int[] {5, 20}) {
      double[] expected = PrepFixtures.vector("lof_nof_k" + k + ".csv");
      assertClose(expected, LocalOutlierFactor.negativeOutlierFactor(data, new VpTree(data, Metric.EUCLIDEAN), k, 2), 1e-9);
      assertClose(expected, LocalOutlierFactor.negativeOutlierFactor(data, new LinearScan(data, Metric.EUCLIDEAN), k, 1),
          1e-9);
    }
  }

  @Test
  void refusesTooFewRowsOrNeighbours() {
    Dataset one = Dataset.of(new double[] {1, 2}, 1, 2);
    assertThrows(IllegalArgumentException.class,
        () -> LocalOutlierFactor.lof(one, new LinearScan(one, Metric.EUCLIDEAN), 5, 1));
    Dataset two = Dataset.of(new double[] {1, 2, 3, 4}, 2, 2);
    assertThrows(IllegalArgumentException.class,
        () -> LocalOutlierFactor.lof(two, new LinearScan(two, Metric.EUCLIDEAN), 0, 1));
  }
}
