package clusterlab.gui;

import clusterlab.gui.model.ClusterAnalyzer;
import clusterlab.gui.model.ClusterResult;
import clusterlab.weka.QualitySupport;
import clusterlab.weka.WekaProgress;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.clusterers.NumberOfClustersRequestable;
import weka.clusterers.meta.ChooseK;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.gui.AbstractPerspective;
import weka.gui.GenericObjectEditor;
import weka.gui.Logger;
import weka.gui.PerspectiveInfo;
import weka.gui.PropertyPanel;
import weka.gui.SysErrLog;
import weka.gui.TaskLogger;
import weka.gui.explorer.Explorer;

/**
 * The Explorer's "Cluster Lab" tab (and the Workbench perspective of the same name): cluster the
 * data loaded in Preprocess with any clusterer chosen in a GenericObjectEditor (ClusterLab's KMeans
 * by default), optionally sweeping K with ChooseK, in a background thread with progress in Weka's
 * status bar (the per cent done that ClusterLab's clusterers report, see {@link WekaProgress#observe})
 * and a Cancel button; then see every quality index and every chart that applies to the
 * result, drag the dendrogram's cut line or the k-distance plot's eps line to re-cut, select rows in
 * one chart to see them in the others, and save the model, the charts and the labelled data.
 *
 * <p>The class attribute (if set) is removed before clustering, as Weka's ClusterEvaluation does,
 * and serves as the reference of the external indices (adjusted Rand, NMI, purity, ...).
 */
@PerspectiveInfo(ID = "clusterlab.gui.clusterlab", title = "Cluster Lab",
    toolTipText = "Cluster the data and see the clusters: quality indices and interactive charts",
    iconPath = "weka/gui/weka_icon_new_small.png")
public class ClusterLabPanel extends AbstractPerspective implements Explorer.ExplorerPanel, Explorer.LogHandler {

  private static final long serialVersionUID = 1L;

  private final GenericObjectEditor editor = new GenericObjectEditor();
  private final JCheckBox sweep = new JCheckBox("Sweep K with ChooseK");
  private final JSpinner minK = new JSpinner(new SpinnerNumberModel(2, 1, 1000, 1));
  private final JSpinner maxK = new JSpinner(new SpinnerNumberModel(10, 1, 1000, 1));
  private final JButton start = new JButton("Start");
  private final JButton cancel = new JButton("Cancel");
  private final JButton save = new JButton("Save...");
  private final javax.swing.JComboBox<String> classChoice = new javax.swing.JComboBox<>();
  private final ResultView view;
  private Explorer explorer;
  private Logger log = new SysErrLog();
  private Instances data;
  private SwingWorker<ClusterResult, Void> worker;
  private Timer ticker;
  private volatile String progress = "";
  private volatile boolean analyzing;

  public ClusterLabPanel() {
    super("clusterlab.gui.clusterlab", "Cluster Lab");
    HelpWindowPlacement.install(); // every option dialog of this Explorer gets its More window on screen
    setLayout(new BorderLayout());
    editor.setClassType(Clusterer.class);
    editor.setValue(new weka.clusterers.centroid.KMeans());
    view = new ResultView(new LogForward());
    start.setName("start");
    cancel.setName("cancel");
    save.setName("save");
    sweep.setName("sweepK");
    classChoice.setName("referenceClass");
    classChoice.setToolTipText("This attribute is left out of the clustering and serves as the reference of the external "
        + "indices (adjusted Rand, NMI, purity, ...), as in the Cluster tab's classes-to-clusters evaluation");
    cancel.setEnabled(false);
    start.setEnabled(false);
    save.setEnabled(false);
    start.addActionListener(e -> startClustering());
    cancel.addActionListener(e -> cancelClustering());
    save.addActionListener(e -> saveMenu().show(save, 0, save.getHeight()));
    add(controls(), BorderLayout.NORTH);
    add(view, BorderLayout.CENTER);
  }

