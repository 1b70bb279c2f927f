package clusterlab.charts;

import clusterlab.core.Check;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/**
 * A histogram of per-row outlier scores (HDBSCAN's GLOSH, Campello et al. 2015, or LOF), stacked
 * by whether the clustering called the row noise, with a threshold line at a score quantile that
 * says how many rows lie above it: where the noise sits in the score distribution, and which
 * threshold would flag how many rows.
 */
public final class OutlierHistogramChart {

  private final double[] scores;
  private int[] labels;
  private int bins = 40;
  private double quantile = 0.9;
  private String scoreName = "GLOSH outlier score";
  private String title;
  private String parameters;

  private OutlierHistogramChart(double[] scores) {
    Check.notNull("scores", scores);
    if (scores.length == 0) {
      throw new IllegalArgumentException("an outlier score histogram needs at least one score");
    }
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("outlier score of row " + i + " is " + scores[i] + "; scores must be finite");
      }
    }
    this.scores = scores.clone();
  }

  /** A histogram of the scores (higher = more outlying). */
  public static OutlierHistogramChart of(double[] scores) {
    return new OutlierHistogramChart(scores);
  }

  /** Labels (-1 = noise) to split each bar into clustered and noise rows. */
  public OutlierHistogramChart labels(int[] labels) {
    Check.notNull("labels", labels);
    if (labels.length != scores.length) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + scores.length + " scores");
    }
    this.labels = labels.clone();
    return this;
  }

  /** Number of bins (default 40). */
  public OutlierHistogramChart bins(int bins) {
    Check.inRange("bins", bins, 2, 1000);
    this.bins = bins;
    return this;
  }

  /** Quantile of the threshold line (default 0.9: the top 10% are above it). */
  public OutlierHistogramChart thresholdQuantile(double q) {
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException("threshold quantile must be in (0, 1), got " + q);
    }
    this.quantile = q;
    return this;
  }

  /** Name of the score, for the axis (default "GLOSH outlier score"). */
  public OutlierHistogramChart scoreName(String name) {
    this.scoreName = name;
    return this;
  }

  /** Chart title (default "Outlier scores"). */
  public OutlierHistogramChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer and its parameters. */
  public OutlierHistogramChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    double lo = Arrays.stream(scores).min().getAsDouble();
    double hi = Arrays.stream(scores).max().getAsDouble();
    if (lo >= 0 && hi <= 1) { // GLOSH and other [0, 1] scores: fixed bins
      lo = 0;
      hi = 1;
    }
    if (hi <= lo) {
      hi = lo + 1;
    }
    double w = (hi - lo) / bins;
    int[] clustered = new int[bins];
    int[] noise = new int[bins];
    for (int i = 0; i < scores.length; i++) {
      int b = Math.min(bins - 1, (int) ((scores[i] - lo) / w));
      if (labels != null && labels[i] < 0) {
        noise[b]++;
      } else {
        clustered[b]++;
      }
    }
    DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
    XYBarRenderer r = new XYBarRenderer(0.06);
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setUseYInterval(true);
    data.addSeries(labels == null ? "rows" : "clustered rows", stack(clustered, null, lo, w));
    r.setSeriesPaint(0, ChartTheme.colour(0));
    int totalNoise = Arrays.stream(noise).sum();
    if (labels != null && totalNoise > 0) {
      data.addSeries("noise rows", stack(noise, clustered, lo, w));
      r.setSeriesPaint(1, new Color(0x70, 0x70, 0x70));
    }
    NumberAxis x = new NumberAxis(scoreName + " (higher: more outlying)");
    x.setRange(lo, hi);
    NumberAxis y = new NumberAxis("Rows");
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setUpperMargin(0.12);
    XYPlot plot = new XYPlot(data, x, y, r);
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double threshold = sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
    int atOrAbove = sorted.length - lowerBound(sorted, threshold);
    ValueMarker m = ChartTheme.marker(threshold, ChartTheme.ACCENT, ChartTheme.dashed(1.6f), String.format(Locale.ROOT,
        "%.0f%% quantile %s: %s rows at or above", 100 * quantile, ChartTheme.num(threshold), ChartTheme.count(atOrAbove)));
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    plot.addDomainMarker(m, Layer.FOREGROUND);
    List<String> subs = new ArrayList<>();
    subs.add(parameters);
    StringBuilder sb = new StringBuilder(ChartTheme.count(scores.length) + " rows, " + bins + " bins; median "
        + ChartTheme.num(sorted[sorted.length / 2]));
    if (labels != null) {
      sb.append("; ").append(ChartTheme.count(totalNoise)).append(" noise rows stacked in grey");
    }
    subs.add(sb.toString());
    return ChartTheme.chart(title != null ? title : "Outlier scores", plot, labels != null && totalNoise > 0,
        subs.toArray(new String[0]));
  }

  private static double[][] stack(int[] counts, int[] below, double lo, double w) {
    int b = counts.length;
    double[][] d = new double[6][b];
    for (int i = 0; i < b; i++) {
      double base = below == null ? 0 : below[i];
      d[0][i] = lo + (i + 0.5) * w;
      d[1][i] = lo + i * w;
      d[2][i] = lo + (i + 1) * w;
      d[3][i] = base + counts[i];
      d[4][i] = base;
      d[5][i] = base + counts[i];
    }
    return d;
  }

  private static int lowerBound(double[] s, double v) {
    int lo = 0;
    int hi = s.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
