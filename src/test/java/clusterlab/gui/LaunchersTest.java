package clusterlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.hierarchical.NewickTree;
import clusterlab.gui.model.ClusterAnalyzer;
import clusterlab.gui.model.ClusterResult;
import clusterlab.weka.QualitySupport;
import java.io.FileReader;
import org.junit.jupiter.api.Test;
import weka.clusterers.HierarchicalClusterer;
import weka.clusterers.SimpleKMeans;
import weka.core.Instances;
import weka.core.Utils;

/** The non-visual part of the Cluster tab's launchers and tree plugin (the windows are the GUI test's). */
class LaunchersTest {

  static Instances iris() throws Exception {
    Instances d = new Instances(new FileReader(
        clusterlab.conformance.PluginManifest.basedir().resolve("resources/data/iris.arff").toFile()));
    d.setClassIndex(d.numAttributes() - 1);
    return d;
  }

  @Test
  void wekasOwnHierarchicalClustererOpensAsACuttableDendrogram() throws Exception {
    Instances data = iris();
    Instances train = QualitySupport.withoutClass(data);
    HierarchicalClusterer hc = new HierarchicalClusterer();
    hc.setOptions(Utils.splitOptions("-N 1 -L AVERAGE"));
    hc.buildClusterer(train);
    assertNotNull(new DendrogramTreePlugin().getVisualizeMenuItem(hc.graph(), "hc"));
    assertNull(new DendrogramTreePlugin().getVisualizeMenuItem("digraph { a -> b }", "tree"));
    NewickTree t = NewickTree.parse(hc.graph());
    assertEquals(150, t.tree().n());
    ClusterResult r = ClusterAnalyzer.ofTree(t.tree(), t.labels(), 3);
    assertEquals(3, r.numClusters());
    Object viaLauncher = new DendrogramLauncher().prepare(ClusterAnalyzer.analyze(hc, data, train), hc, train);
    assertTrue(viaLauncher instanceof ClusterResult && ((ClusterResult) viaLauncher).extras().tree.n() == 150);
  }

  @Test
  void theKSweepLauncherSweepsAnyClustererWhoseKCanBeSet() throws Exception {
    Instances data = iris();
    Instances train = QualitySupport.withoutClass(data);
    SimpleKMeans km = new SimpleKMeans();
    km.setNumClusters(3);
    km.buildClusterer(train);
    Object o = new KSweepLauncher().prepare(ClusterAnalyzer.analyze(km, data, train), km, train);
    assertTrue(o instanceof ClusterResult, String.valueOf(o));
    assertEquals(2, ((ClusterResult) o).extras().curve.ks()[0]);
    assertEquals(10, ((ClusterResult) o).extras().curve.ks()[8]);
    Object none = new DendrogramLauncher().prepare(ClusterAnalyzer.analyze(km, data, train), km, train);
    assertTrue(none instanceof String && ((String) none).contains("no tree"), String.valueOf(none));
  }

  @Test
  void theClusterTabsTrainingDataLosesItsIgnoredAttributes() throws Exception {
    Instances d = ClusterTabLauncher.withoutAttributes(iris(), new int[] {4});
    assertEquals(4, d.numAttributes());
    assertEquals(-1, d.classIndex());
  }

  @Test
  void theSegmentsLauncherProfilesAnyClusterersResult() throws Exception {
    Instances data = iris();
    Instances train = QualitySupport.withoutClass(data);
    SimpleKMeans km = new SimpleKMeans();
    km.setNumClusters(3);
    km.buildClusterer(train);
    assertNull(new SegmentsLauncher().prepare(ClusterAnalyzer.analyze(km, data, train), km, train));
    assertEquals(ResultView.SEGMENTS, new SegmentsLauncher().tab());
  }
}
