package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.prep.PrepFixtures;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.filters.Filter;

/** MedianImputer, KNNImputer and RobustScaler through Weka equal scikit-learn on the fixtures. */
class PrepFiltersTest {

  private static void assertClose(double[] expected, double[] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertTrue(Double.isNaN(actual[i]), "element " + i);
      } else {
        assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), "element " + i);
      }
    }
  }

  private static Instances apply(Filter f, Instances data) throws Exception {
    f.setInputFormat(data);
    return Filter.useFilter(data, f);
  }

  /** The nominal attribute and the class come through unchanged. */
  private static void assertExtrasUntouched(Instances in, Instances out) {
    assertEquals(in.classIndex(), out.classIndex());
    for (int i = 0; i < in.numInstances(); i++) {
      assertEquals(in.instance(i).value(5), out.instance(i).value(5), 0.0);
      assertEquals(in.instance(i).value(6), out.instance(i).value(6), 0.0);
    }
  }

  @Test
  void medianImputerEqualsSklearn() throws Exception {
    Instances data = PrepWekaData.of("missing.csv", true);
    Instances out = apply(new MedianImputer(), data);
    assertClose(PrepFixtures.flat("median_imputed.csv"), PrepWekaData.values(out, 5), 1e-12);
    assertExtrasUntouched(data, out);
  }

  @Test
  void knnImputerEqualsSklearnIncludingSecondBatch() throws Exception {
    Instances data = PrepWekaData.of("missing_knn.csv", true);
    KNNImputer f = new KNNImputer();
    f.setOptions(new String[] {"-K", "5", "-W", "distance"});
    Instances out = apply(f, data);
    assertClose(PrepFixtures.flat("knn_distance_k5.csv"), PrepWekaData.values(out, 5), 1e-12);
    assertExtrasUntouched(data, out);
    Instances second = PrepWekaData.of("missing_knn_batch2.csv", false);
    KNNImputer plain = new KNNImputer();
    plain.setOptions(new String[] {"-K", "5", "-W", "distance"});
    apply(plain, PrepWekaData.of("missing_knn.csv", false));
    assertClose(PrepFixtures.flat("knn_distance_k5_batch2.csv"),
        PrepWekaData.values(Filter.useFilter(second, plain), 5), 1e-12);
  }

  @Test
  void robustScalerEqualsSklearnIncludingSecondBatch() throws Exception {
    Instances data = PrepWekaData.of("missing.csv", false);
    RobustScaler f = new RobustScaler();
    assertClose(PrepFixtures.flat("robust_scaled.csv"), PrepWekaData.values(apply(f, data), 5), 1e-12);
    Instances second = PrepWekaData.of("missing_batch2.csv", false);
    assertClose(PrepFixtures.flat("robust_scaled_batch2.csv"), PrepWekaData.values(Filter.useFilter(second, f), 5),
        1e-12);
    RobustScaler q = new RobustScaler();
    q.setOptions(new String[] {"-lower", "10", "-upper", "90", "-unit-variance"});
    assertClose(PrepFixtures.flat("robust_scaled_10_90_unit.csv"), PrepWekaData.values(apply(q, data), 5), 1e-12);
    assertTrue(f.toString().contains("centre"));
  }
}
