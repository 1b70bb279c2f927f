package clusterlab.weka;

import java.util.ArrayList;
import java.util.List;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.WekaException;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.steps.BaseStep;

/**
 * The shape of a KnowledgeFlow step that reports on a trained clusterer
 * ({@code ClusterQualityEvaluator}, {@code ClusterProfiler}): one incoming {@code batchClusterer}
 * connection (the Clusterer step's, carrying the training set and, when there is one, the test set);
 * the subclass reports on each set in turn; processing, interruption and the end of the last fold
 * are signalled to the step manager here, and the hand-overs in and out keep a FlowRunner waiting
 * ({@link ClustererHandOver}): subclasses send their results with {@link #send}. It holds the
 * {@code numThreads} setting both steps share.
 */
public abstract class ClustererResultStep extends BaseStep {

  private static final long serialVersionUID = 1L;

  private int numThreads = ThreadsOption.DEFAULT;

  /** The outgoing connection types once an incoming connection exists. */
  protected abstract List<String> outputs();

  /**
   * Reports on one set.
   *
   * @param which "training" or "test"
   * @param name the clusterer's simple class name
   */
  protected abstract void report(Clusterer clusterer, Instances set, String which, String name, int setNum,
      int maxSetNum) throws Exception;

  /** The thread count of the report ({@code <= 0}: all cores). */
  protected int threads() {
    return numThreads;
  }

  /** Worker threads, as every ClusterLab component spells them ({@link ThreadsOption}); a step has no command line. */
  @OptionMetadata(displayName = ThreadsOption.DISPLAY_NAME, description = ThreadsOption.DESCRIPTION,
      displayOrder = ThreadsOption.DISPLAY_ORDER)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  /** The configuration dialog whose option area grows with the window. */
  @Override
  public String getCustomEditorForStep() {
    return ResizableStepEditor.class.getName();
  }

  /** Keeps FlowRunner waiting while a clusterer is on its way here (see {@link ClustererHandOver}). */
  private transient ClustererHandOver claim;

  @Override
  public void stepInit() {
    claim = ClustererHandOver.claimFromUpstream(getStepManager(), claim);
  }

  @Override
  public void stop() {
    super.stop();
    ClustererHandOver.release(getStepManager());
  }

  /**
   * Sends a result to the connected steps in this step's thread (see {@link ClustererHandOver}), so that
   * FlowRunner waits until they have it.
   */
  protected void send(Data out) throws WekaException {
    getStepManager().outputData(ClustererHandOver.inThisThread(out));
  }

  @Override
  public List<String> getIncomingConnectionTypes() {
    List<String> r = new ArrayList<>();
    if (getStepManager().numIncomingConnectionsOfType(StepManager.CON_BATCH_CLUSTERER) == 0) {
      r.add(StepManager.CON_BATCH_CLUSTERER);
    }
    return r;
  }

  @Override
  public List<String> getOutgoingConnectionTypes() {
    return getStepManager().numIncomingConnections() > 0 ? new ArrayList<>(outputs()) : new ArrayList<>();
  }

  @Override
  public void processIncoming(Data data) throws WekaException {
    Clusterer clusterer = data.getPayloadElement(StepManager.CON_BATCH_CLUSTERER);
    Instances train = data.getPayloadElement(StepManager.CON_AUX_DATA_TRAININGSET);
    Instances test = data.getPayloadElement(StepManager.CON_AUX_DATA_TESTSET);
    Integer setNum = data.getPayloadElement(StepManager.CON_AUX_DATA_SET_NUM, 1);
    Integer maxSetNum = data.getPayloadElement(StepManager.CON_AUX_DATA_MAX_SET_NUM, 1);
    if (setNum == 1) {
      getStepManager().processing();
    }
    String name = clusterer.getClass().getSimpleName();
    try {
      if (train != null && !isStopRequested()) {
        report(clusterer, train, "training", name, setNum, maxSetNum);
      }
      if (test != null && !isStopRequested()) {
        report(clusterer, test, "test", name, setNum, maxSetNum);
      }
    } catch (WekaException e) {
      throw e;
    } catch (Exception e) {
      throw new WekaException(e);
    }
    if (isStopRequested()) {
      getStepManager().interrupted();
    } else if (setNum.intValue() == maxSetNum.intValue()) {
      getStepManager().finished();
    }
  }
}
