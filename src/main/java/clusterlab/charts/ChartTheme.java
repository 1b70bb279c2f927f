package clusterlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every ClusterLab chart: fixed sizes, a colour-blind-safe palette (Okabe and Ito
 * 2008, extended by the remaining Tableau 10 hues for more than seven clusters), a redundant shape
 * per cluster so that clusters stay distinguishable in grey print, noise in light grey, and small,
 * readable fonts. Cluster {@code c} has the same colour and shape in every chart, so a scatter, a
 * dendrogram and a silhouette plot of one clustering read together.
 */
public final class ChartTheme {

  /** Default width of an exported chart, in pixels. */
  public static final int WIDTH = 900;
  /** Default height of an exported chart, in pixels. */
  public static final int HEIGHT = 600;

  /** Colour of noise rows (label -1). */
  public static final Color NOISE = new Color(0xA0, 0xA0, 0xA0);
  /** Colour of structure that belongs to no cluster (dendrogram links above the cut). */
  public static final Color NEUTRAL = new Color(0x44, 0x44, 0x44);
  /** Colour of reference lines and markers (knees, means, chosen K). */
  public static final Color ACCENT = new Color(0xC0, 0x1C, 0x28);
  /** Colour of secondary reference lines (the current eps, the cut). */
  public static final Color MARKER = new Color(0x22, 0x22, 0x22);

