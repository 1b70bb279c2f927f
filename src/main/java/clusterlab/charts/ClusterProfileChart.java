package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * What distinguishes the clusters, attribute by attribute: each cluster's mean standardized
 * against the whole data ((cluster mean - overall mean) / overall standard deviation, so every
 * attribute is on one scale), as a heat map with a diverging colour-blind-safe scale and the
 * values written in the cells, or as parallel coordinates with each cluster's mean profile over a
 * sample of its rows.
 */
public final class ClusterProfileChart {

  /** Rows drawn per cluster at most in parallel coordinates. */
  public static final int ROWS_PER_CLUSTER = 150;

  private final Dataset data;
  private final int[] labels;
  private String[] names;
  private String title;
  private String parameters;

  private ClusterProfileChart(Dataset data, int[] labels) {
    Check.notNull("data", data);
    Check.notNull("labels", labels);
    if (labels.length != data.n()) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + data.n() + " rows");
    }
    this.data = data;
    this.labels = labels;
  }

  /** A profile of the clusters {@code labels} makes of {@code data}. */
  public static ClusterProfileChart of(Dataset data, int[] labels) {
    return new ClusterProfileChart(data, labels);
  }

  /** Attribute names (default "column j"). */
  public ClusterProfileChart attributeNames(String[] names) {
    if (names != null && names.length != data.d()) {
      throw new IllegalArgumentException("there are " + names.length + " attribute names for " + data.d() + " columns");
    }
    this.names = names;
    return this;
  }

  /** Chart title. */
  public ClusterProfileChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer and its parameters. */
  public ClusterProfileChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Column moments, computed once per builder (both charts need them; a pass over every row). */
  private double[][] moments;

  /** Overall mean and standard deviation of each column (sd 1 for a constant column). */
  private double[][] moments() {
    if (moments == null) {
      moments = computeMoments();
    }
    return moments;
  }

  private double[][] computeMoments() {
    int n = data.n();
    int d = data.d();
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += data.get(i, j);
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double z = data.get(i, j) - mean[j];
        sd[j] += z * z;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = n > 1 ? Math.sqrt(sd[j] / (n - 1)) : 0;
      if (!(sd[j] > 0)) {
        sd[j] = 1;
      }
    }
    return new double[][] {mean, sd};
  }

  /** Standardized cluster means, [cluster][column]. */
  public double[][] standardizedMeans() {
    ClusterCounts counts = new ClusterCounts(labels);
    double[][] mo = moments();
    int d = data.d();
    double[][] z = new double[counts.k][d];
    for (int i = 0; i < data.n(); i++) {
      int l = labels[i];
      if (l >= 0) {
        for (int j = 0; j < d; j++) {
          z[l][j] += data.get(i, j);
        }
      }
    }
    for (int c = 0; c < counts.k; c++) {
      for (int j = 0; j < d; j++) {
        z[c][j] = counts.sizes[c] == 0 ? Double.NaN : (z[c][j] / counts.sizes[c] - mo[0][j]) / mo[1][j];
      }
    }
    return z;
  }

  private String[] attributeLabels() {
    String[] a = new String[data.d()];
    for (int j = 0; j < a.length; j++) {
      a[j] = names != null && names[j] != null ? names[j] : "column " + j;
    }
    return a;
  }

  /** The heat map: clusters down, attributes across, standardized means as colours and numbers. */
  public JFreeChart heatMap() {
    ClusterCounts counts = new ClusterCounts(labels);
    double[][] z = standardizedMeans();
    int k = counts.k;
    int d = data.d();
    double[][] xyz = new double[3][k * d];
    double max = 0;
    int t = 0;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        xyz[0][t] = j;
        xyz[1][t] = c;
        xyz[2][t] = z[c][j];
        if (!Double.isNaN(z[c][j])) {
          max = Math.max(max, Math.abs(z[c][j]));
        }
        t++;
      }
    }
    double limit = Math.max(0.5, Math.ceil(max * 2) / 2);
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("standardized mean", xyz);
    XYBlockRenderer r = new XYBlockRenderer();
    Diverging scale = new Diverging(limit);
    r.setPaintScale(scale);
    SymbolAxis x = new SymbolAxis(null, attributeLabels());
    x.setGridBandsVisible(false);
    x.setVerticalTickLabels(d > 8);
    String[] rows = new String[k];
    for (int c = 0; c < k; c++) {
      rows[c] = counts.name(c);
    }
    SymbolAxis y = new SymbolAxis(null, rows);
    y.setGridBandsVisible(false);
    y.setInverted(true);
    XYPlot plot = new XYPlot(ds, x, y, r);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    if (k * d <= 400) {
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          if (!Double.isNaN(z[c][j])) {
            Color ink = Math.abs(z[c][j]) > 0.6 * limit ? Color.WHITE : new Color(0x22, 0x22, 0x22);
            plot.addAnnotation(ChartTheme.note(String.format(Locale.ROOT, "%+.2f", z[c][j]), j, c, ink,
                TextAnchor.CENTER), false);
          }
        }
      }
    }
    JFreeChart chart = ChartTheme.chart(title != null ? title : "Cluster profiles: standardized means", plot, false,
        parameters, "(cluster mean - overall mean) / overall standard deviation, per attribute; "
            + ChartTheme.count(data.n()) + " rows" + (counts.noise > 0 ? ", noise left out" : ""));
    NumberAxis scaleAxis = new NumberAxis("standard deviations from the overall mean");
    ChartTheme.axis(scaleAxis);
    scaleAxis.setRange(-limit, limit);
    scaleAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(limit <= 1 ? 0.25 : limit <= 3 ? 0.5 : 1));
    PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(10, 10, 10, 4));
    legend.setStripWidth(14);
    legend.setAxisOffset(4);
    chart.addSubtitle(legend);
    return chart;
  }

  /** Parallel coordinates: a sample of each cluster's rows, thin, and its mean profile, thick. */
  public JFreeChart parallelCoordinates() {
    ClusterCounts counts = new ClusterCounts(labels);
    double[][] mo = moments();
    double[][] z = standardizedMeans();
    int d = data.d();
    DefaultXYDataset ds = new DefaultXYDataset();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    int[][] sampled = sampleRows(counts);
    int series = 0;
    for (int c = 0; c < counts.k; c++) {
      if (counts.sizes[c] == 0) {
        continue;
      }
      for (int i : sampled[c]) {
        double[][] xy = new double[2][d];
        for (int j = 0; j < d; j++) {
          xy[0][j] = j;
          xy[1][j] = (data.get(i, j) - mo[0][j]) / mo[1][j];
        }
        ds.addSeries("row " + i, xy);
        r.setSeriesPaint(series, ChartTheme.translucent(c, 40));
        r.setSeriesStroke(series, new BasicStroke(0.8f));
        r.setSeriesVisibleInLegend(series, false);
        series++;
      }
    }
    for (int c = 0; c < counts.k; c++) {
      if (counts.sizes[c] == 0) {
        continue;
      }
      double[][] xy = new double[2][d];
      for (int j = 0; j < d; j++) {
        xy[0][j] = j;
        xy[1][j] = z[c][j];
      }
      ds.addSeries(counts.name(c) + " mean", xy);
      r.setSeriesPaint(series, ChartTheme.colour(c));
      r.setSeriesStroke(series, ChartTheme.line(3.2f));
      r.setSeriesShapesVisible(series, true);
      r.setSeriesShape(series, ChartTheme.shape(c, 9));
      series++;
    }
    SymbolAxis x = new SymbolAxis(null, attributeLabels());
    x.setGridBandsVisible(false);
    x.setVerticalTickLabels(d > 8);
    x.setRange(-0.3, d - 0.7);
    NumberAxis y = new NumberAxis("Standardized value (standard deviations from the mean)");
    XYPlot plot = new XYPlot(ds, x, y, r);
    plot.setDomainGridlinesVisible(true);
    plot.setDomainGridlinePaint(new Color(0x99, 0x99, 0x99));
    return ChartTheme.chart(title != null ? title : "Cluster profiles: parallel coordinates", plot, true, parameters,
        "thin lines: up to " + ROWS_PER_CLUSTER + " rows per cluster; thick: each cluster's mean; every attribute standardized");
  }

  /**
   * Up to {@link #ROWS_PER_CLUSTER} rows of each cluster, in row order, chosen in one seeded pass
   * (sequential selection sampling: each row taken with probability needed / remaining).
   */
  private int[][] sampleRows(ClusterCounts counts) {
    int[][] rows = new int[counts.k][];
    int[] left = counts.sizes.clone();
    int[] taken = new int[counts.k];
    for (int c = 0; c < counts.k; c++) {
      rows[c] = new int[Math.min(ROWS_PER_CLUSTER, counts.sizes[c])];
    }
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < labels.length; i++) {
      int c = labels[i];
      if (c < 0) {
        continue;
      }
      int need = rows[c].length - taken[c];
      if (need > 0 && (need >= left[c] || rnd.nextInt(left[c]) < need)) {
        rows[c][taken[c]++] = i;
      }
      left[c]--;
    }
    return rows;
  }

  /** Blue - white - vermillion, symmetric about 0 (colour-blind safe: blue/orange axis). */
  static final class Diverging implements PaintScale, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final Color NEG = new Color(0x21, 0x66, 0xAC);
    private static final Color POS = new Color(0xB3, 0x58, 0x06);
    private final double limit;

    Diverging(double limit) {
      this.limit = limit;
    }

    @Override
    public double getLowerBound() {
      return -limit;
    }

    @Override
    public double getUpperBound() {
      return limit;
    }

    @Override
    public Paint getPaint(double value) {
      if (Double.isNaN(value)) {
        return Color.LIGHT_GRAY;
      }
      double f = Math.max(-1, Math.min(1, value / limit));
      Color end = f < 0 ? NEG : POS;
      double a = Math.abs(f);
      return new Color((int) Math.round(255 + (end.getRed() - 255) * a), (int) Math.round(255 + (end.getGreen() - 255) * a),
          (int) Math.round(255 + (end.getBlue() - 255) * a));
    }
  }
}
