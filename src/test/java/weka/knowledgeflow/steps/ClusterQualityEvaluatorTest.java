package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Environment;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;
import weka.knowledgeflow.StepManager;

/**
 * The example flow resources/flows/cluster-quality-iris.kf (loader, class assigner, training set
 * maker, KMeans, this step, text saver) run headless in-process; the installed-package test runs it
 * again through FlowRunner's main in a separate JVM.
 */
class ClusterQualityEvaluatorTest {

  @TempDir
  Path tmp;

  /** The asynchronous hand-overs of a FlowRunner run (see {@link HandOverFlow}): its report is never lost. */
  @Test
  void flowRunnerWaitsForTheReport() throws Exception {
    HandOverFlow.assertFlowRunnerWaitsForEveryOutput(new ClusterQualityEvaluator(), StepManager.CON_TEXT, 1);
  }

  @Test
  void exampleFlowWritesTheQualityReport() throws Exception {
    Path base = PluginManifest.basedir();
    Environment env = clusterlab.conformance.ExampleFlows.environment(tmp);
    FlowRunner runner = new FlowRunner();
    runner.setEnvironment(env);
    runner.setFlow(Flow.loadFlow(base.resolve("resources/flows/cluster-quality-iris.kf").toFile(), null));
    runner.run();
    runner.waitUntilFinished();
    Path out = tmp.resolve("cluster-quality-iris.txt");
    assertTrue(Files.exists(out), "the flow wrote nothing");
    String text = Files.readString(out);
    for (String s : new String[] {"silhouette", "davies_bouldin", "adjusted_rand", "purity", "Relation: iris"}) {
      assertTrue(text.contains(s), "missing " + s + " in\n" + text);
    }
    // the dataSet output: every instance with its cluster and silhouette, mean = the reported silhouette
    java.util.List<String> rows = Files.readAllLines(tmp.resolve("iris-silhouette.csv"));
    assertEquals(151, rows.size(), "header + 150 instances");
    assertTrue(rows.get(0).endsWith("cluster,silhouette"), rows.get(0));
    double sum = 0;
    for (String r : rows.subList(1, rows.size())) {
      String[] f = r.split(",");
      sum += Double.parseDouble(f[f.length - 1]);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("silhouette\\s+([0-9.]+)").matcher(text);
    assertTrue(m.find());
    assertEquals(Double.parseDouble(m.group(1)), sum / 150, 1e-5);
  }

  @Test
  void evaluatesTheTestSetToo() throws Exception {
    Path base = PluginManifest.basedir();
    String flow = Files.readString(base.resolve("resources/flows/cluster-quality-iris.kf"))
        .replace("\"class\" : \"weka.knowledgeflow.steps.TrainingSetMaker\",\n      \"properties\" : { \"name\" : \"TrainingSetMaker\" },\n"
            + "      \"connections\" : { \"trainingSet\" : [ \"KMeans\" ] }",
            "\"class\" : \"weka.knowledgeflow.steps.TrainTestSplitMaker\",\n      \"properties\" : { \"name\" : \"TrainingSetMaker\", "
            + "\"trainPercent\" : \"70\", \"seed\" : \"1\" },\n"
            + "      \"connections\" : { \"trainingSet\" : [ \"KMeans\" ], \"testSet\" : [ \"KMeans\" ] }");
    flow = flow.replace("\"append\" : false", "\"append\" : true");
    assertTrue(flow.contains("TrainTestSplitMaker") && flow.contains("\"append\" : true"), "flow rewrite failed");
    Path file = tmp.resolve("split.kf");
    Files.writeString(file, flow);
    Environment env = clusterlab.conformance.ExampleFlows.environment(tmp);
    FlowRunner runner = new FlowRunner();
    runner.setEnvironment(env);
    runner.setFlow(Flow.loadFlow(file.toFile(), null));
    runner.run();
    runner.waitUntilFinished();
    String text = Files.readString(tmp.resolve("cluster-quality-iris.txt"));
    assertTrue(text.contains("on training instances") && text.contains("on test instances"), text);
    assertTrue(text.contains("rows                                  105") && text.contains("rows                                   45"), text);
  }

  @Test
  void declaresItsConnections() {
    ClusterQualityEvaluator step = new ClusterQualityEvaluator();
    step.setDistance("manhattan");
    assertEquals("manhattan", step.getDistance());
    assertTrue(step.globalInfo().contains("batchClusterer"));
  }
}
