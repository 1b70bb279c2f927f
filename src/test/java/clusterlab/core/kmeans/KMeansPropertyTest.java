package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties every k-means run must have, on random data of several shapes. */
class KMeansPropertyTest {

  static Dataset gaussianMixture(int n, int d, int centres, long seed) {
    Random r = new Random(seed);
    double[][] c = new double[centres][d];
    for (double[] row : c) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian() * 6;
      }
    }
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      double[] centre = c[r.nextInt(centres)];
      for (int j = 0; j < d; j++) {
        v[i * d + j] = centre[j] + r.nextGaussian() * (1 + j % 3);
      }
    }
    return Dataset.of(v, n, d);
  }

  @Test
  void inertiaNeverIncreasesAcrossLloydIterations() {
    for (long seed = 1; seed <= 5; seed++) {
      Dataset data = gaussianMixture(3000, 5, 8, seed);
      KMeansModel m = new KMeans(12, KMeans.Algorithm.LLOYD, KMeansOptions.builder().maxIterations(100).tolerance(0)
          .init(KMeans.Init.RANDOM).threads(2).build()).fit(data, seed, Progress.NONE);
      double[] trace = m.inertiaTrace();
      assertTrue(trace.length >= 2, "too few iterations to test: " + trace.length);
      for (int t = 1; t < trace.length; t++) {
        assertTrue(trace[t] <= trace[t - 1] * (1 + 1e-12), "inertia rose at iteration " + t + ": " + trace[t - 1] + " -> " + trace[t]);
      }
      assertTrue(m.inertia() <= trace[trace.length - 1] * (1 + 1e-12));
    }
  }

  @ParameterizedTest
  @EnumSource(value = KMeans.Algorithm.class, names = {"LLOYD", "ELKAN", "HAMERLY", "BLOCKED"})
  void rowPermutationOnlyRenamesClusters(KMeans.Algorithm algorithm) {
    Dataset data = gaussianMixture(2000, 4, 6, 9);
    int k = 6;
    double[] init = Seeding.random(data, k, new SplittableRandom(3));
    int n = data.n();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    Random r = new Random(4);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    Dataset shuffled = data.subset(perm);
    KMeans km = new KMeans(k, algorithm, KMeansOptions.builder().tolerance(0).init(KMeans.Init.RANDOM).threads(2).build());
    KMeansModel a = km.fitFrom(data, init, Progress.NONE);
    KMeansModel b = km.fitFrom(shuffled, init, Progress.NONE);
    int[] la = a.labels();
    int[] lb = b.labels();
    Map<Integer, Integer> rename = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Integer prev = rename.putIfAbsent(la[perm[i]], lb[i]);
      assertTrue(prev == null || prev == lb[i], "row " + perm[i] + " changed cluster under permutation");
    }
    assertEquals(a.inertia(), b.inertia(), 1e-9 * a.inertia());
    assertEquals(a.iterations(), b.iterations());
  }

  @ParameterizedTest
  @EnumSource(value = KMeans.Init.class)
  void identicalForAnyThreadCount(KMeans.Init init) {
    Dataset data = gaussianMixture(20000, 6, 10, 2);
    for (KMeans.Algorithm algorithm : new KMeans.Algorithm[] {KMeans.Algorithm.LLOYD, KMeans.Algorithm.ELKAN, KMeans.Algorithm.HAMERLY,
        KMeans.Algorithm.BLOCKED}) {
      KMeansModel one = new KMeans(10, algorithm, KMeansOptions.builder().maxIterations(50).tolerance(1e-6).init(init)
          .numInit(2).threads(1).build()).fit(data, 3, Progress.NONE);
      KMeansModel two = new KMeans(10, algorithm, KMeansOptions.builder().maxIterations(50).tolerance(1e-6).init(init)
          .numInit(2).threads(2).build()).fit(data, 3, Progress.NONE);
      KMeansModel seven = new KMeans(10, algorithm, KMeansOptions.builder().maxIterations(50).tolerance(1e-6).init(init)
          .numInit(2).threads(7).build()).fit(data, 3, Progress.NONE);
      assertArrayEquals(one.centroids(), two.centroids(), init + "/" + algorithm);
      assertArrayEquals(one.centroids(), seven.centroids(), init + "/" + algorithm);
      assertArrayEquals(one.labels(), seven.labels(), init + "/" + algorithm);
      assertEquals(one.inertia(), seven.inertia());
    }
  }

  @Test
  void acceleratedVariantsMatchLloydOnHarderData() {
    for (int d : new int[] {2, 3, 5, 16, 64}) {
      Dataset data = gaussianMixture(5000, d, 20, d);
      double[] init = Seeding.kmeansPlusPlus(data, 25, new SplittableRandom(d), 2);
      KMeansModel lloyd = new KMeans(25, KMeans.Algorithm.LLOYD, KMeansOptions.builder().maxIterations(200).tolerance(0)
          .init(KMeans.Init.RANDOM).threads(2).build()).fitFrom(data, init, Progress.NONE);
      for (KMeans.Algorithm a : new KMeans.Algorithm[] {KMeans.Algorithm.ELKAN, KMeans.Algorithm.HAMERLY, KMeans.Algorithm.BLOCKED}) {
        KMeansModel m = new KMeans(25, a, KMeansOptions.builder().maxIterations(200).tolerance(0)
            .init(KMeans.Init.RANDOM).threads(2).build()).fitFrom(data, init, Progress.NONE);
        assertArrayEquals(lloyd.labels(), m.labels(), a + " at d = " + d);
        assertEquals(lloyd.inertia(), m.inertia(), 0.0, a + " at d = " + d);
      }
    }
  }

  @Test
  void stoppedEarlyTheLabelsAreThoseOfTheNearestFinalCentre() {
    // stopped by the iteration limit (not by stable labels): the final bounded pass must relabel
    Dataset data = gaussianMixture(2 * Iterations.BLOCK + 3, 7, 20, 11); // a last block of 3 rows: not a group of four
    for (KMeans.Algorithm a : new KMeans.Algorithm[] {KMeans.Algorithm.LLOYD, KMeans.Algorithm.ELKAN, KMeans.Algorithm.HAMERLY,
        KMeans.Algorithm.BLOCKED}) {
      KMeansModel m = new KMeans(24, a, KMeansOptions.builder().maxIterations(3).tolerance(0).init(KMeans.Init.RANDOM)
          .threads(2).build()).fit(data, 5, Progress.NONE);
      assertEquals(3, m.iterations(), a.name());
      for (int i = 0; i < data.n(); i++) {
        int nearest = KMeansKernels.nearest(data.values(), i * 7, m.centroids(), 24, 7);
        assertEquals(nearest, m.labels()[i], a + ": row " + i);
      }
    }
  }

  @Test
  void kmeansParallelSeedsAsWellAsKmeansPlusPlus() {
    Dataset data = gaussianMixture(20000, 3, 15, 5);
    double pp = 0;
    double par = 0;
    for (long s = 0; s < 3; s++) {
      pp += new KMeans(15, KMeansOptions.builder().threads(2).build()).fit(data, s, Progress.NONE).inertia();
      par += new KMeans(15, KMeansOptions.builder().init(KMeans.Init.KMEANS_PARALLEL).threads(2).build()).fit(data, s,
          Progress.NONE).inertia();
    }
    assertTrue(par <= 1.1 * pp, "k-means|| inertia " + par + " vs k-means++ " + pp);
    // seeding potential itself: D² sampling must beat uniform sampling clearly (Arthur and Vassilvitskii's O(log k))
    double potPP = 0;
    double potRandom = 0;
    for (long s = 0; s < 5; s++) {
      potPP += potential(data, Seeding.kmeansPlusPlus(data, 15, new SplittableRandom(s), 2), 15);
      potRandom += potential(data, Seeding.random(data, 15, new SplittableRandom(s)), 15);
    }
    assertTrue(potPP < 0.8 * potRandom, "k-means++ seeding potential " + potPP + " vs random " + potRandom);
  }

  private static double potential(Dataset data, double[] centres, int k) {
    double s = 0;
    for (int i = 0; i < data.n(); i++) {
      s += KMeansKernels.nearestSquaredDistance(data.values(), i * data.d(), centres, k, data.d());
    }
    return s;
  }

  @Test
  void kmeansPlusPlusHonoursWeights() {
    // a row of weight 0 is never a seed; with k = n - 1 every other row must be chosen
    Dataset data = Dataset.weighted(new double[] {0, 1, 2, 100}, 4, 1, new double[] {1, 1, 1, 0});
    for (long s = 0; s < 20; s++) {
      double[] c = Seeding.kmeansPlusPlus(data, 3, new SplittableRandom(s), 1);
      for (double v : c) {
        assertTrue(v != 100, "zero-weight row chosen as a seed");
      }
      double[] p = KMeansParallelSeeding.seed(data, 3, new SplittableRandom(s), 1, 5, 2);
      for (double v : p) {
        assertTrue(v != 100, "zero-weight row chosen by k-means||");
      }
    }
  }

  @Test
  void autoPicksByShapeAndMemoryBudget() {
    long small = KMeans.ELKAN_MIN_BUDGET_BYTES;
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 1_000_000, 16, 32, Long.MAX_VALUE));
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 200_000, 16, 32, small));
    assertEquals(KMeans.Algorithm.ELKAN, KMeans.resolve(KMeans.Algorithm.AUTO, 10_000, 256, 32, small));
    assertEquals(KMeans.Algorithm.ELKAN, KMeans.resolve(KMeans.Algorithm.AUTO, 10_000, 300, 3, small));
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 10_000, 255, 32, small));
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 1_000_000, 300, 32, small), "over budget");
    assertEquals(KMeans.Algorithm.ELKAN, KMeans.resolve(KMeans.Algorithm.AUTO, 1_000_000, 300, 32, 256L << 20), "within budget");
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 100_000_000, 300, 32, Long.MAX_VALUE),
        "n * k beyond one Java array");
    assertEquals(KMeans.Algorithm.LLOYD, KMeans.resolve(KMeans.Algorithm.AUTO, 100, 3, 1, small));
    assertEquals(KMeans.Algorithm.BLOCKED, KMeans.resolve(KMeans.Algorithm.AUTO, 200_000, 16, 256, small));
    assertEquals(KMeans.Algorithm.BLOCKED, KMeans.resolve(KMeans.Algorithm.AUTO, 200_000, 2, 128, small));
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 200_000, 16, 127, small));
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 200_000, 17, 256, small));
    assertEquals(KMeans.Algorithm.HAMERLY, KMeans.resolve(KMeans.Algorithm.AUTO, 1_000_000, 2, 32, small),
        "1M x 2, k = 32 stays Hamerly");
    assertEquals(KMeans.Algorithm.ELKAN, KMeans.resolve(KMeans.Algorithm.AUTO, 1000, 300, 256, small), "Elkan first");
    assertEquals(KMeans.Algorithm.ELKAN, KMeans.resolve(KMeans.Algorithm.ELKAN, 100, 3, 5, small), "explicit choices stand");
    assertTrue(KMeans.elkanBudgetBytes() >= small);
    assertTrue(KMeans.elkanBudgetBytes() >= Runtime.getRuntime().maxMemory() / KMeans.ELKAN_HEAP_FRACTION);
  }
}
