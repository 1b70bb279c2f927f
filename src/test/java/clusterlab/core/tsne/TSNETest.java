package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.prep.PrepFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TSNETest {

  /** sklearn reference row: kl, trustworthiness k=5, k=12. */
  private static double[] reference(String dataset, String method) {
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        TSNETest.class.getResourceAsStream("/fixtures/prep/tsne_reference.csv"), java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        if (f[0].equals(dataset) && f[1].equals(method)) {
          return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])};
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalStateException("no reference for " + dataset + " " + method);
  }

  private static void assertQuality(Dataset data, TsneResult r, double[] ref) {
    Dataset y = r.asDataset();
    double t5 = Trustworthiness.of(data, y, 5, 0);
    double t12 = Trustworthiness.of(data, y, 12, 0);
    String msg = String.format("KL %.5f (sklearn %.5f), T5 %.5f (%.5f), T12 %.5f (%.5f)", r.klDivergence(), ref[0], t5,
        ref[1], t12, ref[2]);
    System.out.println(msg);
    assertTrue(r.klDivergence() <= ref[0] * 1.05, msg);
    assertTrue(t5 >= ref[1] - 0.01, msg);
    assertTrue(t12 >= ref[2] - 0.01, msg);
  }

  @Test
  void irisExactMatchesSklearnQuality() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TsneResult r = tsne(TsneOptions.builder().perplexity(30)).fit(iris, 0, Progress.NONE);
    assertEquals(TSNE.Method.EXACT, r.method());
    assertEquals(1000, r.iterations());
    assertQuality(iris, r, reference("iris", "exact"));
  }

  @Test
  void irisBarnesHutMatchesSklearnQuality() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TsneResult r = tsne(TsneOptions.builder().method(TSNE.Method.BARNES_HUT)).fit(iris, 0, Progress.NONE);
    assertQuality(iris, r, reference("iris", "barnes_hut"));
  }

  @Test
  void digitsBarnesHutMatchesSklearnQuality() {
    Dataset digits = PrepFixtures.dataset("digits.csv");
    List<String> messages = new ArrayList<>();
    TsneResult r = new TSNE().fit(digits, 0, (stage, fraction, message) -> messages.add(message));
    assertEquals(TSNE.Method.BARNES_HUT, r.method());
    assertEquals(Math.max(1797 / 12.0 / 4, 50), r.learningRate(), 0.0);
    assertQuality(digits, r, reference("digits", "barnes_hut"));
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("iteration 50, KL divergence")), messages.toString());
    assertEquals(20, r.klCurve().length);
  }

  /**
   * The FFT gradient on the iris fixture (small n, so the test is quick: the FFT's cost is the grid,
   * at least 216 x 216 nodes, not n): scikit-learn's quality bars, final KL no worse than Barnes-Hut's
   * by more than 1%, and the same embedding for any thread count. The digits comparison (1797 rows)
   * is in docs/prep.md and the 70,000-row one in BENCHMARKS.md.
   */
  @Test
  void irisFftMatchesBarnesHutKlAndIsThreadCountIndependent() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TsneResult r = tsne(TsneOptions.builder().method(TSNE.Method.FFT).threads(2)).fit(iris, 0, Progress.NONE);
    assertEquals(TSNE.Method.FFT, r.method());
    assertQuality(iris, r, reference("iris", "barnes_hut"));
    TsneResult bh = tsne(TsneOptions.builder().method(TSNE.Method.BARNES_HUT).threads(2)).fit(iris, 0, Progress.NONE);
    assertTrue(r.klDivergence() <= bh.klDivergence() * 1.01, r.klDivergence() + " vs Barnes-Hut " + bh.klDivergence());
    TsneOptions.Builder fft300 = TsneOptions.builder().method(TSNE.Method.FFT).maxIterations(300);
    TsneResult one = tsne(fft300.threads(1)).fit(iris, 0, Progress.NONE);
    TsneResult three = tsne(fft300.threads(3)).fit(iris, 0, Progress.NONE);
    assertArrayEquals(one.embedding(), three.embedding(), 0.0);
  }

  /**
   * NN-descent affinities (forced here; auto uses them above 10,000 rows) on digits: scikit-learn's
   * quality bars, KL within 1% of the exact k-NN search's, and one embedding for any thread count.
   * The 70,000-row recall and KL are in BENCHMARKS.md (TsneBench knn).
   */
  @Test
  void digitsApproximateNeighboursKeepQualityAndThreadCountIndependence() {
    Dataset digits = PrepFixtures.dataset("digits.csv");
    List<String> messages = new ArrayList<>();
    TsneResult approx = tsne(TsneOptions.builder().neighbours(TSNE.Neighbours.APPROXIMATE).threads(2))
        .fit(digits, 0, (stage, fraction, message) -> messages.add(message));
    assertTrue(messages.get(0).contains("approximate k-NN"), messages.get(0));
    assertQuality(digits, approx, reference("digits", "barnes_hut"));
    TsneResult exact = tsne(TsneOptions.builder().neighbours(TSNE.Neighbours.EXACT).threads(2))
        .fit(digits, 0, Progress.NONE);
    assertTrue(approx.klDivergence() <= exact.klDivergence() * 1.01,
        approx.klDivergence() + " vs exact k-NN " + exact.klDivergence());
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TsneOptions.Builder fast = TsneOptions.builder().method(TSNE.Method.BARNES_HUT)
        .neighbours(TSNE.Neighbours.APPROXIMATE).maxIterations(300);
    assertArrayEquals(tsne(fast.threads(1)).fit(iris, 3, Progress.NONE).embedding(),
        tsne(fast.threads(3)).fit(iris, 3, Progress.NONE).embedding(), 0.0);
  }

  @Test
  void aGivenKnnGraphGivesTheSameEmbeddingAsTheSearchItReplaces() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TSNE t = tsne(TsneOptions.builder().method(TSNE.Method.BARNES_HUT).perplexity(10).maxIterations(200));
    int k = Affinities.neighbours(150, 10);
    clusterlab.core.neighbors.KnnGraph g = clusterlab.core.neighbors.KnnGraph.exact(iris,
        new VpTree(iris, Metric.EUCLIDEAN, 0), k, 1, Progress.NONE);
    assertArrayEquals(tsne(t.options().toBuilder().neighbours(TSNE.Neighbours.EXACT)).fit(iris, 0, Progress.NONE)
        .embedding(),
        t.fit(iris, g, 0, Progress.NONE).embedding(), 0.0);
    clusterlab.core.neighbors.KnnGraph wrong = clusterlab.core.neighbors.KnnGraph.exact(iris,
        new VpTree(iris, Metric.EUCLIDEAN, 0), k - 1, 1, Progress.NONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fit(iris, wrong, 0, Progress.NONE));
    assertTrue(e.getMessage().contains("150 x " + k), e.getMessage());
  }

  @Test
  void autoSearchesNeighboursExactlyUpTo10000Rows() {
    assertEquals(TSNE.Neighbours.EXACT, new TSNE().neighboursFor(TSNE.AUTO_EXACT_KNN_MAX_ROWS));
    assertEquals(TSNE.Neighbours.APPROXIMATE, new TSNE().neighboursFor(TSNE.AUTO_EXACT_KNN_MAX_ROWS + 1));
    assertEquals(TSNE.Neighbours.EXACT, tsne(TsneOptions.builder().neighbours(TSNE.Neighbours.EXACT))
        .neighboursFor(TSNE.AUTO_EXACT_KNN_MAX_ROWS + 1));
    assertEquals(TSNE.Neighbours.APPROXIMATE,
        tsne(TsneOptions.builder().neighbours(TSNE.Neighbours.APPROXIMATE)).neighboursFor(100));
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().neighbours(null).build());
  }

  @Test
  void keepsTheOptionsItIsGiven() {
    TsneOptions o = TsneOptions.builder().perplexity(10).method(TSNE.Method.EXACT).build();
    assertSame(o, new TSNE(o).options());
    assertEquals(TsneOptions.defaults(), new TSNE().options());
  }

  @Test
  void autoPicksFftAboveBarnesHutRangeIn2dOnly() {
    assertEquals(TSNE.Method.EXACT, new TSNE().methodFor(TSNE.AUTO_EXACT_MAX_ROWS));
    assertEquals(TSNE.Method.BARNES_HUT, new TSNE().methodFor(TSNE.AUTO_BH_MAX_ROWS));
    assertEquals(TSNE.Method.FFT, new TSNE().methodFor(TSNE.AUTO_BH_MAX_ROWS + 1));
    assertEquals(TSNE.Method.BARNES_HUT, tsne(TsneOptions.builder().dims(3)).methodFor(TSNE.AUTO_BH_MAX_ROWS + 1));
    Dataset iris = PrepFixtures.dataset("iris.csv");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> tsne(TsneOptions.builder().dims(3).method(TSNE.Method.FFT)).fit(iris, 0, Progress.NONE));
    assertTrue(e.getMessage().contains("2 dimensions"), e.getMessage());
  }

  @Test
  void sigmasEqualReferenceBinarySearch() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    double[] exact = new double[150];
    Affinities.exact(iris, 30, 0, exact, Progress.NONE);
    assertRelative(PrepFixtures.vector("iris_betas_exact_p30.csv"), exact, 1e-6);
    double[] knn = new double[150];
    Affinities.knn(iris, new VpTree(iris, Metric.EUCLIDEAN), 30, 0, knn, Progress.NONE);
    assertRelative(PrepFixtures.vector("iris_betas_knn_p30.csv"), knn, 1e-6);
    Dataset digits = PrepFixtures.dataset("digits.csv");
    double[] dk = new double[digits.n()];
    Affinities.knn(digits, new VpTree(digits, Metric.EUCLIDEAN), 30, 0, dk, Progress.NONE);
    assertRelative(PrepFixtures.vector("digits_betas_knn_p30.csv"), dk, 1e-6);
    TsneResult r = tsne(TsneOptions.builder().maxIterations(1)).fit(iris, 0, Progress.NONE);
    assertEquals(Math.sqrt(1 / (2 * exact[7])), r.sigmas()[7], 1e-15);
  }

  private static void assertRelative(double[] expected, double[] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol * Math.abs(expected[i]), "point " + i);
    }
  }

  @Test
  void sparseAffinitiesAreSymmetricAndSumToOne() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    SparseMatrix p = Affinities.knn(iris, new VpTree(iris, Metric.EUCLIDEAN), 10, 1, new double[150], Progress.NONE);
    double sum = 0;
    for (int i = 0; i < 150; i++) {
      for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
        sum += p.vals[e];
        assertEquals(p.vals[e], p.get(p.cols[e], i), 0.0);
        assertTrue(p.cols[e] != i);
      }
    }
    assertEquals(1.0, sum, 1e-12);
  }

  @Test
  void deterministicAcrossThreadCountsAndThreeDimensional() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TsneOptions.Builder t = TsneOptions.builder().dims(3).method(TSNE.Method.BARNES_HUT).maxIterations(300);
    TsneResult a = tsne(t.threads(1)).fit(iris, 5, Progress.NONE);
    TsneResult b = tsne(t.threads(3)).fit(iris, 5, Progress.NONE);
    assertArrayEquals(a.embedding(), b.embedding(), 0.0);
    assertEquals(3, a.dims());
    assertTrue(Trustworthiness.of(iris, a.asDataset(), 5, 0) > 0.97);
    TsneOptions.Builder random = TsneOptions.builder().init(TSNE.Init.RANDOM).maxIterations(300);
    TsneResult e1 = tsne(random.threads(1)).fit(iris, 5, Progress.NONE);
    TsneResult e2 = tsne(random.threads(2)).fit(iris, 5, Progress.NONE);
    assertArrayEquals(e1.embedding(), e2.embedding(), 0.0);
  }

  @Test
  void cancelStopsCleanly() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    AtomicInteger reports = new AtomicInteger();
    Progress cancelAfterFirstCheck = new Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
        if (message.startsWith("iteration")) {
          reports.incrementAndGet();
        }
      }

      @Override
      public boolean isCancelled() {
        return reports.get() > 0;
      }
    };
    assertThrows(Progress.CancelledException.class, () -> new TSNE().fit(iris, 0, cancelAfterFirstCheck));
    assertEquals(1, reports.get());
  }

  @Test
  void placesNewPointsNearTheirTrainingNeighbours() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TsneResult r = tsne(TsneOptions.builder().maxIterations(500)).fit(iris, 0, Progress.NONE);
    double[] placed = r.place(iris, new VpTree(iris, Metric.EUCLIDEAN), iris.subset(new int[] {0, 149}), 1);
    // a training row placed again lands among its own nearest embedded rows
    assertTrue(rankOfOwn(r, placed, 0, 0) < 10);
    assertTrue(rankOfOwn(r, placed, 1, 149) < 10);
  }

  private static int rankOfOwn(TsneResult r, double[] placed, int q, int own) {
    double[] d = new double[r.n()];
    for (int i = 0; i < r.n(); i++) {
      double dx = r.get(i, 0) - placed[q * 2];
      double dy = r.get(i, 1) - placed[q * 2 + 1];
      d[i] = dx * dx + dy * dy;
    }
    int rank = 0;
    for (int i = 0; i < r.n(); i++) {
      if (d[i] < d[own]) {
        rank++;
      }
    }
    return rank;
  }

  @Test
  void badArgumentsAreRefusedWithClearMessages() {
    Dataset tiny = Dataset.of(new double[] {0, 1, 2, 3, 4, 5}, 3, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TSNE().fit(tiny, 0, Progress.NONE));
    assertTrue(e.getMessage().contains("perplexity"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().dims(4).build());
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().perplexity(0).build());
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().theta(1.5).build());
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().earlyExaggeration(0.5).build());
    assertThrows(IllegalArgumentException.class, () -> new TSNE(null));
  }

  private static TSNE tsne(TsneOptions.Builder options) {
    return new TSNE(options.build());
  }

  @Test
  void trustworthinessEqualsSklearn() {
    Dataset x = PrepFixtures.dataset("trust_data.csv");
    Dataset y = PrepFixtures.dataset("trust_embedding.csv");
    double[][] ref = PrepFixtures.rows("trustworthiness_reference.csv");
    for (double[] row : ref) {
      assertEquals(row[1], Trustworthiness.of(x, y, (int) row[0], 0), 1e-12);
    }
  }
}
