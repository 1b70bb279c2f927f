package clusterlab.gui;

import java.awt.Cursor;
import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Collection;
import java.util.function.DoubleConsumer;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Lets the user drag the value line of a chart (the dendrogram's cut, the k-distance plot's eps):
 * a press within a few pixels of the line grabs it, dragging moves it along the value axis and
 * reports every position ({@code onMove}, for immediate feedback), and the release reports the
 * final one ({@code onDrop}). The line is the chart's first foreground range marker, the one the
 * chart builders place; zooming by dragging is switched off on the panel so that the drag is the
 * line's. Values are clamped to the axis range.
 */
public final class LineDragger extends MouseAdapter {

  /** How close (pixels) a press must be to grab the line. */
  static final int GRAB = 6;

  private final ChartPanel panel;
  private final DoubleConsumer onMove;
  private final DoubleConsumer onDrop;
  private boolean dragging;
  private double last = Double.NaN;

  private LineDragger(ChartPanel panel, DoubleConsumer onMove, DoubleConsumer onDrop) {
    this.panel = panel;
    this.onMove = onMove;
    this.onDrop = onDrop;
  }

  /** Makes the value line of {@code panel}'s chart draggable. */
  public static LineDragger attach(ChartPanel panel, DoubleConsumer onMove, DoubleConsumer onDrop) {
    LineDragger d = new LineDragger(panel, onMove, onDrop);
    panel.setDomainZoomable(false);
    panel.setRangeZoomable(false);
    panel.addMouseListener(d);
    panel.addMouseMotionListener(d);
    return d;
  }

  /** The line's current value, NaN when the chart has none. */
  public double value() {
    ValueMarker m = marker();
    return m == null ? Double.NaN : m.getValue();
  }

  /** Where the line is on screen (panel coordinates): the middle of the line; null before the first paint. */
  public Point linePoint() {
    Rectangle2D area = panel.getScreenDataArea();
    ValueMarker m = marker();
    if (m == null || area == null || area.isEmpty()) {
      return null;
    }
    double pos = toScreen(m.getValue());
    return vertical() ? new Point((int) Math.round(area.getCenterX()), (int) Math.round(pos))
        : new Point((int) Math.round(pos), (int) Math.round(area.getCenterY()));
  }

  /** The panel point at which the line would stand at {@code value}. */
  public Point pointFor(double value) {
    Rectangle2D area = panel.getScreenDataArea();
    double pos = toScreen(value);
    return vertical() ? new Point((int) Math.round(area.getCenterX()), (int) Math.round(pos))
        : new Point((int) Math.round(pos), (int) Math.round(area.getCenterY()));
  }

  @Override
  public void mousePressed(MouseEvent e) {
    Point p = linePoint();
    if (p == null || e.getButton() != MouseEvent.BUTTON1) {
      return;
    }
    int distance = vertical() ? Math.abs(e.getY() - p.y) : Math.abs(e.getX() - p.x);
    if (distance <= GRAB) {
      dragging = true;
      e.consume();
    }
  }

  @Override
  public void mouseDragged(MouseEvent e) {
    if (!dragging) {
      return;
    }
    last = valueAt(e);
    ValueMarker m = marker();
    if (m != null) {
      m.setValue(last); // the line follows the mouse on any chart; onMove adds what the chart shows with it
    }
    onMove.accept(last);
    e.consume();
  }

  @Override
  public void mouseReleased(MouseEvent e) {
    if (!dragging) {
      return;
    }
    dragging = false;
    double v = valueAt(e);
    last = v;
    onDrop.accept(v);
    e.consume();
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    Point p = linePoint();
    boolean near = p != null && (vertical() ? Math.abs(e.getY() - p.y) : Math.abs(e.getX() - p.x)) <= GRAB;
    panel.setCursor(near ? Cursor.getPredefinedCursor(vertical() ? Cursor.N_RESIZE_CURSOR : Cursor.E_RESIZE_CURSOR)
        : Cursor.getDefaultCursor());
  }

  private double valueAt(MouseEvent e) {
    XYPlot plot = panel.getChart().getXYPlot();
    Point2D j2d = panel.translateScreenToJava2D(e.getPoint());
    Rectangle2D area = panel.getChartRenderingInfo().getPlotInfo().getDataArea();
    RectangleEdge edge = plot.getRangeAxisEdge();
    double v = plot.getRangeAxis().java2DToValue(vertical() ? j2d.getY() : j2d.getX(), area, edge);
    double lo = Math.max(0, plot.getRangeAxis().getLowerBound());
    double hi = plot.getRangeAxis().getUpperBound();
    return Math.max(lo, Math.min(hi, v));
  }

  private double toScreen(double value) {
    XYPlot plot = panel.getChart().getXYPlot();
    Rectangle2D area = panel.getChartRenderingInfo().getPlotInfo().getDataArea();
    double j2d = plot.getRangeAxis().valueToJava2D(value, area, plot.getRangeAxisEdge());
    Point2D screen = vertical() ? new Point2D.Double(area.getCenterX(), j2d) : new Point2D.Double(j2d, area.getCenterY());
    // Java2D to panel coordinates: the inverse of translateScreenToJava2D (insets and scale)
    java.awt.Insets in = panel.getInsets();
    double x = screen.getX() * panel.getScaleX() + in.left;
    double y = screen.getY() * panel.getScaleY() + in.top;
    return vertical() ? y : x;
  }

  /** True when the value axis is vertical (the line is horizontal). */
  private boolean vertical() {
    return panel.getChart().getXYPlot().getOrientation() == PlotOrientation.VERTICAL;
  }

  private ValueMarker marker() {
    if (panel.getChart() == null) {
      return null;
    }
    Collection<?> markers = panel.getChart().getXYPlot().getRangeMarkers(0, Layer.FOREGROUND);
    if (markers == null) {
      return null;
    }
    for (Object o : markers) {
      if (o instanceof ValueMarker) {
        return (ValueMarker) o;
      }
    }
    return null;
  }
}
