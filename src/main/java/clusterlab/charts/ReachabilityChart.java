package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.density.OpticsModel;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.awt.BasicStroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/**
 * The OPTICS reachability plot (Ankerst et al. 1999): the reachability distance of every row in
 * the cluster ordering, valleys being clusters. Bars are coloured by the row's flat cluster,
 * noise grey; the ξ clusters (with their nesting) are shaded behind the bars, innermost darkest;
 * rows reached from nowhere (infinite reachability, the start of each connected part) are drawn
 * as dark bars to the top; an optional eps line shows a DBSCAN-equivalent cut. More than
 * {@value #MAX_BARS} positions are drawn as the maximum of each run of neighbouring positions, so
 * every peak (cluster border) survives.
 */
public final class ReachabilityChart {

  /** Bars drawn at most. */
  public static final int MAX_BARS = 3000;

  private final OpticsModel model;
  private int[] labels;
  private int[][] ranges;
  private double eps = Double.NaN;
  private String title;
  private String parameters;

  private ReachabilityChart(OpticsModel model) {
    Check.notNull("model", model);
    this.model = model;
  }

  /** A reachability plot of the model. */
  public static ReachabilityChart of(OpticsModel model) {
    return new ReachabilityChart(model);
  }

  /** ξ clusters: flat labels for the bar colours and the nested ranges to shade. */
  public ReachabilityChart xi(OpticsModel.XiResult xi) {
    Check.notNull("xi", xi);
    this.labels = xi.labels();
    this.ranges = xi.hierarchy();
    return this;
  }

