package clusterlab.gui;

import clusterlab.gui.model.ClusterAnalyzer;
import clusterlab.gui.model.ClusterResult;
import java.awt.Component;
import java.awt.Container;
import java.util.List;
import javax.swing.JOptionPane;
import javax.swing.SwingWorker;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;
import weka.gui.ResultHistoryPanel;
import weka.gui.explorer.ClustererPanel;
import weka.gui.explorer.ClustererPanelLaunchHandlerPlugin;

/**
 * What the Cluster tab's launchers ("Silhouette plot", "Dendrogram", "K sweep") share: the result
 * selected in the tab's result list (the built clusterer, the header it was trained on and the
 * attributes it ignored), matched with the data in Preprocess, analysed off the event thread and
 * shown in a Cluster Lab window with the launcher's chart in front. A launcher that does not apply
 * to the selected result says why instead of opening an empty window.
 */
public abstract class ClusterTabLauncher implements ClustererPanelLaunchHandlerPlugin {

  private ClustererPanel panel;

  @Override
  public void setClustererPanel(ClustererPanel p) {
    panel = p;
  }

  /** The chart tab this launcher opens. */
  protected abstract String tab();

  /**
   * Why the launcher does not apply to this result (null when it does); may compute more (the
   * K sweep runs ChooseK) and return a new result.
   */
  protected abstract Object prepare(ClusterResult r, Clusterer built, Instances train) throws Exception;

  @Override
  public void launch() {
    final Selected s;
    try {
      s = selected();
    } catch (IllegalStateException e) {
      JOptionPane.showMessageDialog(panel, e.getMessage(), getLaunchCommand(), JOptionPane.INFORMATION_MESSAGE);
      return;
    }
    new SwingWorker<Object, Void>() {
      @Override
      protected Object doInBackground() throws Exception {
        ClusterResult r = ClusterAnalyzer.analyze(s.clusterer, s.data, s.train);
        Object p = prepare(r, s.clusterer, s.train);
        return p == null ? r : p;
      }

      @Override
      protected void done() {
        try {
          Object o = get();
          if (o instanceof String) {
            JOptionPane.showMessageDialog(panel, o, getLaunchCommand(), JOptionPane.INFORMATION_MESSAGE);
          } else {
            ResultFrame.open(panel, s.name, (ClusterResult) o, s.name, tab(), null);
          }
        } catch (Exception e) {
          Throwable c = e.getCause() == null ? e : e.getCause();
          JOptionPane.showMessageDialog(panel, getLaunchCommand() + " failed: " + c.getMessage(), "Cluster Lab",
              JOptionPane.ERROR_MESSAGE);
        }
      }
    }.execute();
  }

  /** The selected result of the Cluster tab. */
  static final class Selected {
    String name;
    Clusterer clusterer;
    Instances data;
    Instances train;
  }

  Selected selected() {
    ResultHistoryPanel history = find(panel, ResultHistoryPanel.class);
    if (history == null || history.getSelectedName() == null) {
      throw new IllegalStateException("Select a result in the Cluster tab's result list first.");
    }
    Object o = history.getSelectedObject();
    Selected s = new Selected();
    s.name = history.getSelectedName();
    Instances header = null;
    int[] ignored = null;
    if (o instanceof List) {
      for (Object x : (List<?>) o) {
        if (x instanceof Clusterer) {
          s.clusterer = (Clusterer) x;
        } else if (x instanceof Instances) {
          header = (Instances) x;
        } else if (x instanceof int[]) {
          ignored = (int[]) x;
        }
      }
    }
    if (s.clusterer == null || header == null) {
      throw new IllegalStateException("The selected result holds no model (it is still running, or it failed).");
    }
    Instances data = panel.getExplorer() == null ? null : panel.getExplorer().getPreprocessPanel().getInstances();
    if (data == null || !sameAttributes(data, header)) {
      throw new IllegalStateException("The data in Preprocess is not the data \"" + s.name + "\" was built on; "
          + "load that data again (or re-run the clusterer) first.");
    }
    s.data = data;
    try {
      s.train = withoutAttributes(data, ignored);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot rebuild the training data: " + e.getMessage(), e);
    }
    return s;
  }

  private static boolean sameAttributes(Instances a, Instances b) {
    Instances x = new Instances(a, 0);
    Instances y = new Instances(b, 0);
    x.setClassIndex(-1);
    y.setClassIndex(-1);
    return x.equalHeaders(y);
  }

  /** The data as the Cluster tab trained on it: no class index, ignored attributes removed. */
  static Instances withoutAttributes(Instances data, int[] ignored) throws Exception {
    Instances d = new Instances(data);
    d.setClassIndex(-1);
    if (ignored == null || ignored.length == 0) {
      return d;
    }
    Remove r = new Remove();
    r.setAttributeIndicesArray(ignored);
    r.setInputFormat(d);
    return Filter.useFilter(d, r);
  }

  static <T> T find(Component root, Class<T> type) {
    if (type.isInstance(root)) {
      return type.cast(root);
    }
    if (root instanceof Container) {
      for (Component c : ((Container) root).getComponents()) {
        T t = find(c, type);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }
}
