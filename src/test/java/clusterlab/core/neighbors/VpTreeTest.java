package clusterlab.core.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VpTreeTest {

  private static Dataset random(int n, int d, long seed, boolean duplicates) {
    Random r = new Random(seed);
    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = duplicates ? r.nextInt(4) : r.nextGaussian();
    }
    return Dataset.of(v, n, d);
  }

  private static void assertSameKnn(Dataset data, Metric metric, int k) {
    NeighborIndex tree = new VpTree(data, metric, 3);
    NeighborIndex scan = new LinearScan(data, metric);
    int[] r1 = new int[k];
    int[] r2 = new int[k];
    double[] d1 = new double[k];
    double[] d2 = new double[k];
    for (int i = 0; i < data.n(); i++) {
      int f1 = tree.knn(data.values(), i * data.d(), k, i, r1, d1);
      int f2 = scan.knn(data.values(), i * data.d(), k, i, r2, d2);
      assertEquals(f2, f1);
      assertArrayEquals(r2, r1, "row " + i);
      assertArrayEquals(d2, d1, 0.0, "row " + i);
    }
  }

  @Test
  void knnEqualsLinearScanIncludingTies() {
    assertSameKnn(random(300, 5, 1, false), Metric.EUCLIDEAN, 7);
    assertSameKnn(random(300, 3, 2, true), Metric.EUCLIDEAN, 10); // many exact ties
    assertSameKnn(random(200, 4, 3, false), Metric.MANHATTAN, 5);
    assertSameKnn(random(5, 2, 4, false), Metric.EUCLIDEAN, 10); // k larger than n - 1
  }

  @Test
  void rangeEqualsLinearScan() {
    Dataset data = random(400, 3, 5, false);
    VpTree tree = new VpTree(data, Metric.EUCLIDEAN);
    LinearScan scan = new LinearScan(data, Metric.EUCLIDEAN);
    for (int i = 0; i < 50; i++) {
      List<Integer> a = new ArrayList<>();
      List<Integer> b = new ArrayList<>();
      tree.range(data.values(), i * 3, 0.8, (row, dist) -> a.add(row));
      scan.range(data.values(), i * 3, 0.8, (row, dist) -> b.add(row));
      Collections.sort(a);
      Collections.sort(b);
      assertEquals(b, a);
      assertEquals(b.size(), tree.rangeCount(data.values(), i * 3, 0.8));
    }
  }

  @Test
  void refusesNonMetricDistance() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VpTree(random(10, 2, 1, false), Metric.SQUARED_EUCLIDEAN));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("metric"));
  }
}
