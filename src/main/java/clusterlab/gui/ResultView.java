package clusterlab.gui;

import clusterlab.charts.ClusterProfileChart;
import clusterlab.charts.CondensedTreeChart;
import clusterlab.charts.DendrogramChart;
import clusterlab.charts.DendrogramLayout;
import clusterlab.charts.KDistanceChart;
import clusterlab.charts.KSweepChart;
import clusterlab.charts.OutlierHistogramChart;
import clusterlab.charts.Projection;
import clusterlab.charts.ReachabilityChart;
import clusterlab.charts.ScatterChart;
import clusterlab.charts.SilhouetteChart;
import clusterlab.core.Dataset;
import clusterlab.gui.model.ClusterResult;
import clusterlab.gui.model.PointSelection;
import clusterlab.gui.model.Relabel;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import weka.gui.Logger;

/**
 * One clustering on screen: the metrics table on the left, a tab per chart that applies on the
 * right (scatter, silhouette, dendrogram, K sweep, k-distance, reachability, condensed tree, outlier
 * scores, profiles, the t-SNE map of {@link TsnePanel}, the Segments profile), all sharing one {@link
 * PointSelection}. The dendrogram's cut line and the k-distance plot's eps line can be dragged:
 * the dendrogram recolours while the line moves, and the new labels (computed off the event
 * thread, the latest position winning) then update the scatter, the silhouette plot and the table.
 */
public final class ResultView extends JPanel {

  private static final long serialVersionUID = 1L;

  /** Tab titles, also the names of the chart panels (the GUI test looks them up). */
  public static final String SCATTER = "Scatter";
  public static final String SILHOUETTE = "Silhouette";
  public static final String DENDROGRAM = "Dendrogram";
  public static final String K_SWEEP = "K sweep";
  public static final String K_DISTANCE = "k-distance";
  public static final String REACHABILITY = "Reachability";
  public static final String CONDENSED = "Condensed tree";
  public static final String OUTLIERS = "Outlier scores";
  public static final String PROFILE = "Profile";
  public static final String PARALLEL = "Parallel coordinates";
  public static final String SEGMENTS = "Segments";
  public static final String TSNE = "t-SNE map";

  private final MetricsTable metrics = new MetricsTable();
  private final JTabbedPane tabs = new JTabbedPane();
  private final SegmentsPanel segments = new SegmentsPanel();
  private final TsnePanel tsne;
  private final JLabel summary = new JLabel(" ", SwingConstants.LEFT);
  private final Map<String, ChartPanel> panels = new LinkedHashMap<>();
  private final Map<String, LineDragger> lines = new LinkedHashMap<>();
  private final ExecutorService relabeller = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ClusterLab re-labelling");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong relabelRequest = new AtomicLong();
  private final Logger log;

  private ClusterResult base;
  private ClusterResult current;
  private String parameters = "";
  private PointSelection selection = new PointSelection(0);
  private Projection projection;
  private double[] dendroX;
  private TextTitle silhouetteNote;
  private volatile boolean busy;

