package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    TsneResult r = TsneOptions.builder().perplexity(30).tsne().fit(iris, 0, Progress.NONE);
    assertEquals(TSNE.Method.EXACT, r.method());
    assertEquals(1000, r.iterations());
    assertQuality(iris, r, reference("iris", "exact"));
  }

  @Test
  void irisBarnesHutMatchesSklearnQuality() {
    Dataset iris = PrepFixtures.dataset("iris.csv");
    TsneResult r = TsneOptions.builder().method(TSNE.Method.BARNES_HUT).tsne().fit(iris, 0, Progress.NONE);
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
    TsneResult r = TsneOptions.builder().method(TSNE.Method.FFT).threads(2).tsne().fit(iris, 0, Progress.NONE);
    assertEquals(TSNE.Method.FFT, r.method());
    assertQuality(iris, r, reference("iris", "barnes_hut"));
    TsneResult bh = TsneOptions.builder().method(TSNE.Method.BARNES_HUT).threads(2).tsne().fit(iris, 0, Progress.NONE);
    assertTrue(r.klDivergence() <= bh.klDivergence() * 1.01, r.klDivergence() + " vs Barnes-Hut " + bh.klDivergence());
    TsneResult one = TsneOptions.builder().method(TSNE.Method.FFT).threads(1).maxIterations(300).tsne()
        .fit(iris, 0, Progress.NONE);
    TsneResult three = TsneOptions.builder().method(TSNE.Method.FFT).threads(3).maxIterations(300).tsne()
        .fit(iris, 0, Progress.NONE);
    assertArrayEquals(one.embedding(), three.embedding(), 0.0);
  }

  @Test
  void autoPicksFftAboveBarnesHutRangeIn2dOnly() {
    assertEquals(TSNE.Method.EXACT, new TSNE().methodFor(TSNE.AUTO_EXACT_MAX_ROWS));
    assertEquals(TSNE.Method.BARNES_HUT, new TSNE().methodFor(TSNE.AUTO_BH_MAX_ROWS));
    assertEquals(TSNE.Method.FFT, new TSNE().methodFor(TSNE.AUTO_BH_MAX_ROWS + 1));
    assertEquals(TSNE.Method.BARNES_HUT, TsneOptions.builder().dims(3).tsne().methodFor(TSNE.AUTO_BH_MAX_ROWS + 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TsneOptions.builder().dims(3).method(TSNE.Method.FFT).build());
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
    TsneResult r = TsneOptions.builder().maxIterations(1).tsne().fit(iris, 0, Progress.NONE);
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
    TsneResult a = t.threads(1).tsne().fit(iris, 5, Progress.NONE);
    TsneResult b = t.threads(3).tsne().fit(iris, 5, Progress.NONE);
    assertArrayEquals(a.embedding(), b.embedding(), 0.0);
    assertEquals(3, a.dims());
    assertTrue(Trustworthiness.of(iris, a.asDataset(), 5, 0) > 0.97);
    TsneResult e1 = TsneOptions.builder().init(TSNE.Init.RANDOM).maxIterations(300).threads(1).tsne()
        .fit(iris, 5, Progress.NONE);
    TsneResult e2 = TsneOptions.builder().init(TSNE.Init.RANDOM).maxIterations(300).threads(2).tsne()
        .fit(iris, 5, Progress.NONE);
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
    TsneResult r = TsneOptions.builder().maxIterations(500).tsne().fit(iris, 0, Progress.NONE);
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
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().dims(4).tsne());
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().perplexity(0).tsne());
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().theta(1.5).tsne());
    assertThrows(IllegalArgumentException.class, () -> TsneOptions.builder().earlyExaggeration(0.5).tsne());
    for (TsneOptions.Builder bad : List.of(TsneOptions.builder().maxIterations(0),
        TsneOptions.builder().exaggerationIterations(-1), TsneOptions.builder().learningRate(Double.POSITIVE_INFINITY),
        TsneOptions.builder().iterationsWithoutProgress(0), TsneOptions.builder().minGradNorm(-1),
        TsneOptions.builder().method(null), TsneOptions.builder().init(null))) {
      assertThrows(IllegalArgumentException.class, bad::build);
    }
    assertThrows(IllegalArgumentException.class, () -> new TSNE(null));
  }

  @Test
  void optionsAreSettledValuesWithScikitLearnsDefaults() {
    TsneOptions d = TsneOptions.defaults();
    assertEquals(new TsneOptions(2, 30, 12, 250, 1000, Double.NaN, 0.5, TSNE.Method.AUTO, TSNE.Init.PCA, 300, 1e-7, 0),
        d);
    assertEquals(d, new TSNE().options());
    TsneOptions changed = d.toBuilder().perplexity(40).threads(2).build();
    assertEquals(40, changed.perplexity(), 0);
    assertEquals(30, d.perplexity(), 0, "toBuilder changes a copy");
    assertEquals(changed, changed.toBuilder().build());
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
