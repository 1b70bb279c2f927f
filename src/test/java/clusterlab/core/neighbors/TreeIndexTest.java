package clusterlab.core.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every tree index must answer exactly as the {@link LinearScan} oracle, ties included. */
class TreeIndexTest {

  /** Gaussian blobs plus duplicated rows and grid values so ties and zero-width boxes occur. */
  static Dataset data(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      int blob = r.nextInt(4);
      for (int j = 0; j < d; j++) {
        double x = blob * 3 + r.nextGaussian();
        v[i * d + j] = (i % 7 == 0) ? Math.rint(x * 2) / 2 : x; // grid values make exact ties
      }
      if (i % 13 == 5) {
        System.arraycopy(v, (i - 1) * d, v, i * d, d); // duplicate rows
      }
    }
    return Dataset.of(v, n, d);
  }

  static List<NeighborIndex> indexes(Dataset data, Distance dist) {
    List<NeighborIndex> out = new ArrayList<>();
    if (dist instanceof Metric && dist != Metric.COSINE && dist != Metric.SQUARED_EUCLIDEAN) {
      out.add(new KdTree(data, (Metric) dist, 3));
      out.add(new KdTree(data, (Metric) dist));
    }
    out.add(new BallTree(data, dist, 2));
    out.add(new BallTree(data, dist));
    return out;
  }

  private static void compare(Dataset data, Distance dist, Dataset queries) {
    LinearScan oracle = new LinearScan(data, dist);
    for (NeighborIndex index : indexes(data, dist)) {
      for (int q = 0; q < queries.n(); q++) {
        for (int k : new int[] {1, 5, 17, data.n() + 3}) {
          int exclude = q % 3 == 0 ? q % data.n() : -1;
          int[] er = new int[k];
          double[] ed = new double[k];
          int[] ar = new int[k];
          double[] ad = new double[k];
          int ef = oracle.knn(queries.values(), q * queries.d(), k, exclude, er, ed);
          int af = index.knn(queries.values(), q * queries.d(), k, exclude, ar, ad);
          assertEquals(ef, af, index.getClass().getSimpleName() + " knn count");
          assertArrayEquals(er, ar, index.getClass().getSimpleName() + " " + dist.name() + " knn rows q=" + q + " k=" + k);
          assertArrayEquals(ed, ad, 0.0);
        }
        for (double radius : new double[] {0, 0.5, 1.5, 4}) {
          TreeMap<Integer, Double> e = new TreeMap<>();
          TreeMap<Integer, Double> a = new TreeMap<>();
          oracle.range(queries.values(), q * queries.d(), radius, e::put);
          index.range(queries.values(), q * queries.d(), radius, (row, dd) -> assertEquals(null, a.put(row, dd)));
          assertEquals(e, a, index.getClass().getSimpleName() + " range r=" + radius);
          assertEquals(e.size(), index.rangeCount(queries.values(), q * queries.d(), radius));
          for (int cap : new int[] {1, 5, 40}) {
            int c = index.rangeCountAtLeast(queries.values(), q * queries.d(), radius, cap);
            assertEquals(Math.min(cap, e.size()), Math.min(cap, c), "capped count");
            assertTrue(c <= e.size());
          }
        }
      }
    }
  }

  @Test
  void lowDimensionalEveryMetricMatchesLinearScan() {
    Dataset data = data(700, 2, 1);
    Dataset queries = data(60, 2, 2);
    for (Metric m : new Metric[] {Metric.EUCLIDEAN, Metric.MANHATTAN, Metric.CHEBYSHEV}) {
      compare(data, m, data);
      compare(data, m, queries);
    }
  }

  @Test
  void higherDimensionalMatchesLinearScan() {
    Dataset data = data(500, 10, 3);
    compare(data, Metric.EUCLIDEAN, data(40, 10, 4));
    compare(data, Metric.MANHATTAN, data);
  }

  @Test
  void customMetricInBallTree() {
    Distance weighted = new Distance() {
      @Override
      public double between(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (j + 1) * Math.abs(a[ao + j] - b[bo + j]);
        }
        return s;
      }

      @Override
      public boolean isMetric() {
        return true;
      }
    };
    Dataset data = data(300, 3, 5);
    compare(data, weighted, data(30, 3, 6));
  }

  @Test
  void degenerateInputs() {
    Dataset same = Dataset.of(new double[200], 100, 2);
    compare(same, Metric.EUCLIDEAN, same);
    Dataset one = Dataset.of(new double[] {1, 2}, 1, 2);
    compare(one, Metric.CHEBYSHEV, same);
    Dataset empty = Dataset.of(new double[0], 0, 2);
    assertEquals(0, new KdTree(empty, Metric.EUCLIDEAN).knn(new double[2], 0, 3, -1, new int[3], new double[3]));
    assertEquals(0, new BallTree(empty, Metric.EUCLIDEAN).rangeCount(new double[2], 0, 1));
  }

  @Test
  void autoChoosesByDimensionAndMetric() {
    assertEquals(NeighborIndexes.Kind.KD_TREE, NeighborIndexes.choose(2, Metric.EUCLIDEAN));
    assertEquals(NeighborIndexes.Kind.BALL_TREE, NeighborIndexes.choose(40, Metric.EUCLIDEAN));
    assertEquals(NeighborIndexes.Kind.LINEAR_SCAN, NeighborIndexes.choose(2, Metric.COSINE));
    assertEquals(NeighborIndexes.Kind.LINEAR_SCAN, NeighborIndexes.choose(2, Metric.SQUARED_EUCLIDEAN));
    Dataset data = data(50, 2, 7);
    assertEquals(KdTree.class, NeighborIndexes.auto(data, Metric.MANHATTAN).getClass());
    assertThrows(IllegalArgumentException.class, () -> new KdTree(data, Metric.COSINE));
    assertThrows(IllegalArgumentException.class, () -> new BallTree(data, Metric.SQUARED_EUCLIDEAN));
  }

  @Test
  void batchedHelpersMatchPerRowQueriesForAnyThreadCount() {
    Dataset data = data(900, 3, 8);
    LinearScan oracle = new LinearScan(data, Metric.EUCLIDEAN);
    NeighborIndex tree = NeighborIndexes.auto(data, Metric.EUCLIDEAN);
    for (int threads : new int[] {1, 3}) {
      int[] counts = NeighborIndexes.rangeCounts(tree, data, 0.7, threads);
      double[] kd = NeighborIndexes.kthDistances(tree, data, 4, true, threads);
      double[] kdx = NeighborIndexes.kthDistances(tree, data, 3, false, threads);
      for (int i = 0; i < data.n(); i++) {
        assertEquals(oracle.rangeCount(data.values(), i * 3, 0.7), counts[i]);
        int[] r = new int[4];
        double[] dd = new double[4];
        oracle.knn(data.values(), i * 3, 4, -1, r, dd);
        assertEquals(dd[3], kd[i], 0.0);
        assertEquals(dd[3], kdx[i], 0.0, "k-distance excluding self with k-1 equals core distance with k");
      }
    }
  }
}
