package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.density.KDistance;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.LinearScan;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KDistanceChartTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void kneeIsRingedWhereKneedleFindsItAndEpsCountsCoreRows() throws Exception {
    Dataset blobs = ChartFixtures.csv("/fixtures/density/blobs_noise.csv");
    double[] curve = KDistance.curve(new LinearScan(blobs, Metric.EUCLIDEAN), blobs, 4, 1);
    int knee = KDistance.knee(curve);
    assertTrue(knee > 0);
    KDistanceChart b = KDistanceChart.of(curve, 4).eps(curve[knee]).parameters("DBSCAN minPts = 5, blobs with noise");
    JFreeChart chart = b.build();
    ChartFixtures.save(chart, "kdistance-blobs");
    XYPlot plot = chart.getXYPlot();
    assertEquals(knee, plot.getDataset(1).getXValue(0, 0), 0.0);
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage img = ChartFixtures.render(chart, info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    double x = plot.getDomainAxis().valueToJava2D(knee, area, RectangleEdge.BOTTOM);
    int[] ring = ChartFixtures.columnsNear(img, ChartTheme.ACCENT, 20);
    assertTrue(ring != null && ring[1] >= x - 2 && ring[1] - x < 12, "ring right edge near " + x + ": " + java.util.Arrays.toString(ring));
    int core = KDistanceChart.setEps(chart, curve[knee]);
    assertEquals(knee + 1, core, "rows at or below the knee's distance are core (no ties at the knee)");
    int all = KDistanceChart.setEps(chart, curve[curve.length - 1] * 2);
    assertEquals(curve.length, all);
    assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "one eps line, moved");
    assertEquals(curve[curve.length - 1] * 2,
        ((ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue());
  }

  @Test
  void longCurvesAreThinnedKeepingEndsAndKnee() {
    double[] c = new double[200_000];
    for (int i = 0; i < c.length; i++) {
      c[i] = i < 190_000 ? 1 + i * 1e-6 : 1.19 + (i - 190_000) * 1e-3;
    }
    int[] idx = KDistanceChart.thin(c, 4000, 190_000);
    assertTrue(idx.length <= 4100, "thinned to " + idx.length);
    assertEquals(0, idx[0]);
    assertEquals(c.length - 1, idx[idx.length - 1]);
    assertTrue(java.util.Arrays.binarySearch(idx, 190_000) >= 0);
  }

  @Test
  void unsortedCurvesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KDistanceChart.of(new double[] {1, 3, 2}, 4));
    assertTrue(e.getMessage().contains("sorted"), e.getMessage());
  }
}
