package clusterlab.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import weka.core.Instances;

class LabelledDataTest {

  @Test
  void appendsTheClusterAsANominalAttributeWithNoiseAsItsOwnValue() throws Exception {
    Instances iris = RelabelTest.iris();
    int[] labels = new int[150];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10 == 0 ? -1 : i / 50;
    }
    Instances out = LabelledData.append(iris, labels);
    assertEquals(6, out.numAttributes());
    assertEquals(150, out.numInstances());
    assertEquals("cluster", out.attribute(5).name());
    assertEquals(4, out.attribute(5).numValues());
    assertEquals("noise", out.instance(0).stringValue(5));
    assertEquals("cluster2", out.instance(149).stringValue(5));
    assertEquals(iris.instance(7).value(2), out.instance(7).value(2), 0);
    assertEquals(iris.instance(7).stringValue(4), out.instance(7).stringValue(4), "the class is kept");
    Instances twice = LabelledData.append(out, labels);
    assertEquals("cluster_2", twice.attribute(6).name());
    assertThrows(IllegalArgumentException.class, () -> LabelledData.append(iris, new int[3]));
  }
}
