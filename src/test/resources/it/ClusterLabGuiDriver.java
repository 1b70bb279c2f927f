import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import weka.clusterers.Clusterer;
import weka.core.Utils;
import weka.gui.GenericObjectEditor;
import weka.gui.explorer.Explorer;

/**
 * The GUI test's driver, run as a single source file in a JVM that has nothing but Weka's jars on
 * its classpath and ClusterLab installed in WEKA_HOME (java -cp <weka> ClusterLabGuiDriver.java
 * iris.arff outDir), on a real X display. It uses the Explorer as a user would: iris loaded in
 * Preprocess, the Cluster Lab tab opened, clusterers chosen and started with the buttons, the
 * dendrogram's cut line and the k-distance plot's eps line dragged with the mouse (java.awt.Robot),
 * and checks what the Swing component tree then shows. Package classes are reached by reflection
 * (they live in the package's class loader). Prints "GUI PASS" or "GUI FAIL: reason".
 */
public class ClusterLabGuiDriver {

  static File out;
  static Robot robot;
  static JFrame frame;
  static Object panel;
  static Object view;
  static final List<String> checks = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    out = new File(args[1]);
    out.mkdirs();
    try {
      run(args[0]);
      System.out.println("GUI PASS " + checks);
      System.exit(0);
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      try {
        shot("failure");
      } catch (Throwable ignored) {
        // the screenshot is a bonus
      }
      System.out.println("GUI FAIL: " + t);
      System.exit(1);
    }
  }

  static void run(String iris) throws Exception {
    robot = new Robot();
    robot.setAutoDelay(15);
    Explorer.main(new String[] {iris});
    frame = waitFor(() -> findFrame("Weka Explorer"), 120, "the Explorer window");
    onEdt(() -> {
      frame.setBounds(0, 0, 1500, 960);
      frame.toFront();
    });
    Explorer explorer = waitFor(() -> find(frame, Explorer.class), 30, "the Explorer panel");
    waitFor(() -> explorer.getPreprocessPanel().getInstances() != null
        && explorer.getPreprocessPanel().getInstances().numInstances() == 150 ? Boolean.TRUE : null, 60, "iris loaded");
    JTabbedPane tabs = explorer.getTabbedPane();
    int tab = waitFor(() -> {
      int i = tabs.indexOfTab("Cluster Lab");
      return i >= 0 && tabs.isEnabledAt(i) ? i : null;
    }, 30, "an enabled Cluster Lab tab (is the package installed and loaded?)");
    onEdt(() -> tabs.setSelectedIndex(tab));
    panel = tabs.getComponentAt(tab);
    check(panel.getClass().getName().equals("clusterlab.gui.ClusterLabPanel"), "the tab is ClusterLab's panel");
    view = call(panel, "resultView");
    idle();
    shot("01-cluster-lab-tab");

    // K-Means with the K sweep
    runClusterer("weka.clusterers.centroid.KMeans", "-N 3 -S 1", true);
    expectCharts("Scatter", "Silhouette", "K sweep", "Profile", "Parallel coordinates");
    expectNoChart("Dendrogram");
    check(clusters() >= 2, "K-Means found clusters (" + clusters() + ")");
    String progress = (String) call(panel, "progressText");
    check(progress.matches("\\d+% \\(ChooseK, choose-k: .*"), "the sweep's per cent done in the status bar (" + progress + ")");
    check(!Double.isNaN(metric("adjusted rand")), "the iris class is the reference of the external indices");
    Object segments = call(view, "segments");
    check(((String) call(segments, "text")).startsWith("The cluster profile is computed when this tab is opened"),
        "the Segments profile waits until its tab is opened");
    selectChartTab("Segments");
    String profile = waitFor(() -> {
      String t = (String) call(segments, "text");
      return t.contains("In short") ? t : null;
    }, 60, "the Segments tab's cluster profile");
    check(profile.contains("150 rows in") && profile.contains("segment 0 ("), "the Segments tab profiles the clustering");
    shot("02a-kmeans-segments");
    Object tsne = call(view, "tsne");
    check(call(tsne, "chartPanel") == null && !(Boolean) call(tsne, "isComputing"),
        "the t-SNE map waits until its tab is opened");
    selectChartTab("t-SNE map");
    waitFor(() -> call(tsne, "chartPanel"), 120, "the t-SNE map embedded in the background");
    expectCharts("t-SNE map");
    check((Integer) call(tsne, "percentDone") == 100, "the t-SNE tab's progress bar at 100%");
    shot("02b-kmeans-tsne-map");
    selectChartTab("K sweep");
    shot("02-kmeans-k-sweep");
    selectChartTab("Scatter");
    shot("03-kmeans-scatter");

    // Agglomerative (Ward, 3 clusters), then drag the cut line down
    runClusterer("weka.clusterers.hierarchical.Agglomerative", "-N 3 -L ward", false);
    expectCharts("Scatter", "Silhouette", "Dendrogram");
    check(clusters() == 3, "Agglomerative -N 3 gives 3 clusters (got " + clusters() + ")");
    selectChartTab("Dendrogram");
    shot("04-agglomerative-dendrogram");
    double silBefore = metric("silhouette");
    dragLine("Dendrogram", 0.55);
    int after = waitFor(() -> !busy() && clusters() != 3 ? clusters() : null, 60, "a new number of clusters after the drag");
    check(after > 3, "dragging the cut line down gives more clusters (" + after + ")");
    check(metric("silhouette") != silBefore, "the silhouette in the metrics table follows the cut");
    check(call(view, "lineValue", "Dendrogram") instanceof Double, "the cut line has a value");
    shot("05-dendrogram-after-drag");
    selectChartTab("Silhouette");
    shot("06-silhouette-after-drag");
    selectChartTab("t-SNE map");
    Object map = waitFor(() -> call(call(view, "tsne"), "chartPanel"), 120, "the t-SNE map of the Agglomerative clustering");
    int legend = (Integer) call(call(call(call(map, "getChart"), "getXYPlot"), "getLegendItems"), "getItemCount");
    check(legend == after, "the t-SNE map is coloured by the re-cut's " + after + " clusters (legend " + legend + ")");

    // DBSCAN, then drag the eps line up
    runClusterer("weka.clusterers.density.DBSCAN", "-E 0.3 -M 5", false);
    expectCharts("Scatter", "Silhouette", "k-distance");
    int before = clusters();
    selectChartTab("k-distance");
    shot("07-dbscan-k-distance");
    double epsBefore = (Double) call(view, "lineValue", "k-distance");
    dragLine("k-distance", -0.6);
    waitFor(() -> !busy() && (Double) call(view, "lineValue", "k-distance") != epsBefore ? Boolean.TRUE : null, 60,
        "the eps line to move");
    int epsAfter = waitFor(() -> !busy() && clusters() != before ? clusters() : null, 60,
        "a new number of clusters after the eps drag (was " + before + ")");
    check(epsAfter != before, "dragging eps re-labels (" + before + " -> " + epsAfter + " clusters)");
    shot("08-dbscan-after-eps-drag");

    // OPTICS: xi clusters first, then a DBSCAN cut by dragging the eps line of the reachability plot down
    runClusterer("weka.clusterers.density.OPTICS", "-M 5", false);
    expectCharts("Scatter", "Reachability");
    int xi = clusters();
    selectChartTab("Reachability");
    dragLine("Reachability", 0.2);
    int cut = waitFor(() -> !busy() && clusters() != xi ? clusters() : null, 60,
        "a DBSCAN cut of the OPTICS ordering after the eps drag (xi gave " + xi + ")");
    checks.add("OPTICS eps drag: " + xi + " xi clusters -> " + cut + " clusters");
    shot("09-optics-reachability-after-drag");

    // HDBSCAN: condensed tree and outlier scores
    runClusterer("weka.clusterers.density.HDBSCAN", "-M 10", false);
    expectCharts("Scatter", "Condensed tree", "Outlier scores");
    selectChartTab("Condensed tree");
    shot("10-hdbscan-condensed-tree");
    selectChartTab("Profile");
    shot("11-hdbscan-profile");
  }

  // --- steps -----------------------------------------------------------------------------------

  static void runClusterer(String cls, String options, boolean sweep) throws Exception {
    Clusterer c = (Clusterer) Utils.forName(Clusterer.class, cls, Utils.splitOptions(options));
    GenericObjectEditor editor = (GenericObjectEditor) call(panel, "clustererEditor");
    AbstractButton sweepBox = named((Container) panel, "sweepK", AbstractButton.class);
    onEdt(() -> {
      editor.setValue(c);
      sweepBox.setSelected(sweep);
    });
    AbstractButton start = named((Container) panel, "start", AbstractButton.class);
    waitFor(() -> start.isEnabled() ? Boolean.TRUE : null, 30, "Start enabled");
    long t0 = System.nanoTime();
    onEdt(start::doClick);
    waitFor(() -> !(Boolean) call(panel, "isRunning") && start.isEnabled() && summaryMentions(cls) ? Boolean.TRUE : null,
        180, "the clustering to finish: " + cls);
    idle();
    checks.add(cls.substring(cls.lastIndexOf('.') + 1) + " ran in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  static boolean summaryMentions(String cls) {
    JComponent s = named((Container) view, "summary", JComponent.class);
    return s instanceof javax.swing.JLabel && ((javax.swing.JLabel) s).getText().contains(cls.substring(cls.lastIndexOf('.') + 1));
  }

  /** Drags a chart's line by {@code fraction} of the distance to the bottom (negative: towards the top) of the chart. */
  static void dragLine(String tab, double fraction) throws Exception {
    selectChartTab(tab);
    JComponent chart = (JComponent) call(view, "chartPanel", tab);
    Point line = waitFor(() -> (Point) call(view, "linePoint", tab), 20, "the " + tab + " line drawn");
    Point origin = chart.getLocationOnScreen();
    int fromY = origin.y + line.y;
    int x = origin.x + line.x;
    int toY = fraction > 0 ? fromY + (int) ((origin.y + chart.getHeight() - 60 - fromY) * fraction)
        : fromY - (int) ((fromY - origin.y - 60) * -fraction);
    robot.mouseMove(x, fromY);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    for (int i = 1; i <= 12; i++) {
      robot.mouseMove(x, fromY + (toY - fromY) * i / 12);
    }
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
    checks.add("dragged the " + tab + " line from y=" + fromY + " to y=" + toY);
  }

  static void expectCharts(String... titles) throws Exception {
    JTabbedPane charts = named((Container) view, "charts", JTabbedPane.class);
    for (String t : titles) {
      check(charts.indexOfTab(t) >= 0, "a \"" + t + "\" chart tab");
      Object p = call(view, "chartPanel", t);
      check(p != null && p.getClass().getName().equals("org.jfree.chart.ChartPanel")
          && ((Component) p).getParent() != null, "the \"" + t + "\" tab holds a JFreeChart ChartPanel in the component tree");
    }
  }

  static void expectNoChart(String title) throws Exception {
    JTabbedPane charts = named((Container) view, "charts", JTabbedPane.class);
    check(charts.indexOfTab(title) < 0, "no \"" + title + "\" tab for this clusterer");
  }

  static void selectChartTab(String title) throws Exception {
    JTabbedPane charts = named((Container) view, "charts", JTabbedPane.class);
    onEdt(() -> charts.setSelectedIndex(charts.indexOfTab(title)));
    idle();
  }

  static int clusters() {
    return (int) metric("clusters");
  }

  static double metric(String name) {
    JTable t = named((Container) view, "metricsTable", JTable.class);
    AtomicReference<Double> v = new AtomicReference<>(Double.NaN);
    onEdt(() -> {
      for (int r = 0; r < t.getRowCount(); r++) {
        if (name.equals(t.getValueAt(r, 0))) {
          String s = String.valueOf(t.getValueAt(r, 1));
          v.set(s.equals("undefined") ? Double.NaN : Double.parseDouble(s));
        }
      }
    });
    return v.get();
  }

  static boolean busy() {
    return (Boolean) call(view, "isBusy");
  }

  static void shot(String name) throws Exception {
    idle();
    Rectangle r = frame.getBounds();
    BufferedImage img = robot.createScreenCapture(r);
    ImageIO.write(img, "png", new File(out, name + ".png"));
  }

  static void idle() throws Exception {
    onEdt(() -> { });
    Thread.sleep(400);
    onEdt(() -> { });
  }

  // --- plumbing --------------------------------------------------------------------------------

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("expected " + what);
    }
    checks.add(what);
  }

  static Object call(Object target, String method, Object... args) {
    try {
      for (Method m : target.getClass().getMethods()) {
        if (m.getName().equals(method) && m.getParameterCount() == args.length) {
          AtomicReference<Object> r = new AtomicReference<>();
          AtomicReference<Throwable> err = new AtomicReference<>();
          onEdt(() -> {
            try {
              r.set(m.invoke(target, args));
            } catch (Throwable t) {
              err.set(t);
            }
          });
          if (err.get() != null) {
            throw new RuntimeException(err.get());
          }
          return r.get();
        }
      }
    } catch (RuntimeException e) {
      throw e;
    }
    throw new IllegalStateException("no method " + method + " on " + target.getClass());
  }

  static void onEdt(Runnable r) {
    try {
      if (SwingUtilities.isEventDispatchThread()) {
        r.run();
      } else {
        SwingUtilities.invokeAndWait(r);
      }
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  static <T> T waitFor(Supplier<T> s, int seconds, String what) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      AtomicReference<T> v = new AtomicReference<>();
      onEdt(() -> v.set(s.get()));
      if (v.get() != null) {
        return v.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
  }

  static JFrame findFrame(String title) {
    for (Frame f : Frame.getFrames()) {
      if (f instanceof JFrame && f.isShowing() && title.equals(f.getTitle())) {
        return (JFrame) f;
      }
    }
    return null;
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

  static <T> T named(Container root, String name, Class<T> type) {
    if (name.equals(root.getName()) && type.isInstance(root)) {
      return type.cast(root);
    }
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName()) && type.isInstance(c)) {
        return type.cast(c);
      }
      if (c instanceof Container) {
        T t = named((Container) c, name, type);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }
}
