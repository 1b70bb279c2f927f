package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.select.KCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Every criterion of a K sweep ({@link KCurve}, from ChooseK) on one shared K axis: inertia with
 * the Kneedle knee (Satopää et al. 2011), then silhouette, Calinski-Harabasz, Davies-Bouldin,
 * Dunn, the gap statistic with its standard errors (Tibshirani et al. 2001) and BIC, whichever
 * the sweep computed. Each panel rings the K its criterion picks and says whether higher or lower
 * is better; the chosen K is a band across all panels. No other tool shows these side by side.
 */
public final class KSweepChart {

  /** Pixel height per panel suggested for export ({@link ChartTheme#preferredHeight}). */
  static final int PANEL_HEIGHT = 150;

  private final KCurve curve;
  private String title;
  private String parameters;

  private KSweepChart(KCurve curve) {
    Check.notNull("curve", curve);
    this.curve = curve;
  }

  /** A sweep panel of the curve. */
  public static KSweepChart of(KCurve curve) {
    return new KSweepChart(curve);
  }

  /** Chart title (default "Choosing K"). */
  public KSweepChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer swept and its parameters. */
  public KSweepChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Builds the chart: a {@link CombinedDomainXYPlot}, one subplot per criterion, inertia first. */
  public JFreeChart build() {
    int[] ks = curve.ks();
    NumberAxis kAxis = new NumberAxis("K (number of clusters)");
    kAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    kAxis.setRange(ks[0] - 0.5, ks[ks.length - 1] + 0.5);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(kAxis);
    combined.setGap(8);
    Map<String, Integer> picks = curve.picks();
    int chosen = curve.chosenK();
    boolean first = true;
    for (String name : curve.columnNames()) {
      if (name.equals(KCurve.KNEEDLE_DIFFERENCE) || name.equals(KCurve.GAP_SE)) {
        continue;
      }
      Integer pick = name.equals(KCurve.INERTIA) ? picks.get("elbow") : picks.get(name);
      XYPlot sub = panel(name, ks, pick == null ? -1 : pick);
      IntervalMarker band = new IntervalMarker(chosen - 0.4, chosen + 0.4, new Color(0xC0, 0x1C, 0x28, 28));
      band.setOutlinePaint(null);
      if (first) {
        band.setLabel("chosen K = " + chosen + " (by " + curve.criterion() + ")");
        band.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        band.setLabelPaint(ChartTheme.ACCENT);
        band.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        band.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      }
      sub.addDomainMarker(band, Layer.BACKGROUND);
      combined.add(sub, 1);
      first = false;
    }
    ChartTheme.style(combined);
    for (Object o : combined.getSubplots()) {
      ChartTheme.style((XYPlot) o);
      ((XYPlot) o).getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }
    List<String> subs = new ArrayList<>();
    subs.add(parameters);
    StringBuilder sb = new StringBuilder("K = " + ks[0] + " to " + ks[ks.length - 1]);
    if (curve.kneeK() > 0) {
      sb.append("; elbow (Kneedle) at K = ").append(curve.kneeK());
    }
    sb.append("; ringed: each criterion's pick; band: chosen K = ").append(chosen);
    subs.add(sb.toString());
    if (!curve.note().isEmpty()) {
      subs.add(curve.note());
    }
    return ChartTheme.chart(title != null ? title : "Choosing K: every criterion on one K axis", combined, false,
        subs.toArray(new String[0]));
  }

  private XYPlot panel(String name, int[] ks, int pick) {
    double[] y = curve.column(name);
    int m = ks.length;
    XYPlot plot = new XYPlot();
    NumberAxis axis = new NumberAxis(label(name));
    axis.setAutoRangeIncludesZero(false);
    axis.setAutoRangeStickyZero(false);
    axis.setUpperMargin(0.18);
    axis.setLowerMargin(0.12);
    plot.setRangeAxis(axis);
    Color colour = ChartTheme.colour(0);
    if (name.equals(KCurve.GAP) && curve.hasColumn(KCurve.GAP_SE)) {
      double[] se = curve.column(KCurve.GAP_SE);
      YIntervalSeries s = new YIntervalSeries(name);
      for (int i = 0; i < m; i++) {
        if (!Double.isNaN(y[i])) {
          s.add(ks[i], y[i], y[i] - se[i], y[i] + se[i]);
        }
      }
      YIntervalSeriesCollection c = new YIntervalSeriesCollection();
      c.addSeries(s);
      XYErrorRenderer r = new XYErrorRenderer();
      r.setDrawXError(false);
      r.setErrorPaint(colour);
      r.setErrorStroke(new BasicStroke(1.2f));
      r.setCapLength(6);
      r.setSeriesPaint(0, colour);
      r.setSeriesLinesVisible(0, true);
      r.setSeriesStroke(0, ChartTheme.line(1.8f));
      r.setSeriesShape(0, ChartTheme.shape(0, 7));
      plot.setDataset(0, c);
      plot.setRenderer(0, r);
    } else {
      int valid = 0;
      for (double v : y) {
        valid += Double.isNaN(v) ? 0 : 1;
      }
      double[][] xy = new double[2][valid];
      int j = 0;
      for (int i = 0; i < m; i++) {
        if (!Double.isNaN(y[i])) {
          xy[0][j] = ks[i];
          xy[1][j] = y[i];
          j++;
        }
      }
      DefaultXYDataset d = new DefaultXYDataset();
      d.addSeries(name, xy);
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
      r.setSeriesPaint(0, colour);
      r.setSeriesStroke(0, ChartTheme.line(1.8f));
      r.setSeriesShape(0, ChartTheme.shape(0, 7));
      plot.setDataset(0, d);
      plot.setRenderer(0, r);
    }
    int at = pick > 0 ? curve.indexOf(pick) : -1;
    if (at >= 0 && !Double.isNaN(y[at])) {
      DefaultXYDataset ring = new DefaultXYDataset();
      ring.addSeries("pick", new double[][] {{pick}, {y[at]}});
      XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(false, true);
      rr.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-9, -9, 18, 18));
      rr.setSeriesShapesFilled(0, false);
      rr.setUseOutlinePaint(true);
      rr.setDrawOutlines(true);
      rr.setSeriesOutlinePaint(0, ChartTheme.ACCENT);
      rr.setSeriesPaint(0, ChartTheme.ACCENT);
      rr.setSeriesOutlineStroke(0, new BasicStroke(2.2f));
      plot.setDataset(1, ring);
      plot.setRenderer(1, rr);
      String text = (name.equals(KCurve.INERTIA) ? "knee" : "best") + " K = " + pick;
      plot.addAnnotation(ChartTheme.note(text, pick + 0.18, y[at], ChartTheme.ACCENT, TextAnchor.BOTTOM_LEFT));
    }
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    return plot;
  }

  /** Axis label with the direction that is better. */
  static String label(String name) {
    switch (name) {
      case KCurve.INERTIA:
        return "Inertia (within SS)";
      case "silhouette":
        return "Silhouette \u2191";
      case "calinski_harabasz":
        return "Calinski-Harabasz \u2191";
      case "davies_bouldin":
        return "Davies-Bouldin \u2193";
      case "dunn":
        return "Dunn \u2191";
      case "simplified_silhouette":
        return "Simplified silh. \u2191";
      case KCurve.GAP:
        return "Gap \u00b1 s.e. \u2191";
      case KCurve.BIC:
        return "BIC \u2193";
      default:
        return name;
    }
  }
}
