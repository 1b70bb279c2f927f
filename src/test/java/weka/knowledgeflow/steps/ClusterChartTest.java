package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Environment;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;

/**
 * The chart example flows (resources/flows/charts-*.kf: loader, training set maker, clusterer,
 * this step, Weka's ImageSaver) run headless in-process, each writing one readable PNG per chart
 * that applies; the installed-package test runs them again through FlowRunner in a separate JVM.
 */
class ClusterChartTest {

  @TempDir
  Path tmp;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @ParameterizedTest
  @CsvSource({"charts-centroid-iris, 5", "charts-choosek-iris, 2", "charts-hierarchical-usarrests, 4",
      "charts-density-faithful, 5"})
  void exampleFlowWritesOnePngPerChart(String flow, int charts) throws Exception {
    Path base = PluginManifest.basedir();
    Environment env = clusterlab.conformance.ExampleFlows.environment(tmp);
    FlowRunner runner = new FlowRunner();
    runner.setEnvironment(env);
    runner.setFlow(Flow.loadFlow(base.resolve("resources/flows/" + flow + ".kf").toFile(), null));
    runner.run();
    runner.waitUntilFinished();
    List<Path> pngs;
    try (Stream<Path> s = Files.list(tmp)) {
      pngs = s.filter(p -> p.getFileName().toString().startsWith(flow) && p.toString().endsWith(".png"))
          .sorted().collect(Collectors.toList());
    }
    assertEquals(charts, pngs.size(), flow + " wrote " + pngs);
    for (Path p : pngs) {
      BufferedImage img = ImageIO.read(p.toFile());
      assertTrue(img != null && img.getWidth() == 900 && img.getHeight() >= 600, p + " is not a 900-pixel-wide PNG");
    }
  }

  /** The flaky "3 of 5 images" of the example flows (see {@link HandOverFlow}). */
  @Test
  void flowRunnerWaitsForEveryImageOfTheStep() throws Exception {
    ClusterChart chart = new ClusterChart();
    chart.setCharts("scatter,silhouette");
    HandOverFlow.assertFlowRunnerWaitsForEveryOutput(chart, StepManager.CON_IMAGE, 2);
  }

  @Test
  void settingsAreChecked() {
    ClusterChart step = new ClusterChart();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> step.setCharts("scatter,pie"));
    assertTrue(e.getMessage().contains("pie"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> step.setOutline("box"));
    assertThrows(IllegalArgumentException.class, () -> step.setWidth(10));
    step.setCharts("dendrogram,scatter");
    assertEquals("dendrogram,scatter", step.getCharts());
  }
}
