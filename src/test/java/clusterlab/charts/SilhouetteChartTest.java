package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.evaluation.SilhouetteResult;
import clusterlab.core.kmeans.KMeansModel;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SilhouetteChartTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void irisKMeansHasOneBlockPerClusterAndTheMeanLine() throws Exception {
    Dataset iris = ChartFixtures.iris();
    KMeansModel km = ChartFixtures.kmeans(iris, 3);
    SilhouetteResult s = ChartFixtures.silhouette(iris, km.labels());
    JFreeChart chart = SilhouetteChart.of(s, km.labels()).parameters("KMeans -N 3, iris").build();
    ChartFixtures.save(chart, "silhouette-iris");
    XYPlot plot = chart.getXYPlot();
    assertEquals(3, plot.getDataset().getSeriesCount());
    int bars = 0;
    for (int c = 0; c < 3; c++) {
      bars += plot.getDataset().getItemCount(c);
    }
    assertEquals(150, bars, "one bar per row");
    // scikit-learn's silhouette_score for k-means on iris: 0.5528
    assertTrue(plot.getLegendItems().get(0).getLabel().contains("mean"), plot.getLegendItems().get(0).getLabel());
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage img = ChartFixtures.render(chart, info);
    for (int c = 0; c < 3; c++) {
      assertTrue(ChartFixtures.pixelsNear(img, ChartTheme.colour(c), 2) > 500, "cluster " + c + " bars");
    }
    double meanX = plot.getRangeAxis().valueToJava2D(s.mean(), info.getPlotInfo().getDataArea(), RectangleEdge.BOTTOM);
    int[] red = ChartFixtures.columnsNear(img, ChartTheme.ACCENT, 30);
    assertTrue(red != null && Math.abs(red[0] - meanX) < 3, "dashed mean line at x = " + meanX + ": " + java.util.Arrays.toString(red));
    boolean meanMarker = false;
    for (Object o : plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
      meanMarker |= Math.abs(((ValueMarker) o).getValue() - s.mean()) < 1e-12;
    }
    assertTrue(meanMarker);
  }

  @Test
  void negativeWidthsAndNoiseAreShown() throws Exception {
    Dataset iris = ChartFixtures.iris();
    int[] labels = new int[150];
    for (int i = 0; i < 150; i++) {
      labels[i] = i < 5 ? -1 : i % 2; // an arbitrary split: many negative widths
    }
    SilhouetteResult s = ChartFixtures.silhouette(iris, labels);
    JFreeChart chart = SilhouetteChart.of(s, labels).build();
    ChartFixtures.save(chart, "silhouette-negative");
    XYPlot plot = chart.getXYPlot();
    assertTrue(plot.getRangeAxis().getLowerBound() < 0);
    double min = 0;
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < plot.getDataset().getItemCount(c); i++) {
        min = Math.min(min, plot.getDataset().getYValue(c, i));
      }
    }
    assertTrue(min < 0 && plot.getRangeAxis().getLowerBound() <= min, "negative bars inside the axis");
    assertTrue(ScatterChartTest.subtitles(chart).contains("5 noise rows left out"), ScatterChartTest.subtitles(chart));
  }
}
