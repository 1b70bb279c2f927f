package clusterlab.gui;

import clusterlab.core.hierarchical.NewickTree;
import clusterlab.gui.model.ClusterAnalyzer;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import weka.gui.visualize.plugins.TreeVisualizePlugin;

/**
 * Result list → Plugins → "Interactive dendrogram (Cluster Lab)" for every Newick tree the Explorer
 * shows, Weka's own HierarchicalClusterer included: the tree is parsed into a merge history and
 * opened with a draggable cut line (initially two clusters).
 */
public class DendrogramTreePlugin implements TreeVisualizePlugin {

  /** What this component does (Weka shows the first sentence). */
  public String globalInfo() {
    return "Opens any Newick tree of the Explorer (Weka's HierarchicalClusterer included) as an interactive dendrogram with a draggable cut line.";
  }

  @Override
  public JMenuItem getVisualizeMenuItem(String graph, String name) {
    if (graph == null || !graph.trim().startsWith("Newick:")) {
      return null;
    }
    JMenuItem item = new JMenuItem("Interactive dendrogram (Cluster Lab)");
    item.addActionListener(e -> open(graph, name, item));
    return item;
  }

  static void open(String graph, String name, java.awt.Component parent) {
    try {
      NewickTree t = NewickTree.parse(graph);
      ResultFrame.open(parent, name, ClusterAnalyzer.ofTree(t.tree(), t.labels(), 2), name, ResultView.DENDROGRAM, null);
    } catch (IllegalArgumentException ex) {
      JOptionPane.showMessageDialog(parent, "Cannot read the tree: " + ex.getMessage(), "Cluster Lab",
          JOptionPane.ERROR_MESSAGE);
    }
  }

  @Override
  public String getMinVersion() {
    return "3.8.0";
  }

  @Override
  public String getMaxVersion() {
    return "3.9.0";
  }

  @Override
  public String getDesignVersion() {
    return "3.8.6";
  }
}
