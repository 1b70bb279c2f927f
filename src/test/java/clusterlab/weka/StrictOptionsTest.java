package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weka.clusterers.centroid.KMeans;
import weka.core.Utils;

class StrictOptionsTest {

  @Test
  void badValuesFailWithTheOptionName() {
    KMeans k = new KMeans();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.setOptions(Utils.splitOptions("-N abc")));
    assertTrue(e.getMessage().contains("-N") && e.getMessage().contains("abc"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> k.setOptions(Utils.splitOptions("-init nope")));
    assertTrue(e.getMessage().contains("random") && e.getMessage().contains("kmeans-plus-plus"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> k.setOptions(Utils.splitOptions("-N 0")));
    assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
  }

  @Test
  void absentOptionsResetToDefaultsAndFlagsStick() throws Exception {
    KMeans k = new KMeans();
    k.setOptions(Utils.splitOptions("-N 7 -one-hot -S 9 -init random"));
    assertEquals(7, k.getNumClusters());
    assertTrue(k.getOneHotNominal());
    assertEquals(9, k.getSeed());
    k.setOptions(new String[0]);
    assertEquals(new KMeans().getNumClusters(), k.getNumClusters());
    assertEquals(1, k.getSeed());
    assertEquals(false, k.getOneHotNominal());
  }

  @Test
  void unknownOptionsAreReported() {
    KMeans k = new KMeans();
    Exception e = assertThrows(Exception.class, () -> k.setOptions(Utils.splitOptions("-N 3 -bogus 4")));
    assertTrue(e.getMessage().contains("bogus"), e.getMessage());
  }
}
