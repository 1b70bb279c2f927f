package weka.clusterers.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.hierarchical.Linkage;
import clusterlab.core.hierarchical.MergeHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import org.junit.jupiter.api.Test;

/** The Weka adapters end to end: options, cuts, assignment of new instances, Newick output. */
class AgglomerativeTest {

  static Instances iris() throws Exception {
    Instances data = new Instances(Files.newBufferedReader(Paths.get("resources", "data", "iris.arff"), StandardCharsets.UTF_8));
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  static Dataset numeric(Instances data) {
    int n = data.numInstances();
    double[] v = new double[n * 4];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        v[i * 4 + j] = data.instance(i).value(j);
      }
    }
    return Dataset.of(v, n, 4);
  }

  @Test
  void sameTreeAsTheCoreAndCutsByOptions() throws Exception {
    Instances data = iris();
    Agglomerative a = new Agglomerative();
    a.setOptions(Utils.splitOptions("-L average -cut height -H 1.2"));
    a.buildClusterer(data);
    MergeHistory core = new clusterlab.core.hierarchical.Agglomerative(Linkage.AVERAGE, Metric.EUCLIDEAN,
        clusterlab.core.hierarchical.Agglomerative.Storage.MATRIX, 1).fit(numeric(data), Progress.NONE);
    assertArrayEquals(core.heights(), a.getMergeHistory().heights(), 0.0);
    assertArrayEquals(core.cutHeight(1.2), a.getTrainingLabels());
    assertEquals(a.getTrainingLabels().length, data.numInstances());

    a.setOptions(Utils.splitOptions("-L average -cut inconsistency -inconsistency 1.1 -depth 3"));
    a.buildClusterer(data);
    assertArrayEquals(core.cutInconsistent(1.1, 3), a.getTrainingLabels());
    assertTrue(a.getCopheneticCorrelation() > 0.8, "iris average linkage cophenetic correlation is about 0.87");
  }

  @Test
  void singleLinkageAssignsTrainingRowsToTheirOwnCluster() throws Exception {
    Instances data = iris();
    Agglomerative a = new Agglomerative();
    a.setOptions(Utils.splitOptions("-L single -N 4"));
    a.buildClusterer(data);
    int[] labels = a.getTrainingLabels();
    for (int i = 0; i < data.numInstances(); i++) {
      assertEquals(labels[i], a.clusterInstance(data.instance(i)), "row " + i);
    }
  }

  @Test
  void wardAssignmentIsTheSmallestIncreaseOfTheSumOfSquares() throws Exception {
    Instances data = iris();
    Agglomerative a = new Agglomerative();
    a.setOptions(Utils.splitOptions("-L ward -N 3"));
    a.buildClusterer(data);
    int[] labels = a.getTrainingLabels();
    double[][] c = new double[3][4];
    int[] size = new int[3];
    for (int i = 0; i < labels.length; i++) {
      size[labels[i]]++;
      for (int j = 0; j < 4; j++) {
        c[labels[i]][j] += data.instance(i).value(j);
      }
    }
    DenseInstance x = new DenseInstance(1.0, new double[] {6.0, 3.0, 4.5, 1.5, 0});
    x.setDataset(data);
    x.setMissing(4);
    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int k = 0; k < 3; k++) {
      double sq = 0;
      for (int j = 0; j < 4; j++) {
        double t = x.value(j) - c[k][j] / size[k];
        sq += t * t;
      }
      double cost = size[k] / (size[k] + 1.0) * sq;
      if (cost < bestCost) {
        bestCost = cost;
        best = k;
      }
    }
    assertEquals(best, a.clusterInstance(x));
  }

  @Test
  void wekaDistanceWithoutNormalisationGivesTheBuiltInTree() throws Exception {
    Instances data = iris();
    Agglomerative builtIn = new Agglomerative();
    builtIn.setOptions(Utils.splitOptions("-L complete -N 3"));
    builtIn.buildClusterer(data);
    Agglomerative weka = new Agglomerative();
    weka.setOptions(Utils.splitOptions("-L complete -N 3 -distance weka -A \"weka.core.EuclideanDistance -D -R first-last\""));
    weka.buildClusterer(data);
    assertArrayEquals(builtIn.getMergeHistory().heights(), weka.getMergeHistory().heights(), 1e-12);
    assertArrayEquals(builtIn.getTrainingLabels(), weka.getTrainingLabels());
  }

  @Test
  void newickHasEveryLeafNamedByTheStringAttribute() throws Exception {
    Instances iris = iris();
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("id", (java.util.List<String>) null));
    for (int j = 0; j < 4; j++) {
      atts.add(iris.attribute(j).copy(iris.attribute(j).name()));
    }
    Instances data = new Instances("labelled", atts, iris.numInstances());
    for (int i = 0; i < iris.numInstances(); i++) {
      double[] v = new double[5];
      v[0] = data.attribute(0).addStringValue("flower " + i);
      for (int j = 0; j < 4; j++) {
        v[j + 1] = iris.instance(i).value(j);
      }
      data.add(new DenseInstance(1.0, v));
    }
    for (weka.clusterers.Clusterer c : new weka.clusterers.Clusterer[] {new Agglomerative(), new Divisive()}) {
      c.buildClusterer(data);
      String newick = ((weka.core.Drawable) c).graph();
      for (int i = 0; i < data.numInstances(); i++) {
        assertTrue(newick.contains("flower_" + i + ":"), c.getClass().getSimpleName() + " leaf " + i);
      }
      assertEquals(data.numInstances() - 1, newick.chars().filter(ch -> ch == '(').count());
      assertTrue(newick.startsWith("Newick:("), "the Explorer shows only graphs starting with Newick:");
      // Weka's own viewer (used by "Visualize tree") parses the whole tree
      new weka.gui.hierarchyvisualizer.HierarchyVisualizer(newick.substring(7));
    }
    Agglomerative plain = new Agglomerative();
    plain.buildClusterer(iris);
    assertTrue(plain.graph().contains("(") && plain.graph().contains("150:"), "row numbers from 1 without an ID attribute");
  }

  @Test
  void divisiveReportsItsCoefficient() throws Exception {
    Divisive d = new Divisive();
    d.setOptions(Utils.splitOptions("-N 3"));
    d.buildClusterer(iris());
    assertTrue(d.toString().contains("Divisive coefficient"));
    assertEquals(3, d.numberOfClusters());
    assertEquals(d.getTrainingLabels()[0], d.clusterInstance(iris().instance(0)));
  }
}
