package clusterlab.gui;

import clusterlab.gui.model.ClusterResult;
import weka.clusterers.Clusterer;
import weka.core.Instances;

/**
 * Cluster tab launcher: the silhouette plot (Rousseeuw 1987) of the selected result, with every
 * quality index beside it; for any clusterer, Weka's own included.
 */
public class SilhouetteLauncher extends ClusterTabLauncher {

  /** What this component does (Weka shows the first sentence). */
  public String globalInfo() {
    return "Opens the silhouette plot of the selected Cluster tab result, with every quality index beside it.";
  }

  @Override
  public String getLaunchCommand() {
    return "Silhouette plot";
  }

  @Override
  protected String tab() {
    return ResultView.SILHOUETTE;
  }

  @Override
  protected Object prepare(ClusterResult r, Clusterer built, Instances train) {
    if (r.report() == null || r.report().silhouette() == null) {
      return "No silhouette for this result: " + String.join("; ", r.report() == null ? java.util.List.of() : r.report().notes());
    }
    return null;
  }
}
