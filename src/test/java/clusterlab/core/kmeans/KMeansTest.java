package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

  private static Dataset blobs(int perBlob, long seed) {
    Random r = new Random(seed);
    double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
    double[] v = new double[3 * perBlob * 2];
    for (int i = 0; i < 3 * perBlob; i++) {
      v[2 * i] = centres[i % 3][0] + r.nextGaussian();
      v[2 * i + 1] = centres[i % 3][1] + r.nextGaussian();
    }
    return Dataset.of(v, 3 * perBlob, 2);
  }

  @Test
  void findsWellSeparatedBlobs() {
    Dataset d = blobs(200, 1);
    KMeansModel m = new KMeans(3, KMeansOptions.builder().numInit(3).build()).fit(d, 42, Progress.NONE);
    int[] labels = m.labels();
    for (int i = 3; i < d.n(); i++) {
      assertEquals(labels[i % 3], labels[i], "row " + i + " is not with its blob");
    }
    assertTrue(m.converged());
    assertEquals(3, m.k());
  }

  @Test
  void oneClusterIsTheWeightedMean() {
    Dataset d = Dataset.weighted(new double[] {0, 0, 4, 4}, 2, 2, new double[] {3, 1});
    KMeansModel m = new KMeans(1, KMeansOptions.builder().maxIterations(10).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).fit(d, 1, Progress.NONE);
    assertArrayEquals(new double[] {1, 1}, m.centroid(0), 1e-12);
    assertEquals(3 * 2 + 1 * 18, m.inertia(), 1e-12);
  }

  @Test
  void integerWeightsEqualRepeatedRows() {
    Dataset weighted = Dataset.weighted(new double[] {0, 1, 5, 6, 20}, 5, 1, new double[] {2, 1, 3, 1, 1});
    Dataset repeated = Dataset.of(new double[] {0, 0, 1, 5, 5, 5, 6, 20}, 8, 1);
    double[] init = {0, 5, 20};
    KMeansModel a = new KMeans(3, KMeansOptions.builder().maxIterations(100).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).fitFrom(weighted, init, Progress.NONE);
    KMeansModel b = new KMeans(3, KMeansOptions.builder().maxIterations(100).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).fitFrom(repeated, init, Progress.NONE);
    assertArrayEquals(b.centroids(), a.centroids(), 1e-12);
    assertEquals(b.inertia(), a.inertia(), 1e-9);
  }

  @Test
  void identicalForAnyThreadCountAndFixedSeed() {
    Dataset d = blobs(3000, 7);
    KMeansModel one = new KMeans(5, KMeansOptions.builder().maxIterations(50).tolerance(1e-6).numInit(2).threads(1)
        .build()).fit(d, 3, Progress.NONE);
    KMeansModel two = new KMeans(5, KMeansOptions.builder().maxIterations(50).tolerance(1e-6).numInit(2).threads(2)
        .build()).fit(d, 3, Progress.NONE);
    KMeansModel four = new KMeans(5, KMeansOptions.builder().maxIterations(50).tolerance(1e-6).numInit(2).threads(4)
        .build()).fit(d, 3, Progress.NONE);
    assertArrayEquals(one.centroids(), two.centroids());
    assertArrayEquals(one.centroids(), four.centroids());
    assertArrayEquals(one.labels(), four.labels());
  }

  @Test
  void emptiedClustersAreReseededSoKClustersComeBack() {
    // three far-apart groups but all initial centres in one of them
    Dataset d = Dataset.of(new double[] {0, 0.1, 0.2, 50, 50.1, 100, 100.2}, 7, 1);
    KMeansModel m = new KMeans(3, KMeansOptions.builder().maxIterations(100).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).fitFrom(d, new double[] {0, 0.1, 0.2}, Progress.NONE);
    for (double w : m.clusterWeight()) {
      assertTrue(w > 0, "an empty cluster was returned");
    }
  }

  @Test
  void badParametersAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KMeans(0, KMeansOptions.builder().maxIterations(10).tolerance(0).init(KMeans.Init.RANDOM).threads(1)
            .build()));
    assertTrue(e.getMessage().contains("k (number of clusters) must be at least 1, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KMeans(5, KMeansOptions.builder().maxIterations(10).tolerance(0).init(KMeans.Init.RANDOM).threads(1)
            .build()).fit(Dataset.of(new double[3], 3, 1), 1, Progress.NONE));
    assertTrue(e.getMessage().contains("need at least 5 rows"), e.getMessage());
  }

  @Test
  void cancellationStopsTheRun() {
    Progress cancelled = new Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
      }

      @Override
      public boolean isCancelled() {
        return true;
      }
    };
    assertThrows(Progress.CancelledException.class,
        () -> new KMeans(3, KMeansOptions.builder().maxIterations(100).tolerance(0).init(KMeans.Init.RANDOM).threads(1)
            .build()).fit(blobs(10, 1), 1, cancelled));
  }

  /** Progress covers every n-init restart: it rises once from 0 to 1 instead of restarting at 0 with each run. */
  @Test
  void progressRisesOnceOverAllRestarts() {
    java.util.List<Double> fractions = new java.util.ArrayList<>();
    java.util.List<String> messages = new java.util.ArrayList<>();
    Progress recorder = (stage, fraction, message) -> {
      fractions.add(fraction);
      messages.add(message);
    };
    new KMeans(3, KMeans.Algorithm.LLOYD, KMeansOptions.builder().maxIterations(50).tolerance(0)
        .init(KMeans.Init.RANDOM).numInit(4).threads(1).build()).fit(blobs(300, 5), 7, recorder);
    assertTrue(fractions.size() >= 4, "one report per iteration at least: " + fractions);
    for (int i = 1; i < fractions.size(); i++) {
      assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress went back at report " + i + ": " + fractions);
    }
    assertTrue(fractions.get(0) > 0 && fractions.get(0) <= 0.25, "the first restart covers the first quarter: " + fractions);
    assertTrue(fractions.get(fractions.size() - 1) > 0.75, "the last restart reaches the last quarter: " + fractions);
    assertTrue(messages.get(0).startsWith("restart 1 of 4, iteration 1")
        && messages.get(messages.size() - 1).startsWith("restart 4 of 4"), messages.toString());
    java.util.List<Double> single = new java.util.ArrayList<>();
    new KMeans(3, KMeans.Algorithm.LLOYD, KMeansOptions.builder().maxIterations(50).tolerance(0)
        .init(KMeans.Init.RANDOM).threads(1).build()).fit(blobs(300, 5), 7,
        (stage, fraction, message) -> single.add(fraction));
    assertEquals(2.0 / 50, single.get(1), 1e-12, "one run reports its own fraction");
  }
}
