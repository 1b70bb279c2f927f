package weka.clusterers.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.select.KCurve;
import org.junit.jupiter.api.Test;
import weka.clusterers.EM;
import weka.clusterers.SimpleKMeans;
import weka.core.Instances;
import weka.core.Utils;

class ChooseKAdapterTest {

  @Test
  void wrapsSimpleKMeansAndPrintsTheCurve() throws Exception {
    Instances iris = TestData.iris();
    ChooseK c = new ChooseK();
    c.setOptions(Utils.splitOptions("-W \"weka.clusterers.SimpleKMeans -init 1\" -min-k 1 -max-k 8 -S 3 -num-threads 2"));
    assertTrue(c.getClusterer() instanceof SimpleKMeans);
    c.buildClusterer(iris);
    KCurve curve = c.getCurve();
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, curve.ks());
    double[] inertia = curve.inertia();
    assertTrue(inertia[0] > inertia[2] && inertia[2] > inertia[7], "inertia falls with K");
    assertEquals(curve.chosenK(), c.numberOfClusters());
    assertTrue(curve.chosenK() >= 2 && curve.chosenK() <= 4, "iris elbow at " + curve.chosenK());
    String text = c.toString();
    assertTrue(text.contains("inertia") && text.contains("<- chosen") && text.contains("elbow"), text);
    ChooseK again = new ChooseK();
    again.setOptions(c.getOptions());
    assertArrayEquals(c.getOptions(), again.getOptions());
  }

  @Test
  void bicWithEmAndIdenticalForAnyThreadCount() throws Exception {
    Instances iris = TestData.iris();
    ChooseK one = new ChooseK();
    one.setOptions(Utils.splitOptions("-W \"weka.clusterers.EM -I 50\" -min-k 1 -max-k 5 -criterion bic -num-threads 1"));
    assertTrue(one.getClusterer() instanceof EM);
    one.buildClusterer(iris);
    ChooseK two = new ChooseK();
    two.setOptions(Utils.splitOptions("-W \"weka.clusterers.EM -I 50\" -min-k 1 -max-k 5 -criterion bic -num-threads 3"));
    two.buildClusterer(iris);
    double[] bic = one.getCurve().column(KCurve.BIC);
    assertArrayEquals(bic, two.getCurve().column(KCurve.BIC));
    int best = 0;
    for (int i = 1; i < bic.length; i++) {
      if (bic[i] < bic[best]) {
        best = i;
      }
    }
    assertEquals(best + 1, one.getCurve().chosenK());
    assertTrue(one.getCurve().chosenK() >= 2, "BIC on iris prefers more than one component");
    for (int i = 0; i < iris.numInstances(); i++) {
      assertArrayEquals(one.distributionForInstance(iris.instance(i)), two.distributionForInstance(iris.instance(i)));
    }
  }

  @Test
  void gapStatisticOverOurKMeans() throws Exception {
    Instances iris = TestData.iris();
    ChooseK c = new ChooseK();
    c.setOptions(Utils.splitOptions("-W \"weka.clusterers.centroid.KMeans -n-init 3\" -max-k 6 -criterion gap -gap-refs 5 -S 1"));
    c.buildClusterer(iris);
    assertTrue(c.getCurve().hasColumn(KCurve.GAP) && c.getCurve().hasColumn(KCurve.GAP_SE));
    assertTrue(c.getCurve().chosenK() >= 2 && c.getCurve().chosenK() <= 6);
  }

  @Test
  void criterionIsADropDown() throws Exception {
    ChooseK c = new ChooseK();
    org.junit.jupiter.api.Assertions.assertEquals(weka.core.SelectedTag.class,
        ChooseK.class.getMethod("getCriterion").getReturnType(), "criterion must be a SelectedTag (a drop-down in the GUI)");
    c.setOptions(Utils.splitOptions("-criterion silhouette"));
    org.junit.jupiter.api.Assertions.assertEquals("silhouette", c.getCriterion().getSelectedTag().getReadable());
    org.junit.jupiter.api.Assertions.assertTrue(String.join(" ", c.getOptions()).contains("-criterion silhouette"));
  }
}
