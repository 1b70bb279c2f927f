package clusterlab.gui;

import clusterlab.core.hierarchical.NewickTree;
import clusterlab.gui.model.ClusterAnalyzer;
import clusterlab.gui.model.ClusterResult;
import weka.clusterers.Clusterer;
import weka.core.Drawable;
import weka.core.Instances;

/**
 * Cluster tab launcher: the interactive dendrogram of the selected result, for ClusterLab's
 * hierarchical clusterers (their merge history, cut where the model was cut) and for any clusterer
 * that draws a Newick tree (Weka's HierarchicalClusterer: the tree it reports, leaves as it labels them).
 */
public class DendrogramLauncher extends ClusterTabLauncher {

  /** What this component does (Weka shows the first sentence). */
  public String globalInfo() {
    return "Opens the interactive dendrogram of the selected hierarchical Cluster tab result, with a draggable cut line.";
  }

  @Override
  public String getLaunchCommand() {
    return "Dendrogram";
  }

  @Override
  protected String tab() {
    return ResultView.DENDROGRAM;
  }

  @Override
  protected Object prepare(ClusterResult r, Clusterer built, Instances train) throws Exception {
    if (r.extras().tree != null) {
      return null;
    }
    if (built instanceof Drawable && ((Drawable) built).graphType() == Drawable.Newick) {
      NewickTree t = NewickTree.parse(((Drawable) built).graph());
      return ClusterAnalyzer.ofTree(t.tree(), t.labels(), Math.max(1, r.numClusters()));
    }
    return "No dendrogram: " + built.getClass().getSimpleName() + " builds no tree (choose a hierarchical clusterer).";
  }
}
