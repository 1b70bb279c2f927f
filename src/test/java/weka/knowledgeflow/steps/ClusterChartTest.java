package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.SimpleKMeans;
import weka.core.Environment;
import weka.core.Instances;
import weka.core.WekaException;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;
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

  /**
   * The flaky "3 of 5 images" of the example flows: FlowRunner.waitUntilFinished ends at the first poll that
   * finds no step busy, and every asynchronous hand-over (clusterer to this step, image to the saver) leaves a
   * gap where the sender is finished and the receiver has not started. Here the gaps are made long on purpose:
   * the receiver of the images only starts working 4 s after it is handed one, and this step must still be
   * busy at the instant its upstream step finishes.
   */
  @Test
  void flowRunnerWaitsForEveryImageOfTheStep() throws Exception {
    Flow flow = new Flow();
    StepManagerImpl source = new StepManagerImpl(new TrainedKMeans());
    StepManagerImpl chart = new StepManagerImpl(new ClusterChart());
    LateImageSink sinkStep = new LateImageSink();
    StepManagerImpl sink = new StepManagerImpl(sinkStep);
    ((ClusterChart) chart.getManagedStep()).setCharts("scatter,silhouette");
    for (StepManagerImpl m : List.of(source, chart, sink)) {
      flow.addStep(m);
    }
    assertTrue(flow.connectSteps(source, chart, StepManager.CON_BATCH_CLUSTERER));
    assertTrue(flow.connectSteps(chart, sink, StepManager.CON_IMAGE));
    ((TrainedKMeans) source.getManagedStep()).downstream = chart;
    FlowRunner runner = new FlowRunner();
    runner.setFlow(flow);
    runner.run();
    runner.waitUntilFinished();
    assertEquals(Boolean.TRUE, ((TrainedKMeans) source.getManagedStep()).downstreamBusyWhenHandedOver,
        "the chart step was not busy when its clusterer's step finished");
    assertEquals(2, sinkStep.images.get(), "FlowRunner returned before every image was received");
  }

  /** A start point emitting a K-Means trained on iris, noting whether its receiver is busy when it finishes. */
  @KFStep(name = "TrainedKMeans", category = "Test", toolTipText = "", iconPath = "")
  public static class TrainedKMeans extends BaseStep {
    private static final long serialVersionUID = 1L;
    transient StepManagerImpl downstream;
    transient volatile Boolean downstreamBusyWhenHandedOver;

    @Override
    public void stepInit() {
    }

    @Override
    public List<String> getIncomingConnectionTypes() {
      return List.of();
    }

    @Override
    public List<String> getOutgoingConnectionTypes() {
      return List.of(StepManager.CON_BATCH_CLUSTERER);
    }

    @Override
    public void start() throws WekaException {
      getStepManager().processing();
      try {
        Instances iris = new Instances(java.nio.file.Files.newBufferedReader(
            PluginManifest.basedir().resolve("resources/data/iris.arff")));
        iris.deleteAttributeAt(iris.numAttributes() - 1);
        SimpleKMeans km = new SimpleKMeans();
        km.setNumClusters(3);
        km.buildClusterer(iris);
        Data d = new Data(StepManager.CON_BATCH_CLUSTERER, km);
        d.setPayloadElement(StepManager.CON_AUX_DATA_TRAININGSET, iris);
        getStepManager().outputData(d);
        downstreamBusyWhenHandedOver = downstream.isStepBusy();
      } catch (Exception e) {
        throw new WekaException(e);
      }
      getStepManager().finished();
    }
  }

  /** An image receiver that a loaded machine schedules late: it starts working 4 s after being handed an image. */
  @KFStep(name = "LateImageSink", category = "Test", toolTipText = "", iconPath = "")
  public static class LateImageSink extends BaseStep {
    private static final long serialVersionUID = 1L;
    final transient AtomicInteger images = new AtomicInteger();

    @Override
    public void stepInit() {
    }

    @Override
    public List<String> getIncomingConnectionTypes() {
      return List.of(StepManager.CON_IMAGE);
    }

    @Override
    public List<String> getOutgoingConnectionTypes() {
      return List.of();
    }

    @Override
    public void processIncoming(Data data) throws WekaException {
      try {
        Thread.sleep(4000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      getStepManager().processing();
      images.incrementAndGet();
      getStepManager().finished();
    }
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
