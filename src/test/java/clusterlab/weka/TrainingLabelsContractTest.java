package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.ClusterEvaluation;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Regression tests of the defects found by the independent check (issue #11, item 8): the
 * partition Weka's evaluation scores is the partition the model reports. Before the fix,
 * Agglomerative (iris, complete, -N 3) reported 50/72/28 and ClusterEvaluation counted 50/41/59;
 * HDBSCAN (quakes, -M 10) reported 400 noise rows and the evaluation 355 unclustered.
 */
class TrainingLabelsContractTest {

  static Instances load(String name, boolean classLast) throws Exception {
    try (Reader r = Files.newBufferedReader(Paths.get("resources", "data", name), StandardCharsets.UTF_8)) {
      Instances data = new Instances(r);
      if (classLast) {
        data.setClassIndex(data.numAttributes() - 1);
      }
      return data;
    }
  }

  /** Cluster sizes as ClusterEvaluation counts them, with the unclustered count last. */
  static int[] evaluated(AbstractClusterer c, Instances data) throws Exception {
    ClusterEvaluation eval = new ClusterEvaluation();
    eval.setClusterer(c);
    eval.evaluateClusterer(data);
    double[] assignments = eval.getClusterAssignments();
    int[] sizes = new int[c.numberOfClusters() + 1];
    for (double a : assignments) {
      sizes[a < 0 ? sizes.length - 1 : (int) a]++;
    }
    return sizes;
  }

  /** Sizes of the model's labels, noise last. */
  static int[] reported(PartitioningClusterer<?> c) throws Exception {
    int[] sizes = new int[c.numberOfClusters() + 1];
    for (int l : c.getModel().labels()) {
      sizes[l < 0 ? sizes.length - 1 : l]++;
    }
    return sizes;
  }

  @Test
  void agglomerativeCompleteOnIrisEvaluatesTheCutItReports() throws Exception {
    Instances iris = load("iris.arff", true);
    PartitioningClusterer<?> c = (PartitioningClusterer<?>) AbstractClusterer.forName(
        "weka.clusterers.hierarchical.Agglomerative", Utils.splitOptions("-L complete -N 3"));
    c.buildClusterer(iris);
    int[] model = reported(c);
    int[] sorted = Arrays.copyOf(model, 3);
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {28, 50, 72}, sorted);
    assertArrayEquals(model, evaluated(c, iris));
  }

  @Test
  void divisiveOnIrisEvaluatesTheCutItReports() throws Exception {
    Instances iris = load("iris.arff", true);
    PartitioningClusterer<?> c = (PartitioningClusterer<?>) AbstractClusterer.forName(
        "weka.clusterers.hierarchical.Divisive", Utils.splitOptions("-N 3"));
    c.buildClusterer(iris);
    assertArrayEquals(reported(c), evaluated(c, iris));
  }

  @Test
  void hdbscanOnQuakesCountsTheNoiseItReports() throws Exception {
    Instances quakes = load("quakes.arff", false);
    PartitioningClusterer<?> c = (PartitioningClusterer<?>) AbstractClusterer.forName(
        "weka.clusterers.density.HDBSCAN", Utils.splitOptions("-M 10"));
    c.buildClusterer(quakes);
    int[] model = reported(c);
    assertEquals(400, model[model.length - 1]);
    assertArrayEquals(model, evaluated(c, quakes));
  }
}
