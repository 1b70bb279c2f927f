package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest {

  private static MiniBatchKMeans stream(Dataset data, int batch, int init, long seed) {
    MiniBatchKMeans mb = new MiniBatchKMeans(8, data.d(), MiniBatchOptions.builder().batchSize(batch).initSize(init)
        .init(KMeans.Init.KMEANS_PLUS_PLUS).threads(1).build(), seed);
    for (int i = 0; i < data.n(); i++) {
      mb.add(data.values(), i * data.d(), data.weight(i));
    }
    mb.flush();
    return mb;
  }

  @Test
  void inertiaWithinFivePercentOfFullKMeans() {
    Dataset data = KMeansPropertyTest.gaussianMixture(60000, 5, 8, 4);
    double full = new KMeans(8, KMeansOptions.builder().numInit(3).threads(2).build()).fit(data, 1, Progress.NONE).inertia();
    MiniBatchKMeans mb = stream(data, 1024, 3000, 1);
    double mini = mb.inertia(data);
    assertTrue(mini <= 1.05 * full, "mini-batch inertia " + mini + " vs full " + full);
    assertEquals(60000, mb.rowsSeen());
    assertEquals((60000 - 3000 + 1023) / 1024, mb.batches());
    double total = 0;
    for (double c : mb.counts()) {
      total += c;
    }
    assertEquals(60000, total, 1e-6, "every row's weight is absorbed exactly once");
  }

  @Test
  void onlineUpdateMovesTheCentreToTheRunningMean() {
    // one cluster, batch size 1: the centre is exactly the running (weighted) mean
    MiniBatchKMeans mb = new MiniBatchKMeans(1, 1, MiniBatchOptions.builder().batchSize(1).initSize(1)
        .init(KMeans.Init.RANDOM).threads(1).build(), 1);
    double[][] rows = {{2}, {4}, {9}, {1}};
    double[] w = {1, 3, 1, 0.5};
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < rows.length; i++) {
      mb.add(rows[i], 0, w[i]);
      sum += w[i] * rows[i][0];
      weight += w[i];
      assertEquals(sum / weight, mb.centroids()[0], 1e-12);
    }
  }

  @Test
  void deterministicForASeedAndShortStreamsStillWork() {
    Dataset data = KMeansPropertyTest.gaussianMixture(5000, 3, 8, 2);
    assertArrayEquals(stream(data, 100, 500, 3).centroids(), stream(data, 100, 500, 3).centroids());
    Dataset shortStream = KMeansPropertyTest.gaussianMixture(50, 3, 8, 2);
    MiniBatchKMeans mb = stream(shortStream, 100, 500, 3);
    assertTrue(mb.isInitialised());
    assertEquals(0, mb.batches());
  }

  @Test
  void badInputIsRefused() {
    MiniBatchKMeans mb = new MiniBatchKMeans(3, 2, MiniBatchOptions.builder().batchSize(10).initSize(5)
        .init(KMeans.Init.RANDOM).threads(1).build(), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mb.add(new double[] {1, Double.NaN}, 0, 1));
    assertTrue(e.getMessage().contains("finite"), e.getMessage());
    mb.add(new double[] {1, 2}, 0, 1);
    e = assertThrows(IllegalArgumentException.class, mb::flush);
    assertTrue(e.getMessage().contains("need at least 3 rows"), e.getMessage());
    assertThrows(IllegalStateException.class, mb::centroids);
    assertThrows(IllegalArgumentException.class, () -> new MiniBatchKMeans(5, 2, MiniBatchOptions.builder()
        .batchSize(10).initSize(4).init(KMeans.Init.RANDOM).threads(1).build(), 1));
  }
}
