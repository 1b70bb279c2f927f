package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.density.KDistance;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The sorted k-distance plot of Ester et al. (1996, section 4.2) for choosing DBSCAN's eps: every
 * row's distance to its k-th nearest neighbour, in increasing order, with the knee found by
 * Kneedle (the eps it suggests) ringed, and the current eps as a horizontal line that says how
 * many rows it makes core points. Interactive hosts move that line with {@link #setEps}. Long
 * curves are drawn from points spaced evenly along the curve's length, which keeps its shape.
 */
public final class KDistanceChart {

  /** Points drawn at most. */
  public static final int MAX_POINTS = 4000;

  private final double[] curve;
  private final int k;
  private int knee = Integer.MIN_VALUE;
  private double eps = Double.NaN;
  private String title;
  private String parameters;

  private KDistanceChart(double[] sortedCurve, int k) {
    Check.notNull("sortedCurve", sortedCurve);
    Check.atLeast("k", k, 1);
    if (sortedCurve.length < 2) {
      throw new IllegalArgumentException("a k-distance plot needs at least 2 rows, got " + sortedCurve.length);
    }
    for (int i = 1; i < sortedCurve.length; i++) {
      if (!(sortedCurve[i] >= sortedCurve[i - 1])) {
        throw new IllegalArgumentException("the k-distance curve must be sorted increasingly and finite (row " + i + ")");
      }
    }
    this.curve = sortedCurve.clone();
    this.k = k;
  }

  /**
   * A k-distance plot of a sorted curve ({@link KDistance#curve}, or DBSCAN's model) where
   * {@code k} is the neighbour rank (minPts - 1 for DBSCAN).
   */
  public static KDistanceChart of(double[] sortedCurve, int k) {
    return new KDistanceChart(sortedCurve, k);
  }

  /** Position of the knee in the curve (-1: none); default: found by {@link KDistance#knee}. */
  public KDistanceChart knee(int index) {
    Check.inRange("knee", index, -1, curve.length - 1);
    this.knee = index;
    return this;
  }

  /** The current eps, drawn as a horizontal line (default none). */
  public KDistanceChart eps(double eps) {
    Check.positive("eps", eps);
    this.eps = eps;
    return this;
  }

  /** Chart title (default "k-distance plot"). */
  public KDistanceChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer and its parameters. */
  public KDistanceChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** The knee used: given, or found by Kneedle (-1 when none). */
  public int kneeIndex() {
    return knee != Integer.MIN_VALUE ? knee : KDistance.knee(curve);
  }

  /** Builds the chart. */
  public JFreeChart build() {
    int kn = kneeIndex();
    int[] idx = thin(curve, MAX_POINTS, kn);
    double[][] xy = new double[2][idx.length];
    for (int i = 0; i < idx.length; i++) {
      xy[0][i] = idx[i];
      xy[1][i] = curve[idx[i]];
    }
    CurveDataset data = new CurveDataset(curve);
    data.addSeries("k-distance", xy);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setSeriesPaint(0, ChartTheme.colour(0));
    r.setSeriesStroke(0, ChartTheme.line(2f));
    NumberAxis x = new NumberAxis("Rows sorted by k-distance (" + ChartTheme.count(curve.length) + " rows)");
    x.setRange(0, curve.length - 1);
    NumberAxis y = new NumberAxis("Distance to the " + ordinal(k) + " nearest neighbour");
    XYPlot plot = new XYPlot(data, x, y, r);
    if (kn >= 0) {
      DefaultXYDataset ring = new DefaultXYDataset();
      ring.addSeries("knee", new double[][] {{kn}, {curve[kn]}});
      XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(false, true);
      rr.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-8, -8, 16, 16));
      rr.setSeriesShapesFilled(0, false);
      rr.setUseOutlinePaint(true);
      rr.setSeriesOutlinePaint(0, ChartTheme.ACCENT);
      rr.setSeriesOutlineStroke(0, new BasicStroke(2.2f));
      plot.setDataset(1, ring);
      plot.setRenderer(1, rr);
      double lift = 0.06 * (curve[curve.length - 1] - curve[0]);
      plot.addAnnotation(ChartTheme.note("knee: eps \u2248 " + ChartTheme.num(curve[kn]) + "  ", kn, curve[kn] + lift,
          ChartTheme.ACCENT, TextAnchor.BOTTOM_RIGHT));
    }
    List<String> subs = new ArrayList<>();
    subs.add(parameters);
    subs.add("k = " + k + (kn >= 0 ? "; Kneedle knee at row " + ChartTheme.count(kn) + " suggests eps = "
        + ChartTheme.num(curve[kn]) : "; Kneedle found no knee (no clear density gap)")
        + "; rows right of the knee are likely noise");
    JFreeChart chart = ChartTheme.chart(title != null ? title : "k-distance plot for choosing eps", plot, false,
        subs.toArray(new String[0]));
    if (!Double.isNaN(eps)) {
      setEps(chart, eps);
    }
    return chart;
  }

  /**
   * Moves the eps line of a k-distance chart; returns how many rows that eps makes core points
   * (k-distance at most eps).
   */
  public static int setEps(JFreeChart chart, double eps) {
    Check.positive("eps", eps);
    XYPlot plot = chart.getXYPlot();
    double[] c = fullCurve(chart);
    int core = upperBound(c, eps);
    plot.clearRangeMarkers();
    ValueMarker m = ChartTheme.marker(eps, ChartTheme.MARKER, ChartTheme.dashed(1.4f), String.format(Locale.ROOT,
        "eps = %s: %s core rows (%.1f%%)", ChartTheme.num(eps), ChartTheme.count(core), 100.0 * core / c.length));
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(0, m, Layer.FOREGROUND);
    return core;
  }

  private static double[] fullCurve(JFreeChart chart) {
    if (chart.getXYPlot().getDataset(0) instanceof CurveDataset) {
      return ((CurveDataset) chart.getXYPlot().getDataset(0)).full;
    }
    throw new IllegalArgumentException("not a k-distance chart");
  }

  /** The drawn (thinned) points, keeping the whole curve for eps counts. */
  static final class CurveDataset extends DefaultXYDataset {
    private static final long serialVersionUID = 1L;
    final double[] full;

    CurveDataset(double[] full) {
      this.full = full;
    }

    @Override
    public boolean equals(Object o) {
      return super.equals(o) && o instanceof CurveDataset && Arrays.equals(full, ((CurveDataset) o).full);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }

  private static int upperBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Indices of at most about {@code max} points spaced evenly along the curve's length (x and y
   * both scaled to [0, 1]), always the ends and the knee.
   */
  static int[] thin(double[] c, int max, int knee) {
    int n = c.length;
    if (n <= max) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    double span = Math.max(c[n - 1] - c[0], 1e-300);
    double step = 2.0 / max;
    int[] keep = new int[max * 2 + 3];
    int m = 0;
    keep[m++] = 0;
    double lastX = 0;
    double lastY = c[0];
    for (int i = 1; i < n - 1; i++) {
      double dx = (i - lastX) / (n - 1);
      double dy = (c[i] - lastY) / span;
      if (dx + dy >= step || i == knee) {
        if (m >= keep.length - 1) {
          keep = Arrays.copyOf(keep, keep.length * 2);
        }
        keep[m++] = i;
        lastX = i;
        lastY = c[i];
      }
    }
    keep[m++] = n - 1;
    return Arrays.copyOf(keep, m);
  }

  static String ordinal(int k) {
    int t = k % 100;
    String suffix = t >= 11 && t <= 13 ? "th" : k % 10 == 1 ? "st" : k % 10 == 2 ? "nd" : k % 10 == 3 ? "rd" : "th";
    return k + suffix;
  }
}