  /** @param log where messages and errors go (Weka's log panel in the Explorer); may be null */
  public ResultView(Logger log) {
    super(new BorderLayout());
    this.log = log;
    this.tsne = new TsnePanel(log);
    tabs.setName("charts");
    summary.setName("summary");
    summary.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
    summary.setFont(summary.getFont().deriveFont(Font.BOLD));
    metrics.setBorder(BorderFactory.createTitledBorder("Quality indices"));
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, metrics, tabs);
    split.setResizeWeight(0.0);
    split.setDividerLocation(340);
    add(summary, BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);
    setPreferredSize(new Dimension(1100, 700));
  }

  /** Shows a new clustering (a fresh run): every chart is rebuilt and the selection emptied. */
  public void show(ClusterResult result, String parameters) {
    this.base = result;
    this.current = result;
    this.parameters = parameters == null ? "" : parameters;
    relabelRequest.incrementAndGet();
    selection = new PointSelection(result.labels().length);
    tabs.removeAll();
    panels.clear();
    lines.clear();
    projection = null;
    dendroX = null;
    if (result.points() != null) {
      addScatter(result);
      addSilhouette(result);
    }
    if (result.extras().tree != null) {
      addDendrogram(result);
    }
    if (result.extras().curve != null) {
      addTab(K_SWEEP, KSweepChart.of(result.extras().curve).parameters(this.parameters).build());
    }
    if (result.extras().kDistance != null && result.extras().kDistance.length >= 2) {
      addKDistance(result);
    }
    if (result.extras().optics != null) {
      addReachability(result);
    }
    if (result.extras().hdbscan != null) {
      addTab(CONDENSED, CondensedTreeChart.of(result.extras().hdbscan).parameters(this.parameters).build());
      addTab(OUTLIERS, OutlierHistogramChart.of(result.extras().hdbscan.outlierScores())
          .labels(result.extras().hdbscan.labels()).parameters(this.parameters).build());
    }
    if (result.points() != null && result.numClusters() >= 1) {
      addProfiles(result);
    }
    if (result.points() != null && result.numClusters() >= 1 && result.points().n() >= 4) {
      tabs.addTab(TSNE, tsne);
      tsne.show(result.points(), result.labels(), this.parameters);
    } else {
      tsne.stop();
    }
    if (result.trainData() != null && result.numClusters() >= 1) {
      tabs.addTab(SEGMENTS, segments);
      segments.show(result.trainData(), result.labels());
    }
    metrics.show(result.report());
    updateSummary();
  }

  /** The clustering shown now (after any re-cut). */
  public ClusterResult result() {
    return current;
  }

  /** The selection shared by the charts. */
  public PointSelection selection() {
    return selection;
  }

  /** The metrics table. */
  public MetricsTable metrics() {
    return metrics;
  }

  /** The "Segments" tab: the cluster profile of the clustering on show. */
  public SegmentsPanel segments() {
    return segments;
  }

  /** The "t-SNE map" tab: the clustering on show on a t-SNE embedding, computed when first opened. */
  public TsnePanel tsne() {
    return tsne;
  }

  /** The chart tabs. */
  public JTabbedPane tabs() {
    return tabs;
  }

  /** The chart panel of a tab, or null when that chart does not apply. */
  public ChartPanel chartPanel(String title) {
    if (TSNE.equals(title)) {
      return tabs.indexOfComponent(tsne) >= 0 ? tsne.chartPanel() : null;
    }
    return panels.get(title);
  }

  /** Every chart shown, by tab title (for saving). */
  public Map<String, JFreeChart> charts() {
    Map<String, JFreeChart> m = new LinkedHashMap<>();
    panels.forEach((k, v) -> m.put(k, v.getChart()));
    ChartPanel map = chartPanel(TSNE);
    if (map != null) {
      m.put(TSNE, map.getChart());
    }
    return m;
  }

  /**
   * Where the draggable line of a chart tab stands on its panel (the middle of the line), or null
   * when that tab has no draggable line; for keyboard-less automation and the GUI test.
   */
  public java.awt.Point linePoint(String tab) {
    LineDragger d = lines.get(tab);
    return d == null ? null : d.linePoint();
  }

  /** The current value of a tab's draggable line (cut height or eps), NaN when none. */
  public double lineValue(String tab) {
    LineDragger d = lines.get(tab);
    return d == null ? Double.NaN : d.value();
  }

  /** True while a re-cut or re-labelling is being computed. */
  public boolean isBusy() {
    return busy;
  }

  /** Selects a tab by title (if present). */
  public void selectTab(String title) {
    int i = tabs.indexOfTab(title);
    if (i >= 0) {
      tabs.setSelectedIndex(i);
    }
  }

  private ChartPanel addTab(String title, JFreeChart chart) {
    ChartPanel p = new ChartPanel(chart, false, true, false, true, true);
    p.setName(title);
    p.setMouseWheelEnabled(true);
    p.setMaximumDrawWidth(4000);
    p.setMaximumDrawHeight(3000);
    p.setMinimumDrawWidth(200);
    p.setMinimumDrawHeight(150);
    panels.put(title, p);
    tabs.addTab(title, p);
    return p;
  }

  private void addScatter(ClusterResult r) {
    Dataset pts = r.points();
    try {
      projection = pts.d() == 2 ? Projection.columns(pts, 0, 1, columnNames(r)) : Projection.pca(pts);
    } catch (IllegalArgumentException e) {
      message("Scatter not drawn: " + e.getMessage());
      return;
    }
    ChartPanel p = addTab(SCATTER, scatter(r));
    Projection proj = projection;
    new SelectionOverlay(p, selection, new SelectionOverlay.Locator() {
      @Override
      public double x(int row) {
        return proj.x(row);
      }

      @Override
      public double y(int row) {
        return proj.y(row);
      }
    }, true);
  }

  private JFreeChart scatter(ClusterResult r) {
    ScatterChart s = ScatterChart.of(projection, r.labels()).parameters(parameters);
    double[] c = r.extras().centroids;
    if (c != null && projection.isLinear()) {
      int d = r.points().d();
      double[][] rows = new double[c.length / d][d];
      for (int k = 0; k < rows.length; k++) {
        System.arraycopy(c, k * d, rows[k], 0, d);
      }
      s.centroids(rows);
    } else {
      s.centroidMeans();
    }
    return s.build();
  }

  private static String[] columnNames(ClusterResult r) {
    weka.core.Instances t = r.trainData();
    if (t == null || t.numAttributes() != r.points().d()) {
      return null;
    }
    String[] names = new String[t.numAttributes()];
    for (int a = 0; a < names.length; a++) {
      names[a] = t.attribute(a).name();
    }
    return names;
  }

  private void addSilhouette(ClusterResult r) {
    if (r.report() == null || r.report().silhouette() == null) {
      return;
    }
    ChartPanel p = addTab(SILHOUETTE, SilhouetteChart.of(r.report().silhouette(), r.labels()).parameters(parameters).build());
    selection.addChangeListener(e -> noteSilhouetteSelection());
    p.setDomainZoomable(false);
    p.setRangeZoomable(false);
  }

  /** The silhouette plot says how the selected rows fare (their mean width, per cluster counts). */
  private void noteSilhouetteSelection() {
    ChartPanel p = panels.get(SILHOUETTE);
    if (p == null || current.report() == null || current.report().silhouette() == null) {
      return;
    }
    JFreeChart chart = p.getChart();
    if (silhouetteNote != null) {
      chart.removeSubtitle(silhouetteNote);
      silhouetteNote = null;
    }
    int[] rows = selection.selectedRows();
    if (rows.length == 0) {
      return;
    }
    double sum = 0;
    int m = 0;
    for (int i : rows) {
      double s = current.report().silhouette().sample(i);
      if (!Double.isNaN(s)) {
        sum += s;
        m++;
      }
    }
    silhouetteNote = new TextTitle(String.format(Locale.ROOT, "Selection: %d rows, mean silhouette %s", rows.length,
        m == 0 ? "undefined" : String.format(Locale.ROOT, "%.3f", sum / m)));
    silhouetteNote.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    chart.addSubtitle(silhouetteNote);
  }

  private void addDendrogram(ClusterResult r) {
    ClusterResult.Extras x = r.extras();
    DendrogramChart b = DendrogramChart.of(x.tree).leafLabels(x.leafLabels).parameters(parameters);
    double h = x.cutHeight;
    b.cut(Double.isNaN(h) ? DendrogramLayout.Cut.clusters(Math.max(1, r.numClusters())) : DendrogramLayout.Cut.atHeight(h));
    JFreeChart chart = b.build();
    ChartPanel p = addTab(DENDROGRAM, chart);
    dendroX = leafPositions(DendrogramChart.layoutOf(chart));
    Relabel cut = Relabel.forResult(r, Relabel.Line.CUT_HEIGHT);
    lines.put(DENDROGRAM, LineDragger.attach(p, v -> DendrogramChart.setCut(p.getChart(), DendrogramLayout.Cut.atHeight(v)),
        v -> requestRelabel(cut, v)));
    new SelectionOverlay(p, selection, new SelectionOverlay.Locator() {
      @Override
      public double x(int row) {
        return dendroX[row];
      }

      @Override
      public double y(int row) {
        return 0;
      }
    }, false);
    p.addMouseListener(new MouseAdapter() {
      @Override
      public void mouseClicked(MouseEvent e) {
        selectClusterUnder(p, e);
      }
    });
  }

  /** A click on the dendrogram selects the cluster (under the current cut) of the leaf below the mouse. */
  private void selectClusterUnder(ChartPanel p, MouseEvent e) {
    Rectangle2D area = p.getChartRenderingInfo().getPlotInfo().getDataArea();
    Point2D j = p.translateScreenToJava2D(e.getPoint());
    org.jfree.chart.plot.XYPlot plot = p.getChart().getXYPlot();
    boolean horizontal = plot.getOrientation() == org.jfree.chart.plot.PlotOrientation.HORIZONTAL;
    double pos = plot.getDomainAxis().java2DToValue(horizontal ? j.getY() : j.getX(), area, plot.getDomainAxisEdge());
    int leaf = (int) Math.round(pos);
    int[] labels = current.labels();
    for (int row = 0; row < dendroX.length; row++) {
      if ((int) dendroX[row] == leaf) {
        selection.selectLabel(labels, labels[row], e.isShiftDown());
        return;
      }
    }
  }

  /** Position on the leaf axis of every row (the drawn leaf or truncated subtree holding it). */
  static double[] leafPositions(DendrogramLayout layout) {
    clusterlab.core.hierarchical.MergeHistory t = layout.tree();
    int n = t.n();
    int[] pos = new int[2 * n - 1];
    java.util.Arrays.fill(pos, -1);
    for (int p = 0; p < layout.leaves(); p++) {
      pos[layout.leafNode(p)] = p;
    }
    for (int m = n - 2; m >= 0; m--) {
      if (pos[n + m] >= 0) {
        pos[t.first(m)] = pos[n + m];
        pos[t.second(m)] = pos[n + m];
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = pos[i] < 0 ? Double.NaN : pos[i];
    }
    return x;
  }

  private void addKDistance(ClusterResult r) {
    ClusterResult.Extras x = r.extras();
    KDistanceChart b = KDistanceChart.of(x.kDistance, x.kDistanceK).parameters(parameters);
    if (!Double.isNaN(x.eps) && x.eps > 0) {
      b.eps(x.eps);
    }
    ChartPanel p = addTab(K_DISTANCE, b.build());
    Relabel eps = Relabel.forResult(r, Relabel.Line.EPS);
    if (eps != null) {
      lines.put(K_DISTANCE, LineDragger.attach(p, v -> {
        if (v > 0) {
          KDistanceChart.setEps(p.getChart(), v);
        }
      }, v -> requestRelabel(eps, Math.max(v, 1e-12))));
    }
  }

  private ClusterProfileChart profile(ClusterResult r) {
    return ClusterProfileChart.of(r.points(), r.labels()).attributeNames(columnNames(r)).parameters(parameters);
  }

  private void addProfiles(ClusterResult r) {
    try {
      ClusterProfileChart p = profile(r);
      addTab(PROFILE, p.heatMap());
      addTab(PARALLEL, p.parallelCoordinates());
    } catch (IllegalArgumentException e) {
      message("Cluster profile not drawn: " + e.getMessage());
    }
  }

  /**
   * The OPTICS reachability plot with a draggable eps line: the ordering's xi clusters at first,
   * the DBSCAN clustering at eps once the line is dragged (Ankerst et al. 1999, section 4.1).
   */
  private void addReachability(ClusterResult r) {
    ChartPanel p = addTab(REACHABILITY, reachability(r));
    Relabel eps = Relabel.forResult(r, Relabel.Line.EPS);
    lines.put(REACHABILITY, LineDragger.attach(p, v -> relabelMarker(p, "DBSCAN cut at eps = " + String.format(Locale.ROOT,
        "%.4g", v)), v -> requestRelabel(eps, Math.max(v, 1e-12))));
  }

  private JFreeChart reachability(ClusterResult r) {
    ReachabilityChart c = ReachabilityChart.of(r.extras().optics).parameters(parameters);
    double eps = r.extras().eps;
    if (Double.isNaN(eps)) {
      eps = initialEps(r.extras().optics.reachability());
      if (r.clusterer() instanceof weka.clusterers.density.OPTICS
          && ((weka.clusterers.density.OPTICS) r.clusterer()).getXiClusters() != null) {
        c.xi(((weka.clusterers.density.OPTICS) r.clusterer()).getXiClusters());
      } else {
        c.labels(r.labels());
      }
    } else {
      c.labels(r.labels());
    }
    if (eps > 0) {
      c.eps(eps);
    }
    return c.build();
  }

  /** Relabels the dragged line while it moves. */
  private static void relabelMarker(ChartPanel p, String label) {
    for (Object o : p.getChart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
      ((org.jfree.chart.plot.Marker) o).setLabel(label);
      return;
    }
  }

  /** Where the eps line starts on a reachability plot: the 75th percentile of the finite reachabilities. */
  static double initialEps(double[] reach) {
    double[] f = java.util.Arrays.stream(reach).filter(Double::isFinite).sorted().toArray();
    return f.length == 0 ? 1 : f[(int) (0.75 * (f.length - 1))];
  }

  /** Computes the re-labelling off the event thread; only the latest request is shown. */
  private void requestRelabel(Relabel relabel, double value) {
    if (relabel == null) {
      return;
    }
    long id = relabelRequest.incrementAndGet();
    ClusterResult from = base;
    busy = true;
    summary.setText(String.format(Locale.ROOT, "Re-labelling at %s = %.4g ...",
        relabel.line() == Relabel.Line.EPS ? "eps" : "cut height", value));
    relabeller.submit(() -> {
      if (relabelRequest.get() != id) {
        return;
      }
      try {
        ClusterResult next = relabel.apply(from, value);
        SwingUtilities.invokeLater(() -> {
          if (relabelRequest.get() == id && base == from) {
            relabelled(next, relabel.line());
          }
        });
      } catch (Exception | OutOfMemoryError e) {
        SwingUtilities.invokeLater(() -> {
          busy = relabelRequest.get() != id;
          message("Re-labelling failed: " + e.getMessage());
          updateSummary();
        });
      }
    });
  }

  /** Applies a re-labelled result to every chart and the table. */
  private void relabelled(ClusterResult next, Relabel.Line line) {
    if (next.clusterer() != null && next.clusterer() != current.clusterer() && next.data() != null) {
      parameters = ClusterLabPanel.describe(next.clusterer()) + " on " + next.data().relationName();
    }
    current = next;
    if (panels.containsKey(SCATTER)) {
      panels.get(SCATTER).setChart(scatter(next));
    }
    ChartPanel sil = panels.get(SILHOUETTE);
    if (sil != null && next.report() != null && next.report().silhouette() != null) {
      silhouetteNote = null;
      sil.setChart(SilhouetteChart.of(next.report().silhouette(), next.labels()).parameters(parameters).build());
      noteSilhouetteSelection();
    }
    ChartPanel den = panels.get(DENDROGRAM);
    if (den != null && line == Relabel.Line.CUT_HEIGHT) {
      DendrogramChart.setCut(den.getChart(), DendrogramLayout.Cut.atHeight(next.extras().cutHeight));
    }
    if (panels.containsKey(PROFILE)) {
      try {
        ClusterProfileChart p = profile(next);
        panels.get(PROFILE).setChart(p.heatMap());
        panels.get(PARALLEL).setChart(p.parallelCoordinates());
      } catch (IllegalArgumentException e) {
        message("Cluster profile not redrawn: " + e.getMessage());
      }
    }
    if (tabs.indexOfComponent(tsne) >= 0) {
      tsne.relabel(next.labels(), parameters);
    }
    if (tabs.indexOfComponent(segments) >= 0 && next.trainData() != null) {
      segments.show(next.trainData(), next.labels());
    }
    ChartPanel reach = panels.get(REACHABILITY);
    if (reach != null && line == Relabel.Line.EPS) {
      reach.setChart(reachability(next));
    }
    ChartPanel kd = panels.get(K_DISTANCE);
    if (kd != null && line == Relabel.Line.EPS) {
      KDistanceChart.setEps(kd.getChart(), next.extras().eps);
    }
    metrics.show(next.report());
    busy = false;
    updateSummary();
    message(String.format(Locale.ROOT, "Re-labelled: %d clusters (%s %.4g)", next.numClusters(),
        line == Relabel.Line.EPS ? "eps" : "cut height", line == Relabel.Line.EPS ? next.extras().eps
            : next.extras().cutHeight));
  }

  private void updateSummary() {
    ClusterResult r = current;
    int noise = 0;
    for (int l : r.labels()) {
      noise += l < 0 ? 1 : 0;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(r.numClusters()).append(r.numClusters() == 1 ? " cluster" : " clusters");
    if (noise > 0) {
      sb.append(", ").append(noise).append(" noise rows");
    }
    sb.append(" \u2014 ").append(r.labels().length).append(" rows");
    if (!Double.isNaN(r.extras().cutHeight) && r.extras().tree != null) {
      sb.append(String.format(Locale.ROOT, "; cut at height %.4g (drag the line on the dendrogram)", r.extras().cutHeight));
    }
    if (!Double.isNaN(r.extras().eps) && Relabel.forResult(r, Relabel.Line.EPS) != null) {
      sb.append(String.format(Locale.ROOT, "; eps %.4g (drag the line on the %s plot)", r.extras().eps,
          r.extras().optics != null ? "reachability" : "k-distance"));
    } else if (r.extras().optics != null) {
      sb.append("; xi clusters (drag the eps line on the reachability plot for a DBSCAN cut)");
    }
    if (!parameters.isEmpty()) {
      sb.append("   [").append(parameters).append(']');
    }
    summary.setText(sb.toString());
  }

  private void message(String m) {
    if (log != null) {
      log.logMessage(m);
      log.statusMessage(m);
    }
  }

  /** Stops the re-labelling thread (the view is being discarded). */
  public void dispose() {
    relabeller.shutdownNow();
    segments.stop();
    tsne.stop();
  }
}
