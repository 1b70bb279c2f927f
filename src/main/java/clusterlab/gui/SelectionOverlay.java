package clusterlab.gui;

import clusterlab.gui.model.PointSelection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.panel.AbstractOverlay;
import org.jfree.chart.panel.Overlay;
import org.jfree.chart.plot.XYPlot;

/**
 * Shared selection on a chart panel, drawn over the chart whatever the chart builder drew: rows of
 * the {@link PointSelection} are ringed at their data coordinates (at most {@link #MAX_DRAWN} of
 * them), and a drag on the panel (when {@code selectByRectangle}) selects the rows inside the
 * rectangle, shift-drag adds to the selection, a plain click clears it.
 */
final class SelectionOverlay extends AbstractOverlay implements Overlay {

  /** Rings drawn at most (a ring per selected row is unreadable beyond this anyway). */
  static final int MAX_DRAWN = 20_000;
  private static final Color RING = new Color(0, 0, 0, 200);

  /** Data coordinates of each row on this chart (x, y); NaN where a row is not drawn. */
  interface Locator {
    double x(int row);

    double y(int row);
  }

  private final ChartPanel panel;
  private final PointSelection selection;
  private final Locator locator;
  private Rectangle dragRect;

  SelectionOverlay(ChartPanel panel, PointSelection selection, Locator locator, boolean selectByRectangle) {
    this.panel = panel;
    this.selection = selection;
    this.locator = locator;
    panel.addOverlay(this);
    selection.addChangeListener(e -> panel.repaint());
    if (selectByRectangle) {
      panel.setDomainZoomable(false);
      panel.setRangeZoomable(false);
      MouseAdapter m = new Dragger();
      panel.addMouseListener(m);
      panel.addMouseMotionListener(m);
    }
  }

  @Override
  public void paintOverlay(Graphics2D g2, ChartPanel chartPanel) {
    Rectangle2D area = panel.getScreenDataArea();
    if (area == null || panel.getChart() == null) {
      return;
    }
    Graphics2D g = (Graphics2D) g2.create();
    g.clip(area);
    g.setColor(RING);
    g.setStroke(new BasicStroke(1.6f));
    int[] rows = selection.selectedRows();
    int step = Math.max(1, rows.length / MAX_DRAWN);
    for (int k = 0; k < rows.length; k += step) {
      Point2D p = toScreen(locator.x(rows[k]), locator.y(rows[k]));
      if (p != null) {
        g.draw(new Ellipse2D.Double(p.getX() - 5, p.getY() - 5, 10, 10));
      }
    }
    if (dragRect != null) {
      g.setColor(new Color(30, 90, 200, 50));
      g.fill(dragRect);
      g.setColor(new Color(30, 90, 200));
      g.draw(dragRect);
    }
    g.dispose();
  }

  /** Screen (panel) coordinates of a data point, null when not drawable. */
  private Point2D toScreen(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return null;
    }
    XYPlot plot = panel.getChart().getXYPlot();
    Rectangle2D area = panel.getChartRenderingInfo().getPlotInfo().getDataArea();
    double jx = plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge());
    double jy = plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge());
    if (plot.getOrientation() == org.jfree.chart.plot.PlotOrientation.HORIZONTAL) {
      double t = jx;
      jx = jy;
      jy = t;
    }
    java.awt.Insets in = panel.getInsets();
    return new Point2D.Double(jx * panel.getScaleX() + in.left, jy * panel.getScaleY() + in.top);
  }

  /** Data coordinates of a panel point. */
  private Point2D toData(Point p) {
    XYPlot plot = panel.getChart().getXYPlot();
    Point2D j = panel.translateScreenToJava2D(p);
    Rectangle2D area = panel.getChartRenderingInfo().getPlotInfo().getDataArea();
    return new Point2D.Double(plot.getDomainAxis().java2DToValue(j.getX(), area, plot.getDomainAxisEdge()),
        plot.getRangeAxis().java2DToValue(j.getY(), area, plot.getRangeAxisEdge()));
  }

  /** Selects the rows inside a rectangle given in panel coordinates. */
  void selectInside(Rectangle r, boolean add) {
    Point2D a = toData(new Point(r.x, r.y));
    Point2D b = toData(new Point(r.x + r.width, r.y + r.height));
    double x0 = Math.min(a.getX(), b.getX());
    double x1 = Math.max(a.getX(), b.getX());
    double y0 = Math.min(a.getY(), b.getY());
    double y1 = Math.max(a.getY(), b.getY());
    int n = selection.rows();
    int[] hit = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      double x = locator.x(i);
      double y = locator.y(i);
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
        hit[k++] = i;
      }
    }
    selection.select(java.util.Arrays.copyOf(hit, k), add);
  }

  private final class Dragger extends MouseAdapter {
    private Point start;

    @Override
    public void mousePressed(MouseEvent e) {
      if (e.getButton() == MouseEvent.BUTTON1 && !e.isConsumed()) {
        start = e.getPoint();
      }
    }

    @Override
    public void mouseDragged(MouseEvent e) {
      if (start != null) {
        dragRect = new Rectangle(Math.min(start.x, e.getX()), Math.min(start.y, e.getY()), Math.abs(e.getX() - start.x),
            Math.abs(e.getY() - start.y));
        panel.repaint();
      }
    }

    @Override
    public void mouseReleased(MouseEvent e) {
      if (start == null) {
        return;
      }
      Rectangle r = dragRect;
      dragRect = null;
      start = null;
      if (r == null || r.width < 3 && r.height < 3) {
        selection.clear();
      } else {
        selectInside(r, e.isShiftDown());
      }
      panel.repaint();
    }
  }
}
