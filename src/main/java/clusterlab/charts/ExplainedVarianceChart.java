package clusterlab.charts;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scree plot of a principal component analysis: each component's share of the variance as a bar,
 * the cumulative share as a line, and a marker where the cumulative share first reaches 90 %. It says
 * how faithful a 2-D scatter on the first two components can be.
 */
public final class ExplainedVarianceChart {

  private final double[] eigenvalues;
  private String parameters;

  private ExplainedVarianceChart(double[] eigenvalues) {
    this.eigenvalues = eigenvalues.clone();
  }

  /** The chart of these eigenvalues, largest first. */
  public static ExplainedVarianceChart of(double[] eigenvaluesDescending) {
    if (eigenvaluesDescending.length == 0) {
      throw new IllegalArgumentException("no eigenvalues to plot");
    }
    return new ExplainedVarianceChart(eigenvaluesDescending);
  }

  /** Subtitle line: the data and how the components were computed. */
  public ExplainedVarianceChart parameters(String p) {
    parameters = p;
    return this;
  }

  /** Share of the variance of every component, in [0, 1]. */
  public double[] shares() {
    double total = 0;
    for (double v : eigenvalues) {
      total += Math.max(0, v);
    }
    double[] s = new double[eigenvalues.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = total > 0 ? Math.max(0, eigenvalues[i]) / total : 0;
    }
    return s;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    double[] share = shares();
    XYSeries bars = new XYSeries("share of the variance");
    XYSeries cumulative = new XYSeries("cumulative share");
    double c = 0;
    int reach90 = -1;
    for (int i = 0; i < share.length; i++) {
      c += share[i];
      bars.add(i + 1, 100 * share[i]);
      cumulative.add(i + 1, 100 * c);
      if (reach90 < 0 && c >= 0.9 - 1e-12) {
        reach90 = i + 1;
      }
    }
    NumberAxis x = new NumberAxis("principal component");
    x.setTickUnit(new NumberTickUnit(share.length > 30 ? 5 : 1));
    x.setRange(0.4, share.length + 0.6);
    NumberAxis y = new NumberAxis("% of the variance");
    y.setRange(0, 102);
    XYBarRenderer br = new XYBarRenderer(0.25);
    br.setBarPainter(new StandardXYBarPainter());
    br.setShadowVisible(false);
    br.setSeriesPaint(0, ChartTheme.colour(0));
    XYPlot plot = new XYPlot(new XYSeriesCollection(bars), x, y, br);
    XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, true);
    lr.setSeriesPaint(0, ChartTheme.colour(1));
    lr.setSeriesStroke(0, ChartTheme.line(2f));
    lr.setSeriesShape(0, ChartTheme.shape(0, 7));
    plot.setDataset(1, new XYSeriesCollection(cumulative));
    plot.setRenderer(1, lr);
    if (reach90 > 0) {
      plot.addDomainMarker(ChartTheme.marker(reach90, ChartTheme.ACCENT, ChartTheme.dashed(1.2f),
          " 90 % with " + reach90 + " component" + (reach90 == 1 ? "" : "s")));
    }
    JFreeChart chart = ChartTheme.chart("Principal components: share of the variance", plot, true, parameters,
        String.format(java.util.Locale.ROOT, "the first two components hold %.1f %% of the variance, what a 2-D scatter "
            + "on them can show", 100 * (share[0] + (share.length > 1 ? share[1] : 0))));
    chart.getLegend().setItemPaint(new Color(0x33, 0x33, 0x33));
    return chart;
  }
}
