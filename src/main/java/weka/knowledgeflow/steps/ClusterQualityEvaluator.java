package weka.knowledgeflow.steps;

import clusterlab.core.Check;
import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.QualityEvaluator;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.weka.QualitySupport;
import java.util.List;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;

/**
 * KnowledgeFlow step computing every ClusterLab quality index for a trained clusterer: takes a
 * {@code batchClusterer} connection (from the Clusterer step, which carries the training set and,
 * when there is one, the test set) and emits a {@code text} report per set plus a {@code dataSet}
 * holding the instances with their cluster and per-instance silhouette appended.
 */
@KFStep(name = "ClusterQualityEvaluator", category = "Evaluation",
    toolTipText = "Every cluster quality index (silhouette, Davies-Bouldin, Calinski-Harabasz, Dunn, ARI, NMI, AMI, ...)",
    iconPath = KFGUIConsts.BASE_ICON_PATH + "ClustererPerformanceEvaluator.gif")
public class ClusterQualityEvaluator extends clusterlab.weka.ClustererResultStep {

  /** Seed of the silhouette sample (ClusterQuality's default -S). */
  private static final long SAMPLE_SEED = 1;

  private static final long serialVersionUID = 1L;

  private String distance = "euclidean";
  private int silhouetteSample;
  private boolean noDunn;

  @Override
  public String globalInfo() {
    return "Computes every cluster quality index of the clusterer it receives, on its training set and on its test set. "
        + "Computes every ClusterLab cluster quality index for the clusterer arriving on a batchClusterer "
        + "connection, on its training set and on its test set when there is one: silhouette (exact, or on a sample), "
        + "simplified silhouette, Davies-Bouldin, Calinski-Harabasz, Dunn, sums of squares and, when the data has a "
        + "nominal class, adjusted Rand, Rand, NMI, AMI, Fowlkes-Mallows, homogeneity, completeness, V-measure and purity. "
        + "Outputs the report as text and the instances with their cluster and silhouette as a data set. Instances the "
        + "clusterer cannot assign count as noise.";
  }

  @OptionMetadata(displayName = "distance", description = "Distance for silhouette and Dunn: euclidean, manhattan, cosine, chebyshev or sqeuclidean.",
      displayOrder = 1)
  public String getDistance() {
    return distance;
  }

  public void setDistance(String d) {
    Metric.byId(d);
    distance = d;
  }

  @OptionMetadata(displayName = "silhouetteSample", description = "Compute the silhouette on a random sample of this many instances (0 = exact).",
      displayOrder = 2)
  public int getSilhouetteSample() {
    return silhouetteSample;
  }

  public void setSilhouetteSample(int n) {
    Check.atLeast("silhouetteSample", n, 0);
    silhouetteSample = n;
  }

  @OptionMetadata(displayName = "noDunn", description = "Skip Dunn's index (quadratic time).", displayOrder = 3)
  public boolean getNoDunn() {
    return noDunn;
  }

  public void setNoDunn(boolean b) {
    noDunn = b;
  }

  @Override
  protected List<String> outputs() {
    return List.of(StepManager.CON_TEXT, StepManager.CON_DATASET);
  }

  @Override
  protected void report(weka.clusterers.Clusterer clusterer, Instances set, String which, String name, int setNum,
      int maxSetNum) throws Exception {
    getStepManager().statusMessage("Cluster quality (" + which + " set " + setNum + " of " + maxSetNum + ")");
    int[] labels = QualitySupport.assign(clusterer, set);
    QualityEvaluator evaluator = QualityEvaluator.builder()
        .distance(Metric.byId(getStepManager().environmentSubstitute(distance)))
        .silhouetteSample(silhouetteSample, SAMPLE_SEED).dunn(!noDunn).threads(threads()).build();
    QualityReport report = QualitySupport.evaluate(set, labels, evaluator);
    String text = "=== Cluster quality on " + which + " instances (ClusterLab) ===\n\nScheme: " + name
        + (clusterer instanceof weka.core.OptionHandler
            ? " " + weka.core.Utils.joinOptions(((weka.core.OptionHandler) clusterer).getOptions()) : "")
        + "\nRelation: " + set.relationName() + "\nDistance: " + report.distance() + "\n\n" + report.toText();
    Data t = new Data(StepManager.CON_TEXT, text);
    t.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, name + " quality " + which + " (" + setNum + " of "
        + maxSetNum + ")");
    send(t);
    Data d = new Data(StepManager.CON_DATASET, QualitySupport.silhouetteInstances(set, labels, report.silhouette()));
    d.setPayloadElement(StepManager.CON_AUX_DATA_SET_NUM, setNum);
    d.setPayloadElement(StepManager.CON_AUX_DATA_MAX_SET_NUM, maxSetNum);
    send(d);
  }
}
