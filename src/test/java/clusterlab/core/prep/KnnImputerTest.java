package clusterlab.core.prep;

import static clusterlab.core.prep.PrepAsserts.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnImputerTest {

  @Test
  void equalsSklearnKnnImputer() {
    double[] x = PrepFixtures.flat("missing_knn.csv");
    int n = x.length / 5;
    for (int k : new int[] {3, 5}) {
      for (KnnImputer.Weights w : KnnImputer.Weights.values()) {
        String name = "knn_" + w.name().toLowerCase() + "_k" + k + ".csv";
        double[] out = KnnImputer.fit(x, n, 5, k, w).transform(x, n, 2);
        assertClose(PrepFixtures.flat(name), out, 1e-12);
      }
    }
  }

  @Test
  void secondBatchUsesFittedRows() {
    double[] x = PrepFixtures.flat("missing_knn.csv");
    double[] x2 = PrepFixtures.flat("missing_knn_batch2.csv");
    KnnImputer imp = KnnImputer.fit(x, x.length / 5, 5, 5, KnnImputer.Weights.DISTANCE);
    assertClose(PrepFixtures.flat("knn_distance_k5_batch2.csv"), imp.transform(x2, x2.length / 5, 1), 1e-12);
  }

  @Test
  void nanEuclideanScalesByPresentCoordinates() {
    double[] a = {0, Double.NaN, 3};
    double[] b = {4, 1, Double.NaN};
    assertEquals(Math.sqrt(16 * 3.0 / 1), KnnImputer.nanEuclidean(a, 0, b, 0, 3), 1e-15);
    assertEquals(Double.NaN, KnnImputer.nanEuclidean(new double[] {Double.NaN, 1}, 0, new double[] {1, Double.NaN}, 0, 2));
  }

  @Test
  void zeroDistanceDonorsTakeAllTheWeight() {
    double[] fit = {0, 0, 1, 10, 1, 20, 5, 99};
    KnnImputer imp = KnnImputer.fit(fit, 4, 2, 3, KnnImputer.Weights.DISTANCE);
    double[] out = imp.transform(new double[] {1, Double.NaN}, 1, 1);
    assertEquals(15.0, out[1], 0.0);
    assertThrows(IllegalArgumentException.class, () -> KnnImputer.fit(fit, 4, 2, 0, KnnImputer.Weights.UNIFORM));
  }
}
