package clusterlab.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Edge cases, conventions and invariances of the internal indices. */
class InternalIndexBehaviourTest {

  private static Dataset random(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian() + (i / d) % 3 * 2;
    }
    return Dataset.of(v, n, d);
  }

  private static int[] mod(int n, int k) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % k;
    }
    return y;
  }

  @Test
  void oneClusterOrAllSingletonsIsRefusedLikeScikitLearn() {
    Dataset x = random(10, 2, 1);
    int[] one = new int[10];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Silhouette(Metric.EUCLIDEAN).score(x, one));
    assertTrue(e.getMessage().contains("valid values are 2 to n_samples - 1"), e.getMessage());
    int[] all = mod(10, 10);
    assertThrows(IllegalArgumentException.class, () -> new DaviesBouldin().score(x, all));
    assertThrows(IllegalArgumentException.class, () -> new CalinskiHarabasz().score(x, one));
    assertThrows(IllegalArgumentException.class, () -> new Dunn(Metric.EUCLIDEAN, 1).score(x, one));
  }

  @Test
  void singletonScoresZero() {
    Dataset x = random(12, 3, 2);
    int[] y = mod(12, 3);
    y[5] = 7;
    SilhouetteResult r = new Silhouette(Metric.EUCLIDEAN).compute(x, y);
    assertEquals(0.0, r.sample(5), 0);
    assertEquals(4, r.clusterIds().length);
  }

  @Test
  void noiseIsExcludedAndCounted() {
    Dataset x = random(40, 2, 3);
    int[] y = mod(40, 3);
    y[0] = -1;
    y[7] = -1;
    SilhouetteResult r = new Silhouette(Metric.MANHATTAN).compute(x, y);
    assertEquals(2, r.noise());
    assertEquals(38, r.evaluated());
    assertTrue(Double.isNaN(r.sample(0)) && Double.isNaN(r.sample(7)));
    int[] keep = new int[38];
    int[] yk = new int[38];
    for (int i = 0, m = 0; i < 40; i++) {
      if (y[i] >= 0) {
        keep[m] = i;
        yk[m++] = y[i];
      }
    }
    Dataset xk = x.subset(keep);
    assertEquals(new Silhouette(Metric.MANHATTAN).score(xk, yk), r.mean(), 0);
    assertEquals(new DaviesBouldin().score(xk, yk), new DaviesBouldin().score(x, y), 0);
    assertEquals(new CalinskiHarabasz().score(xk, yk), new CalinskiHarabasz().score(x, y), 0);
    assertEquals(new Dunn(Metric.EUCLIDEAN, 1).score(xk, yk), new Dunn(Metric.EUCLIDEAN, 1).score(x, y), 0);
  }

  @Test
  void sameResultForAnyThreadCount() {
    Dataset x = random(3001, 5, 4);
    int[] y = mod(3001, 7);
    for (Metric m : new Metric[] {Metric.EUCLIDEAN, Metric.COSINE, Metric.CHEBYSHEV}) {
      assertArrayEquals(new Silhouette(m, 1, 0, 0).compute(x, y).samples(),
          new Silhouette(m, 2, 0, 0).compute(x, y).samples(), 0);
    }
    assertEquals(new CalinskiHarabasz(1).score(x, y), new CalinskiHarabasz(3).score(x, y), 0);
    assertEquals(new DaviesBouldin(1).score(x, y), new DaviesBouldin(3).score(x, y), 0);
  }

  @Test
  void silhouetteMatchesADirectComputationForAnyDistance() {
    Dataset x = random(50, 3, 5);
    int[] y = mod(50, 4);
    SilhouetteResult r = new Silhouette(Metric.CHEBYSHEV).compute(x, y);
    for (int i = 0; i < 50; i++) {
      double[] sum = new double[4];
      for (int j = 0; j < 50; j++) {
        sum[y[j]] += Metric.CHEBYSHEV.between(x.values(), i * 3, x.values(), j * 3, 3);
      }
      double a = sum[y[i]] / (13 - (y[i] < 2 ? 0 : 1) - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < 4; c++) {
        if (c != y[i]) {
          b = Math.min(b, sum[c] / (c < 2 ? 13 : 12));
        }
      }
      assertEquals((b - a) / Math.max(a, b), r.sample(i), 1e-12);
    }
  }

  @Test
  void sampledSilhouetteIsSeededAndClose() {
    Dataset x = random(2000, 2, 6);
    int[] y = mod(2000, 3);
    SilhouetteResult a = new Silhouette(Metric.EUCLIDEAN, 2, 500, 9).compute(x, y);
    SilhouetteResult b = new Silhouette(Metric.EUCLIDEAN, 1, 500, 9).compute(x, y);
    assertEquals(500, a.evaluated());
    assertArrayEquals(a.samples(), b.samples(), 0);
    double exact = new Silhouette(Metric.EUCLIDEAN).score(x, y);
    assertEquals(exact, a.mean(), 0.05);
  }

  @Test
  void weightsCountAsFrequenciesForSumsOfSquaresAndAreRefusedBySilhouette() {
    Dataset x = random(30, 2, 7);
    int[] y = mod(30, 3);
    double[] w = new double[30];
    java.util.List<Integer> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      w[i] = 1 + i % 3 % 2 + (i % 5 == 0 ? 1 : 0);
      for (int c = 0; c < w[i]; c++) {
        rows.add(i);
      }
    }
    Dataset weighted = Dataset.weighted(x.values(), 30, 2, w);
    int[] rep = rows.stream().mapToInt(Integer::intValue).toArray();
    Dataset replicated = x.subset(rep);
    int[] ry = new int[rep.length];
    for (int i = 0; i < rep.length; i++) {
      ry[i] = y[rep[i]];
    }
    assertEquals(new CalinskiHarabasz().score(replicated, ry), new CalinskiHarabasz().score(weighted, y), 1e-9);
    assertEquals(new DaviesBouldin().score(replicated, ry), new DaviesBouldin().score(weighted, y), 1e-12);
    assertEquals(new SimplifiedSilhouette(Metric.EUCLIDEAN, 1).score(replicated, ry),
        new SimplifiedSilhouette(Metric.EUCLIDEAN, 1).score(weighted, y), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Silhouette(Metric.EUCLIDEAN).score(weighted, y));
    assertTrue(e.getMessage().contains("weight"), e.getMessage());
  }

  @Test
  void sumsOfSquaresDecompose() {
    Dataset x = random(100, 4, 8);
    int[] y = mod(100, 5);
    Scatter s = Scatter.of(x, y, 2);
    assertEquals(s.totalSS(), s.withinSS() + s.betweenSS(), 1e-9 * s.totalSS());
    assertEquals(s.withinSS(), new SumOfSquares(SumOfSquares.Kind.WITHIN, 1).score(x, y), 0);
    assertEquals(1, Scatter.of(x, new int[100], 1).k());
  }

  @Test
  void simplifiedSilhouetteMatchesItsDefinition() {
    Dataset x = random(60, 2, 9);
    int[] y = mod(60, 3);
    Scatter s = Scatter.of(x, y, 1);
    double[] c = s.centroids();
    double sum = 0;
    for (int i = 0; i < 60; i++) {
      double a = Metric.MANHATTAN.between(x.values(), i * 2, c, y[i] * 2, 2);
      double b = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 3; k++) {
        if (k != y[i]) {
          b = Math.min(b, Metric.MANHATTAN.between(x.values(), i * 2, c, k * 2, 2));
        }
      }
      sum += (b - a) / Math.max(a, b);
    }
    assertEquals(sum / 60, new SimplifiedSilhouette(Metric.MANHATTAN, 2).score(x, y), 1e-12);
  }

  @Test
  void dunnMatchesBruteForceWithCosine() {
    Dataset x = random(45, 3, 10);
    int[] y = mod(45, 3);
    double sep = Double.POSITIVE_INFINITY;
    double diam = 0;
    for (int i = 0; i < 45; i++) {
      for (int j = 0; j < 45; j++) {
        double d = Metric.COSINE.between(x.values(), i * 3, x.values(), j * 3, 3);
        if (y[i] == y[j]) {
          diam = Math.max(diam, d);
        } else {
          sep = Math.min(sep, d);
        }
      }
    }
    assertEquals(sep / diam, new Dunn(Metric.COSINE, 2).score(x, y), 1e-12);
  }

  @Test
  void largeAndSparseClusterIdsAreMappedAndProgressCanCancel() {
    Dataset x = random(30, 2, 12);
    int[] y = mod(30, 3);
    int[] big = new int[30];
    for (int i = 0; i < 30; i++) {
      big[i] = y[i] * 1_000_000_007 % Integer.MAX_VALUE;
    }
    assertEquals(new Silhouette(Metric.EUCLIDEAN).score(x, y), new Silhouette(Metric.EUCLIDEAN).score(x, big), 0);
    clusterlab.core.Progress cancelled = new clusterlab.core.Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
      }

      @Override
      public boolean isCancelled() {
        return true;
      }
    };
    assertThrows(clusterlab.core.Progress.CancelledException.class,
        () -> new Silhouette(Metric.EUCLIDEAN).compute(x, y, cancelled));
  }

  @Test
  void badLabelsAreRefusedClearly() {
    Dataset x = random(5, 2, 11);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Silhouette(Metric.EUCLIDEAN).score(x, new int[] {0, 1, -2, 0, 1}));
    assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DaviesBouldin().score(x, new int[3]));
  }

  /**
   * Regression (issue #11): a row is at distance 0 from itself, also an all-zero row under the
   * cosine distance (which is at 1 from every other row). Expected values are scikit-learn's
   * silhouette_samples(X, y, metric="cosine") semantics (diagonal 0, zero rows at 1), computed by hand.
   */
  @Test
  void cosineSilhouetteCountsAZeroRowAtDistanceZeroFromItself() {
    Dataset x = Dataset.of(new double[] {1, 0, 0, 0, 1, 0.1, 0, 1, 0.1, 1}, 5, 2);
    int[] y = {0, 0, 0, 1, 1};
    for (int threads : new int[] {1, 2}) {
      SilhouetteResult r = new Silhouette(Metric.COSINE, threads, 0, 0).compute(x, y);
      assertEquals(0.0, r.samples()[1], 1e-12);
      assertEquals(0.4712103255091217, r.samples()[0], 1e-12);
      assertEquals(0.5740546803890514, r.mean(), 1e-12);
    }
  }

  /** A cancelled progress stops the quadratic indices (ChooseK scores every K with the sweep's progress). */
  @Test
  void aCancelledProgressStopsTheQuadraticIndices() {
    int n = 400;
    double[] v = new double[n * 2];
    int[] labels = new int[n];
    Random r = new Random(3);
    for (int i = 0; i < n; i++) {
      v[2 * i] = r.nextGaussian() + (i % 2) * 5;
      v[2 * i + 1] = r.nextGaussian();
      labels[i] = i % 2;
    }
    Dataset x = Dataset.of(v, n, 2);
    clusterlab.core.Progress stopped = new clusterlab.core.Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
      }

      @Override
      public boolean isCancelled() {
        return true;
      }
    };
    for (InternalIndex index : new InternalIndex[] {new Silhouette(Metric.EUCLIDEAN, 2, 0, 0L), new Dunn(Metric.EUCLIDEAN, 2),
        InternalIndexes.byName("davies_bouldin", 1)}) {
      assertThrows(clusterlab.core.Progress.CancelledException.class, () -> index.score(x, labels, stopped), index.name());
      assertEquals(index.score(x, labels), index.score(x, labels, clusterlab.core.Progress.NONE), index.name());
    }
  }
}
