package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.density.Hdbscan;
import clusterlab.core.density.HdbscanModel;
import clusterlab.core.density.Optics;
import clusterlab.core.density.OpticsModel;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reachability plot, condensed tree and outlier histogram from fixture density results. */
class DensityChartsTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  static Dataset blobs() {
    return ChartFixtures.csv("/fixtures/density/blobs_noise.csv");
  }

  @Test
  void reachabilityPlotColoursXiClustersAndShadesTheirRanges() throws Exception {
    OpticsModel m = new Optics(5, Double.POSITIVE_INFINITY, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 1)
        .fit(blobs(), Progress.NONE);
    OpticsModel.XiResult xi = m.extractXi(0.05, 5, true);
    JFreeChart chart = ReachabilityChart.of(m).xi(xi).eps(1.5).parameters("OPTICS minPts = 5, xi = 0.05").build();
    ChartFixtures.save(chart, "reachability-blobs");
    XYPlot plot = chart.getXYPlot();
    assertEquals(xi.hierarchy().length, plot.getAnnotations().size(), "one bracket per xi cluster");
    assertTrue(plot.getRangeAxis().getLowerBound() < 0, "brackets below the bars");
    int bars = 0;
    for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
      bars += plot.getDataset().getItemCount(s);
    }
    assertEquals(510, bars, "one bar per row below the bar limit");
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    for (int c = 0; c < Math.min(3, xi.numClusters()); c++) {
      assertTrue(ChartFixtures.pixelsNear(img, ChartTheme.colour(c), 3) > 100, "cluster " + c + " bars");
    }
    assertTrue(ChartFixtures.pixelsNear(img, ChartTheme.NOISE, 3) > 20, "noise bars grey");
  }

  @Test
  void condensedTreeMarksTheSelectedClusters() throws Exception {
    HdbscanModel m = Hdbscan.likeR(10, Metric.EUCLIDEAN, 1).fit(blobs(), Progress.NONE);
    int[] selected = CondensedTreeChart.selectedNodes(m);
    assertEquals(m.numClusters(), selected.length);
    int[] labels = m.labels();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) { // the selected node is an ancestor of (or is) the node each of its rows leaves from
        int a = m.treeNodeOfRow(i);
        while (a > selected[labels[i]]) {
          a = m.treeParent(a);
        }
        assertEquals(selected[labels[i]], a);
      }
    }
    JFreeChart chart = CondensedTreeChart.of(m).parameters("HDBSCAN minPts = 10").build();
    ChartFixtures.save(chart, "condensed-blobs");
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    assertTrue(ChartFixtures.inked(img) > 0.03);
    for (int c = 0; c < m.numClusters(); c++) {
      assertTrue(ChartFixtures.pixelsNear(img, ChartFixtures.overWhite(ChartTheme.colour(c), 220), 4) > 30,
          "selected cluster " + c + " filled in its colour");
    }
  }

  @Test
  void outlierHistogramCountsEveryRowAndPlacesTheThreshold() throws Exception {
    HdbscanModel m = Hdbscan.likeR(10, Metric.EUCLIDEAN, 1).fit(blobs(), Progress.NONE);
    JFreeChart chart = OutlierHistogramChart.of(m.outlierScores()).labels(m.labels()).parameters("HDBSCAN minPts = 10")
        .build();
    ChartFixtures.save(chart, "outliers-blobs");
    XYPlot plot = chart.getXYPlot();
    double total = 0;
    for (int i = 0; i < plot.getDataset().getItemCount(0); i++) {
      total += plot.getDataset().getYValue(0, i);
    }
    org.jfree.data.xy.IntervalXYDataset d = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset();
    for (int i = 0; i < d.getItemCount(1); i++) {
      total += d.getEndYValue(1, i) - d.getStartYValue(1, i);
    }
    assertEquals(510, total, 1e-9, "every row in one bin");
    assertEquals(1, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    assertTrue(ChartFixtures.pixelsNear(ChartFixtures.render(chart, new ChartRenderingInfo()), ChartTheme.colour(0), 3) > 200);
  }

  @Test
  void clusterProfilesStandardizeMeans() throws Exception {
    Dataset iris = ChartFixtures.iris();
    int[] labels = ChartFixtures.kmeans(iris, 3).labels();
    ClusterProfileChart p = ClusterProfileChart.of(iris, labels)
        .attributeNames(new String[] {"sepal length", "sepal width", "petal length", "petal width"}).parameters("KMeans -N 3, iris");
    double[][] z = p.standardizedMeans();
    // weighted by cluster size, standardized means sum to zero per attribute
    int[] sizes = new ClusterCounts(labels).sizes;
    for (int j = 0; j < 4; j++) {
      double s = 0;
      for (int c = 0; c < 3; c++) {
        s += z[c][j] * sizes[c];
      }
      assertEquals(0, s, 1e-9);
    }
    JFreeChart heat = p.heatMap();
    ChartFixtures.save(heat, "profile-heatmap-iris");
    assertEquals(12, heat.getXYPlot().getDataset().getItemCount(0));
    assertEquals(12, heat.getXYPlot().getAnnotations().size(), "a value in every cell");
    JFreeChart par = p.parallelCoordinates();
    ChartFixtures.save(par, "profile-parallel-iris");
    assertEquals(3, par.getXYPlot().getLegendItems().getItemCount(), "legend: the three mean profiles only");
    assertTrue(ChartFixtures.inked(ChartFixtures.render(par, new ChartRenderingInfo())) > 0.05);
  }
}
