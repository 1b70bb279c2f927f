package clusterlab.core.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearScanTest {

  private final Dataset data = Dataset.ofRows(new double[][] {{0}, {1}, {1}, {3}, {-1}, {10}});
  private final LinearScan index = new LinearScan(data, Metric.EUCLIDEAN);

  @Test
  void knnIsSortedWithTiesBrokenByRowIndex() {
    int[] rows = new int[4];
    double[] dists = new double[4];
    int found = index.knn(new double[] {0}, 0, 4, -1, rows, dists);
    assertEquals(4, found);
    assertArrayEquals(new int[] {0, 1, 2, 4}, rows);
    assertArrayEquals(new double[] {0, 1, 1, 1}, dists);
  }

  @Test
  void knnExcludesTheQueryRowAndCapsAtSize() {
    int[] rows = new int[10];
    double[] dists = new double[10];
    int found = index.knn(data.values(), 0, 10, 0, rows, dists);
    assertEquals(5, found);
    assertEquals(1, rows[0]);
    assertEquals(5, rows[4]);
  }

  @Test
  void rangeIsInclusive() {
    List<Integer> hits = new ArrayList<>();
    index.range(new double[] {0}, 0, 1.0, (r, d) -> hits.add(r));
    assertEquals(List.of(0, 1, 2, 4), hits);
    assertEquals(4, index.rangeCount(new double[] {0}, 0, 1.0));
  }
}
