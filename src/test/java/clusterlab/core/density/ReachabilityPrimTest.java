package clusterlab.core.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.mst.DensePrim;
import clusterlab.core.mst.PrimSequence;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.core.neighbors.ReachabilityPrim;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tree Prim yields the quadratic Prim's sequence exactly, row for row and weight for weight,
 * so HDBSCAN's hierarchy, labels and scores cannot change; the data are built to be full of
 * ties: integer lattices (equal distances), duplicated rows (zero distances, equal core
 * distances), and small minSamples (many edges weighing a core distance).
 */
class ReachabilityPrimTest {

  private static double[] data(Random r, int n, int d, int flavour) {
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        switch (flavour) {
          case 0: // blobs with noise
            v[i * d + j] = i % 10 == 0 ? r.nextDouble() * 30 : (i % 4) * 7 + r.nextGaussian();
            break;
          case 1: // a small integer lattice: distance ties everywhere
            v[i * d + j] = r.nextInt(9);
            break;
          default: // duplicated rows: copies of a few dozen points
            v[i * d + j] = ((i * 7919 + j * 31) % 37) * 0.5;
        }
      }
    }
    return v;
  }

  @Test
  void sameSequenceAsTheQuadraticPrim() {
    Random r = new Random(19);
    int runs = 0;
    for (Metric metric : new Metric[] {Metric.EUCLIDEAN, Metric.MANHATTAN, Metric.CHEBYSHEV}) {
      for (NeighborIndexes.Kind kind : new NeighborIndexes.Kind[] {NeighborIndexes.Kind.KD_TREE, NeighborIndexes.Kind.BALL_TREE}) {
        for (int flavour = 0; flavour < 3; flavour++) {
          for (int d : new int[] {1, 2, 3, 5}) {
            int n = 50 + r.nextInt(400);
            int minSamples = 1 + r.nextInt(6);
            Dataset data = Dataset.of(data(r, n, d, flavour), n, d);
            NeighborIndex index = NeighborIndexes.build(kind, data, metric);
            double[] core = NeighborIndexes.kthDistances(index, data, minSamples, true, 1);
            PrimSequence want = DensePrim.sequence(data, core, metric, 1, Progress.NONE, "mst");
            for (int threads : new int[] {1, 2}) {
              PrimSequence got = ReachabilityPrim.sequence(index, data.values(), core, threads, null);
              String where = metric + " " + kind + " flavour=" + flavour + " d=" + d + " n=" + n + " minSamples=" + minSamples;
              assertArrayEquals(want.order, got.order, where + " order");
              assertArrayEquals(want.weight, got.weight, where + " weights");
            }
            runs++;
          }
        }
      }
    }
    assertEquals(3 * 2 * 3 * 4, runs);
  }

  @Test
  void hdbscanResultsUnchangedOnTiedData() {
    Random r = new Random(7);
    for (int flavour = 0; flavour < 3; flavour++) {
      int n = 600;
      Dataset data = Dataset.of(data(r, n, 2, flavour), n, 2);
      for (int minPts : new int[] {3, 5, 10}) {
        HdbscanModel fast = Hdbscan.likeR(minPts, Metric.EUCLIDEAN, 2).fit(data, null);
        // the reference: the quadratic Prim on the same core distances, through the same tree building
        NeighborIndex index = NeighborIndexes.auto(data, Metric.EUCLIDEAN);
        double[] core = NeighborIndexes.kthDistances(index, data, minPts, true, 1);
        ClusterTree tree = ClusterTree.build(DensePrim.sequence(data, core, Metric.EUCLIDEAN, 1, Progress.NONE, "mst"), minPts);
        HdbscanModel slow = new HdbscanModel(data, core, tree, Hdbscan.selectEom(tree, 0), minPts, minPts, Metric.EUCLIDEAN);
        assertArrayEquals(slow.labels(), fast.labels(), "flavour " + flavour + " minPts " + minPts);
        assertArrayEquals(slow.outlierScores(), fast.outlierScores(), 0.0);
        assertArrayEquals(slow.probabilities(), fast.probabilities(), 0.0);
      }
    }
  }

  @Test
  void hdbscanSearchesTheTreeOnlyInFewColumnsWhereItsBoundsPrune() {
    Random r = new Random(5);
    for (int d = 1; d <= 6; d++) {
      Dataset x = Dataset.of(data(r, 50, d, 0), 50, d);
      NeighborIndex kd = NeighborIndexes.build(NeighborIndexes.Kind.KD_TREE, x, Metric.EUCLIDEAN);
      NeighborIndex ball = NeighborIndexes.build(NeighborIndexes.Kind.BALL_TREE, x, Metric.EUCLIDEAN);
      NeighborIndex scan = NeighborIndexes.build(NeighborIndexes.Kind.LINEAR_SCAN, x, Metric.EUCLIDEAN);
      boolean few = d <= Hdbscan.TREE_MST_MAX_DIMENSIONS;
      assertEquals(few, Hdbscan.treePrim(kd, d), "k-d tree, d = " + d);
      assertEquals(few, Hdbscan.treePrim(ball, d), "ball tree, d = " + d);
      assertEquals(false, Hdbscan.treePrim(scan, d), "linear scan, d = " + d);
    }
  }
}
