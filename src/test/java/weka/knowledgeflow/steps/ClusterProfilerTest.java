package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Environment;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;
import weka.knowledgeflow.StepManager;

/**
 * The example flow resources/flows/segmentation-income.kf (the bundled customer survey, KMedoids on
 * Gower, this step as text and as CSV) run headless in-process; the installed-package test runs it
 * again through FlowRunner's main in a separate JVM.
 */
class ClusterProfilerTest {

  @TempDir
  Path tmp;

  /** The asynchronous hand-overs of a FlowRunner run (see {@link HandOverFlow}): its report is never lost. */
  @Test
  void flowRunnerWaitsForTheReport() throws Exception {
    HandOverFlow.assertFlowRunnerWaitsForEveryOutput(new ClusterProfiler(), StepManager.CON_TEXT, 1);
  }

  @Test
  void exampleFlowWritesTheProfileAsTextAndCsv() throws Exception {
    Path base = PluginManifest.basedir();
    Environment env = clusterlab.conformance.ExampleFlows.environment(tmp);
    FlowRunner runner = new FlowRunner();
    runner.setEnvironment(env);
    runner.setFlow(Flow.loadFlow(base.resolve("resources/flows/segmentation-income.kf").toFile(), null));
    runner.run();
    runner.waitUntilFinished();
    Path txt = tmp.resolve("segmentation-income.txt");
    assertTrue(Files.exists(txt), "the flow wrote no profile");
    String text = Files.readString(txt);
    for (String s : new String[] {"Scheme: KMedoids", "8993 rows in 4 segments, 14 attributes", "In short",
        "--- Segment 3: ", "Rules that pick out the segment", "median '"}) {
      assertTrue(text.contains(s), "missing '" + s + "' in\n" + text);
    }
    List<String> csv = Files.readAllLines(tmp.resolve("segmentation-income.csv"));
    assertTrue(csv.get(0).startsWith("cluster,size,share,attribute,type,level"), csv.get(0));
    long sizes = csv.stream().skip(1).filter(l -> l.contains(",INCOME,ordinal,,")).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum();
    assertEquals(8993, sizes, "the four segments' sizes add up to the survey");
  }

  @Test
  void settersRefuseBadValuesNamingThem() {
    ClusterProfiler p = new ClusterProfiler();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.setFormat("xml"));
    assertTrue(e.getMessage().contains("text, csv or json"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.setCorrection("fdr"));
    assertTrue(e.getMessage().contains("holm"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.setAlpha(0));
    assertTrue(e.getMessage().contains("alpha"), e.getMessage());
  }
}
