package weka.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.mixed.MixedFixtures;
import org.junit.jupiter.api.Test;
import weka.clusterers.HierarchicalClusterer;

/**
 * GowerDistance through Weka: the bundled customer data (nominal, ordinal, numeric, missing)
 * read through the mixed-type path gives R's {@code daisy(metric = "gower")} to 1e-12, and Weka's
 * own HierarchicalClusterer runs on it.
 */
class GowerDistanceTest {

  @Test
  void matchesDaisyOnTheCustomerData() throws Exception {
    Instances all = TestData.bundled("income.arff", false);
    Instances data = new Instances(all, 0, 150);
    GowerDistance g = new GowerDistance();
    g.setOptions(Utils.splitOptions("-ordinal 1,4,5,7"));
    g.setInstances(data);
    double[] dist = MixedFixtures.read("gower_income.csv").doubles("dist");
    int n = data.numInstances();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        assertEquals(MixedFixtures.dist(dist, n, i, j), g.distance(data.instance(i), data.instance(j)), 1e-12,
            "rows " + i + ", " + j);
      }
    }
  }

  @Test
  void wekasHierarchicalClustererUsesIt() throws Exception {
    Instances data = new Instances(TestData.bundled("income.arff", false), 0, 80);
    HierarchicalClusterer h = new HierarchicalClusterer();
    h.setNumClusters(3);
    GowerDistance g = new GowerDistance();
    g.setOrdinal("1,4,5,7");
    h.setDistanceFunction(g);
    h.buildClusterer(data);
    assertEquals(3, h.numberOfClusters());
    for (int i = 0; i < data.numInstances(); i++) {
      int c = h.clusterInstance(data.instance(i));
      assertTrue(c >= 0 && c < 3);
    }
  }

  @Test
  void badOptionsAreRefusedByName() {
    GowerDistance g = new GowerDistance();
    Exception e = assertThrows(Exception.class, () -> g.setOptions(Utils.splitOptions("-weights 1,x")));
    assertTrue(e.getMessage().contains("weights"), e.getMessage());
    e = assertThrows(Exception.class, () -> g.setOptions(Utils.splitOptions("-ordinal a-b")));
    assertTrue(e.getMessage().contains("ordinal"), e.getMessage());
    GowerDistance w = new GowerDistance();
    w.setWeights("1,2");
    e = assertThrows(IllegalArgumentException.class, () -> w.setInstances(TestData.iris()));
    assertTrue(e.getMessage().contains("one weight per attribute"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GowerDistance().setInstances(TestData.withStringAttribute()));
    assertTrue(e.getMessage().contains("string"), e.getMessage());
  }
}
