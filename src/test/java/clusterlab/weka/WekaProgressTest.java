package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.io.FileReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import weka.clusterers.centroid.KMeans;
import weka.clusterers.meta.ChooseK;
import weka.core.Instances;

/**
 * A front end observing its building thread (the Cluster Lab tab's status bar) gets the progress
 * of the outermost ClusterLab build on it, and nothing once it stops observing.
 */
class WekaProgressTest {

  static Instances iris() throws Exception {
    try (FileReader r = new FileReader(PluginManifest.basedir().resolve("resources/data/iris.arff").toFile())) {
      Instances d = new Instances(r);
      d.deleteAttributeAt(4);
      return d;
    }
  }

  @Test
  void theObserverSeesTheOutermostBuildOnItsThread() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    ChooseK ck = new ChooseK();
    KMeans km = new KMeans();
    km.setNumThreads(1);
    ck.setClusterer(km);
    ck.setMinK(2);
    ck.setMaxK(4);
    ck.setNumThreads(1);
    try (AutoCloseable watch = WekaProgress.observe((c, stage, f, m) -> seen.add(c + "/" + stage + "/" + f))) {
      ck.buildClusterer(iris());
    }
    assertFalse(seen.isEmpty(), "the sweep reported its progress");
    assertTrue(seen.stream().allMatch(s -> s.startsWith("ChooseK/choose-k/")),
        "only the outermost build (not the K-Means it runs on the same thread) reaches the observer: " + seen);
    assertTrue(seen.stream().anyMatch(s -> !s.endsWith("/NaN")), "with a fraction done: " + seen);
    seen.clear();
    new KMeans().buildClusterer(iris());
    assertTrue(seen.isEmpty(), "a closed observation sees nothing more: " + seen);
  }
}
