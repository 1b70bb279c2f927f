package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.evaluation.SilhouetteResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/**
 * The silhouette plot of Rousseeuw (1987), as factoextra's {@code fviz_silhouette} and Orange's
 * Silhouette Plot draw it: one horizontal bar per row, grouped by cluster and sorted from widest
 * to narrowest within each cluster, negative widths (rows closer to another cluster) extending
 * left of zero, each cluster's mean and size in the legend and beside its block, and the overall
 * mean as a dashed line. Clusters of more than {@value #MAX_BARS_PER_CLUSTER} rows are drawn
 * from evenly spaced quantiles of their sorted widths, which keeps the shape exact to the pixel.
 */
public final class SilhouetteChart {

  /** Bars drawn per cluster at most (quantiles above). */
  public static final int MAX_BARS_PER_CLUSTER = 1500;

  private final SilhouetteResult result;
  private final int[] labels;
  private String title;
  private String parameters;

  private SilhouetteChart(SilhouetteResult result, int[] labels) {
    Check.notNull("result", result);
    Check.notNull("labels", labels);
    if (labels.length != result.samples().length) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + result.samples().length
          + " silhouette widths");
    }
    this.result = result;
    this.labels = labels;
  }

  /** A silhouette plot of the widths in {@code result}, grouped by {@code labels} (the labelling it was computed for). */
  public static SilhouetteChart of(SilhouetteResult result, int[] labels) {
    return new SilhouetteChart(result, labels);
  }

  /** Chart title (default "Silhouette plot"). */
  public SilhouetteChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer and its parameters. */
  public SilhouetteChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    ClusterCounts counts = new ClusterCounts(labels);
    double[] s = result.samples();
    int k = counts.k;
    double[][] widths = new double[k][];
    int[] m = new int[k];
    for (int i = 0; i < s.length; i++) {
      if (labels[i] >= 0 && !Double.isNaN(s[i])) {
        m[labels[i]]++;
      }
    }
    for (int c = 0; c < k; c++) {
      widths[c] = new double[m[c]];
      m[c] = 0;
    }
    for (int i = 0; i < s.length; i++) {
      if (labels[i] >= 0 && !Double.isNaN(s[i])) {
        widths[labels[i]][m[labels[i]]++] = s[i];
      }
    }
    int evaluated = 0;
    for (int c = 0; c < k; c++) {
      evaluated += m[c];
    }
    double gap = Math.max(2, evaluated * 0.02);
    DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
    XYBarRenderer r = new XYBarRenderer();
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setUseYInterval(true);
    List<String> noteText = new ArrayList<>();
    List<Double> noteAt = new ArrayList<>();
    double pos = 0;
    double min = 0;
    int series = 0;
    for (int c = 0; c < k; c++) {
      if (m[c] == 0) {
        continue;
      }
      double[] w = widths[c];
      Arrays.sort(w);
      double mean = 0;
      for (double v : w) {
        mean += v;
      }
      mean /= w.length;
      min = Math.min(min, w[0]);
      int bars = Math.min(w.length, MAX_BARS_PER_CLUSTER);
      double step = (double) w.length / bars;
      double[][] series6 = new double[6][bars];
      for (int b = 0; b < bars; b++) {
        // descending: the widest row on top of the block
        double v = w[w.length - 1 - (int) Math.floor(b * step)];
        double x0 = pos + b * step;
        series6[0][b] = x0 + step / 2;
        series6[1][b] = x0;
        series6[2][b] = x0 + step;
        series6[3][b] = v;
        series6[4][b] = 0;
        series6[5][b] = v;
      }
      data.addSeries("Cluster " + c + " (n = " + ChartTheme.count(w.length) + ", mean " + ChartTheme.num(round(mean)) + ")",
          series6);
      r.setSeriesPaint(series, ChartTheme.colour(c));
      noteText.add(" " + c);
      noteAt.add(pos + w.length / 2.0);
      pos += w.length + gap;
      series++;
    }
    NumberAxis rows = new NumberAxis("Rows, grouped by cluster and sorted by width");
    rows.setTickLabelsVisible(false);
    rows.setTickMarksVisible(false);
    rows.setInverted(true);
    rows.setRange(-gap / 2, Math.max(1, pos - gap / 2));
    NumberAxis width = new NumberAxis("Silhouette width s(i)");
    double lo = Math.min(-0.1, Math.floor((min - 0.05) * 10) / 10);
    width.setRange(lo, 1.0);
    XYPlot plot = new XYPlot(data, rows, width, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setDomainGridlinesVisible(false);
    double labelAt = lo + 0.01 * (1.0 - lo);
    for (int i = 0; i < noteText.size(); i++) {
      plot.addAnnotation(ChartTheme.note(noteText.get(i), noteAt.get(i), labelAt, Color.BLACK, TextAnchor.CENTER_LEFT));
    }
    ValueMarker zero = new ValueMarker(0, new Color(0x66, 0x66, 0x66), ChartTheme.line(1f));
    plot.addRangeMarker(zero, Layer.FOREGROUND);
    ValueMarker mean = ChartTheme.marker(result.mean(), ChartTheme.ACCENT, ChartTheme.dashed(1.6f),
        "overall mean " + ChartTheme.num(round(result.mean())));
    mean.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
    mean.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(mean, Layer.FOREGROUND);
    StringBuilder sb = new StringBuilder();
    sb.append("mean silhouette ").append(ChartTheme.num(round(result.mean()))).append(" over ")
        .append(ChartTheme.count(result.evaluated())).append(" rows, ").append(series).append(series == 1 ? " cluster" : " clusters");
    if (result.distance() != null && !result.distance().isEmpty()) {
      sb.append(", ").append(result.distance()).append(" distance");
    }
    if (counts.noise > 0) {
      sb.append("; ").append(ChartTheme.count(counts.noise)).append(" noise rows left out");
    }
    int clustered = labels.length - counts.noise;
    if (result.evaluated() < clustered) {
      sb.append("; computed on a sample of ").append(ChartTheme.count(result.evaluated())).append(" of ")
          .append(ChartTheme.count(clustered)).append(" clustered rows");
    }
    JFreeChart chart = ChartTheme.chart(title != null ? title : "Silhouette plot", plot, true, parameters, sb.toString());
    chart.setAntiAlias(false); // adjacent bars: antialiased edges would leave white seams between them
    return chart;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
