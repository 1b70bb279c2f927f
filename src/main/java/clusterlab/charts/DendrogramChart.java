package clusterlab.charts;

import clusterlab.charts.DendrogramLayout.Cut;
import clusterlab.charts.DendrogramLayout.Truncation;
import clusterlab.core.Check;
import clusterlab.core.hierarchical.MergeHistory;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The dendrogram of a {@link MergeHistory}: links coloured by the cluster they lie in under the
 * current cut (links above the cut dark grey, as SciPy's {@code color_threshold}), the cut as a
 * dashed line, leaf labels when they fit, truncation to the last p clusters or p levels, vertical
 * (root at the top) or horizontal (root at the right). Laid out and drawn without recursion.
 *
 * <p>Interactive hosts keep the builder after {@link #build()}: {@link #setCut(Cut)} (or the
 * static {@link #setCut(JFreeChart, Cut)}) moves the line, recolours and returns the new labels,
 * and {@link #heightAt} turns a mouse position into a cut height.
 */
public final class DendrogramChart {

  /** Leaf labels are drawn when at most this many leaves are shown. */
  public static final int MAX_LABELLED_LEAVES = 150;

  /** Trees larger than this are truncated to the last {@link #AUTO_LAST_P} clusters unless told otherwise. */
  public static final int AUTO_TRUNCATE_ABOVE = 300;
  /** Leaves shown by automatic truncation. */
  public static final int AUTO_LAST_P = 60;

  private final MergeHistory tree;
  private String[] rowLabels;
  private Truncation truncation;
  private Cut cut;
  private boolean horizontal;
  private String title;
  private String parameters;
  private String heightLabel = "Height (merge distance)";
  private JFreeChart chart;

  private DendrogramChart(MergeHistory tree) {
    Check.notNull("tree", tree);
    this.tree = tree;
  }

  /** A dendrogram of the tree. */
  public static DendrogramChart of(MergeHistory tree) {
    return new DendrogramChart(tree);
  }

  /** Leaf labels, one per row (e.g. from a string attribute); default row numbers. */
  public DendrogramChart leafLabels(String[] labels) {
    if (labels != null && labels.length != tree.n()) {
      throw new IllegalArgumentException("there are " + labels.length + " leaf labels for " + tree.n() + " rows");
    }
    this.rowLabels = labels;
    return this;
  }

  /** Truncation (default: none up to {@value #AUTO_TRUNCATE_ABOVE} rows, else the last {@value #AUTO_LAST_P} clusters). */
  public DendrogramChart truncate(Truncation truncation) {
    this.truncation = truncation;
    return this;
  }

  /** The cut colouring the branches (default: none, all links one colour). */
  public DendrogramChart cut(Cut cut) {
    this.cut = cut;
    return this;
  }

  /** Leaves on the left and the root on the right instead of leaves at the bottom. */
  public DendrogramChart horizontal(boolean horizontal) {
    this.horizontal = horizontal;
    return this;
  }

  /** Chart title (default "Dendrogram"). */
  public DendrogramChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer and its parameters, e.g. "Agglomerative, Ward linkage, USArrests". */
  public DendrogramChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Label of the height axis, e.g. "Ward distance" (default "Height (merge distance)"). */
  public DendrogramChart heightLabel(String label) {
    this.heightLabel = label;
    return this;
  }

  /** Builds the chart; the builder stays attached to it for {@link #setCut(Cut)}. */
  public JFreeChart build() {
    Truncation t = truncation != null ? truncation
        : tree.n() > AUTO_TRUNCATE_ABOVE ? Truncation.lastP(AUTO_LAST_P) : Truncation.none();
    DendrogramLayout layout = DendrogramLayout.of(tree, t);
    LinkDataset data = new LinkDataset(layout);
    ValueAxis leafAxis;
    int leaves = layout.leaves();
    String leafTitle = leaves + (layout.isTruncated() ? " leaves (subtrees labelled with their size)" : " rows");
    if (leaves <= MAX_LABELLED_LEAVES) {
      SymbolAxis s = new SymbolAxis(layout.isTruncated() ? "Clusters (number of rows)" : null, layout.leafLabels(rowLabels));
      s.setGridBandsVisible(false);
      s.setVerticalTickLabels(!horizontal && leaves > 12);
      leafAxis = s;
    } else {
      NumberAxis a = new NumberAxis(ChartTheme.count(leaves) + " leaves in dendrogram order (too many to label)");
      a.setTickLabelsVisible(false);
      a.setTickMarksVisible(false);
      leafAxis = a;
    }
    leafAxis.setRange(-0.7, leaves - 0.3);
    NumberAxis heightAxis = new NumberAxis(heightLabel);
    double top = Math.max(layout.maxHeight(), 1e-12);
    heightAxis.setRange(0, top * 1.06);
    XYPlot plot = new XYPlot(data, leafAxis, heightAxis, new LinkRenderer());
    plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    plot.setDomainGridlinesVisible(false);
    List<String> subs = new ArrayList<>();
    subs.add(parameters);
    StringBuilder sb = new StringBuilder(ChartTheme.count(tree.n()) + " rows");
    if (layout.isTruncated()) {
      sb.append("; ").append(layout.truncation()).append(" (").append(ChartTheme.count(layout.links())).append(" of ")
          .append(ChartTheme.count(tree.merges())).append(" merges drawn)");
    }
    if (!tree.isMonotone()) {
      sb.append("; the tree has inversions (centroid/median linkage)");
    }
    subs.add(sb.toString());
    chart = ChartTheme.chart(title != null ? title : "Dendrogram", plot, false, subs.toArray(new String[0]));
    if (leafAxis instanceof SymbolAxis && leaves > 40) {
      leafAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, leaves > 90 ? 8 : 9));
    }
    if (cut != null) {
      setCut(chart, cut);
    }
    return chart;
  }

  /**
   * Moves the cut of the chart this builder built: recolours the links, moves the dashed line and
   * returns the flat labels of the rows under the new cut.
   */
  public int[] setCut(Cut newCut) {
    if (chart == null) {
      throw new IllegalStateException("build() the chart first");
    }
    return setCut(chart, newCut);
  }

  /** Moves the cut of any dendrogram chart built here; returns the rows' labels under the new cut. */
  public static int[] setCut(JFreeChart chart, Cut cut) {
    Check.notNull("cut", cut);
    XYPlot plot = chart.getXYPlot();
    if (!(plot.getDataset() instanceof LinkDataset)) {
      throw new IllegalArgumentException("not a dendrogram chart");
    }
    LinkDataset data = (LinkDataset) plot.getDataset();
    MergeHistory tree = data.layout.tree();
    data.colour = data.layout.colours(cut);
    plot.clearRangeMarkers();
    double h = cut.lineHeight(tree);
    int k = cut.clustersIn(tree);
    ValueMarker line = ChartTheme.marker(h, ChartTheme.MARKER, ChartTheme.dashed(1.4f),
        "cut: " + k + (k == 1 ? " cluster" : " clusters") + " at height " + ChartTheme.num(h));
    boolean horiz = plot.getOrientation() == PlotOrientation.HORIZONTAL;
    line.setLabelAnchor(horiz ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_LEFT);
    line.setLabelTextAnchor(horiz ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(0, line, Layer.FOREGROUND);
    data.fire();
    return cut.labels(tree);
  }

  /** The height under a Java2D coordinate of a rendered chart (the vertical mouse position for a vertical dendrogram). */
  public static double heightAt(JFreeChart chart, double java2D, Rectangle2D dataArea) {
    XYPlot plot = chart.getXYPlot();
    RectangleEdge edge = plot.getRangeAxisEdge();
    return plot.getRangeAxis().java2DToValue(java2D, dataArea, edge);
  }

  /** The layout drawn by a dendrogram chart (for hit tests in interactive hosts). */
  public static DendrogramLayout layoutOf(JFreeChart chart) {
    if (!(chart.getXYPlot().getDataset() instanceof LinkDataset)) {
      throw new IllegalArgumentException("not a dendrogram chart");
    }
    return ((LinkDataset) chart.getXYPlot().getDataset()).layout;
  }

  /** The colour index of every drawn link under the current cut (-1 above it). */
  public static int[] linkColours(JFreeChart chart) {
    LinkDataset d = (LinkDataset) chart.getXYPlot().getDataset();
    return d.colour.clone();
  }

  /** One item per drawn link; x the link's centre, y its height, for bounds and tooltips. */
  static final class LinkDataset extends AbstractXYDataset {
    private static final long serialVersionUID = 1L;
    final DendrogramLayout layout;
    int[] colour;

    LinkDataset(DendrogramLayout layout) {
      this.layout = layout;
      this.colour = new int[layout.links()];
      java.util.Arrays.fill(colour, -1);
    }

    void fire() {
      fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
      return 1;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
      return "links";
    }

    @Override
    public int getItemCount(int series) {
      return layout.links();
    }

    @Override
    public Number getX(int series, int item) {
      return getXValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
      return (layout.xLeft(item) + layout.xRight(item)) / 2;
    }

    @Override
    public Number getY(int series, int item) {
      return getYValue(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
      return layout.yTop(item);
    }
  }

  /** Draws each link as the classic inverted U, in its cluster's colour. */
  static final class LinkRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;
    private final Line2D.Double line = new Line2D.Double();

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
        XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
        CrosshairState crosshairState, int pass) {
      LinkDataset d = (LinkDataset) dataset;
      DendrogramLayout l = d.layout;
      RectangleEdge de = plot.getDomainAxisEdge();
      RectangleEdge re = plot.getRangeAxisEdge();
      double xl = domainAxis.valueToJava2D(l.xLeft(item), dataArea, de);
      double xr = domainAxis.valueToJava2D(l.xRight(item), dataArea, de);
      double yl = rangeAxis.valueToJava2D(l.yLeft(item), dataArea, re);
      double yr = rangeAxis.valueToJava2D(l.yRight(item), dataArea, re);
      double yt = rangeAxis.valueToJava2D(l.yTop(item), dataArea, re);
      int c = d.colour[item];
      g2.setPaint(c < 0 ? ChartTheme.NEUTRAL : ChartTheme.colour(c));
      g2.setStroke(ChartTheme.line(l.leaves() > 2000 ? 0.6f : l.leaves() > 300 ? 0.9f : 1.4f));
      boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
      segment(g2, vertical, xl, yl, xl, yt);
      segment(g2, vertical, xl, yt, xr, yt);
      segment(g2, vertical, xr, yt, xr, yr);
    }

    private void segment(Graphics2D g2, boolean vertical, double x0, double y0, double x1, double y1) {
      if (vertical) {
        line.setLine(x0, y0, x1, y1);
      } else {
        line.setLine(y0, x0, y1, x1);
      }
      g2.draw(line);
    }
  }
}
