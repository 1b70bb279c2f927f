package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.Capabilities.Capability;
import weka.core.CapabilitiesHandler;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * Regression (issue #11, item 8): a string attribute (an ID or name column, as in USArrests) is a
 * row label for every clusterer: it greys out none of them in the Explorer and never enters the
 * distances (the result equals the one without the column).
 */
class StringLabelsTest {

  @Test
  void everyClustererTakesUsArrestsWithItsStateNamesAndIgnoresThem() throws Exception {
    Instances arrests = TrainingLabelsContractTest.load("usarrests.arff", false);
    int name = -1;
    for (int a = 0; a < arrests.numAttributes(); a++) {
      name = arrests.attribute(a).isString() ? a : name;
    }
    assertTrue(name >= 0, "usarrests.arff has a string attribute of state names");
    Remove remove = new Remove();
    remove.setAttributeIndices(Integer.toString(name + 1));
    remove.setInputFormat(arrests);
    Instances numeric = Filter.useFilter(arrests, remove);
    for (String spec : new String[] {"weka.clusterers.centroid.KMeans -N 3 -S 1",
        "weka.clusterers.centroid.MiniBatchKMeans -N 3 -batch-size 8", "weka.clusterers.centroid.BisectingKMeans -N 3",
        "weka.clusterers.meta.ChooseK -max-k 4", "weka.clusterers.density.DBSCAN -E 30 -M 3",
        "weka.clusterers.density.OPTICS -M 3", "weka.clusterers.density.HDBSCAN -M 3",
        "weka.clusterers.hierarchical.Agglomerative -N 3", "weka.clusterers.hierarchical.Divisive -N 3"}) {
      String[] parts = Utils.splitOptions(spec);
      String cls = parts[0];
      parts[0] = "";
      Clusterer with = AbstractClusterer.forName(cls, parts.clone());
      Clusterer without = AbstractClusterer.forName(cls, parts.clone());
      assertTrue(((CapabilitiesHandler) with).getCapabilities().handles(Capability.STRING_ATTRIBUTES), spec);
      with.buildClusterer(arrests);
      without.buildClusterer(numeric);
      for (int i = 0; i < arrests.numInstances(); i++) {
        assertArrayEquals(without.distributionForInstance(numeric.instance(i)),
            with.distributionForInstance(arrests.instance(i)), spec + ", row " + i);
      }
    }
  }
}
