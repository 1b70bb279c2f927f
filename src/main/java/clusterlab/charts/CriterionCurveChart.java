package clusterlab.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One criterion against K for several model families, one line each (e.g. BIC of Gaussian mixtures
 * per covariance type, as mclust plots it), with a marker at the chosen K naming the chosen family. Missing values
 * (a fit that failed) leave gaps.
 */
public final class CriterionCurveChart {

  private final int[] ks;
  private final Map<String, double[]> lines = new LinkedHashMap<>();
  private final String criterion;
  private String title;
  private String parameters;
  private String note;
  private int chosenK = -1;
  private String chosenLine;

  private CriterionCurveChart(int[] ks, String criterion) {
    this.ks = ks.clone();
    this.criterion = criterion;
  }

  /** A chart of {@code criterion} over these K values. */
  public static CriterionCurveChart of(int[] ks, String criterion) {
    return new CriterionCurveChart(ks, criterion);
  }

  /** Adds a line (one value per K, NaN for none). */
  public CriterionCurveChart line(String name, double[] values) {
    if (values.length != ks.length) {
      throw new IllegalArgumentException("line " + name + " has " + values.length + " values for " + ks.length + " K");
    }
    lines.put(name, values.clone());
    return this;
  }

  /** Rings the chosen point. */
  public CriterionCurveChart chosen(String line, int k) {
    chosenLine = line;
    chosenK = k;
    return this;
  }

  /** Title, subtitle and a note line. */
  public CriterionCurveChart text(String chartTitle, String params, String noteLine) {
    title = chartTitle;
    parameters = params;
    note = noteLine;
    return this;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    XYSeriesCollection ds = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    int s = 0;
    for (Map.Entry<String, double[]> e : lines.entrySet()) {
      XYSeries series = new XYSeries(e.getKey(), false, true);
      for (int i = 0; i < ks.length; i++) {
        series.add(ks[i], Double.isFinite(e.getValue()[i]) ? e.getValue()[i] : null);
      }
      ds.addSeries(series);
      r.setSeriesPaint(s, ChartTheme.colour(s));
      r.setSeriesShape(s, ChartTheme.shape(s, 7));
      r.setSeriesStroke(s, ChartTheme.line(1.8f));
      s++;
    }
    NumberAxis x = new NumberAxis("K (number of clusters)");
    x.setTickUnit(new NumberTickUnit(1));
    NumberAxis y = new NumberAxis(criterion);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(ds, x, y, r);
    if (chosenK > 0 && chosenLine != null && lines.containsKey(chosenLine)) {
      double[] v = lines.get(chosenLine);
      for (int i = 0; i < ks.length; i++) {
        if (ks[i] == chosenK && Double.isFinite(v[i])) {
          plot.addDomainMarker(ChartTheme.marker(chosenK, ChartTheme.ACCENT, ChartTheme.dashed(1.2f),
              " chosen: " + chosenLine + ", K = " + chosenK));
        }
      }
    }
    return ChartTheme.chart(title != null ? title : criterion + " by K", plot, true, parameters, note);
  }
}
