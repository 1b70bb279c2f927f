package weka.clusterers.centroid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.medoids.KMedoidsModel;
import clusterlab.core.mixed.MixedFixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The KMedoids adapter: R {@code cluster::pam} on the bundled customer data with Gower (read
 * through the mixed-type path: nominal, ordinal, missing values), and the numeric path's refusals.
 */
class KMedoidsTest {

  static Instances incomeHead(int n) {
    Instances all = TestData.bundled("income.arff", false);
    return new Instances(all, 0, n);
  }

  @Test
  void gowerPamOnTheCustomerDataMatchesR() throws Exception {
    Instances data = incomeHead(1500);
    for (int k : new int[] {3, 5}) {
      KMedoids km = new KMedoids();
      km.setOptions(Utils.splitOptions("-N " + k + " -distance gower -ordinal 1,4,5,7"));
      km.buildClusterer(data);
      MixedFixtures f = MixedFixtures.read("pam_income1500_k" + k + ".csv");
      KMedoidsModel m = km.getModel();
      int[] r = f.ints("medoids");
      int[] ours = m.medoidRows();
      Arrays.sort(r);
      Arrays.sort(ours);
      assertArrayEquals(r, ours, "k = " + k);
      assertEquals(f.doubles("objective")[1], m.meanDeviation(), 1e-12);
      int[] labels = m.labels();
      for (int i = 0; i < data.numInstances(); i++) {
        assertEquals(labels[i], km.clusterInstance(data.instance(i)));
      }
    }
  }

  @Test
  void printsMedoidsAsRowsWithTheirValues() throws Exception {
    KMedoids km = new KMedoids();
    km.setOptions(Utils.splitOptions("-N 3 -distance gower -ordinal 1,4,5,7"));
    km.buildClusterer(incomeHead(300));
    String text = km.toString();
    assertTrue(text.contains("(medoid)") && text.contains("row ") && text.contains("EDUCATION"), text);
  }

  @Test
  void theNumericDistancesRefuseNominalAndMissingClearly() throws Exception {
    KMedoids km = new KMedoids();
    km.setNumClusters(3);
    Exception e = assertThrows(Exception.class, () -> km.buildClusterer(incomeHead(50)));
    assertTrue(e.getMessage().toLowerCase().contains("nominal"), e.getMessage());
    e = assertThrows(Exception.class, () -> km.buildClusterer(TestData.oneNaN()));
    assertTrue(e.getMessage().toLowerCase().contains("missing"), e.getMessage());
  }

  @Test
  void euclideanOnIrisMatchesR() throws Exception {
    KMedoids km = new KMedoids();
    km.setOptions(Utils.splitOptions("-N 3"));
    km.buildClusterer(TestData.iris());
    int[] r = MixedFixtures.read("pam_iris_k3.csv").ints("medoids");
    int[] ours = km.getModel().medoidRows();
    Arrays.sort(r);
    Arrays.sort(ours);
    assertArrayEquals(r, ours);
  }
}