  /** Any flat labels of the rows (e.g. a DBSCAN cut) for the bar colours. */
  public ReachabilityChart labels(int[] labels) {
    Check.notNull("labels", labels);
    if (labels.length != model.ordering().length) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + model.ordering().length + " rows");
    }
    this.labels = labels.clone();
    return this;
  }

  /** Draws a DBSCAN-equivalent cut at eps. */
  public ReachabilityChart eps(double eps) {
    Check.positive("eps", eps);
    this.eps = eps;
    return this;
  }

  /** Chart title (default "OPTICS reachability plot"). */
  public ReachabilityChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer and its parameters. */
  public ReachabilityChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    int[] order = model.ordering();
    double[] reach = model.reachabilityPlot();
    int n = order.length;
    double top = 0;
    for (double r : reach) {
      if (Double.isFinite(r)) {
        top = Math.max(top, r);
      }
    }
    if (top == 0) {
      top = 1;
    }
    double cap = top * 1.08;
    int buckets = Math.min(n, MAX_BARS);
    double width = (double) n / buckets;
    int k = 0;
    if (labels != null) {
      for (int l : labels) {
        k = Math.max(k, l + 1);
      }
    }
    // per bucket: the highest bar, coloured by the label of the row holding it
    int[] seriesOf = new int[buckets];
    double[] value = new double[buckets];
    int[] perSeries = new int[k + 2]; // 0: infinite, 1: noise, 2..: clusters
    for (int b = 0; b < buckets; b++) {
      int from = (int) Math.floor(b * width);
      int to = Math.max(from + 1, (int) Math.floor((b + 1) * width));
      int best = from;
      for (int p = from; p < to && p < n; p++) {
        if (!(reach[p] <= reach[best])) {
          best = p;
        }
      }
      boolean inf = !Double.isFinite(reach[best]);
      int l = labels == null ? 0 : labels[order[best]];
      seriesOf[b] = inf ? 0 : l + 2;
      value[b] = inf ? cap : reach[best];
      perSeries[seriesOf[b]]++;
    }
    DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
    XYBarRenderer r = new XYBarRenderer();
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setUseYInterval(true);
    int series = 0;
    for (int s = 0; s < perSeries.length; s++) {
      if (perSeries[s] == 0) {
        continue;
      }
      double[][] d = new double[6][perSeries[s]];
      int j = 0;
      for (int b = 0; b < buckets; b++) {
        if (seriesOf[b] == s) {
          d[0][j] = (b + 0.5) * width;
          d[1][j] = b * width;
          d[2][j] = (b + 1) * width;
          d[3][j] = value[b];
          d[4][j] = 0;
          d[5][j] = value[b];
          j++;
        }
      }
      String key = s == 0 ? "unreachable (\u221e, start of a part)" : s == 1 ? "noise"
          : labels == null ? "reachability" : "Cluster " + (s - 2);
      data.addSeries(key, d);
      r.setSeriesPaint(series, s == 0 ? ChartTheme.NEUTRAL : s == 1 ? ChartTheme.NOISE
          : labels == null ? ChartTheme.colour(0) : ChartTheme.colour(s - 2));
      series++;
    }
    NumberAxis x = new NumberAxis("Rows in OPTICS order (" + ChartTheme.count(n) + ")");
    x.setRange(0, n);
    int levels = ranges == null ? 0 : depthLevels(ranges);
    double step = cap * 0.035;
    NumberAxis y = new NumberAxis("Reachability distance");
    y.setRange(-(levels + 0.6) * step, cap * 1.02);
    y.setNumberFormatOverride(new NonNegativeFormat());
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setDomainGridlinesVisible(false);
    if (ranges != null) {
      brackets(plot, ranges, step);
    }
    if (!Double.isNaN(eps)) {
      ValueMarker m = ChartTheme.marker(eps, ChartTheme.MARKER, ChartTheme.dashed(1.4f), "DBSCAN cut at eps = "
          + ChartTheme.num(eps));
      m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addRangeMarker(m, Layer.FOREGROUND);
    }
    List<String> subs = new ArrayList<>();
    subs.add(parameters);
    StringBuilder sb = new StringBuilder("minPts = " + model.minPts());
    if (Double.isFinite(model.maxEps())) {
      sb.append(", maxEps = ").append(ChartTheme.num(model.maxEps()));
    }
    if (ranges != null) {
      sb.append("; ").append(ranges.length).append(" \u03be clusters, drawn as brackets under the bars by nesting level; ")
          .append(k).append(" leaf clusters coloured");
    }
    if (buckets < n) {
      sb.append("; each bar is the highest of ").append(ChartTheme.num(Math.round(width * 10) / 10.0)).append(" rows");
    }
    subs.add(sb.toString());
    return ChartTheme.chart(title != null ? title : "OPTICS reachability plot", plot, labels != null && k <= 12,
        subs.toArray(new String[0]));
  }

  /** Nesting depth of each range (0 = outermost); ranges come nested ones first. */
  private static int[] depths(int[][] ranges) {
    int[] depth = new int[ranges.length];
    for (int i = 0; i < ranges.length; i++) {
      for (int j = 0; j < ranges.length; j++) {
        if (i != j && ranges[j][0] <= ranges[i][0] && ranges[i][1] <= ranges[j][1]
            && (ranges[j][1] - ranges[j][0] > ranges[i][1] - ranges[i][0] || j > i)) {
          depth[i]++;
        }
      }
    }
    return depth;
  }

  private static int depthLevels(int[][] ranges) {
    int max = -1;
    for (int d : depths(ranges)) {
      max = Math.max(max, d);
    }
    return max + 1;
  }

  /** Each ξ cluster as a bracket below zero, one row per nesting level, leaf clusters also lightly shaded. */
  private void brackets(XYPlot plot, int[][] ranges, double step) {
    int[] depth = depths(ranges);
    int[] order = model.ordering();
    for (int i = 0; i < ranges.length; i++) {
      double y = -(depth[i] + 0.5) * step;
      double x0 = ranges[i][0] + 0.15;
      double x1 = ranges[i][1] + 0.85;
      int l = labels == null ? -1 : labels[order[(ranges[i][0] + ranges[i][1]) / 2]];
      Color c = l >= 0 ? ChartTheme.colour(l) : ChartTheme.NEUTRAL;
      plot.addAnnotation(new XYLineAnnotation(x0, y, x1, y, new BasicStroke(2.2f), c), false);
      boolean leaf = true;
      for (int j = 0; j < ranges.length && leaf; j++) {
        leaf = j == i || !(ranges[i][0] <= ranges[j][0] && ranges[j][1] <= ranges[i][1]);
      }
      if (leaf && l >= 0) {
        IntervalMarker band = new IntervalMarker(ranges[i][0], ranges[i][1] + 1, ChartTheme.translucent(l, 22));
        band.setOutlinePaint(null);
        plot.addDomainMarker(band, Layer.BACKGROUND);
      }
    }
  }

  /** Tick labels for the bars only: the brackets live below zero. */
  static final class NonNegativeFormat extends java.text.NumberFormat {
    private static final long serialVersionUID = 1L;
    private final java.text.NumberFormat inner = java.text.NumberFormat.getNumberInstance(java.util.Locale.ROOT);

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
      return number < -1e-12 ? toAppendTo : inner.format(number, toAppendTo, pos);
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
      return number < 0 ? toAppendTo : inner.format(number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, java.text.ParsePosition parsePosition) {
      return inner.parse(source, parsePosition);
    }
  }
}
