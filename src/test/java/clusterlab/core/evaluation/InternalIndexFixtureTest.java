package clusterlab.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Silhouette, Davies-Bouldin and Calinski-Harabasz against scikit-learn (tools/fixtures/eval.py). */
class InternalIndexFixtureTest {

  static final double TOL = 1e-9;
  private final Map<String, Double> ref = Fixtures.scores();

  @TestFactory
  List<DynamicTest> matchesScikitLearn() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String set : Fixtures.SETS) {
      for (String lab : Fixtures.labellings(set)) {
        String key = set + " " + lab + " ";
        tests.add(DynamicTest.dynamicTest(key + "silhouette", () -> {
          Dataset x = Fixtures.data(set);
          int[] y = Fixtures.labels(set, lab);
          for (Metric m : new Metric[] {Metric.EUCLIDEAN, Metric.MANHATTAN, Metric.COSINE}) {
            SilhouetteResult r = new Silhouette(m, 2, 0, 0).compute(x, y);
            double expected = ref.get(key + "silhouette_" + m.id());
            assertTrue(Fixtures.close(expected, r.mean(), TOL), key + m.id() + ": " + expected + " vs " + r.mean());
            double[] samples = Fixtures.doubles(set + "." + lab + "." + m.id() + ".silhouette");
            int noise = 0;
            double worst = 0;
            for (int i = 0; i < samples.length; i++) {
              noise += Double.isNaN(samples[i]) ? 1 : 0;
              double e = samples[i];
              double a = r.sample(i);
              if (Double.isNaN(e) != Double.isNaN(a)) {
                throw new AssertionError(key + m.id() + " row " + i + ": " + e + " vs " + a);
              }
              if (!Double.isNaN(e)) {
                worst = Math.max(worst, e == a ? 0 : Math.abs(e - a) / Math.max(Math.abs(e), Math.abs(a)));
              }
            }
            assertTrue(worst <= TOL, key + m.id() + " samples: worst relative error " + worst);
            assertEquals(noise, r.noise());
          }
        }));
        tests.add(DynamicTest.dynamicTest(key + "davies_bouldin + calinski_harabasz", () -> {
          Dataset x = Fixtures.data(set);
          int[] y = Fixtures.labels(set, lab);
          double db = new DaviesBouldin(2).score(x, y);
          double ch = new CalinskiHarabasz(2).score(x, y);
          assertTrue(Fixtures.close(ref.get(key + "davies_bouldin"), db, TOL), key + "DB " + db);
          assertTrue(Fixtures.close(ref.get(key + "calinski_harabasz"), ch, TOL), key + "CH " + ch);
        }));
      }
    }
    return tests;
  }
}
