package clusterlab.charts;

import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A correlation heat map: the Pearson correlation of every pair of numeric attributes, on the
 * diverging blue-orange scale of the cluster profiles fixed at [-1, 1], with the values written in
 * the cells while they stay legible (up to 20 attributes). Strongly correlated attributes weigh
 * twice in Euclidean distances, which is why the report shows this before clustering.
 */
public final class CorrelationChart {

  private final double[][] r;
  private final String[] names;
  private String parameters;

  private CorrelationChart(double[][] r, String[] names) {
    if (r.length != names.length) {
      throw new IllegalArgumentException("one name per row of the correlation matrix: " + names.length + " names, "
          + r.length + " rows");
    }
    this.r = r;
    this.names = names.clone();
  }

  /** A heat map of the square matrix {@code r} whose rows and columns are named {@code names}. */
  public static CorrelationChart of(double[][] r, String[] names) {
    return new CorrelationChart(r, names);
  }

  /** Subtitle line: the data and what was computed. */
  public CorrelationChart parameters(String p) {
    parameters = p;
    return this;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    int d = names.length;
    double[][] xyz = new double[3][d * d];
    int t = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        xyz[0][t] = j;
        xyz[1][t] = i;
        xyz[2][t] = r[i][j];
        t++;
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("correlation", xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    ClusterProfileChart.Diverging scale = new ClusterProfileChart.Diverging(1.0);
    renderer.setPaintScale(scale);
    SymbolAxis x = new SymbolAxis(null, names);
    x.setGridBandsVisible(false);
    x.setVerticalTickLabels(d > 6);
    SymbolAxis y = new SymbolAxis(null, names);
    y.setGridBandsVisible(false);
    y.setInverted(true);
    XYPlot plot = new XYPlot(ds, x, y, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    if (d <= 20) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          if (!Double.isNaN(r[i][j])) {
            Color ink = Math.abs(r[i][j]) > 0.6 ? Color.WHITE : new Color(0x22, 0x22, 0x22);
            plot.addAnnotation(ChartTheme.note(String.format(Locale.ROOT, "%.2f", r[i][j]), j, i, ink,
                TextAnchor.CENTER), false);
          }
        }
      }
    }
    JFreeChart chart = ChartTheme.chart("Correlations between the numeric attributes", plot, false, parameters,
        "Pearson correlation, pairwise complete rows; |r| near 1: the two attributes carry the same information");
    NumberAxis scaleAxis = new NumberAxis("correlation r");
    ChartTheme.axis(scaleAxis);
    scaleAxis.setRange(-1, 1);
    scaleAxis.setTickUnit(new NumberTickUnit(0.5));
    PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(10, 10, 10, 4));
    legend.setStripWidth(14);
    legend.setAxisOffset(4);
    chart.addSubtitle(legend);
    return chart;
  }
}
