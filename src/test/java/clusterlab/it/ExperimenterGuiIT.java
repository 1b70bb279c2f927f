package clusterlab.it;

import static clusterlab.it.Gui.check;

import java.awt.Component;
import java.awt.Container;
import java.util.List;
import java.util.function.Predicate;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import org.junit.jupiter.api.Test;

/**
 * The Experimenter with the installed package, on a real display (Xvfb under CI): what a user sees
 * after choosing ClusterLab's split evaluator in the advanced setup.
 */
class ExperimenterGuiIT {

  static final String EVALUATOR = "weka.experiment.ClustererQualitySplitEvaluator";

  @Test
  void theSplitEvaluatorDefaultsToClusterLabsKMeansWithEveryOptionInView() throws Exception {
    GuiLauncher.run(getClass(), "splitEvaluatorEditor", 300);
  }

  /**
   * GUI script: an advanced experiment whose cross-validation result producer got the split evaluator
   * as the chooser makes it (a new instance); open the result producer's editor, then the split
   * evaluator's, as clicks on their fields do.
   */
  static void splitEvaluatorEditor() throws Exception {
    JFrame frame = Gui.experimenter();
    Object evaluator = weka.core.WekaPackageClassLoaderManager.forName(EVALUATOR).getDeclaredConstructor().newInstance();
    weka.experiment.CrossValidationResultProducer producer = new weka.experiment.CrossValidationResultProducer();
    producer.setSplitEvaluator((weka.experiment.SplitEvaluator) evaluator);
    weka.experiment.Experiment experiment = new weka.experiment.Experiment();
    experiment.setResultProducer(producer);
    Object modes = Gui.findByClassName(frame, "weka.gui.experiment.SetupModePanel");
    Gui.edt(() -> modes.getClass().getMethod("switchToAdvanced", weka.experiment.Experiment.class)
        .invoke(modes, experiment));
    Object setup = Gui.findByClassName(frame, "weka.gui.experiment.SetupPanel");
    Object producerField = Gui.field(setup, "m_RPEditorPanel");
    Gui.later(() -> Gui.call(producerField, "showPropertyDialog"));
    JDialog producerDialog = editorOf(o -> o instanceof weka.experiment.CrossValidationResultProducer, "the result producer's editor");

    Component evaluatorField = Gui.find(producerDialog, Component.class,
        c -> Gui.isA(c.getClass(), "weka.gui.PropertyPanel") && isEvaluator(valueOf(c)), "the splitEvaluator field");
    Gui.later(() -> Gui.call(evaluatorField, "showPropertyDialog"));
    JDialog dialog = editorOf(ExperimenterGuiIT::isEvaluator, "the split evaluator's editor");
    Gui.screenshot(dialog, "experimenter-split-evaluator-editor");

    Component clustererField = Gui.find(dialog, Component.class,
        c -> Gui.isA(c.getClass(), "weka.gui.PropertyPanel") && valueOf(c) instanceof weka.clusterers.Clusterer,
        "the clusterer field");
    String clusterer = valueOf(clustererField).getClass().getName();
    check(clusterer.equals("weka.clusterers.centroid.KMeans"), "default clusterer: " + clusterer);

    Container sheet = (Container) Gui.findByClassName(dialog, "weka.gui.PropertySheetPanel");
    List<JScrollPane> panes = Gui.findAll(sheet, JScrollPane.class);
    check(!panes.isEmpty(), "no scroll pane in the option sheet");
    for (JScrollPane pane : panes) {
      boolean scrolls = Gui.edt(() -> pane.getVerticalScrollBar().isShowing()
          || pane.getViewport().getExtentSize().height < pane.getViewport().getView().getPreferredSize().height);
      check(!scrolls, "the options need scrolling: view " + Gui.edt(() -> pane.getViewport().getView().getPreferredSize())
          + " in " + Gui.edt(() -> pane.getViewport().getExtentSize()));
    }
    List<String> labels = Gui.edt(() -> Gui.findAll(sheet, javax.swing.JLabel.class).stream()
        .filter(Component::isShowing).map(javax.swing.JLabel::getText).toList());
    for (String option : List.of("clusterer", "distance", "silhouetteSample", "seed", "numThreads")) {
      check(labels.contains(option), "option '" + option + "' not in view: " + labels);
    }
  }

  /** Waits for the editor dialog whose option sheet edits an object that {@code target} accepts. */
  static JDialog editorOf(Predicate<Object> target, String what) {
    return (JDialog) Gui.window(w -> w instanceof JDialog && Gui.findAll((Container) w, Component.class).stream()
        .filter(c -> Gui.isA(c.getClass(), "weka.gui.PropertySheetPanel"))
        .anyMatch(c -> target.test(sheetTarget(c))), what);
  }

  static boolean isEvaluator(Object o) {
    return o != null && o.getClass().getName().equals(EVALUATOR);
  }

  static Object sheetTarget(Component sheet) {
    try {
      return Gui.field(sheet, "m_Target");
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  static Object valueOf(Component propertyPanel) {
    try {
      return ((java.beans.PropertyEditor) Gui.field(propertyPanel, "m_Editor")).getValue();
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
