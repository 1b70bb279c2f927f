package clusterlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jfree.chart.JFreeChart;
import weka.gui.Logger;

/**
 * The Cluster Lab tab's t-SNE map: embedded in the background only once the tab is opened, with
 * its per cent done in the status bar; a re-cut recolours without embedding again; Cancel stops
 * the embedding and Compute starts it again.
 */
class TsnePanelTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** Three Gaussian blobs in 4 dimensions. */
  static Dataset blobs(int n, int[] labels) {
    SplittableRandom r = new SplittableRandom(3);
    double[] v = new double[n * 4];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        v[i * 4 + j] = 6 * labels[i] * (j == labels[i] % 4 ? 1 : 0) + r.nextGaussian();
      }
    }
    return Dataset.of(v, n, 4);
  }

  static final class StatusLog implements Logger {
    final List<String> status = new CopyOnWriteArrayList<>();

    @Override
    public void logMessage(String m) {
    }

    @Override
    public void statusMessage(String m) {
      status.add(m);
    }
  }

  static void waitUntil(BooleanSupplier ok, String what) throws Exception {
    long end = System.currentTimeMillis() + 120_000;
    boolean[] done = {false};
    while (System.currentTimeMillis() < end) {
      SwingUtilities.invokeAndWait(() -> done[0] = ok.getAsBoolean());
      if (done[0]) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  @Test
  void embedsWhenOpenedReportsProgressAndRecoloursARecut() throws Exception {
    int[] labels = new int[300];
    Dataset data = blobs(300, labels);
    StatusLog log = new StatusLog();
    TsnePanel p = new TsnePanel(log);
    SwingUtilities.invokeAndWait(() -> p.show(data, labels, "KMeans -N 3 on blobs"));
    Thread.sleep(300);
    SwingUtilities.invokeAndWait(() -> {
      assertEquals(TsnePanel.PENDING, p.statusText(), "nothing is embedded while the tab is not on screen");
      assertNull(p.chartPanel());
      p.ensureComputed();
    });
    waitUntil(() -> p.chartPanel() != null, "the t-SNE map");
    SwingUtilities.invokeAndWait(() -> {
      assertEquals(100, p.percentDone());
      assertFalse(p.isComputing());
      assertEquals(3, p.chartPanel().getChart().getXYPlot().getLegendItems().getItemCount());
    });
    assertTrue(log.status.stream().anyMatch(s -> s.matches("t-SNE map: \\d+% \\(iteration .*")),
        "the per cent done reaches the status bar: " + log.status);
    int[] two = labels.clone();
    for (int i = 0; i < two.length; i++) {
      two[i] = Math.min(1, two[i]);
    }
    JFreeChart[] before = new JFreeChart[1];
    SwingUtilities.invokeAndWait(() -> {
      before[0] = p.chartPanel().getChart();
      p.relabel(two, "re-cut");
      assertFalse(p.isComputing(), "a re-cut does not embed again");
      assertTrue(p.chartPanel().getChart() != before[0]);
      assertEquals(2, p.chartPanel().getChart().getXYPlot().getLegendItems().getItemCount(), "recoloured at once");
    });
  }

  @Test
  void cancelStopsTheEmbeddingAndComputeRestartsIt() throws Exception {
    int[] labels = new int[1200];
    Dataset data = blobs(1200, labels);
    TsnePanel p = new TsnePanel(null);
    SwingUtilities.invokeAndWait(() -> {
      p.show(data, labels, "");
      p.ensureComputed();
      assertTrue(p.isComputing());
    });
    waitUntil(() -> p.percentDone() > 0 || p.chartPanel() != null, "the embedding under way");
    SwingUtilities.invokeAndWait(() -> {
      assertNull(p.chartPanel(), "the embedding of 1,200 rows is still under way");
      p.cancel();
      assertFalse(p.isComputing());
      assertTrue(p.statusText().contains("cancelled"), p.statusText());
    });
    Thread.sleep(500);
    SwingUtilities.invokeAndWait(() -> {
      assertTrue(p.statusText().contains("cancelled"), "a cancelled embedding stays cancelled: " + p.statusText());
      assertNull(p.chartPanel(), "a cancelled embedding draws nothing");
      p.ensureComputed();
      assertTrue(p.isComputing(), "Compute starts it again");
    });
    waitUntil(() -> p.chartPanel() != null, "the t-SNE map after Compute");
    assertNotNull(p.chartPanel().getChart());
  }
}
