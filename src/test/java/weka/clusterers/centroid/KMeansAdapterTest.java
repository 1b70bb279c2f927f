package weka.clusterers.centroid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.kmeans.KMeans.Algorithm;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

class KMeansAdapterTest {

  @Test
  void everyAlgorithmGivesTheSameModelAndSaysWhichRan() throws Exception {
    Instances iris = TestData.iris();
    KMeans lloyd = new KMeans();
    lloyd.setOptions(Utils.splitOptions("-N 4 -S 3 -algorithm lloyd -init kmeans-parallel -num-threads 1"));
    lloyd.buildClusterer(iris);
    for (String a : new String[] {"elkan", "hamerly", "blocked", "auto"}) {
      KMeans other = new KMeans();
      other.setOptions(Utils.splitOptions("-N 4 -S 3 -init kmeans-parallel -num-threads 2 -algorithm " + a));
      other.buildClusterer(iris);
      assertArrayEquals(lloyd.getModel().labels(), other.getModel().labels(), a);
      assertTrue(other.toString().contains("Algorithm: " + (a.equals("auto") ? "hamerly" : a)), other.toString());
    }
    assertEquals(Algorithm.LLOYD, lloyd.getModel().algorithm());
    assertTrue(Utils.joinOptions(lloyd.getOptions()).contains("-algorithm lloyd"));
  }
}
