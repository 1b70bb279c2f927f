package clusterlab.gui;

import clusterlab.charts.ChartExport;
import clusterlab.gui.model.ClusterResult;
import clusterlab.gui.model.LabelledData;
import java.io.File;
import java.util.Locale;
import java.util.Map;
import javax.swing.JFileChooser;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import org.jfree.chart.JFreeChart;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ArffSaver;

/**
 * The Save menu of a result: the model (as the Explorer's Cluster tab saves and loads it: the
 * clusterer, then the training header), every chart as PNG or SVG, and the data with the cluster
 * attribute appended (ARFF).
 */
final class SaveActions {

  private final ClusterLabPanel owner;
  private final ResultView view;

  SaveActions(ClusterLabPanel owner, ResultView view) {
    this.owner = owner;
    this.view = view;
  }

  JPopupMenu menu() {
    JPopupMenu m = new JPopupMenu();
    m.add(item("Save model...", this::saveModel));
    m.add(item("Save charts as PNG...", () -> saveCharts(ChartExport.Format.PNG)));
    m.add(item("Save charts as SVG...", () -> saveCharts(ChartExport.Format.SVG)));
    m.add(item("Save data with clusters (ARFF)...", this::saveData));
    return m;
  }

  private interface Action {
    void run() throws Exception;
  }

  private JMenuItem item(String text, Action a) {
    JMenuItem i = new JMenuItem(text);
    i.addActionListener(e -> {
      try {
        a.run();
      } catch (Exception ex) {
        owner.error(text.replace("...", "") + " failed", ex);
      }
    });
    return i;
  }

  private File choose(String title, String suggested, boolean directory) {
    JFileChooser fc = new JFileChooser(new File(System.getProperty("user.dir")));
    fc.setDialogTitle(title);
    if (directory) {
      fc.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    } else {
      fc.setSelectedFile(new File(suggested));
    }
    return fc.showSaveDialog(owner) == JFileChooser.APPROVE_OPTION ? fc.getSelectedFile() : null;
  }

  private void saveModel() throws Exception {
    ClusterResult r = view.result();
    File f = choose("Save model", "clusterlab.model", false);
    if (f != null) {
      writeModel(r, f);
    }
  }

  /** The model file the Explorer's Cluster tab loads: the clusterer, then the training header. */
  static void writeModel(ClusterResult r, File f) throws Exception {
    SerializationHelper.writeAll(f.getPath(), new Object[] {r.clusterer(), new Instances(r.trainData(), 0)});
  }

  private void saveCharts(ChartExport.Format format) throws Exception {
    File dir = choose("Save every chart (" + format.extension() + ") into a folder", null, true);
    if (dir != null) {
      writeCharts(view.charts(), dir, format);
    }
  }

  /** Writes each chart as {@code <tab title>.<png|svg>} into {@code dir}. */
  static void writeCharts(Map<String, JFreeChart> charts, File dir, ChartExport.Format format) throws Exception {
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new java.io.IOException("cannot create the folder " + dir);
    }
    for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      ChartExport.write(e.getValue(), new File(dir, name + "." + format.extension()), format);
    }
  }

  private void saveData() throws Exception {
    ClusterResult r = view.result();
    File f = choose("Save the data with a cluster attribute", r.data().relationName() + "-clustered.arff", false);
    if (f != null) {
      writeData(r, f);
    }
  }

  /** The data as loaded plus the cluster attribute, as ARFF. */
  static void writeData(ClusterResult r, File f) throws Exception {
    ArffSaver saver = new ArffSaver();
    saver.setInstances(LabelledData.append(r.data(), r.labels()));
    saver.setFile(f);
    saver.writeBatch();
  }
}
