package clusterlab.core.hierarchical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The O(n·d) variants (centroid NN-chain for Ward, generic algorithm on points for centroid and
 * median) give the same merge history as the matrix algorithms: identical pairs and sizes,
 * heights to 1e-10 relative. Also: results do not depend on the thread count, including data
 * large enough for the parallel scans to kick in.
 */
class MemorySavingTest {

  static void assertSameHistory(MergeHistory a, MergeHistory b, String what) {
    assertEquals(a.n(), b.n());
    for (int m = 0; m < a.merges(); m++) {
      assertEquals(a.first(m), b.first(m), what + " merge " + m + " first");
      assertEquals(a.second(m), b.second(m), what + " merge " + m + " second");
      assertEquals(a.size(m), b.size(m), what + " merge " + m + " size");
      assertTrue(HierFixtures.close(a.height(m), b.height(m), 1e-10, a.height(a.merges() - 1)),
          what + " merge " + m + " height " + a.height(m) + " vs " + b.height(m));
    }
  }

  @ParameterizedTest
  @CsvSource({"blobs,ward", "blobs,centroid", "blobs,median", "wine,ward", "wine,centroid", "wine,median",
      "usarrests,ward", "usarrests,centroid", "usarrests,median"})
  void pointsEqualMatrix(String data, String linkage) {
    Dataset x = HierFixtures.data(data);
    Linkage l = Linkage.byId(linkage);
    MergeHistory matrix = new Agglomerative(l, Metric.EUCLIDEAN, Agglomerative.Storage.MATRIX, 1).fit(x, Progress.NONE);
    MergeHistory points = new Agglomerative(l, Metric.EUCLIDEAN, Agglomerative.Storage.POINTS, 1).fit(x, Progress.NONE);
    assertSameHistory(matrix, points, data + " " + linkage);
  }

  static Dataset random(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian() + (i / d % 7) * 0.5;
    }
    return Dataset.of(v, n, d);
  }

  @ParameterizedTest
  @CsvSource({"single", "ward", "average", "centroid"})
  void threadCountDoesNotMatter(String linkage) {
    Dataset x = random(6000, 3, 5);
    Linkage l = Linkage.byId(linkage);
    Agglomerative.Storage s = l == Linkage.AVERAGE ? Agglomerative.Storage.MATRIX : Agglomerative.Storage.POINTS;
    MergeHistory one = new Agglomerative(l, Metric.EUCLIDEAN, s, 1).fit(x, Progress.NONE);
    MergeHistory four = new Agglomerative(l, Metric.EUCLIDEAN, s, 4).fit(x, Progress.NONE);
    for (int m = 0; m < one.merges(); m++) {
      assertEquals(one.first(m), four.first(m));
      assertEquals(one.second(m), four.second(m));
      assertEquals(one.height(m), four.height(m), 0.0);
    }
  }

  @ParameterizedTest
  @CsvSource({"ward", "centroid"})
  void largeWardAndCentroidPointsEqualMatrix(String linkage) {
    Dataset x = random(5000, 4, 9);
    Linkage l = Linkage.byId(linkage);
    MergeHistory matrix = new Agglomerative(l, Metric.EUCLIDEAN, Agglomerative.Storage.MATRIX, 2).fit(x, Progress.NONE);
    MergeHistory points = new Agglomerative(l, Metric.EUCLIDEAN, Agglomerative.Storage.POINTS, 2).fit(x, Progress.NONE);
    assertSameHistory(matrix, points, linkage + " n=5000");
  }

  @org.junit.jupiter.api.Test
  void pointsRefusedWhereNoVariantExists() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Agglomerative(Linkage.AVERAGE, Metric.EUCLIDEAN, Agglomerative.Storage.POINTS, 1));
    assertTrue(e.getMessage().contains("average"));
    assertThrows(IllegalArgumentException.class,
        () -> new Agglomerative(Linkage.WARD, Metric.MANHATTAN, Agglomerative.Storage.POINTS, 1));
  }
}
