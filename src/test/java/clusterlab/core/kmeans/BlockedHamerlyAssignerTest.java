package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked assigner ranks centres by {@code ||x||² − 2x·c + ||c||²}, which rounds differently from
 * Lloyd's kernel: these cases are built so that the two would disagree without the re-check of near
 * ties (exact ties, data far from the origin, many centres), and every one must still give Lloyd's
 * labels, centres and iteration count bit for bit.
 */
class BlockedHamerlyAssignerTest {

  private static void assertSameAsLloyd(Dataset data, double[] init, int k, int maxIterations, String what) {
    KMeansModel lloyd = new KMeans(k, KMeans.Algorithm.LLOYD, KMeansOptions.builder().maxIterations(maxIterations)
        .tolerance(0).init(KMeans.Init.RANDOM).threads(1).build()).fitFrom(data, init, Progress.NONE);
    for (int threads : new int[] {1, 3}) {
      KMeansModel blocked = new KMeans(k, KMeans.Algorithm.BLOCKED, KMeansOptions.builder().maxIterations(maxIterations)
          .tolerance(0).init(KMeans.Init.RANDOM).threads(threads).build()).fitFrom(data, init, Progress.NONE);
      assertArrayEquals(lloyd.labels(), blocked.labels(), what + ", " + threads + " threads: labels");
      assertArrayEquals(lloyd.centroids(), blocked.centroids(), what + ", " + threads + " threads: centres");
      assertEquals(lloyd.iterations(), blocked.iterations(), what + ", " + threads + " threads: iterations");
      assertEquals(lloyd.inertia(), blocked.inertia(), 0.0, what);
      assertEquals(KMeans.Algorithm.BLOCKED, blocked.algorithm());
    }
  }

  @Test
  void exactTiesGoToTheLowerCentreAsInLloyd() {
    // integer grid, centres on half-integers and duplicated: many rows are exactly equidistant
    int side = 40;
    double[] v = new double[side * side * 2];
    for (int i = 0; i < side * side; i++) {
      v[2 * i] = i % side;
      v[2 * i + 1] = i / side;
    }
    Dataset data = Dataset.of(v, side * side, 2);
    double[] init = {10.5, 10, 10.5, 10, 20, 20.5, 30.5, 30.5, 5, 35, 5, 35, 0, 0, 39, 0};
    assertSameAsLloyd(data, init, 8, 1, "grid, one iteration");
    assertSameAsLloyd(data, init, 8, 50, "grid");
  }

  @Test
  void rowsOnTheBisectorWithinRoundingOfATieGetLloydsLabel() {
    // two centres mirrored in the plane x0 = 0 and rows within a few ulps of that plane: the dot-product
    // estimates and Lloyd's kernel round differently here, and only the re-check keeps Lloyd's label
    SplittableRandom rng = new SplittableRandom(5);
    int n = 20000;
    int d = 7;
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      v[i * d] = (rng.nextInt(41) - 20) * 1e-16;
      for (int j = 1; j < d; j++) {
        v[i * d + j] = 3 * rng.nextGaussian() + 1;
      }
    }
    Dataset data = Dataset.of(v, n, d);
    double[] init = new double[2 * d];
    init[0] = -1.25;
    init[d] = 1.25;
    for (int j = 1; j < d; j++) {
      init[j] = 0.5 * j;
      init[d + j] = 0.5 * j;
    }
    assertSameAsLloyd(data, init, 2, 1, "bisector, one iteration");
  }

  @ParameterizedTest(name = "offset {0}")
  @CsvSource({"0", "1e6", "1e9", "-3e12"})
  void farFromTheOriginTheLabelsStayLloyds(double offset) {
    // the dot-product form cancels catastrophically at 1e9 and beyond without the translation;
    // with it, and the re-check, every label is still Lloyd's
    SplittableRandom rng = new SplittableRandom(17);
    int n = 3000;
    int d = 5;
    double[] v = new double[n * d];
    for (int t = 0; t < v.length; t++) {
      v[t] = offset + rng.nextInt(8) + 0.25 * rng.nextGaussian();
    }
    Dataset data = Dataset.of(v, n, d);
    double[] init = Seeding.random(data, 40, new SplittableRandom(3));
    assertSameAsLloyd(data, init, 40, 100, "offset " + offset);
  }

  @ParameterizedTest(name = "k = {0}, d = {1}")
  @CsvSource({"1,3", "2,1", "7,3", "64,4", "70,9", "300,16", "129,33"})
  void everyShapeOfRemainderColumnsAndCentres(int k, int d) {
    Dataset data = KMeansPropertyTest.gaussianMixture(4000, d, Math.max(1, k / 3), 31L * k + d);
    double[] init = Seeding.kmeansPlusPlus(data, k, new SplittableRandom(k), 1);
    assertSameAsLloyd(data, init, k, 40, "k = " + k + ", d = " + d);
  }

  @Test
  void partitionKernelRunsTheBlockedAssigner() {
    Dataset data = KMeansPropertyTest.gaussianMixture(500, 3, 4, 2);
    PartitionKernel kernel = PartitionKernel.create(data, 4, KMeans.Algorithm.BLOCKED);
    assertEquals(KMeans.Algorithm.BLOCKED, kernel.algorithm());
    assertEquals(500, kernel.assign(Seeding.random(data, 4, new SplittableRandom(1)), null));
  }
}
