package weka.clusterers.centroid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.kmeans.KMeansModel;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.Utils;

/** KMeans -model-file: a saved model (as ClusterLab on Spark writes it, with no training labels) labels the data. */
class KMeansModelFileTest {

  @TempDir
  Path tmp;

  private Path save(KMeansModel m) throws Exception {
    // as the Spark unit saves it: the centroids and figures, no training labels
    KMeansModel spark = KMeansModel.of(m.k(), m.d(), m.centroids(), new int[0], m.clusterInertia(), m.clusterWeight(),
        m.iterations(), m.converged(), m.algorithm());
    Path p = tmp.resolve("kmeans.model");
    try (OutputStream out = Files.newOutputStream(p); ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(spark);
    }
    return p;
  }

  @Test
  void aSavedModelLabelsTheDataAsTheFittedOne() throws Exception {
    Instances iris = TestData.iris();
    KMeans fitted = new KMeans();
    fitted.setOptions(Utils.splitOptions("-N 3 -S 1"));
    fitted.buildClusterer(iris);
    Path file = save(fitted.getModel());
    KMeans loaded = new KMeans();
    loaded.setOptions(new String[] {"-model-file", file.toString()});
    loaded.buildClusterer(iris);
    assertEquals(3, loaded.numberOfClusters());
    assertArrayEquals(fitted.getModel().labels(), loaded.getModel().labels());
    for (int i = 0; i < iris.numInstances(); i++) {
      assertEquals(fitted.clusterInstance(iris.instance(i)), loaded.clusterInstance(iris.instance(i)));
    }
    assertEquals(fitted.getModel().inertia(), loaded.getModel().inertia(), 1e-9 * fitted.getModel().inertia());
    assertTrue(loaded.toString().contains("Centroids from the saved model"), loaded.toString());
    assertTrue(Utils.joinOptions(loaded.getOptions()).contains("-model-file"));
  }

  @Test
  void aModelOfOtherColumnsOrNoModelIsRefusedClearly() throws Exception {
    Instances iris = TestData.iris();
    KMeans fitted = new KMeans();
    fitted.buildClusterer(iris);
    Path file = save(fitted.getModel());
    Instances fewer = new Instances(iris);
    fewer.deleteAttributeAt(0);
    KMeans loaded = new KMeans();
    loaded.setOptions(new String[] {"-model-file", file.toString()});
    Exception e = assertThrows(IllegalArgumentException.class, () -> loaded.buildClusterer(fewer));
    assertTrue(e.getMessage().contains("has centroids of 4 columns, the data has 3"), e.getMessage());
    loaded.setModelFile(tmp.resolve("nothing.model").toString());
    e = assertThrows(java.io.IOException.class, () -> loaded.buildClusterer(iris));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    Files.writeString(tmp.resolve("text.model"), "not a model");
    loaded.setModelFile(tmp.resolve("text.model").toString());
    e = assertThrows(java.io.IOException.class, () -> loaded.buildClusterer(iris));
    assertTrue(e.getMessage().contains("is not a saved ClusterLab k-means model"), e.getMessage());
  }
}
