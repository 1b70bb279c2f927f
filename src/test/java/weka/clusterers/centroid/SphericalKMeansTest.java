package weka.clusterers.centroid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.SparseInstance;

class SphericalKMeansTest {

  @Test
  void clustersSparseTextByTopicAndPrintsTopTerms() throws Exception {
    Instances text = TestData.sparseText();
    SphericalKMeans k = new SphericalKMeans();
    k.setNumClusters(3);
    k.setNumInit(5);
    k.buildClusterer(text);
    int[] labels = k.getModel().labels();
    int agree = 0;
    for (int i = 0; i < text.numInstances(); i++) {
      assertEquals(labels[i], k.clusterInstance(text.instance(i)));
      // the majority subject of the row's cluster
      int[] votes = new int[3];
      for (int j = 0; j < text.numInstances(); j++) {
        if (labels[j] == labels[i]) {
          votes[(int) text.instance(j).classValue()]++;
        }
      }
      int major = votes[0] >= votes[1] && votes[0] >= votes[2] ? 0 : votes[1] >= votes[2] ? 1 : 2;
      agree += major == (int) text.instance(i).classValue() ? 1 : 0;
    }
    assertTrue(agree >= 34, "purity " + agree + "/40");
    String s = k.toString();
    assertTrue(s.contains("Cluster 0") && s.contains("(0."), s);
  }

  @Test
  void anEmptyDocumentIsRefusedNamingTheRow() throws Exception {
    Instances text = TestData.sparseText();
    double[] zeros = new double[text.numAttributes()];
    text.add(new SparseInstance(1.0, zeros));
    SphericalKMeans k = new SphericalKMeans();
    String msg = assertThrows(IllegalArgumentException.class, () -> k.buildClusterer(text)).getMessage();
    assertTrue(msg.contains("row 41") && msg.contains("empty document"), msg);
  }
}
