package clusterlab.core.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid gives DBSCAN's tree result row for row: labels, core flags, border assignment. */
class GridDbscanTest {

  /** Random data of every flavour the grid meets: clustered, on an integer lattice (distance ties at exactly eps), with duplicates. */
  private static double[] data(Random r, int n, int d, int flavour) {
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        switch (flavour) {
          case 0: // blobs
            v[i * d + j] = (i % 3) * 4 + r.nextGaussian();
            break;
          case 1: // lattice: many pairs at exactly eps = 1 and sqrt(2)
            v[i * d + j] = r.nextInt(12);
            break;
          default: // duplicates of a few rows, plus jitter-free copies
            v[i * d + j] = i % 7 == 0 ? 3.0 : r.nextInt(40) * 0.25;
        }
      }
    }
    return v;
  }

  @Test
  void sameLabelsAsTheTreeOnRandomData() {
    Random r = new Random(11);
    int runs = 0;
    for (Metric metric : new Metric[] {Metric.EUCLIDEAN, Metric.MANHATTAN, Metric.CHEBYSHEV}) {
      for (int d = 1; d <= 3; d++) {
        for (int flavour = 0; flavour < 3; flavour++) {
          for (double eps : new double[] {0.25, 1.0, Math.sqrt(2), 2.0}) {
            int n = 300 + r.nextInt(300);
            double[] v = data(r, n, d, flavour);
            double[] w = null;
            if (runs % 4 == 3) {
              w = new double[n];
              for (int i = 0; i < n; i++) {
                w[i] = r.nextInt(3) * 0.5;
              }
            }
            Dataset data = Dataset.weighted(v, n, d, w);
            int minPts = 2 + r.nextInt(8);
            DbscanModel tree = new Dbscan(eps, minPts, metric, NeighborIndexes.Kind.KD_TREE, 1).fit(data, null);
            for (int threads : new int[] {1, 2}) {
              DbscanModel grid = new Dbscan(eps, minPts, metric, NeighborIndexes.Kind.GRID, threads).fit(data, null);
              String where = metric + " d=" + d + " flavour=" + flavour + " eps=" + eps + " minPts=" + minPts;
              assertArrayEquals(tree.labels(), grid.labels(), where);
              for (int i = 0; i < n; i++) {
                assertEquals(tree.isCore(i), grid.isCore(i), where + " row " + i);
              }
              assertEquals(tree.numClusters(), grid.numClusters(), where);
            }
            runs++;
          }
        }
      }
    }
    assertEquals(3 * 3 * 3 * 4, runs);
  }

  @Test
  void autoPicksTheGridInLowDimensionAndKeepsTheResult() {
    Random r = new Random(5);
    double[] v = data(r, 2000, 2, 0);
    Dataset data = Dataset.of(v, 2000, 2);
    assertArrayEquals(new Dbscan(0.3, 5, Metric.EUCLIDEAN, NeighborIndexes.Kind.BALL_TREE, 2).fit(data, null).labels(),
        new Dbscan(0.3, 5, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 2).fit(data, null).labels());
    assertTrue(GridDbscan.supports(3, Metric.EUCLIDEAN));
    assertTrue(!GridDbscan.supports(4, Metric.EUCLIDEAN));
    assertTrue(!GridDbscan.supports(2, Metric.COSINE));
  }

  @Test
  void refusesWhatItCannotServe() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Dbscan(0.5, 5, Metric.COSINE, NeighborIndexes.Kind.GRID, 1));
    assertTrue(e.getMessage().contains("grid"), e.getMessage());
    // a span of 1e9 eps: too fine a grid; AUTO falls back to the tree, GRID says why
    Dataset wide = Dataset.of(new double[] {0, 0, 1e9, 0, 0.5, 0}, 3, 2);
    assertNull(GridDbscan.build(wide, 1.0, Metric.EUCLIDEAN));
    assertEquals(1, new Dbscan(1.0, 2, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 1).fit(wide, null).numClusters());
    IllegalArgumentException fine = assertThrows(IllegalArgumentException.class,
        () -> new Dbscan(1.0, 2, Metric.EUCLIDEAN, NeighborIndexes.Kind.GRID, 1).fit(wide, null));
    assertTrue(fine.getMessage().contains("eps per dimension"), fine.getMessage());
  }
}