  private static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), // blue
    new Color(0xE6, 0x9F, 0x00), // orange
    new Color(0x00, 0x9E, 0x73), // bluish green
    new Color(0xD5, 0x5E, 0x00), // vermillion
    new Color(0xCC, 0x79, 0xA7), // reddish purple
    new Color(0x56, 0xB4, 0xE9), // sky blue
    new Color(0x9C, 0x75, 0x5F), // brown (Tableau)
    new Color(0xB8, 0xA9, 0x00), // dark yellow (Okabe-Ito yellow darkened for contrast on white)
    new Color(0x76, 0xB7, 0xB2), // teal (Tableau)
    new Color(0xB0, 0x7A, 0xA1), // purple (Tableau)
  };

  private static final String FONT = Font.SANS_SERIF;
  /** Chart title font. */
  public static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 16);
  /** Subtitle font (parameters and notes). */
  public static final Font SUBTITLE_FONT = new Font(FONT, Font.PLAIN, 12);
  /** Axis label font. */
  public static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 13);
  /** Tick label and legend font. */
  public static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 11);
  /** Annotation font. */
  public static final Font NOTE_FONT = new Font(FONT, Font.PLAIN, 11);

  private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
  private static final Color AXIS = new Color(0x55, 0x55, 0x55);
  private static final Color TEXT = new Color(0x22, 0x22, 0x22);
  private static final Color SUBTEXT = new Color(0x55, 0x55, 0x55);

  private ChartTheme() {
  }

  /**
   * The height a chart should be exported at: {@link #HEIGHT}, or more for stacked panels (the K
   * sweep) so each panel keeps about {@value KSweepChart#PANEL_HEIGHT} pixels.
   */
  public static int preferredHeight(JFreeChart chart) {
    if (chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot) {
      int panels = ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot()).getSubplots().size();
      return Math.max(HEIGHT, 150 + panels * KSweepChart.PANEL_HEIGHT);
    }
    return HEIGHT;
  }

  /** Number of distinct palette colours before they repeat (shapes still differ). */
  public static int paletteSize() {
    return PALETTE.length;
  }

  /** Colour of cluster {@code c}; {@link #NOISE} for negative labels. */
  public static Color colour(int c) {
    return c < 0 ? NOISE : PALETTE[c % PALETTE.length];
  }

  /** The colour of cluster {@code c} with the given alpha (0-255), for fills. */
  public static Color translucent(int c, int alpha) {
    Color k = colour(c);
    return new Color(k.getRed(), k.getGreen(), k.getBlue(), alpha);
  }

  /**
   * Marker shape of cluster {@code c}, centred on the origin with the given size: circle, square,
   * triangle up, diamond, triangle down, cross, repeating. Noise is a small circle.
   */
  public static Shape shape(int c, double size) {
    double h = size / 2;
    if (c < 0) {
      return new Ellipse2D.Double(-h, -h, size, size);
    }
    switch (c % 6) {
      case 0:
        return new Ellipse2D.Double(-h, -h, size, size);
      case 1:
        return new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
      case 2:
        return polygon(new double[] {0, h, -h}, new double[] {-h * 1.1, h * 0.8, h * 0.8});
      case 3:
        return polygon(new double[] {0, h * 1.1, 0, -h * 1.1}, new double[] {-h * 1.1, 0, h * 1.1, 0});
      case 4:
        return polygon(new double[] {0, h, -h}, new double[] {h * 1.1, -h * 0.8, -h * 0.8});
      default:
        double t = h * 0.35;
        return polygon(new double[] {-t, t, t, h, h, t, t, -t, -t, -h, -h, -t},
            new double[] {-h, -h, -t, -t, t, t, h, h, t, t, -t, -t});
    }
  }

  private static Shape polygon(double[] x, double[] y) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x[0], y[0]);
    for (int i = 1; i < x.length; i++) {
      p.lineTo(x[i], y[i]);
    }
    p.closePath();
    return p;
  }

  /** A solid line stroke. */
  public static Stroke line(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  /** A dashed line stroke (reference lines). */
  public static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  /**
   * Creates a chart around a plot with the theme applied: title, optional subtitle lines
   * (parameters, notes), legend only when asked for.
   */
  static JFreeChart chart(String title, Plot plot, boolean legend, String... subtitles) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    apply(chart);
    for (String s : subtitles) {
      if (s != null && !s.isEmpty()) {
        addSubtitle(chart, s);
      }
    }
    return chart;
  }

  /** Adds a subtitle line in the theme's subtitle font (below the title, above the plot). */
  public static void addSubtitle(JFreeChart chart, String text) {
    TextTitle t = new TextTitle(text, SUBTITLE_FONT);
    t.setPaint(SUBTEXT);
    t.setPadding(new RectangleInsets(1, 4, 1, 4));
    int legends = 0;
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      legends += chart.getSubtitle(i) instanceof LegendTitle ? 1 : 0;
    }
    chart.addSubtitle(chart.getSubtitleCount() - legends, t);
  }

  /** Applies fonts, colours and backgrounds to a chart and its XY plot(s). */
  public static void apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(TITLE_FONT);
      chart.getTitle().setPaint(TEXT);
    }
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      Title t = chart.getSubtitle(i);
      if (t instanceof LegendTitle) {
        LegendTitle l = (LegendTitle) t;
        l.setItemFont(TICK_FONT);
        l.setFrame(BlockBorder.NONE);
        l.setBackgroundPaint(Color.WHITE);
      }
    }
    Plot p = chart.getPlot();
    p.setBackgroundPaint(Color.WHITE);
    p.setOutlineVisible(false);
    if (p instanceof XYPlot) {
      style((XYPlot) p);
    }
  }

  /** Styles one XY plot: white background, light grid, theme fonts on every axis. */
  public static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(line(0.8f));
    plot.setRangeGridlineStroke(line(0.8f));
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    for (int i = 0; i < plot.getDomainAxisCount(); i++) {
      axis(plot.getDomainAxis(i));
    }
    for (int i = 0; i < plot.getRangeAxisCount(); i++) {
      axis(plot.getRangeAxis(i));
    }
  }

  /** Theme fonts and colours for one axis. */
  public static void axis(ValueAxis a) {
    if (a == null) {
      return;
    }
    a.setLabelFont(LABEL_FONT);
    a.setLabelPaint(TEXT);
    a.setTickLabelFont(TICK_FONT);
    a.setTickLabelPaint(AXIS);
    a.setAxisLinePaint(AXIS);
    a.setTickMarkPaint(AXIS);
  }

  /** A text annotation in the theme's note font. */
  public static org.jfree.chart.annotations.XYTextAnnotation note(String text, double x, double y, Paint paint,
      org.jfree.chart.ui.TextAnchor anchor) {
    org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(text, x, y);
    a.setFont(NOTE_FONT);
    a.setPaint(paint);
    a.setTextAnchor(anchor);
    return a;
  }

  /** A reference line at a value, labelled on a light background in the theme's note font. */
  public static org.jfree.chart.plot.ValueMarker marker(double value, Color colour, Stroke stroke, String label) {
    org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(value, colour, stroke);
    if (label != null) {
      m.setLabel(label);
      m.setLabelFont(NOTE_FONT);
      m.setLabelPaint(colour);
      m.setLabelBackgroundColor(new Color(255, 255, 255, 215));
    }
    return m;
  }

  /** Paint for a cluster, used where JFreeChart wants a {@link Paint}. */
  static Paint paint(int c) {
    return colour(c);
  }

  /** Formats a number compactly for titles and notes (4 significant digits). */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return String.format(java.util.Locale.ROOT, "%,d", (long) v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e6)) {
      return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
    String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    return s;
  }

  /** Formats a count with thousands separators. */
  public static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
