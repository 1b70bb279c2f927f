package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.CalinskiHarabasz;
import clusterlab.core.evaluation.DaviesBouldin;
import clusterlab.core.evaluation.Silhouette;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.select.ChooseK;
import clusterlab.core.select.ChooseKOptions;
import clusterlab.core.select.KCurve;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KSweepChartTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  static KCurve irisCurve(int gapReferences) {
    Dataset iris = ChartFixtures.iris();
    ChooseK<KMeansModel> ck = new ChooseK<>(ChooseKOptions.builder().kRange(1, 10)
        .indices(List.of(new Silhouette(Metric.EUCLIDEAN), new CalinskiHarabasz(), new DaviesBouldin()))
        .gapReferences(gapReferences).threads(1).build());
    return ck.run(iris, (d, k, seed) -> {
      KMeansModel m = ChartFixtures.kmeans(d, k);
      return new ChooseK.Fit<>(m.labels(), m);
    }, 5, Progress.NONE).curve();
  }

  @Test
  void everyCriterionOnASharedKAxisWithTheKneeAtThree() throws Exception {
    KCurve curve = irisCurve(5);
    assertEquals(3, curve.kneeK(), "iris elbow (kneed on scikit-learn inertia: 3)");
    JFreeChart chart = KSweepChart.of(curve).parameters("ChooseK over KMeans, iris").build();
    ChartFixtures.save(chart, "ksweep-iris");
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
    @SuppressWarnings("unchecked")
    List<XYPlot> subs = plot.getSubplots();
    assertEquals(6, subs.size(), "inertia, silhouette, Calinski-Harabasz, Davies-Bouldin, gap, BIC");
    assertEquals("Inertia (within SS)", subs.get(0).getRangeAxis().getLabel());
    assertEquals("Gap \u00b1 s.e. \u2191", subs.get(4).getRangeAxis().getLabel());
    assertEquals("BIC \u2193", subs.get(5).getRangeAxis().getLabel(), "k-means gets the spherical-Gaussian BIC");
    // the knee ring sits at K = 3, in data and in pixels
    XYPlot inertia = subs.get(0);
    assertEquals(3.0, inertia.getDataset(1).getXValue(0, 0));
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage img = ChartFixtures.render(chart, info);
    java.awt.geom.Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
    double kneeX = plot.getDomainAxis().valueToJava2D(3, area, RectangleEdge.BOTTOM);
    java.awt.image.BufferedImage top = img.getSubimage((int) area.getX(), (int) area.getY(), (int) area.getWidth(),
        (int) area.getHeight());
    int[] ring = ChartFixtures.columnsNear(top, ChartTheme.ACCENT, 20);
    assertTrue(ring != null, "the knee ring is drawn");
    double centre = area.getX() + (ring[0] + Math.min(ring[1], ring[0] + 20)) / 2.0;
    assertTrue(Math.abs(area.getX() + ring[0] + 10 - kneeX) < 4, "ring around x = " + kneeX + ", found from " + (area.getX() + ring[0]) + " " + centre);
    // each criterion's pick is ringed
    for (int s = 1; s < subs.size(); s++) {
      assertTrue(subs.get(s).getDataset(1) != null, "pick ringed in panel " + s);
    }
    assertEquals(curve.picks().get("silhouette").doubleValue(), subs.get(1).getDataset(1).getXValue(0, 0));
    assertEquals(curve.picks().get("davies_bouldin").doubleValue(), subs.get(3).getDataset(1).getXValue(0, 0));
    assertEquals(curve.picks().get("bic").doubleValue(), subs.get(5).getDataset(1).getXValue(0, 0));
    assertTrue(ChartTheme.preferredHeight(chart) > ChartTheme.HEIGHT, "taller export for six panels");
  }
}
