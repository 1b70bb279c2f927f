package weka.clusterers.centroid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import org.junit.jupiter.api.Test;
import weka.core.Drawable;
import weka.core.Instances;
import weka.core.Utils;

class BisectingKMeansAdapterTest {

  @Test
  void drawsItsSplitTreeAsNewick() throws Exception {
    Instances iris = TestData.iris();
    BisectingKMeans b = new BisectingKMeans();
    b.setOptions(Utils.splitOptions("-N 4 -split largest-size -S 2"));
    b.buildClusterer(iris);
    assertEquals(Drawable.Newick, b.graphType());
    String g = b.graph();
    assertTrue(g.startsWith("Newick:((") || g.startsWith("Newick:(cluster"), g);
    assertTrue(!g.endsWith(";"), g);
    int open = 0;
    for (char ch : g.toCharArray()) {
      open += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    }
    assertEquals(0, open, "balanced parentheses");
    assertEquals(4, b.numberOfClusters());
    assertTrue(b.toString().contains("Split rule: largest-size"), b.toString());
    int[] labels = b.getModel().labels();
    for (int i = 0; i < iris.numInstances(); i++) {
      assertEquals(labels[i], b.clusterInstance(iris.instance(i)));
    }
  }
}