  private JPanel controls() {
    JPanel p = new JPanel(new GridBagLayout());
    p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder("Clusterer"),
        BorderFactory.createEmptyBorder(0, 4, 4, 4)));
    GridBagConstraints c = new GridBagConstraints();
    c.insets = new Insets(2, 2, 2, 2);
    c.gridx = 0;
    c.gridy = 0;
    c.weightx = 1;
    c.gridwidth = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    PropertyPanel choose = new PropertyPanel(editor);
    choose.setName("clustererChooser");
    p.add(choose, c);
    JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
    sweep.setToolTipText("Wrap the clusterer in ChooseK: cluster for every K in the range and keep the best K "
        + "(the K sweep chart shows every criterion)");
    row.add(sweep);
    row.add(new JLabel("K from"));
    row.add(minK);
    row.add(new JLabel("to"));
    row.add(maxK);
    row.add(new JLabel("   Class (ignored, reference):"));
    row.add(classChoice);
    row.add(start);
    row.add(cancel);
    row.add(save);
    c.gridy = 1;
    p.add(row, c);
    return p;
  }

  /** The clusterer editor (its value is the configured clusterer). */
  public GenericObjectEditor clustererEditor() {
    return editor;
  }

  /** The result view (metrics and charts). */
  public ResultView resultView() {
    return view;
  }

  /** True while a clustering runs. */
  public boolean isRunning() {
    return worker != null && !worker.isDone();
  }

  // --- Explorer and Workbench plumbing -------------------------------------------------------

  @Override
  public void setExplorer(Explorer parent) {
    explorer = parent;
  }

  @Override
  public Explorer getExplorer() {
    return explorer;
  }

  @Override
  public void setInstances(Instances inst) {
    data = inst;
    start.setEnabled(data != null && !isRunning());
    classChoice.removeAllItems();
    classChoice.addItem(NO_CLASS);
    if (data != null) {
      for (int a = 0; a < data.numAttributes(); a++) {
        classChoice.addItem(data.attribute(a).name());
      }
      int c = data.classIndex() >= 0 ? data.classIndex()
          : data.numAttributes() > 0 && data.attribute(data.numAttributes() - 1).isNominal() ? data.numAttributes() - 1 : -1;
      classChoice.setSelectedIndex(c + 1);
    }
    if (data != null) {
      statusMessage("Cluster Lab: " + data.relationName() + " (" + data.numInstances() + " rows) ready");
    }
  }

  /** What this component does (Weka shows the first sentence). */
  public String globalInfo() {
    return "Cluster Lab tab: cluster the Preprocess data and see the clusters, every quality index and every chart that applies, interactively. "
        + "Drag the dendrogram's cut line or the k-distance plot's eps line to re-cut, select rows in one chart to see them in the others, "
        + "and save the model, the charts (PNG/SVG) and the data with a cluster attribute.";
  }

  @Override
  public String getTabTitle() {
    return "Cluster Lab";
  }

  @Override
  public String getTabTitleToolTip() {
    return "Cluster the data and see the clusters: quality indices and interactive charts (ClusterLab)";
  }

  @Override
  public void setLog(Logger newLog) {
    log = newLog;
  }

  @Override
  public boolean requiresLog() {
    return true;
  }

  @Override
  public boolean acceptsInstances() {
    return true;
  }

  @Override
  public boolean okToBeActive() {
    return data != null;
  }

  @Override
  public void terminate() {
    cancelClustering();
    view.dispose();
    super.terminate();
  }

  // --- running ---------------------------------------------------------------------------------

  /** The clusterer to build: a copy of the configured one, wrapped in ChooseK when sweeping. */
  Clusterer configuredClusterer() throws Exception {
    Clusterer c = AbstractClusterer.makeCopy((Clusterer) editor.getValue());
    if (!sweep.isSelected()) {
      return c;
    }
    if (!(c instanceof NumberOfClustersRequestable)) {
      throw new IllegalArgumentException(c.getClass().getSimpleName() + " has no number of clusters to sweep: "
          + "choose a clusterer whose number of clusters can be set (KMeans, Agglomerative, ...) or untick the sweep");
    }
    int lo = (Integer) minK.getValue();
    int hi = (Integer) maxK.getValue();
    if (lo > hi) {
      throw new IllegalArgumentException("the K range is empty: from " + lo + " to " + hi);
    }
    ChooseK ck = new ChooseK();
    ck.setClusterer(c);
    ck.setMinK(lo);
    ck.setMaxK(hi);
    return ck;
  }

  private static final String NO_CLASS = "(none)";

  /** The data to cluster with the chosen reference class set as its class (or none). */
  Instances dataWithChosenClass() {
    Instances d = new Instances(data);
    d.setClassIndex(classChoice.getSelectedIndex() - 1);
    return d;
  }

  /** Starts clustering the current data in the background. */
  public void startClustering() {
    if (data == null || isRunning()) {
      return;
    }
    final Clusterer clusterer;
    final Instances snapshot = dataWithChosenClass();
    try {
      clusterer = configuredClusterer();
    } catch (Exception e) {
      error("Cannot start", e);
      return;
    }
    final String name = describe(clusterer) + " on " + snapshot.relationName();
    final long t0 = System.nanoTime();
    worker = new SwingWorker<ClusterResult, Void>() {
      @Override
      protected ClusterResult doInBackground() throws Exception {
        Instances train = QualitySupport.withoutClass(snapshot);
        try (AutoCloseable watch = WekaProgress.observe(ClusterLabPanel.this::progressed)) {
          clusterer.buildClusterer(train);
        }
        if (isCancelled()) {
          return null;
        }
        analyzing = true;
        return ClusterAnalyzer.analyze(clusterer, snapshot, train);
      }

      @Override
      protected void done() {
        finished(this, name, t0);
      }
    };
    start.setEnabled(false);
    cancel.setEnabled(true);
    taskStarted();
    log.logMessage("Cluster Lab: started " + name);
    progress = "";
    analyzing = false;
    ticker = new Timer(250, e -> statusMessage(String.format(Locale.ROOT, "Cluster Lab: running %s ... %s%.1f s (Cancel stops it)",
        name, analyzing ? "computing the quality indices, " : progress.isEmpty() ? "" : progress + ", ",
        (System.nanoTime() - t0) / 1e9)));
    ticker.start();
    worker.execute();
  }

  /** A progress report of the clusterer being built (from its thread): shown by the status bar's ticker. */
  private void progressed(String component, String stage, double fraction, String message) {
    progress = (Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.0f%% ", 100 * Math.min(1, fraction)))
        + "(" + component + ", " + stage + ": " + message + ")";
  }

  /**
   * The latest progress of the clustering running or last run, as the status bar shows it (e.g.
   * "40% (ChooseK, choose-k: K = 5 done (4 of 9))"); empty when its clusterer reports none.
   */
  public String progressText() {
    return progress;
  }

  private void finished(SwingWorker<ClusterResult, Void> w, String name, long t0) {
    if (w != worker) {
      return; // a cancelled run finishing late
    }
    stopTicker();
    cancel.setEnabled(false);
    start.setEnabled(data != null);
    taskFinished();
    if (w.isCancelled()) {
      statusMessage("Cluster Lab: cancelled " + name);
      log.logMessage("Cluster Lab: cancelled " + name);
      return;
    }
    try {
      ClusterResult r = w.get();
      view.show(r, name);
      save.setEnabled(true);
      String msg = String.format(Locale.ROOT, "Cluster Lab: %s: %d clusters in %.2f s", name, r.numClusters(),
          (System.nanoTime() - t0) / 1e9);
      statusMessage(msg);
      log.logMessage(msg);
    } catch (ExecutionException e) {
      error("Clustering failed", e.getCause());
    } catch (InterruptedException | CancellationException e) {
      statusMessage("Cluster Lab: cancelled " + name);
    }
  }

  /** Cancels the running clustering (interrupting its thread); its result, if it still comes, is dropped. */
  public void cancelClustering() {
    SwingWorker<ClusterResult, Void> w = worker;
    if (w != null && !w.isDone()) {
      w.cancel(true);
    }
  }

  private void stopTicker() {
    if (ticker != null) {
      ticker.stop();
      ticker = null;
    }
  }

  /** The clusterer and its options, shortened to fit a chart subtitle. */
  static String describe(Clusterer c) {
    String s = c.getClass().getSimpleName();
    if (c instanceof OptionHandler) {
      s += " " + Utils.joinOptions(((OptionHandler) c).getOptions());
    }
    s = s.trim();
    return s.length() <= 70 ? s : s.substring(0, 67).trim() + "...";
  }

  // --- saving ----------------------------------------------------------------------------------

  private JPopupMenu saveMenu() {
    return new SaveActions(this, view).menu();
  }

  // --- messages --------------------------------------------------------------------------------

  private void statusMessage(String m) {
    log.statusMessage(m);
  }

  private void taskStarted() {
    if (log instanceof TaskLogger) {
      ((TaskLogger) log).taskStarted();
    }
  }

  private void taskFinished() {
    if (log instanceof TaskLogger) {
      ((TaskLogger) log).taskFinished();
    }
  }

  void error(String what, Throwable e) {
    String msg = e == null ? what : what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
    log.logMessage("Cluster Lab: " + msg);
    statusMessage("Cluster Lab: " + what + " (see the log)");
    JOptionPane.showMessageDialog(this, msg, "Cluster Lab", JOptionPane.ERROR_MESSAGE);
  }

  /** The view logs through the panel's current log. */
  private final class LogForward implements Logger {
    @Override
    public void logMessage(String message) {
      log.logMessage("Cluster Lab: " + message);
    }

    @Override
    public void statusMessage(String message) {
      log.statusMessage("Cluster Lab: " + message);
    }
  }
}
