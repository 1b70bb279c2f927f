package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TsneMapTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** A re-cut in the Cluster Lab tab recolours the map of the same embedding (t-SNE ignores the labels). */
  @Test
  void recolouringKeepsTheEmbedding() {
    Dataset iris = ChartFixtures.iris();
    int[] three = ChartFixtures.kmeans(iris, 3).labels();
    TsneMap map = TsneMap.of(iris, three);
    assertThrows(IllegalStateException.class, () -> map.chart(three), "nothing to recolour before the embedding");
    map.build(Progress.NONE);
    clusterlab.core.tsne.TsneResult embedded = map.result();
    int[] two = new int[150];
    for (int i = 0; i < 150; i++) {
      two[i] = three[i] == three[0] ? 0 : 1;
    }
    JFreeChart recut = map.chart(two);
    assertEquals(2, recut.getXYPlot().getLegendItems().getItemCount(), "coloured by the new labels");
    assertTrue(embedded == map.result(), "the rows are not embedded again");
    int rows = 0;
    for (int s = 0; s < 2; s++) {
      rows += recut.getXYPlot().getDataset().getItemCount(s);
    }
    assertEquals(150, rows, "every embedded row drawn once");
    assertThrows(IllegalArgumentException.class, () -> map.chart(new int[3]));
  }

  @Test
  void irisClustersAreSeparatedOnTheMap() throws Exception {
    Dataset iris = ChartFixtures.iris();
    int[] labels = ChartFixtures.kmeans(iris, 3).labels();
    TsneMap map = TsneMap.of(iris, labels).parameters("KMeans -N 3 on iris");
    JFreeChart chart = map.build(Progress.NONE);
    ChartFixtures.save(chart, "tsne-iris");
    XYPlot plot = chart.getXYPlot();
    assertEquals("t-SNE 1", plot.getDomainAxis().getLabel());
    assertEquals(3, plot.getLegendItems().getItemCount(), "one legend entry per cluster");
    int rows = 0;
    for (int s = 0; s < 3; s++) {
      rows += plot.getDataset().getItemCount(s);
    }
    assertEquals(150, rows, "every row embedded below the sample size");
    assertEquals(150, map.result().n());
    String subs = subtitles(chart);
    assertTrue(subs.contains("KMeans -N 3 on iris; t-SNE map of the standardized data (perplexity 30"), subs);
    // the setosa cluster (50 rows) lies apart: its mean is farther from the others' than its own spread
    double[][] mean = new double[3][2];
    int[] size = new int[3];
    for (int i = 0; i < 150; i++) {
      mean[labels[i]][0] += map.result().get(i, 0);
      mean[labels[i]][1] += map.result().get(i, 1);
      size[labels[i]]++;
    }
    int setosa = labels[0];
    double spread = 0;
    for (int i = 0; i < 150; i++) {
      if (labels[i] == setosa) {
        spread = Math.max(spread, Math.hypot(map.result().get(i, 0) - mean[setosa][0] / size[setosa],
            map.result().get(i, 1) - mean[setosa][1] / size[setosa]));
      }
    }
    for (int c = 0; c < 3; c++) {
      if (c != setosa) {
        double gap = Math.hypot(mean[c][0] / size[c] - mean[setosa][0] / size[setosa], mean[c][1] / size[c]
            - mean[setosa][1] / size[setosa]);
        assertTrue(gap > spread, "setosa apart from cluster " + c + ": " + gap + " vs radius " + spread);
      }
    }
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    for (int c = 0; c < 3; c++) {
      assertTrue(ChartFixtures.pixelsNear(img, ChartTheme.colour(c), 30) > 50, "cluster " + c + " drawn");
    }
  }

  @Test
  void largeDataAreSampledAndTheChartSaysSo() {
    int n = 2_600;
    double[] v = new double[n * 3];
    int[] labels = new int[n];
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < n; i++) {
      labels[i] = i < 40 ? -1 : i % 2;
      for (int j = 0; j < 3; j++) {
        v[i * 3 + j] = r.nextGaussian() + 8 * labels[i];
      }
    }
    TsneMap map = TsneMap.of(Dataset.of(v, n, 3), labels).maxRows(500);
    JFreeChart chart = map.build(Progress.NONE);
    assertEquals(500, map.result().n());
    assertTrue(subtitles(chart).contains("a random 500 of 2,600 rows embedded"), subtitles(chart));
    assertTrue(chart.getXYPlot().getDataset().getSeriesKey(0).toString().startsWith("Noise"), "noise kept grey");
  }

  @Test
  void cancellingStopsTheEmbedding() {
    Progress cancelled = new Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
      }

      @Override
      public boolean isCancelled() {
        return true;
      }
    };
    Dataset iris = ChartFixtures.iris();
    assertThrows(Progress.CancelledException.class, () -> TsneMap.of(iris, new int[150]).build(cancelled));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TsneMap.of(Dataset.of(new double[6], 3, 2), new int[3]));
    assertTrue(e.getMessage().contains("at least 4 rows"), e.getMessage());
  }

  static String subtitles(JFreeChart chart) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof TextTitle) {
        sb.append(((TextTitle) chart.getSubtitle(i)).getText()).append('\n');
      }
    }
    return sb.toString();
  }
}
