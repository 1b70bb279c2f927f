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

  /** The filter policy: numeric columns first, then one-hot columns; missing as NaN; the class and strings left out. */
  @Test
  void theFilterPolicyReadsMissingValuesAsNaNAndWritesThemBack() throws Exception {
    Instances data = new Instances(new java.io.StringReader("@relation r\n@attribute name string\n@attribute c {a,b}\n"
        + "@attribute x numeric\n@attribute y numeric\n@attribute cls {p,q}\n@data\n"
        + "n1,a,1,2,p\nn2,?,?,4,q\nn3,b,5,?,p\n"));
    data.setClassIndex(4);
    InstancesConverter plain = InstancesConverter.forFilter(data, false);
    assertArrayEquals(new int[] {2, 3}, plain.attributes());
    double[] v = plain.read(data);
    assertArrayEquals(new double[] {1, 2, Double.NaN, 4, 5, Double.NaN}, v);
    v[2] = 9;
    Instances back = plain.write(data, v);
    assertEquals(9, back.instance(1).value(2));
    assertTrue(back.instance(2).isMissing(3));
    assertEquals("n2", back.instance(1).stringValue(0));
    InstancesConverter hot = InstancesConverter.forFilter(data, true);
    assertArrayEquals(new String[] {"x", "y", "c=a", "c=b"}, hot.columnNames());
    assertArrayEquals(new double[] {1, 2, 1, 0, Double.NaN, 4, Double.NaN, Double.NaN, 5, Double.NaN, 0, 1},
        hot.read(data));
    data.instance(0).setValue(2, Double.POSITIVE_INFINITY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.read(data));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("'x'"), e.getMessage());
  }

  /** The way back: a Dataset as numeric instances named after the columns, weights kept. */
  @Test
  void toInstancesIsTheWayBack() {
    Instances iris = TestData.iris();
    InstancesConverter c = InstancesConverter.fit(iris, NominalHandling.REFUSE, false);
    Dataset d = c.convert(iris);
    Instances back = c.toInstances(d, "iris");
    assertEquals(150, back.numInstances());
    assertEquals(iris.attribute(0).name(), back.attribute(0).name());
    assertArrayEquals(d.values(), InstancesConverter.fit(back, NominalHandling.REFUSE, false).convert(back).values());
  }

  /** Finiteness is checked once (by the Dataset) yet the message still names the row and the attribute. */
  @Test
  void aMissingOrInfiniteValueIsNamed() {
    Instances iris = new Instances(TestData.iris());
    iris.instance(4).setMissing(2);
    InstancesConverter c = InstancesConverter.fit(iris, NominalHandling.REFUSE, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.convert(iris));
    assertTrue(e.getMessage().contains("missing value in row 5") && e.getMessage().contains(iris.attribute(2).name()),
        e.getMessage());
    iris.instance(4).setValue(2, Double.NEGATIVE_INFINITY);
    e = assertThrows(IllegalArgumentException.class, () -> c.convert(iris));
    assertTrue(e.getMessage().contains("infinite value in row 5"), e.getMessage());
  }
}
