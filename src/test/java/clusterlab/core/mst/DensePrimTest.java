package clusterlab.core.mst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one dense Prim: plain and mutual-reachability weights, every distance path, any thread count. */
class DensePrimTest {

  private static Dataset blobs(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (i % 3) * 5 + Math.round(r.nextGaussian() * 4) / 4.0; // duplicates: ties
      }
    }
    return Dataset.of(x, n, d);
  }

  @Test
  void theSequenceDoesNotDependOnTheThreadCount() {
    Dataset data = blobs(DensePrim.PARALLEL_MIN + 700, 3, 3);
    double[] core = new double[data.n()];
    for (int i = 0; i < core.length; i++) {
      core[i] = (i % 7) * 0.05;
    }
    for (Metric m : new Metric[] {Metric.EUCLIDEAN, Metric.MANHATTAN}) {
      for (double[] c : new double[][] {null, core}) {
        PrimSequence one = DensePrim.sequence(data, c, m, 1, Progress.NONE, "mst");
        PrimSequence two = DensePrim.sequence(data, c, m, 2, Progress.NONE, "mst");
        assertArrayEquals(one.order, two.order, m + (c == null ? " plain" : " with core"));
        assertArrayEquals(one.weight, two.weight);
      }
    }
  }

  @Test
  void zeroCoreDistancesGiveThePlainTree() {
    Dataset data = blobs(300, 4, 5);
    double[] zero = new double[data.n()];
    for (Metric m : new Metric[] {Metric.EUCLIDEAN, Metric.SQUARED_EUCLIDEAN, Metric.MANHATTAN, Metric.CHEBYSHEV}) {
      PrimSequence plain = DensePrim.sequence(data, null, m, 1, null, "mst");
      PrimSequence mr = DensePrim.sequence(data, zero, m, 1, null, "mst");
      assertArrayEquals(plain.order, mr.order, m.id());
      assertArrayEquals(plain.weight, mr.weight, m.id());
    }
  }

  @Test
  void weightsAreMutualReachabilities() {
    // three rows on a line at 0, 1, 3 with core distances 0, 2, 0: the edge to row 1 weighs max(2, 1)
    Dataset data = Dataset.of(new double[] {0, 1, 3}, 3, 1);
    PrimSequence s = DensePrim.sequence(data, new double[] {0, 2, 0}, Metric.EUCLIDEAN, 1, null, "mst");
    assertArrayEquals(new int[] {0, 1, 2}, s.order);
    assertEquals(2.0, s.weight[1]);
    assertEquals(2.0, s.weight[2]);
    assertEquals(1, DensePrim.sequence(Dataset.of(new double[] {4}, 1, 1), null, Metric.EUCLIDEAN, 1, null, "mst").n());
  }
}
