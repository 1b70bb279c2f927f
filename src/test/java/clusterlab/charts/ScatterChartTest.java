package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.kmeans.KMeansModel;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScatterChartTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void irisOnPrincipalComponentsShowsThreeClustersCentroidsAndEllipses() throws Exception {
    Dataset iris = ChartFixtures.iris();
    KMeansModel km = ChartFixtures.kmeans(iris, 3);
    double[][] cents = new double[3][];
    for (int c = 0; c < 3; c++) {
      cents[c] = km.centroid(c);
    }
    JFreeChart chart = ScatterChart.of(Projection.pca(iris), km.labels()).centroids(cents)
        .outline(ScatterChart.Outline.ELLIPSE).parameters("KMeans -N 3 on iris").build();
    ChartFixtures.save(chart, "scatter-iris-pca");
    XYPlot plot = chart.getXYPlot();
    LegendItemCollection legend = plot.getLegendItems();
    assertEquals(3, legend.getItemCount(), "one legend entry per cluster, none for the centroids");
    assertEquals(6, plot.getDataset().getSeriesCount(), "3 cluster series + 3 centroid series");
    assertEquals(3, plot.getAnnotations().size(), "one ellipse per cluster");
    assertTrue(plot.getDomainAxis().getLabel().startsWith("PC1 ("), plot.getDomainAxis().getLabel());
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    assertTrue(ChartFixtures.inked(img) > 0.03, "the PNG is not blank");
    for (int c = 0; c < 3; c++) {
      int px = ChartFixtures.pixelsNear(img, ChartTheme.colour(c), 4);
      assertTrue(px > 30, "cluster " + c + " colour drawn (centroid marker and ellipse): " + px);
    }
    assertEquals(0, ChartFixtures.pixelsNear(img, ChartTheme.colour(3), 2), "no fourth cluster colour");
  }

  @Test
  void pcaMatchesTheIrisReference() {
    // scikit-learn PCA on iris: explained variance ratio 0.9246, 0.0531
    Projection p = Projection.pca(ChartFixtures.iris());
    assertEquals("PC1 (92.5% of variance)", p.xLabel());
    assertEquals("PC2 (5.3% of variance)", p.yLabel());
    // first row of sklearn's transform: [-2.684, 0.319] (signs as svd_flip)
    assertEquals(-2.684, p.x(0), 1e-3);
    assertEquals(0.319, p.y(0), 1e-3);
  }

  @Test
  void standardizedPcaMatchesPrcompScaleTrue() {
    // scikit-learn PCA after StandardScaler on iris (R prcomp(scale. = TRUE)): 72.96% and 22.85%
    Dataset iris = ChartFixtures.iris();
    Projection p = Projection.pca(iris, true);
    assertEquals("PC1 (73.0% of variance)", p.xLabel());
    assertEquals("PC2 (22.9% of variance)", p.yLabel());
    double[] mean = new double[4];
    for (int i = 0; i < 150; i++) {
      for (int j = 0; j < 4; j++) {
        mean[j] += iris.get(i, j) / 150;
      }
    }
    double[] origin = p.project(mean);
    assertEquals(0, origin[0], 1e-12);
    assertEquals(0, origin[1], 1e-12);
    double[] row0 = p.project(iris.row(0));
    assertEquals(p.x(0), row0[0], 1e-12, "a row projects where the scatter draws it");
    assertEquals(p.y(0), row0[1], 1e-12);
  }

  @Test
  void noiseIsGreyAndHullsOutlineClusters() throws Exception {
    Dataset blobs = ChartFixtures.csv("/fixtures/density/blobs_noise.csv");
    int[] labels = new int[blobs.n()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10 == 0 ? -1 : (blobs.get(i, 0) < 0 ? 0 : blobs.get(i, 1) < 5 ? 1 : 2);
    }
    JFreeChart chart = ScatterChart.of(Projection.columns(blobs, 0, 1, new String[] {"x", "y"}), labels)
        .centroidMeans().outline(ScatterChart.Outline.CONVEX_HULL).build();
    ChartFixtures.save(chart, "scatter-hull-noise");
    XYPlot plot = chart.getXYPlot();
    assertTrue(plot.getDataset().getSeriesKey(0).toString().startsWith("Noise"), "noise drawn first, underneath");
    assertEquals(3, plot.getAnnotations().size());
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    assertTrue(ChartFixtures.pixelsNear(img, ChartTheme.NOISE, 3) > 20, "noise is grey");
  }

  @Test
  void aMillionRowsAreSampledWithANote() {
    int n = 1_000_000;
    double[] x = new double[n];
    double[] y = new double[n];
    int[] labels = new int[n];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      x[i] = labels[i] * 3 + r.nextGaussian();
      y[i] = (labels[i] % 2) * 3 + r.nextGaussian();
    }
    JFreeChart chart = ScatterChart.of(Projection.of(x, y, "a", "b", "synthetic"), labels).centroidMeans().build();
    int drawn = 0;
    XYPlot plot = chart.getXYPlot();
    for (int s = 0; s < 4; s++) {
      drawn += plot.getDataset().getItemCount(s);
    }
    assertTrue(drawn <= ScatterChart.DEFAULT_MAX_POINTS + 4 && drawn >= ScatterChart.DEFAULT_MAX_POINTS - 4, "drawn " + drawn);
    assertEquals(12_500, plot.getDataset().getItemCount(0), 1, "every cluster in proportion");
    assertTrue(subtitles(chart).contains("Showing a random 50,000 of 1,000,000 rows"), subtitles(chart));
  }

  @Test
  void smallClustersAndNoiseStayVisibleInASampledMillionRows() {
    int n = 1_000_000;
    double[] x = new double[n];
    double[] y = new double[n];
    int[] labels = new int[n];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < n; i++) {
      labels[i] = i < 60 ? 2 : i < 1_060 ? -1 : i % 2;
      x[i] = r.nextGaussian() + labels[i];
      y[i] = r.nextGaussian();
    }
    JFreeChart chart = ScatterChart.of(Projection.of(x, y, "a", "b", "synthetic"), labels).build();
    XYPlot plot = chart.getXYPlot();
    assertTrue(plot.getDataset().getSeriesKey(0).toString().startsWith("Noise"));
    assertEquals(ScatterChart.MIN_SHOWN, plot.getDataset().getItemCount(0), "1,000 noise rows: 200 drawn, not 50");
    assertEquals(60, plot.getDataset().getItemCount(3), "a 60-row cluster is drawn whole, not as 3 points");
    assertEquals(24_974, plot.getDataset().getItemCount(1), "large clusters in proportion: ceil(499,470 x 5%)");
    assertTrue(subtitles(chart).contains("at least 200 of each smaller cluster and of the noise"), subtitles(chart));
    java.util.Set<Double> seen = new java.util.HashSet<>();
    for (int i = 0; i < plot.getDataset().getItemCount(1); i++) {
      assertTrue(seen.add(plot.getDataset().getXValue(1, i)), "each row drawn once");
    }
  }

  @Test
  void largeSeriesGoThroughThePointLayerAndLookLikeVectors() throws Exception {
    int n = 9_000; // 3,000 per cluster: above the layer's threshold, cheap to draw as vectors too
    double[] x = new double[n];
    double[] y = new double[n];
    int[] labels = new int[n];
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      x[i] = labels[i] * 6 + r.nextGaussian();
      y[i] = r.nextGaussian() * 2;
    }
    JFreeChart chart = ScatterChart.of(Projection.of(x, y, "a", "b", "synthetic"), labels).centroidMeans().build();
    PointRenderer renderer = (PointRenderer) chart.getXYPlot().getRenderer();
    BufferedImage raster = ChartExport.toImage(chart, 900, 600);
    assertEquals(n, renderer.layerPoints(), 20, "every point stamped into the layer (but the few outside the axes)");
    String svg = ChartExport.toSvg(chart, 900, 600);
    assertEquals(0, renderer.layerPoints(), "SVG gets vectors");
    assertTrue(svg.length() > 200 * n / 2, "9,000 vector markers in the SVG: " + svg.length());
    // the same chart with every point drawn as a vector
    JFreeChart vector = ScatterChart.of(Projection.of(x, y, "a", "b", "synthetic"), labels).centroidMeans().build();
    PointRenderer vr = (PointRenderer) vector.getXYPlot().getRenderer();
    vr.setLayerMinItems(Integer.MAX_VALUE);
    BufferedImage reference = ChartExport.toImage(vector, 900, 600);
    assertEquals(0, vr.layerPoints());
    int[] layer = ChartFixtures.nearestColours(raster, 3);
    int[] vectors = ChartFixtures.nearestColours(reference, 3);
    for (int c = 0; c < 3; c++) {
      assertTrue(layer[c] > 5_000 && Math.abs(layer[c] - vectors[c]) < 0.15 * vectors[c],
          "cluster " + c + ": " + layer[c] + " pixels through the layer, " + vectors[c] + " as vectors");
    }
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage withInfo = ChartFixtures.render(chart, info);
    java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = chart.getXYPlot();
    for (int c = 0; c < 3; c++) {
      int px = (int) plot.getDomainAxis().valueToJava2D(c * 6, area, plot.getDomainAxisEdge());
      int py = (int) plot.getRangeAxis().valueToJava2D(0, area, plot.getRangeAxisEdge());
      int dark = 0;
      for (int v = py - 12; v <= py + 12; v++) {
        for (int u = px - 12; u <= px + 12; u++) {
          int rgb = withInfo.getRGB(u, v);
          dark += ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 120 ? 1 : 0;
        }
      }
      assertTrue(dark > 20, "cluster " + c + "'s mean marker (black outline) is drawn over its points: " + dark);
    }
    assertTrue(ChartFixtures.inked(raster) > 0.1);
  }

  @Test
  void boxSelectionAndHighlightUseEveryRow() {
    Dataset iris = ChartFixtures.iris();
    Projection p = Projection.pca(iris);
    JFreeChart chart = ScatterChart.of(p, ChartFixtures.kmeans(iris, 3).labels()).build();
    int[] left = ScatterChart.rowsIn(chart, new java.awt.geom.Rectangle2D.Double(-10, -10, 8, 20));
    assertEquals(50, left.length, "the setosa cluster lies left of PC1 = -2 ... -1");
    for (int row : left) {
      assertTrue(p.x(row) < -2);
    }
    ScatterChart.highlight(chart, left);
    assertEquals(50, chart.getXYPlot().getDataset(1).getItemCount(0));
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    assertTrue(ChartFixtures.pixelsNear(img, java.awt.Color.BLACK, 10) > 200, "rings drawn");
    ScatterChart.highlight(chart, null);
    assertEquals(null, chart.getXYPlot().getDataset(1));
  }

  @Test
  void badInputIsRefusedClearly() {
    Dataset iris = ChartFixtures.iris();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScatterChart.of(Projection.pca(iris), new int[10]));
    assertTrue(e.getMessage().contains("10 labels for 150 rows"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ScatterChart.of(Projection.of(new double[] {1}, new double[] {1}, "a", "b", "x"), new int[1])
            .centroids(new double[][] {{1, 2}}));
  }

  /** Every subtitle's text, one per line. */
  static String subtitles(JFreeChart chart) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      sb.append(text(chart, i)).append('\n');
    }
    return sb.toString();
  }

  static String text(JFreeChart chart, int i) {
    Object t = chart.getSubtitle(i);
    return t instanceof org.jfree.chart.title.TextTitle ? ((org.jfree.chart.title.TextTitle) t).getText() : "";
  }
}
