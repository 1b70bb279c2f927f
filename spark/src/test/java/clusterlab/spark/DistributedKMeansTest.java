package clusterlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.kmeans.KMeansOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

class DistributedKMeansTest {

  static Blocks.Data blocks(double[] v, int n, int d, int partitions) {
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(java.util.Arrays.copyOfRange(v, i * d, i * d + d));
    }
    JavaRDD<double[]> rdd = TestSpark.jsc().parallelize(rows, partitions);
    return Blocks.of(rdd, d, "test data");
  }

  static int[] labels(DistributedKMeans.Fit fit, Blocks.Data data) {
    int[] out = new int[(int) data.n()];
    for (DistributedKMeans.BlockLabels b : fit.labelled(data).collect()) {
      System.arraycopy(b.labels, 0, out, (int) b.firstRow, b.labels.length);
    }
    return out;
  }

  static void assertSameModel(KMeansModel one, KMeansModel dist, int[] oneLabels, int[] distLabels) {
    assertEquals(one.iterations(), dist.iterations(), "iterations");
    assertEquals(one.converged(), dist.converged(), "converged");
    double[] a = one.centroids();
    double[] b = dist.centroids();
    double scale = 0;
    for (double x : a) {
      scale = Math.max(scale, Math.abs(x));
    }
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-9 * scale, "centroid value " + i);
    }
    assertArrayEquals(oneLabels, distLabels, "labels");
    assertEquals(one.inertia(), dist.inertia(), 1e-9 * one.inertia(), "inertia");
    assertArrayEquals(one.clusterWeight(), dist.clusterWeight(), 1e-9, "cluster weights");
  }

  @Test
  void sameCentroidsAndLabelsAsTheSingleMachineFromTheSameStart() {
    int n = 20_000;
    int d = 6;
    int k = 10;
    double[] v = Blobs.rows(3, n, d, 9, 12);
    Dataset data = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).seed(data, new java.util.SplittableRandom(5));
    for (double tol : new double[] {0, 1e-4}) {
      KMeansModel one = new KMeans(k, KMeans.Algorithm.HAMERLY, KMeansOptions.builder().tolerance(tol)
          .init(KMeans.Init.RANDOM).threads(1).build())
          .fitFrom(data, init, Progress.NONE);
      Blocks.Data blocks = blocks(v, n, d, 5);
      // the sums straight to the driver (depth 0 = auto = 1 for 5 partitions) and through a tree level (depth 2)
      int depth = tol == 0 ? 0 : 2;
      DistributedKMeans.Fit fit = new DistributedKMeans(k, 300, tol, KMeans.Algorithm.HAMERLY, depth).fitFrom(blocks, init);
      assertTrue(one.iterations() > 3, "a run of several iterations: " + one.iterations());
      assertSameModel(one, fit.model(), one.labels(), labels(fit, blocks));
      blocks.unpersist();
    }
  }

  @Test
  void theSumsGoStraightToTheDriverUpTo64PartitionsThenThroughATreeLevel() {
    assertEquals(1, DistributedKMeans.autoDepth(1));
    assertEquals(1, DistributedKMeans.autoDepth(64));
    assertEquals(2, DistributedKMeans.autoDepth(65));
  }

  @Test
  void iterationLimitAndFinalReassignmentAsOnOneMachine() {
    int n = 8_000;
    int d = 3;
    int k = 7;
    double[] v = Blobs.rows(11, n, d, 4, 3);
    Dataset data = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).seed(data, new java.util.SplittableRandom(1));
    KMeansModel one = new KMeans(k, KMeans.Algorithm.HAMERLY, KMeansOptions.builder().maxIterations(4).tolerance(0)
        .init(KMeans.Init.RANDOM).threads(1).build())
        .fitFrom(data, init, Progress.NONE);
    Blocks.Data blocks = blocks(v, n, d, 3);
    DistributedKMeans.Fit fit = new DistributedKMeans(k, 4, 0, KMeans.Algorithm.HAMERLY, 2).fitFrom(blocks, init);
    assertEquals(false, one.converged());
    assertSameModel(one, fit.model(), one.labels(), labels(fit, blocks));
    blocks.unpersist();
  }

  @Test
  void emptiedClustersAreReseededWithTheSameRowsAsOnOneMachine() {
    int n = 2 * RowBlock.MAX_ROWS + 9_000; // two partitions of two blocks each
    int d = 2;
    int k = 5;
    double[] v = Blobs.rows(7, n, d, 3, 10);
    Dataset data = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).seed(data, new java.util.SplittableRandom(2));
    for (int j = 0; j < d; j++) {
      init[3 * d + j] = 1e6; // two centres nobody is near: emptied in the first iteration
      init[4 * d + j] = -1e6;
    }
    KMeansModel one = new KMeans(k, KMeans.Algorithm.HAMERLY, KMeansOptions.builder().tolerance(0)
        .init(KMeans.Init.RANDOM).threads(1).build())
        .fitFrom(data, init, Progress.NONE);
    Blocks.Data blocks = blocks(v, n, d, 2);
    DistributedKMeans.Fit fit = new DistributedKMeans(k, 300, 0, KMeans.Algorithm.HAMERLY, 2).fitFrom(blocks, init);
    assertSameModel(one, fit.model(), one.labels(), labels(fit, blocks));
    blocks.unpersist();
  }

  @Test
  void lostBlockStateFallsBackToAFullScanWithTheSameResult() {
    int n = 6_000;
    int d = 5;
    int k = 6;
    double[] v = Blobs.rows(5, n, d, 6, 8);
    Dataset data = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).init(KMeans.Init.RANDOM)
        .threads(1).build()).seed(data, new java.util.SplittableRandom(9));
    KMeansModel one = new KMeans(k, KMeans.Algorithm.HAMERLY, KMeansOptions.builder().tolerance(0)
        .init(KMeans.Init.RANDOM).threads(1).build())
        .fitFrom(data, init, Progress.NONE);
    // not cached: every job rebuilds the blocks, so no state survives between iterations
    Blocks.Data cached = blocks(v, n, d, 3);
    cached.unpersist();
    DistributedKMeans.Fit fit = new DistributedKMeans(k, 300, 0, KMeans.Algorithm.HAMERLY, 2).fitFrom(cached, init);
    int extra = fit.model().iterations() - one.iterations();
    assertTrue(extra == 0 || extra == 1, "a lost state costs at most one more iteration, got " + extra);
    double[] a = one.centroids();
    double[] b = fit.model().centroids();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-9 * Math.max(1, Math.abs(a[i])));
    }
    assertArrayEquals(one.labels(), labels(fit, cached));
  }
}
