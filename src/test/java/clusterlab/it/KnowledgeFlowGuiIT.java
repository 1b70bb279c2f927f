package clusterlab.it;

import static clusterlab.it.Gui.check;

import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.Method;
import java.nio.file.Path;
import javax.swing.JDialog;
import javax.swing.JFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KnowledgeFlow with the installed package, on a real display (Xvfb under CI): what a user sees
 * when opening ClusterLab's flows and configuring its steps.
 */
class KnowledgeFlowGuiIT {

  @TempDir
  static Path tmp;
  static InstalledWeka installed;

  @BeforeAll
  static void install() throws Exception {
    GuiLauncher.requireDisplay();
    installed = InstalledWeka.install(tmp);
  }

  @Test
  void theQualityEvaluatorsOptionAreaGrowsWithItsDialog() throws Exception {
    GuiLauncher.run(installed, getClass(), "qualityEvaluatorDialogGrows", 300);
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
