package clusterlab.gui;

import clusterlab.gui.model.ClusterAnalyzer;
import clusterlab.gui.model.ClusterResult;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.clusterers.NumberOfClustersRequestable;
import weka.clusterers.meta.ChooseK;
import weka.core.Instances;

/**
 * Cluster tab launcher: the K sweep of the selected result. A ChooseK result shows its own curve;
 * any other clusterer whose number of clusters can be set is swept by ChooseK over K = 2..10 with
 * the selected configuration (inertia with the knee, silhouette, Calinski-Harabasz, Davies-Bouldin).
 */
public class KSweepLauncher extends ClusterTabLauncher {

  /** The K range swept for a clusterer that was not run through ChooseK. */
  static final int MIN_K = 2;
  static final int MAX_K = 10;

  /** What this component does (Weka shows the first sentence). */
  public String globalInfo() {
    return "Opens the K sweep of the selected Cluster tab result: its ChooseK curve, or a ChooseK sweep of its configuration over K from 2 to 10.";
  }

  @Override
  public String getLaunchCommand() {
    return "K sweep";
  }

  @Override
  protected String tab() {
    return ResultView.K_SWEEP;
  }

  @Override
  protected Object prepare(ClusterResult r, Clusterer built, Instances train) throws Exception {
    if (r.extras().curve != null) {
      return null;
    }
    if (!(built instanceof NumberOfClustersRequestable)) {
      return "No K sweep: the number of clusters of " + built.getClass().getSimpleName() + " cannot be set.";
    }
    ChooseK ck = new ChooseK();
    ck.setClusterer(AbstractClusterer.makeCopy(built));
    ck.setMinK(MIN_K);
    ck.setMaxK(Math.min(MAX_K, Math.max(MIN_K, train.numInstances() - 1)));
    ck.buildClusterer(train);
    return ClusterAnalyzer.analyze(ck, r.data(), train);
  }
}
