package clusterlab.charts;

import clusterlab.core.Check;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The cluster scatter (factoextra's {@code fviz_cluster}, Orange's scatter plot coloured by
 * cluster): rows on two axes of a {@link Projection}, one colour and shape per cluster, noise grey,
 * smaller and underneath, centroids as large outlined markers, and optionally each cluster's
 * convex hull or 95% normal ellipse. Above {@link #DEFAULT_MAX_POINTS} rows a random sample, in
 * proportion per cluster but at least {@link #MIN_SHOWN} rows of every cluster and of the noise, is
 * drawn and the chart says so; counts, centroids, hulls and ellipses always use every row. Large
 * series are drawn through {@link PointRenderer}'s point layer, so a million-row scatter opens in a
 * fraction of a second without misrepresenting the data.
 */
public final class ScatterChart {

  /** Rows drawn at most before sampling. */
  public static final int DEFAULT_MAX_POINTS = 50_000;

  /** χ²(2) quantile 0.95: the 95% ellipse of a bivariate normal. */
  private static final double CHI2_95 = 5.991464547107979;

  /** How each cluster's extent is outlined. */
  public enum Outline { NONE, CONVEX_HULL, ELLIPSE }

  private final Projection projection;
  private final int[] labels;
  private String title;
  private String parameters;
  private double[][] centroids;
  private boolean centroidMeans;
  private Outline outline = Outline.NONE;
  private int maxPoints = DEFAULT_MAX_POINTS;
  private long seed = 1;

  private ScatterChart(Projection projection, int[] labels) {
    Check.notNull("projection", projection);
    Check.notNull("labels", labels);
    if (labels.length != projection.n()) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + projection.n() + " rows");
    }
    this.projection = projection;
    this.labels = labels;
  }

  /** A scatter of the projected rows coloured by {@code labels} (-1 = noise). */
  public static ScatterChart of(Projection projection, int[] labels) {
    return new ScatterChart(projection, labels);
  }

  /** Chart title (default: "Clusters: " and what the axes are). */
  public ScatterChart title(String title) {
    this.title = title;
    return this;
  }

  /** A subtitle naming the clusterer and its parameters, e.g. "KMeans -N 3 on iris". */
  public ScatterChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /**
   * Centroids in the data space, one row of {@code d} values per cluster, projected into the
   * plane (linear projections only).
   */
  public ScatterChart centroids(double[][] centroidsInDataSpace) {
    if (!projection.isLinear()) {
      throw new IllegalArgumentException("centroids cannot be projected into an embedding; use centroidMeans()");
    }
    double[][] c = new double[centroidsInDataSpace.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = projection.project(centroidsInDataSpace[i]);
    }
    this.centroids = c;
    this.centroidMeans = false;
    return this;
  }

  /** Marks each cluster's mean position in the plane (for embeddings and density clusterers). */
  public ScatterChart centroidMeans() {
    this.centroidMeans = true;
    this.centroids = null;
    return this;
  }

  /** Outline each cluster by its convex hull or 95% ellipse. */
  public ScatterChart outline(Outline outline) {
    Check.notNull("outline", outline);
    this.outline = outline;
    return this;
  }

  /**
   * Most rows drawn (at least 100); more are sampled in proportion per cluster, keeping at least
   * {@link #MIN_SHOWN} rows of each cluster and of the noise.
   */
  public ScatterChart maxPoints(int maxPoints) {
    Check.atLeast("maxPoints", maxPoints, 100);
    this.maxPoints = maxPoints;
    return this;
  }

  /** Seed of the drawing sample. */
  public ScatterChart seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    ClusterCounts counts = new ClusterCounts(labels);
    int n = labels.length;
    int[][] drawn = sample(counts, n);
    int shown = 0;
    boolean raised = false;
    for (int s = 0; s < drawn.length; s++) {
      shown += drawn[s].length;
      int size = s == 0 ? counts.noise : counts.sizes[s - 1];
      raised |= size > 0 && drawn[s].length > Math.ceil((double) size * maxPoints / n) && n > maxPoints;
    }
    ScatterDataset data = new ScatterDataset(projection, labels);
    XYLineAndShapeRenderer r = new PointRenderer();
    double size = shown <= 1_000 ? 8 : shown <= 10_000 ? 6 : 4;
    int alpha = shown <= 1_000 ? 215 : shown <= 10_000 ? 170 : 120;
    r.setDrawOutlines(shown <= 2_000);
    r.setUseOutlinePaint(true);
    int series = 0;
    // noise first so clusters are drawn over it
    for (int c = -1; c < counts.k; c++) {
      if ((c < 0 && counts.noise == 0) || (c >= 0 && counts.sizes[c] == 0)) {
        continue;
      }
      data.addSeries(counts.name(c), coordinates(drawn[c + 1]));
      r.setSeriesShape(series, ChartTheme.shape(c, c < 0 ? size * 0.6 : size));
      r.setSeriesPaint(series, c < 0 ? new Color(0xA0, 0xA0, 0xA0, Math.min(alpha, 150)) : ChartTheme.translucent(c, alpha));
      r.setSeriesOutlinePaint(series, c < 0 ? ChartTheme.NOISE : ChartTheme.colour(c).darker());
      r.setSeriesOutlineStroke(series, new BasicStroke(0.6f));
      series++;
    }
    double[][] cents = centroidMeans ? means(counts) : centroids;
    if (cents != null) {
      for (int c = 0; c < cents.length; c++) {
        if (cents[c] == null || (c < counts.k && counts.sizes[c] == 0)) {
          continue;
        }
        data.addSeries("centroid " + c, new double[][] {{cents[c][0]}, {cents[c][1]}});
        r.setSeriesShape(series, ChartTheme.shape(c, 17));
        r.setSeriesPaint(series, ChartTheme.colour(c));
        r.setSeriesOutlinePaint(series, Color.BLACK);
        r.setSeriesOutlineStroke(series, new BasicStroke(1.6f));
        r.setSeriesVisibleInLegend(series, false);
        series++;
      }
      r.setDrawOutlines(true);
      if (shown > 2_000) { // outlines only on the centroids
        for (int s = 0; s < series; s++) {
          if (!data.getSeriesKey(s).toString().startsWith("centroid")) {
            r.setSeriesOutlinePaint(s, r.getSeriesPaint(s));
            r.setSeriesOutlineStroke(s, new BasicStroke(0f));
          }
        }
      }
    }
    NumberAxis xAxis = new NumberAxis(projection.xLabel());
    NumberAxis yAxis = new NumberAxis(projection.yLabel());
    xAxis.setAutoRangeIncludesZero(false);
    yAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    // series in order: noise underneath, then the clusters, then the centroid markers on top
    // (XYPlot's default, REVERSE, would bury the centroids under their clusters' points)
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    Rectangle2D.Double bounds = bounds();
    if (outline != Outline.NONE) {
      for (int c = 0; c < counts.k; c++) {
        Shape s = outline == Outline.CONVEX_HULL ? hull(c) : ellipse(c);
        if (s != null) {
          plot.addAnnotation(new XYShapeAnnotation(s, new BasicStroke(1.3f), ChartTheme.colour(c),
              ChartTheme.translucent(c, 38)), false);
          bounds.add(s.getBounds2D());
        }
      }
    }
    pad(xAxis, bounds.getMinX(), bounds.getMaxX());
    pad(yAxis, bounds.getMinY(), bounds.getMaxY());
    List<String> subs = new ArrayList<>();
    subs.add(parameters);
    subs.add(summary(counts, n));
    if (shown < n) {
      subs.add("Showing a random " + ChartTheme.count(shown) + " of " + ChartTheme.count(n)
          + " rows (every cluster in proportion" + (raised ? ", at least " + ChartTheme.count(MIN_SHOWN)
          + " of each smaller cluster" + (counts.noise > 0 ? " and of the noise" : "") : "") + "); counts"
          + (cents != null ? ", centroids" : "") + (outline != Outline.NONE ? ", outlines" : "") + " use all rows.");
    }
    String t = title != null ? title : "Clusters on " + projection.description();
    return ChartTheme.chart(t, plot, true, subs.toArray(new String[0]));
  }

  /**
   * Rows whose projected position lies in a rectangle of data coordinates (every row, sampled or
   * not): a box selection in an interactive host.
   */
  public static int[] rowsIn(JFreeChart chart, Rectangle2D region) {
    Projection p = dataset(chart).projection;
    int[] hits = new int[p.n()];
    int m = 0;
    for (int i = 0; i < p.n(); i++) {
      if (region.contains(p.x(i), p.y(i))) {
        hits[m++] = i;
      }
    }
    return Arrays.copyOf(hits, m);
  }

  /**
   * Rings the given rows (a selection made here or in another chart of the same rows); an empty
   * or null array clears the highlight. At most {@value #MAX_HIGHLIGHT} rows are ringed.
   */
  public static void highlight(JFreeChart chart, int[] rows) {
    XYPlot plot = chart.getXYPlot();
    Projection p = dataset(chart).projection;
    int slot = 1;
    if (rows == null || rows.length == 0) {
      plot.setDataset(slot, null);
      return;
    }
    int m = Math.min(rows.length, MAX_HIGHLIGHT);
    double[][] xy = new double[2][m];
    for (int i = 0; i < m; i++) {
      xy[0][i] = p.x(rows[i]);
      xy[1][i] = p.y(rows[i]);
    }
    DefaultXYDataset sel = new DefaultXYDataset();
    sel.addSeries("selected (" + ChartTheme.count(rows.length) + ")", xy);
    XYLineAndShapeRenderer rr = new PointRenderer();
    rr.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
    rr.setSeriesPaint(0, new Color(0, 0, 0, 0));
    rr.setUseOutlinePaint(true);
    rr.setDrawOutlines(true);
    rr.setSeriesOutlinePaint(0, Color.BLACK);
    rr.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
    plot.setDataset(slot, sel);
    plot.setRenderer(slot, rr);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
  }

  /** Rows ringed by {@link #highlight} at most. */
  public static final int MAX_HIGHLIGHT = 20_000;

  private static ScatterDataset dataset(JFreeChart chart) {
    if (!(chart.getXYPlot().getDataset(0) instanceof ScatterDataset)) {
      throw new IllegalArgumentException("not a cluster scatter chart");
    }
    return (ScatterDataset) chart.getXYPlot().getDataset(0);
  }

  /** The drawn points, keeping every row's position for selections. */
  static final class ScatterDataset extends DefaultXYDataset {
    private static final long serialVersionUID = 1L;
    final transient Projection projection;
    final transient int[] labels;

    ScatterDataset(Projection projection, int[] labels) {
      this.projection = projection;
      this.labels = labels;
    }

    @Override
    public boolean equals(Object o) {
      return super.equals(o) && o instanceof ScatterDataset && ((ScatterDataset) o).projection == projection;
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }

  private String summary(ClusterCounts counts, int n) {
    StringBuilder sb = new StringBuilder();
    sb.append(ChartTheme.count(n)).append(" rows, ").append(counts.k).append(counts.k == 1 ? " cluster" : " clusters");
    if (counts.noise > 0) {
      sb.append(", ").append(ChartTheme.count(counts.noise)).append(" noise");
    }
    if (centroids != null || centroidMeans) {
      sb.append("; large outlined markers: ").append(centroidMeans ? "cluster means" : "centroids");
    }
    if (outline == Outline.ELLIPSE) {
      sb.append("; ellipses: 95% normal");
    } else if (outline == Outline.CONVEX_HULL) {
      sb.append("; outlines: convex hulls");
    }
    return sb.toString();
  }

  /**
   * Which rows to draw, per stratum (index 0 the noise, {@code c + 1} cluster c), in row order:
   * all of them up to {@link #maxPoints} rows; above, a seeded random sample of each stratum in
   * proportion to its size but never fewer than {@link #MIN_SHOWN} rows (or all of a smaller
   * stratum), so that noise and small clusters stay visible at a million rows. One pass of
   * sequential selection sampling (Knuth's Algorithm S, TAOCP vol. 2, 3.4.2): each row is taken
   * with probability (rows still needed) / (rows still to come) of its stratum, which gives every
   * stratum exactly its quota without a permutation of all rows.
   */
  private int[][] sample(ClusterCounts counts, int n) {
    int strata = counts.k + 1;
    int[] size = new int[strata];
    size[0] = counts.noise;
    System.arraycopy(counts.sizes, 0, size, 1, counts.k);
    int[] quota = size.clone();
    if (n > maxPoints) {
      double rate = (double) maxPoints / n;
      for (int s = 0; s < strata; s++) {
        quota[s] = (int) Math.min(size[s], Math.max(Math.ceil(size[s] * rate), MIN_SHOWN));
      }
    }
    int[][] rows = new int[strata][];
    for (int s = 0; s < strata; s++) {
      rows[s] = new int[quota[s]];
    }
    int[] taken = new int[strata];
    int[] left = size.clone();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int s = labels[i] + 1;
      int need = quota[s] - taken[s];
      if (need > 0 && (need >= left[s] || rnd.nextInt(left[s]) < need)) {
        rows[s][taken[s]++] = i;
      }
      left[s]--;
    }
    return rows;
  }

  /** Rows drawn of each cluster and of the noise at least, when sampling, unless they have fewer. */
  public static final int MIN_SHOWN = 200;

  private double[][] coordinates(int[] rows) {
    double[][] xy = new double[2][rows.length];
    for (int j = 0; j < rows.length; j++) {
      xy[0][j] = projection.x(rows[j]);
      xy[1][j] = projection.y(rows[j]);
    }
    return xy;
  }

  private double[][] means(ClusterCounts counts) {
    double[][] m = new double[counts.k][2];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        m[labels[i]][0] += projection.x(i);
        m[labels[i]][1] += projection.y(i);
      }
    }
    for (int c = 0; c < counts.k; c++) {
      if (counts.sizes[c] == 0) {
        m[c] = null;
      } else {
        m[c][0] /= counts.sizes[c];
        m[c][1] /= counts.sizes[c];
      }
    }
    return m;
  }

  private Rectangle2D.Double bounds() {
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < labels.length; i++) {
      x0 = Math.min(x0, projection.x(i));
      x1 = Math.max(x1, projection.x(i));
      y0 = Math.min(y0, projection.y(i));
      y1 = Math.max(y1, projection.y(i));
    }
    if (labels.length == 0) {
      return new Rectangle2D.Double(0, 0, 1, 1);
    }
    return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
  }

  private static void pad(NumberAxis axis, double lo, double hi) {
    double span = hi - lo;
    double m = span > 0 ? span * 0.04 : Math.max(1e-9, Math.abs(lo) * 0.1 + 0.5);
    axis.setRange(lo - m, hi + m);
  }

  /** The 95% normal ellipse of cluster c's projected rows (null below 3 rows or when degenerate). */
  Shape ellipse(int c) {
    double sx = 0;
    double sy = 0;
    int m = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == c) {
        sx += projection.x(i);
        sy += projection.y(i);
        m++;
      }
    }
    if (m < 3) {
      return null;
    }
    double mx = sx / m;
    double my = sy / m;
    double cxx = 0;
    double cxy = 0;
    double cyy = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == c) {
        double dx = projection.x(i) - mx;
        double dy = projection.y(i) - my;
        cxx += dx * dx;
        cxy += dx * dy;
        cyy += dy * dy;
      }
    }
    cxx /= m - 1;
    cxy /= m - 1;
    cyy /= m - 1;
    double tr = cxx + cyy;
    double det = cxx * cyy - cxy * cxy;
    double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
    double l1 = tr / 2 + disc;
    double l2 = Math.max(0, tr / 2 - disc);
    if (!(l1 > 0)) {
      return null;
    }
    double angle = Math.abs(cxy) < 1e-300 ? (cxx >= cyy ? 0 : Math.PI / 2) : Math.atan2(l1 - cxx, cxy);
    double a = Math.sqrt(CHI2_95 * l1);
    double b = Math.sqrt(CHI2_95 * l2);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    Path2D.Double p = new Path2D.Double();
    int steps = 96;
    for (int s = 0; s <= steps; s++) {
      double t = 2 * Math.PI * s / steps;
      double ex = a * Math.cos(t);
      double ey = b * Math.sin(t);
      double px = mx + ex * cos - ey * sin;
      double py = my + ex * sin + ey * cos;
      if (s == 0) {
        p.moveTo(px, py);
      } else {
        p.lineTo(px, py);
      }
    }
    p.closePath();
    return p;
  }

  /** Convex hull (Andrew's monotone chain) of cluster c's projected rows (null below 3 distinct points). */
  Shape hull(int c) {
    int m = 0;
    for (int l : labels) {
      m += l == c ? 1 : 0;
    }
    if (m < 3) {
      return null;
    }
    Integer[] order = new Integer[m];
    int[] rows = new int[m];
    int j = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == c) {
        rows[j] = i;
        order[j] = j;
        j++;
      }
    }
    Arrays.sort(order, (p, q) -> {
      int cmp = Double.compare(projection.x(rows[p]), projection.x(rows[q]));
      return cmp != 0 ? cmp : Double.compare(projection.y(rows[p]), projection.y(rows[q]));
    });
    int[] h = new int[2 * m];
    int k = 0;
    for (int t = 0; t < m; t++) {
      int r = rows[order[t]];
      while (k >= 2 && cross(h[k - 2], h[k - 1], r) <= 0) {
        k--;
      }
      h[k++] = r;
    }
    for (int t = m - 2, lower = k + 1; t >= 0; t--) {
      int r = rows[order[t]];
      while (k >= lower && cross(h[k - 2], h[k - 1], r) <= 0) {
        k--;
      }
      h[k++] = r;
    }
    if (k < 4) { // collinear or duplicate points: no area to outline
      return null;
    }
    Path2D.Double p = new Path2D.Double();
    p.moveTo(projection.x(h[0]), projection.y(h[0]));
    for (int t = 1; t < k - 1; t++) {
      p.lineTo(projection.x(h[t]), projection.y(h[t]));
    }
    p.closePath();
    return p;
  }

  private double cross(int o, int a, int b) {
    return (projection.x(a) - projection.x(o)) * (projection.y(b) - projection.y(o))
        - (projection.y(a) - projection.y(o)) * (projection.x(b) - projection.x(o));
  }
}
