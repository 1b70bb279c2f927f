package clusterlab.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * A lean scatter renderer. Small series are drawn as vectors: the series' shape filled (and
 * outlined) at each point by translating the graphics instead of allocating a translated shape per
 * point. Series of more than {@value #RASTER_MIN_ITEMS} points, drawn into pixels (the screen or
 * a PNG), go through a <em>point layer</em> instead: the series' marker is rendered once into a
 * small premultiplied sprite, and every point stamps that sprite into one integer raster of the
 * data area with source-over blending, which is drawn with a single {@code drawImage} when the
 * series ends. That is what Datashader and matplotlib's Agg backend do for large scatters: no
 * Java2D pipeline per point, so 50,000 translucent points cost a few milliseconds instead of
 * seconds. Vector output (SVG, printing) always gets vectors. Hit-test entities are made only for
 * series small enough to hover over ({@value #MAX_ENTITIES} points). Series paint, shape and
 * legend behave as in {@link XYLineAndShapeRenderer}.
 */
final class PointRenderer extends XYLineAndShapeRenderer {

  private static final long serialVersionUID = 1L;

  /** Series with more points than this get no tooltip/selection entities. */
  static final int MAX_ENTITIES = 5000;

  /** Series with more points than this are stamped into a raster layer when the output is pixels. */
  static final int RASTER_MIN_ITEMS = 2000;

  /** Points stamped into the point layer in the latest rendering (for tests and benchmarks). */
  private transient volatile int layerPoints;

  PointRenderer() {
    super(false, true);
  }

  /** Series with more points than this use the point layer on raster output. */
  private int layerMinItems = RASTER_MIN_ITEMS;

  /** Sets the series size above which the point layer is used ({@code Integer.MAX_VALUE}: never). */
  void setLayerMinItems(int items) {
    this.layerMinItems = items;
  }

  /** How many points the latest rendering drew through the point layer (0: all as vectors). */
  int layerPoints() {
    return layerPoints;
  }

  @Override
  public int getPassCount() {
    return 1;
  }

  @Override
  public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
      PlotRenderingInfo info) {
    layerPoints = 0;
    LayerState s = new LayerState(info, g2, dataArea);
    s.setProcessVisibleItemsOnly(false); // the points are not sorted by x: nothing to skip
    return s;
  }

  @Override
  public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
      XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
      CrosshairState crosshairState, int pass) {
    double x = dataset.getXValue(series, item);
    double y = dataset.getYValue(series, item);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return;
    }
    double tx = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
    double ty = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
    if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
      double t = tx;
      tx = ty;
      ty = t;
    }
    if (!dataArea.contains(tx, ty)) {
      return;
    }
    if (state instanceof LayerState && ((LayerState) state).stamp(this, series, dataset.getItemCount(series), tx, ty)) {
      layerPoints++;
      return;
    }
    Shape shape = lookupSeriesShape(series);
    AffineTransform saved = g2.getTransform();
    g2.translate(tx, ty);
    Paint fill = lookupSeriesPaint(series);
    g2.setPaint(fill);
    g2.fill(shape);
    Stroke stroke = outlineStroke(series);
    if (stroke != null) {
      g2.setStroke(stroke);
      g2.setPaint(getUseOutlinePaint() ? lookupSeriesOutlinePaint(series) : fill);
      g2.draw(shape);
    }
    g2.setTransform(saved);
    EntityCollection entities = info == null ? null : state.getEntityCollection();
    if (entities != null && dataset.getItemCount(series) <= MAX_ENTITIES) {
      Shape hotspot = AffineTransform.getTranslateInstance(tx, ty).createTransformedShape(shape);
      addEntity(entities, hotspot, dataset, series, item, tx, ty);
    }
  }

  /** The outline stroke of a series, or null when outlines are off or of zero width. */
  private Stroke outlineStroke(int series) {
    if (!getDrawOutlines()) {
      return null;
    }
    Stroke stroke = lookupSeriesOutlineStroke(series);
    Paint outline = getUseOutlinePaint() ? lookupSeriesOutlinePaint(series) : lookupSeriesPaint(series);
    if (stroke == null || outline == null
        || (stroke instanceof BasicStroke && ((BasicStroke) stroke).getLineWidth() == 0f)) {
      return null;
    }
    return stroke;
  }

  /**
   * A series' marker rendered once, antialiased, at the device scale: premultiplied ARGB pixels
   * and the offset of the marker's centre.
   */
  private Sprite sprite(int series, double scaleX, double scaleY) {
    Shape shape = AffineTransform.getScaleInstance(scaleX, scaleY).createTransformedShape(lookupSeriesShape(series));
    Stroke stroke = outlineStroke(series);
    Rectangle2D b = shape.getBounds2D();
    double pad = 2 + (stroke instanceof BasicStroke ? ((BasicStroke) stroke).getLineWidth() * Math.max(scaleX, scaleY) : 0);
    int ox = (int) Math.ceil(-b.getMinX() + pad);
    int oy = (int) Math.ceil(-b.getMinY() + pad);
    int w = (int) Math.ceil(b.getMaxX() + pad) + ox;
    int h = (int) Math.ceil(b.getMaxY() + pad) + oy;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.translate(ox, oy);
    Paint fill = lookupSeriesPaint(series);
    g.setPaint(fill);
    g.fill(shape);
    if (stroke != null) {
      g.scale(scaleX, scaleY);
      g.setStroke(stroke);
      g.setPaint(getUseOutlinePaint() ? lookupSeriesOutlinePaint(series) : fill);
      g.draw(lookupSeriesShape(series));
    }
    g.dispose();
    return new Sprite(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), w, h, ox, oy);
  }

  /** Premultiplied ARGB pixels of a marker, {@code (ox, oy)} being where its centre falls. */
  private static final class Sprite {
    final int[] argb;
    final int w;
    final int h;
    final int ox;
    final int oy;

    Sprite(int[] argb, int w, int h, int ox, int oy) {
      this.argb = argb;
      this.w = w;
      this.h = h;
      this.ox = ox;
      this.oy = oy;
    }
  }

  /**
   * The rendering state holding the point layer: an integer raster covering the data area in
   * device pixels, filled by {@link #stamp} and drawn onto the graphics at the end of each series
   * (so series keep their drawing order: noise underneath, clusters over it).
   */
  static final class LayerState extends XYItemRendererState {
    private final Graphics2D g2;
    private final AffineTransform toDevice;
    private final Rectangle device;
    private final boolean enabled;
    private BufferedImage layer;
    private int[] pixels;
    private Sprite sprite;
    private int spriteSeries = -1;
    private boolean dirty;

    LayerState(PlotRenderingInfo info, Graphics2D g2, Rectangle2D dataArea) {
      super(info);
      this.g2 = g2;
      this.toDevice = g2.getTransform();
      int axisAligned = AffineTransform.TYPE_GENERAL_TRANSFORM | AffineTransform.TYPE_GENERAL_ROTATION
          | AffineTransform.TYPE_QUADRANT_ROTATION | AffineTransform.TYPE_FLIP;
      this.device = toDevice.createTransformedShape(dataArea).getBounds();
      this.enabled = rasterTarget(g2) && (toDevice.getType() & axisAligned) == 0 && device.width > 0 && device.height > 0
          && (long) device.width * device.height <= 40_000_000L;
    }

    /** Stamps one point of a large series into the layer; false when the point must be drawn as a vector. */
    boolean stamp(PointRenderer r, int series, int items, double x, double y) {
      if (!enabled || items <= r.layerMinItems) {
        return false;
      }
      if (series != spriteSeries) {
        sprite = r.sprite(series, toDevice.getScaleX(), toDevice.getScaleY());
        spriteSeries = series;
      }
      if (layer == null) {
        layer = new BufferedImage(device.width, device.height, BufferedImage.TYPE_INT_ARGB_PRE);
        pixels = ((DataBufferInt) layer.getRaster().getDataBuffer()).getData();
      }
      double dx = toDevice.getScaleX() * x + toDevice.getTranslateX() - device.x;
      double dy = toDevice.getScaleY() * y + toDevice.getTranslateY() - device.y;
      blend(sprite, (int) Math.round(dx) - sprite.ox, (int) Math.round(dy) - sprite.oy);
      dirty = true;
      return true;
    }

    /** Source-over of the premultiplied sprite at (x0, y0) of the layer, clipped to it. */
    private void blend(Sprite s, int x0, int y0) {
      int w = device.width;
      int h = device.height;
      int ya = Math.max(0, -y0);
      int yb = Math.min(s.h, h - y0);
      int xa = Math.max(0, -x0);
      int xb = Math.min(s.w, w - x0);
      for (int sy = ya; sy < yb; sy++) {
        int src = sy * s.w;
        int dst = (y0 + sy) * w + x0;
        for (int sx = xa; sx < xb; sx++) {
          int p = s.argb[src + sx];
          int a = p >>> 24;
          if (a == 0) {
            continue;
          }
          if (a == 255) {
            pixels[dst + sx] = p;
            continue;
          }
          int q = pixels[dst + sx];
          int inv = 255 - a;
          int ra = a + mul(q >>> 24, inv);
          int rr = ((p >> 16) & 0xFF) + mul((q >> 16) & 0xFF, inv);
          int rg = ((p >> 8) & 0xFF) + mul((q >> 8) & 0xFF, inv);
          int rb = (p & 0xFF) + mul(q & 0xFF, inv);
          pixels[dst + sx] = (ra << 24) | (rr << 16) | (rg << 8) | rb;
        }
      }
    }

    /** {@code v * f / 255}, rounded, for bytes. */
    private static int mul(int v, int f) {
      int t = v * f + 128;
      return (t + (t >>> 8)) >>> 8;
    }

    @Override
    public void endSeriesPass(XYDataset dataset, int series, int firstItem, int lastItem, int pass, int passCount) {
      if (!dirty) {
        return;
      }
      AffineTransform saved = g2.getTransform();
      g2.setTransform(new AffineTransform());
      g2.drawImage(layer, device.x, device.y, null);
      g2.setTransform(saved);
      Arrays.fill(pixels, 0);
      dirty = false;
    }
  }

  /**
   * True when the graphics draw into pixels (the screen or an image, Java2D's own {@code
   * SunGraphics2D}), where a point layer is exact to the pixel; false for SVG, PDF and printing.
   */
  static boolean rasterTarget(Graphics2D g2) {
    return "sun.java2d.SunGraphics2D".equals(g2.getClass().getName());
  }
}
