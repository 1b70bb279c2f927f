package clusterlab.gui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.weka.QualitySupport;
import java.io.FileReader;
import org.junit.jupiter.api.Test;
import weka.clusterers.Clusterer;
import weka.clusterers.density.DBSCAN;
import weka.clusterers.density.OPTICS;
import weka.clusterers.hierarchical.Agglomerative;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/** The non-visual half of the interactive lines: re-cut and re-label give the labels, model and indices the tab shows. */
class RelabelTest {

  static Instances iris() throws Exception {
    Instances d = new Instances(new FileReader(PluginManifest.basedir().resolve("resources/data/iris.arff").toFile()));
    d.setClassIndex(d.numAttributes() - 1);
    return d;
  }

  static ClusterResult run(Clusterer c, Instances data) throws Exception {
    Instances train = QualitySupport.withoutClass(data);
    c.buildClusterer(train);
    return ClusterAnalyzer.analyze(c, data, train);
  }

  @Test
  void draggingTheCutLineRecutsTheTreeAndTheModelFollows() throws Exception {
    Agglomerative agg = new Agglomerative();
    agg.setOptions(Utils.splitOptions("-N 3 -L ward"));
    ClusterResult r = run(agg, iris());
    assertEquals(3, r.numClusters());
    MergeHistory tree = r.extras().tree;
    assertNotNull(tree);
    // the initial line reproduces the count cut
    assertArrayEquals(r.labels(), tree.cutHeight(r.extras().cutHeight));
    Relabel cut = Relabel.forResult(r, Relabel.Line.CUT_HEIGHT);
    assertNotNull(cut);
    assertNull(Relabel.forResult(r, Relabel.Line.EPS));
    // a line just below the 4th-highest merge gives 5 clusters; the re-cut model reports the same labels
    double h = (tree.height(tree.merges() - 5) + tree.height(tree.merges() - 4)) / 2;
    ClusterResult five = cut.apply(r, h);
    assertEquals(5, five.numClusters());
    assertEquals(5, five.report().value("clusters"));
    assertEquals(5, five.clusterer().numberOfClusters());
    assertArrayEquals(tree.cutHeight(h), five.labels());
    Instances train = five.trainData();
    for (int i = 0; i < train.numInstances(); i += 17) {
      assertEquals(five.labels()[i], five.clusterer().clusterInstance(train.instance(i)), "row " + i);
    }
    assertEquals(3, r.clusterer().numberOfClusters(), "the original model is left as it was");
    assertTrue(five.report().value("silhouette") != r.report().value("silhouette"));
    assertEquals(h, five.extras().cutHeight, 0);
  }

  @Test
  void draggingTheEpsLineReRunsDbscan() throws Exception {
    DBSCAN db = new DBSCAN();
    db.setOptions(Utils.splitOptions("-E 0.4 -M 5"));
    ClusterResult r = run(db, iris());
    assertEquals(0.4, r.extras().eps, 0);
    assertEquals(4, r.extras().kDistanceK);
    assertEquals(150, r.extras().kDistance.length);
    Relabel eps = Relabel.forResult(r, Relabel.Line.EPS);
    ClusterResult wide = eps.apply(r, 1.5);
    assertEquals(1.5, wide.extras().eps, 0);
    assertEquals(1.5, ((DBSCAN) wide.clusterer()).getModel().eps(), 0);
    DBSCAN direct = new DBSCAN();
    direct.setOptions(Utils.splitOptions("-E 1.5 -M 5"));
    direct.buildClusterer(wide.trainData());
    assertArrayEquals(direct.getModel().labels(), wide.labels());
    assertEquals(2, wide.numClusters(), "iris at eps 1.5: setosa and the rest");
    assertThrows(IllegalArgumentException.class, () -> eps.apply(r, Double.NaN));
  }

  @Test
  void theOpticsEpsLineExtractsDbscanFromTheOrdering() throws Exception {
    OPTICS op = new OPTICS();
    op.setOptions(Utils.splitOptions("-M 5"));
    ClusterResult r = run(op, iris());
    ClusterResult at = Relabel.forResult(r, Relabel.Line.EPS).apply(r, 0.5);
    assertArrayEquals(r.extras().optics.extractDbscan(0.5), at.labels());
    assertEquals(at.numClusters(), at.report().value("clusters"));
  }

  @Test
  void aNewickTreeAloneIsCutByHeight() throws Exception {
    MergeHistory t = MergeHistory.of(4, new int[] {0, 2, 4}, new int[] {1, 3, 5}, new double[] {1, 2, 5});
    ClusterResult r = ClusterAnalyzer.ofTree(t, new String[] {"a", "b", "c", "d"}, 2);
    assertEquals(3.5, r.extras().cutHeight, 1e-12);
    ClusterResult three = Relabel.forResult(r, Relabel.Line.CUT_HEIGHT).apply(r, 1.5);
    assertEquals(3, three.numClusters());
    assertNull(three.report());
  }

  @Test
  void anyWekaClustererGivesLabelsAndIndices() throws Exception {
    weka.clusterers.SimpleKMeans km = new weka.clusterers.SimpleKMeans();
    km.setNumClusters(3);
    ClusterResult r = run(km, iris());
    assertEquals(3, r.numClusters());
    Instance first = r.trainData().instance(0);
    assertEquals(km.clusterInstance(first), r.labels()[0]);
    assertTrue(r.report().value("adjusted_rand") > 0.5, "the iris class is the external reference");
    assertNull(Relabel.forResult(r, Relabel.Line.CUT_HEIGHT));
  }
}
