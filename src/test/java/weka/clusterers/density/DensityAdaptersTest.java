package weka.clusterers.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.clusterers.ClusterEvaluation;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AddDensityCluster;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;
import weka.knowledgeflow.JSONFlowLoader;

class DensityAdaptersTest {

  private static Instances quakes() throws Exception {
    Instances data = new Instances(new FileReader(Path.of(System.getProperty("clusterlab.basedir", "."),
        "resources", "data", "quakes.arff").toFile()));
    Filter std = new weka.filters.unsupervised.attribute.Standardize();
    std.setInputFormat(data);
    return Filter.useFilter(data, std);
  }

  @Test
  void dbscanNoiseIsUnclusteredAndToStringReportsCounts() throws Exception {
    Instances data = quakes();
    DBSCAN db = new DBSCAN();
    db.setOptions(new String[] {"-E", "0.5", "-M", "10"});
    db.buildClusterer(data);
    int noise = db.getModel().noiseCount();
    assertTrue(noise > 0);
    ClusterEvaluation eval = new ClusterEvaluation();
    eval.setClusterer(db);
    eval.evaluateClusterer(data);
    assertTrue(eval.clusterResultsToString().contains("Unclustered instances : " + noise), eval.clusterResultsToString());
    String s = db.toString();
    assertTrue(s.contains("Core points: " + db.getModel().coreCount()) && s.contains("Noise: " + noise), s);
    int first = -1;
    for (int i = 0; i < data.numInstances() && first < 0; i++) {
      first = db.getModel().label(i) < 0 ? i : -1;
    }
    int noiseRow = first;
    assertThrows(Exception.class, () -> db.clusterInstance(data.instance(noiseRow)));
  }

  @Test
  void autoEpsIsReported() throws Exception {
    DBSCAN db = new DBSCAN();
    db.setOptions(new String[] {"-auto-eps", "-M", "10"});
    db.buildClusterer(quakes());
    assertTrue(db.getModel().epsChosenAutomatically());
    assertTrue(db.toString().contains("chosen: knee of the k-distance curve"), db.toString());
  }

  @Test
  void hdbscanDistributionIsMembershipProbability() throws Exception {
    Instances data = quakes();
    HDBSCAN h = new HDBSCAN();
    h.setOptions(new String[] {"-M", "15"});
    h.buildClusterer(data);
    int members = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      double[] dist = h.distributionForInstance(data.instance(i));
      double sum = 0;
      for (double p : dist) {
        assertTrue(p >= 0 && p <= 1);
        sum += p;
      }
      assertTrue(sum <= 1 + 1e-12);
      members += sum > 0 ? 1 : 0;
    }
    assertTrue(members > data.numInstances() / 2);
  }

  @Test
  void filterAppendsNoiseValueAndScore() throws Exception {
    Instances data = quakes();
    AddDensityCluster f = new AddDensityCluster();
    f.setOptions(new String[] {"-W", "weka.clusterers.density.HDBSCAN -M 15"});
    f.setInputFormat(data);
    Instances out = Filter.useFilter(data, f);
    int c = out.attribute(AddDensityCluster.CLUSTER_ATTRIBUTE).index();
    int s = out.attribute(AddDensityCluster.SCORE_ATTRIBUTE).index();
    int[] labels = ((HDBSCAN) f.getTrainedClusterer()).getModel().labels();
    double[] glosh = ((HDBSCAN) f.getTrainedClusterer()).trainingOutlierScores();
    for (int i = 0; i < out.numInstances(); i++) {
      String v = out.instance(i).stringValue(c);
      assertEquals(labels[i] < 0 ? AddDensityCluster.NOISE : "cluster" + labels[i], v);
      assertEquals(glosh[i], out.instance(i).value(s), 0.0);
    }
  }

  @Test
  void exampleFlowSavesLabelledData(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    Map<String, String> env = new HashMap<>();
    Flow flow = new JSONFlowLoader().readFlow(base.resolve("resources/flows/density-quakes.kf").toFile());
    FlowRunner runner = new FlowRunner();
    runner.setEnvironment(clusterlab.conformance.ExampleFlows.environment(out));
    runner.setFlow(flow);
    runner.run();
    runner.waitUntilFinished();
    Path saved;
    try (var files = Files.list(out)) {
      saved = files.filter(p -> p.toString().endsWith(".arff")).findFirst().orElseThrow();
    }
    Instances labelled = DataSource.read(saved.toString());
    assertEquals(1000, labelled.numInstances());
    assertTrue(labelled.attribute(AddDensityCluster.CLUSTER_ATTRIBUTE).indexOfValue(AddDensityCluster.NOISE) >= 0);
    assertTrue(env.isEmpty());
  }

  @Test
  void everyDensityModelSaysHowNoiseIsShownInWeka() throws Exception {
    for (weka.clusterers.Clusterer c : new weka.clusterers.Clusterer[] {new DBSCAN(), new OPTICS(), new HDBSCAN()}) {
      c.buildClusterer(quakes());
      String text = c.toString();
      org.junit.jupiter.api.Assertions.assertTrue(text.contains("Visualize cluster assignments")
          && text.contains("AddDensityCluster"), c.getClass().getSimpleName() + " does not explain noise:\n" + text);
    }
  }
}
