package clusterlab.core.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.prep.PrepFixtures;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NnDescentTest {

  /** A mixture of Gaussian clusters in d dimensions (the shape of the t-SNE benchmark data). */
  private static Dataset mixture(int n, int d, int clusters, long seed) {
    Random r = new Random(seed);
    double[][] centres = new double[clusters][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = 4 * r.nextGaussian();
      }
    }
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      double[] c = centres[r.nextInt(clusters)];
      for (int j = 0; j < d; j++) {
        x[i * d + j] = c[j] + r.nextGaussian();
      }
    }
    return Dataset.of(x, n, d);
  }

  private static KnnGraph exact(Dataset data, int k) {
    return KnnGraph.exact(data, new LinearScan(data, Metric.EUCLIDEAN), k, 2, Progress.NONE);
  }

  private static void assertWellFormed(KnnGraph g, Dataset data) {
    int k = g.k();
    for (int i = 0; i < g.n(); i++) {
      Set<Integer> seen = new HashSet<>();
      for (int m = 0; m < k; m++) {
        int j = g.rows()[i * k + m];
        assertTrue(j >= 0 && j < g.n() && j != i, "row " + i + " neighbour " + j);
        assertTrue(seen.add(j), "row " + i + " lists " + j + " twice");
        double dist = Metric.EUCLIDEAN.between(data.values(), i * data.d(), data.values(), j * data.d(), data.d());
        assertEquals(dist, g.dists()[i * k + m], 1e-9 * (1 + dist));
        if (m > 0) {
          assertTrue(g.dists()[i * k + m - 1] <= g.dists()[i * k + m], "row " + i + " not nearest first");
        }
      }
    }
  }

  @Test
  void recallOnDigitsIsAtLeast099() {
    Dataset digits = PrepFixtures.dataset("digits.csv");
    int k = 91; // 3 * perplexity 30 + 1, as t-SNE asks
    KnnGraph g = new NnDescent(k).threads(2).build(digits, 0, Progress.NONE);
    assertWellFormed(g, digits);
    double recall = g.recall(exact(digits, k));
    assertTrue(recall >= 0.99, "recall " + recall);
  }

  @Test
  void recallOnAClusteredMixtureIn50DimensionsIsAtLeast099() {
    Dataset data = mixture(3000, 50, 10, 7);
    KnnGraph g = new NnDescent(30).threads(2).build(data, 1, Progress.NONE);
    assertWellFormed(g, data);
    double recall = g.recall(exact(data, 30));
    assertTrue(recall >= 0.99, "recall " + recall);
  }

  /** A single forest with small leaves and no descent finds far fewer: the descent rounds do the work. */
  @Test
  void descentImprovesOnTheForestAlone() {
    Dataset data = mixture(2000, 20, 4, 3);
    KnnGraph truth = exact(data, 20);
    double forestOnly = new NnDescent(20).trees(1).leafSize(25).maxIterations(1).delta(1.0)
        .maxCandidates(1).build(data, 0, Progress.NONE).recall(truth);
    double full = new NnDescent(20).trees(1).leafSize(25).build(data, 0, Progress.NONE).recall(truth);
    assertTrue(forestOnly < 0.9, "forest alone " + forestOnly);
    assertTrue(full >= 0.99, "with NN-descent " + full + " (forest alone " + forestOnly + ")");
  }

  @Test
  void sameGraphForAnyThreadCountAndSeedDependent() {
    Dataset data = mixture(2500, 12, 5, 11);
    NnDescent nnd = new NnDescent(15).trees(2).leafSize(20).maxCandidates(8);
    KnnGraph one = nnd.threads(1).build(data, 5, Progress.NONE);
    KnnGraph three = nnd.threads(3).build(data, 5, Progress.NONE);
    assertArrayEquals(one.rows(), three.rows());
    assertArrayEquals(one.dists(), three.dists(), 0.0);
    KnnGraph again = nnd.threads(2).build(data, 5, Progress.NONE);
    assertArrayEquals(one.rows(), again.rows());
    // with few candidates the result is approximate, and another seed takes another path
    KnnGraph other = new NnDescent(15).trees(1).leafSize(20).maxCandidates(2).maxIterations(1)
        .build(data, 6, Progress.NONE);
    KnnGraph first = new NnDescent(15).trees(1).leafSize(20).maxCandidates(2).maxIterations(1)
        .build(data, 5, Progress.NONE);
    assertNotEquals(java.util.Arrays.hashCode(first.rows()), java.util.Arrays.hashCode(other.rows()));
  }

  @Test
  void duplicateRowsAndKOfNMinusOne() {
    double[] x = new double[40 * 3];
    for (int i = 0; i < 40; i++) {
      x[i * 3] = i % 4; // only 4 distinct rows, 10 copies each
    }
    Dataset data = Dataset.of(x, 40, 3);
    KnnGraph g = new NnDescent(9).build(data, 0, Progress.NONE);
    assertWellFormed(g, data);
    assertEquals(1.0, g.recall(exact(data, 9)), 0.0); // its 9 copies, at distance 0
    KnnGraph all = new NnDescent(39).build(data, 0, Progress.NONE);
    assertWellFormed(all, data);
    assertEquals(1.0, all.recall(exact(data, 39)), 0.0);
  }

  @Test
  void badArgumentsAreRefused() {
    Dataset data = mixture(10, 2, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> new NnDescent(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NnDescent(10).build(data, 0, Progress.NONE));
    assertTrue(e.getMessage().contains("k (neighbours)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NnDescent(3).delta(-1));
  }

  @Test
  void recallIsTheSharedFraction() {
    KnnGraph truth = new KnnGraph(2, 2, new int[] {1, 2, 0, 2}, new double[4]);
    KnnGraph half = new KnnGraph(2, 2, new int[] {2, 3, 3, 4}, new double[4]);
    assertEquals(0.25, half.recall(truth), 0.0);
    assertEquals(1.0, truth.recall(truth), 0.0);
    assertThrows(IllegalArgumentException.class, () -> truth.recall(new KnnGraph(1, 2, new int[2], new double[2])));
    assertThrows(IllegalArgumentException.class, () -> new KnnGraph(2, 2, new int[3], new double[4]));
  }
}
