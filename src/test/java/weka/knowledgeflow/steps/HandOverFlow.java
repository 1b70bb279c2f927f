package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import weka.clusterers.SimpleKMeans;
import weka.core.Instances;
import weka.core.WekaException;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;

/**
 * The flaky "3 of 5 outputs" of the example flows, made certain, for any step that works on a
 * {@code batchClusterer}: FlowRunner.waitUntilFinished ends at the first poll that finds no step busy,
 * and every asynchronous hand-over (clusterer to the step, its output to the next step) leaves a gap
 * where the sender is finished and the receiver has not started. Here the gaps are made long on
 * purpose: the receiver of the step's output only starts working 4 s after it is handed one, and the
 * step must be busy at the instant its upstream step finishes.
 */
final class HandOverFlow {

  private HandOverFlow() {
  }

  /**
   * Runs K-Means on iris into {@code step}, its {@code output} connection into a late receiver, with
   * FlowRunner, and checks that FlowRunner waited for all {@code expected} outputs.
   */
  static void assertFlowRunnerWaitsForEveryOutput(BaseStep step, String output, int expected) throws Exception {
    Flow flow = new Flow();
    TrainedKMeans sourceStep = new TrainedKMeans();
    StepManagerImpl source = new StepManagerImpl(sourceStep);
    StepManagerImpl tested = new StepManagerImpl(step);
    LateSink sinkStep = new LateSink(output);
    StepManagerImpl sink = new StepManagerImpl(sinkStep);
    for (StepManagerImpl m : List.of(source, tested, sink)) {
      flow.addStep(m);
    }
    assertTrue(flow.connectSteps(source, tested, StepManager.CON_BATCH_CLUSTERER));
    assertTrue(flow.connectSteps(tested, sink, output));
    sourceStep.downstream = tested;
    FlowRunner runner = new FlowRunner();
    runner.setFlow(flow);
    runner.run();
    runner.waitUntilFinished();
    int received = sinkStep.received.get();
    assertAll(() -> assertEquals(Boolean.TRUE, sourceStep.downstreamBusyWhenHandedOver,
        step.getClass().getSimpleName() + " was not busy when its clusterer's step finished"),
        () -> assertEquals(expected, received, "FlowRunner returned before every " + output + " of "
            + step.getClass().getSimpleName() + " was received"));
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

  /** A receiver that a loaded machine schedules late: it starts working 4 s after being handed its input. */
  @KFStep(name = "LateSink", category = "Test", toolTipText = "", iconPath = "")
  public static class LateSink extends BaseStep {
    private static final long serialVersionUID = 1L;
    final transient AtomicInteger received = new AtomicInteger();
    private final String connection;

    LateSink(String connection) {
      this.connection = connection;
    }

    @Override
    public void stepInit() {
    }

    @Override
    public List<String> getIncomingConnectionTypes() {
      return List.of(connection);
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
      received.incrementAndGet();
      getStepManager().finished();
    }
  }
}
