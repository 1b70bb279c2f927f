package clusterlab.weka;

import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.StepOutputListener;

/**
 * Keeps Weka's FlowRunner waiting for a KnowledgeFlow step that works on a trained clusterer
 * ({@code ClusterChart}, {@code ClusterQualityEvaluator}, {@code ClusterProfiler}) and for the steps
 * its output goes to. FlowRunner ends a run at the first poll that finds no step busy, and a batch
 * hand-over leaves a gap: the data wait for a pool thread while the sender is already finished. Two
 * gaps are closed here:
 * <ul>
 * <li>in: the step claims busy from its upstream's output listener ({@link #claimFromUpstream}), which
 * runs in the upstream thread before that step finishes; a stop releases the claim
 * ({@link #release});</li>
 * <li>out: the step's results are delivered in its own thread ({@link #inThisThread}, as Weka's
 * SetVariables and Job steps do), so the receivers (ImageSaver, TextSaver, TextViewer, ...) work while
 * the step is still busy.</li>
 * </ul>
 */
public final class ClustererHandOver implements StepOutputListener {

  private final StepManager self;

  private ClustererHandOver(StepManager self) {
    this.self = self;
  }

  /**
   * Registers (once per upstream: Weka keeps a listener once) a claim on {@code self} with every step
   * connected to it by {@code batchClusterer}; call from {@code stepInit}.
   *
   * @param claim the step's claim from an earlier run, or null the first time
   * @return the claim to keep for the next run
   */
  public static ClustererHandOver claimFromUpstream(StepManager self, ClustererHandOver claim) {
    ClustererHandOver c = claim != null && claim.self == self ? claim : new ClustererHandOver(self);
    for (StepManager up : self.getIncomingConnectedStepsOfConnectionType(StepManager.CON_BATCH_CLUSTERER)) {
      if (up instanceof StepManagerImpl) {
        ((StepManagerImpl) up).addStepOutputListener(c, StepManager.CON_BATCH_CLUSTERER);
      }
    }
    return c;
  }

  /** Releases a claim whose clusterer will now never be delivered; call from {@code stop}. */
  public static void release(StepManager self) {
    self.interrupted();
  }

  /** {@code out}, marked to be delivered to its receivers in the sending step's thread. */
  public static Data inThisThread(Data out) {
    out.setPayloadElement(StepManager.CON_AUX_DATA_IS_INCREMENTAL, true);
    return out;
  }

  @Override
  public boolean dataFromStep(Data data) {
    if (!self.isStopRequested()) {
      self.processing();
    }
    return true;
  }
}
