package weka.clusterers.centroid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.mixed.MixedFixtures;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

/** The KPrototypes adapter on the bundled customer data: the same result as the R re-implementation, through Weka. */
class KPrototypesTest {

  @Test
  void customerDataThroughWekaMatchesTheReference() throws Exception {
    Instances data = KMedoidsTest.incomeHead(400);
    KPrototypes kp = new KPrototypes();
    kp.setOptions(Utils.splitOptions("-N 4"));
    kp.buildClusterer(data);
    MixedFixtures f = MixedFixtures.read("kproto_income400.csv");
    assertArrayEquals(f.ints("labels"), kp.getModel().labels());
    assertEquals(f.doubles("cost")[0], kp.getModel().cost(), 1e-9 * f.doubles("cost")[0]);
    int[] labels = kp.getModel().labels();
    for (int i = 0; i < data.numInstances(); i++) {
      assertEquals(labels[i], kp.clusterInstance(data.instance(i)));
    }
    String text = kp.toString();
    assertTrue(text.contains("Gamma: 0.625837") && text.contains("OCCUPATION"), text);
  }
}
