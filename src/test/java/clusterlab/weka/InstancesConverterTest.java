package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.Dataset;
import clusterlab.weka.InstancesConverter.NominalHandling;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class InstancesConverterTest {

  @Test
  void classIsIgnoredAndValuesAreNotRescaled() {
    Instances iris = TestData.iris();
    InstancesConverter c = InstancesConverter.fit(iris, NominalHandling.REFUSE, false);
    Dataset d = c.convert(iris);
    assertEquals(150, d.n());
    assertEquals(4, d.d());
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, d.row(0));
    assertNull(d.weights());
  }

  @Test
  void nominalAttributesAreRefusedOrOneHotEncoded() {
    Instances iris = TestData.iris();
    iris.setClassIndex(-1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InstancesConverter.fit(iris, NominalHandling.REFUSE, false));
    assertTrue(e.getMessage().contains("'class' is nominal"), e.getMessage());
    InstancesConverter c = InstancesConverter.fit(iris, NominalHandling.ONE_HOT, false);
    assertEquals(7, c.columns());
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2, 1, 0, 0}, c.convert(iris).row(0));
    assertEquals("class=virginica", c.columnNames()[6]);
  }

  @Test
  void missingValuesNameRowAndAttribute() {
    Instances data = TestData.oneNaN();
    InstancesConverter c = InstancesConverter.fit(data, NominalHandling.REFUSE, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.convert(data));
    assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("sepal_width"), e.getMessage());
  }

  @Test
  void stringAttributesAreLabelsOrRefused() {
    Instances data = TestData.withStringAttribute();
    assertThrows(IllegalArgumentException.class, () -> InstancesConverter.fit(data, NominalHandling.REFUSE, false));
    InstancesConverter c = InstancesConverter.fit(data, NominalHandling.REFUSE, true);
    assertEquals(0, c.labelAttribute());
    assertEquals(4, c.columns());
  }

  @Test
  void weightsAreCarried() {
    Instances data = TestData.irisSample(10);
    data.instance(2).setWeight(3.5);
    Dataset d = InstancesConverter.fit(data, NominalHandling.REFUSE, false).convert(data);
    assertEquals(3.5, d.weight(2));
    assertEquals(12.5, d.totalWeight(), 1e-12);
  }

  @Test
  void newDataMustHaveTheTrainingAttributes() {
    Instances iris = TestData.iris();
    InstancesConverter c = InstancesConverter.fit(iris, NominalHandling.REFUSE, false);
    Instances other = TestData.withStringAttribute();
    assertThrows(IllegalArgumentException.class, () -> c.convert(other));
  }
}
