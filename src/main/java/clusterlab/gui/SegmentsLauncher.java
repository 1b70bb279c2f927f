package clusterlab.gui;

import clusterlab.gui.model.ClusterResult;
import weka.clusterers.Clusterer;
import weka.core.Instances;

/**
 * Cluster tab launcher: the cluster profile of the selected result (who is in each segment, in
 * plain words, with effect sizes, corrected tests and J48 rules), for any clusterer, Weka's own
 * included.
 */
public class SegmentsLauncher extends ClusterTabLauncher {

  /** What this component does (Weka shows the first sentence). */
  public String globalInfo() {
    return "Opens the cluster profile of the selected Cluster tab result: who is in each segment, in plain words.";
  }

  @Override
  public String getLaunchCommand() {
    return "Cluster profile (segments)";
  }

  @Override
  protected String tab() {
    return ResultView.SEGMENTS;
  }

  @Override
  protected Object prepare(ClusterResult r, Clusterer built, Instances train) {
    return r.numClusters() >= 1 ? null : "No cluster profile: the clusterer put every instance in noise.";
  }
}
