package clusterlab.it;

import static clusterlab.it.Gui.check;

import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JDialog;
import javax.swing.JFrame;
import org.junit.jupiter.api.Test;

/**
 * The KnowledgeFlow with the installed package, on a real display (Xvfb under CI): what a user sees
 * when opening ClusterLab's flows and configuring its steps.
 */
class KnowledgeFlowGuiIT {

  @Test
  void theQualityEvaluatorsOptionAreaGrowsWithItsDialog() throws Exception {
    GuiLauncher.run(getClass(), "qualityEvaluatorDialogGrows", 300);
  }

  /** GUI script: open the step's configuration dialog as a double click does, enlarge it, measure. */
  static void qualityEvaluatorDialogGrows() throws Exception {
    Path flow = InstalledWeka.basedir().resolve("resources/flows/cluster-quality-iris.kf");
    JFrame kf = Gui.knowledgeFlow(flow.toString());
    JDialog dialog = openStepEditor(kf, "ClusterQualityEvaluator");
    Component options = Gui.findByClassName(dialog, "weka.gui.PropertySheetPanel");
    int before = Gui.edt(options::getHeight);
    Gui.screenshot(dialog, "kf-quality-evaluator-dialog");
    Gui.edt(() -> {
      dialog.setSize(dialog.getWidth() + 200, dialog.getHeight() + 400);
      dialog.validate();
    });
    Gui.settle();
    int after = Gui.edt(options::getHeight);
    Gui.screenshot(dialog, "kf-quality-evaluator-dialog-enlarged");
    check(after >= before + 300, "the option area stays " + before + " px tall -> " + after
        + " px when the dialog is 400 px taller");
  }

  @Test
  void theTemplatesMenuListsEveryExampleFlowAndOneLoadsAndRunsAsShipped() throws Exception {
    GuiLauncher.run(getClass(), "templateLoadsAndRuns", 300);
  }

  /**
   * GUI script: the toolbar's template button lists every flow registered in PluginManager.props;
   * choosing "k-means on iris" opens it in a tab, and the play button runs it with no variable set:
   * its TextViewer shows the result and its TextSaver writes into the package's output directory.
   */
  static void templateLoadsAndRuns() throws Exception {
    JFrame kf = Gui.knowledgeFlow();
    javax.swing.JButton templates = Gui.find(kf, javax.swing.JButton.class,
        b -> "Load a template layout".equals(b.getToolTipText()), "the template button");
    check(Gui.edt(templates::isEnabled), "the template button is disabled: no template registered");
    Gui.edt(() -> templates.doClick());
    javax.swing.JPopupMenu menu = Gui.waitFor(() -> {
      for (java.awt.Window w : java.awt.Window.getWindows()) {
        for (javax.swing.JPopupMenu m : Gui.findAll(w, javax.swing.JPopupMenu.class)) {
          if (m.isShowing()) {
            return m;
          }
        }
      }
      return null;
    }, "the template menu");
    List<String> listed = Gui.edt(() -> Gui.findAll(menu, javax.swing.JMenuItem.class).stream()
        .map(javax.swing.JMenuItem::getText).toList());
    Gui.screenshot(null, "kf-templates-menu");
    List<String> registered = registeredTemplates();
    check(registered.size() >= 10, "PluginManager.props registers only " + registered);
    for (String t : registered) {
      check(listed.contains(t), "template '" + t + "' is not in the menu: " + listed);
    }

    Path out = Path.of(System.getenv("WEKA_HOME"), "packages/clusterLab/output/kmeans-iris.txt");
    Files.deleteIfExists(out);
    javax.swing.JMenuItem kmeans = Gui.find(menu, javax.swing.JMenuItem.class,
        i -> "ClusterLab k-means on iris".equals(i.getText()), "the k-means template");
    Gui.edt(() -> kmeans.doClick());
    Gui.edt(() -> menu.setVisible(false));
    Component perspective = Gui.findByClassName(kf, "weka.gui.knowledgeflow.MainKFPerspective");
    Object layout = Gui.waitFor(() -> {
      Object l = Gui.call(perspective, "getCurrentLayout");
      Object flow = l == null ? null : Gui.call(l, "getFlow");
      return flow != null && flow.getClass().getMethod("findStep", String.class).invoke(flow, "Results") != null ? l
          : null;
    }, "the k-means flow in a tab");
    Gui.screenshot(kf, "kf-template-kmeans-loaded");
    javax.swing.JButton play = Gui.find(kf, javax.swing.JButton.class,
        b -> b.getToolTipText() != null && b.getToolTipText().startsWith("Run this flow (all start points"), "play");
    Gui.edt(() -> play.doClick());
    Object flow = Gui.call(layout, "getFlow");
    Object viewer = Gui.call(flow.getClass().getMethod("findStep", String.class).invoke(flow, "Results"),
        "getManagedStep");
    Gui.waitFor(() -> !((java.util.Map<?, ?>) Gui.call(viewer, "getResults")).isEmpty()
        && !(Boolean) Gui.call(layout, "isExecuting") && Files.isRegularFile(out) && Files.size(out) > 0 ? true : null,
        "the flow's result in its TextViewer and " + out);
    String result = String.valueOf(((java.util.Map<?, ?>) Gui.call(viewer, "getResults")).values());
    Gui.screenshot(kf, "kf-template-kmeans-ran");
    check(result.contains("Clustered Instances") || result.contains("Cluster"), "TextViewer result: " + result);
    check(Files.readString(out).contains("KMeans"), "written result: " + Files.readString(out));
  }

  /** The template descriptions the package registers (resources/PluginManager.props). */
  static List<String> registeredTemplates() throws Exception {
    String props = Files.readString(InstalledWeka.basedir().resolve("resources/PluginManager.props"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[weka\\.knowledgeflow\\.plugin\\.templates\\|([^|\\]]+)\\|")
        .matcher(props);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Opens a step's editor dialog the way a double click on the canvas does, and returns it. */
  static JDialog openStepEditor(JFrame kf, String stepName) throws Exception {
    Component visual = Gui.find(kf, Component.class,
        c -> c.getClass().getName().equals("weka.gui.knowledgeflow.StepVisual") && stepName.equals(stepName(c)),
        "step '" + stepName + "' on the canvas");
    Container layout = Gui.edt(() -> {
      Container p = visual.getParent();
      while (p != null && !p.getClass().getName().equals("weka.gui.knowledgeflow.LayoutPanel")) {
        p = p.getParent();
      }
      return p;
    });
    check(layout != null, "no LayoutPanel around step " + stepName);
    Method popup = layout.getClass().getDeclaredMethod("popupStepEditorDialog", visual.getClass());
    popup.setAccessible(true);
    Gui.later(() -> {
      try {
        popup.invoke(layout, visual);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    });
    return (JDialog) Gui.window(w -> w instanceof JDialog && Gui.findAll((Container) w, Component.class).stream()
        .anyMatch(c -> Gui.isA(c.getClass(), "weka.gui.knowledgeflow.StepEditorDialog")), "the editor dialog of " + stepName);
  }

  private static String stepName(Component stepVisual) {
    try {
      return (String) stepVisual.getClass().getMethod("getStepName").invoke(stepVisual);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
