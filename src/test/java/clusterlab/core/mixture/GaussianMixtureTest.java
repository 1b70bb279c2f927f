package clusterlab.core.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour of the mixture fitter beyond the reference fixtures: determinism, weights, hostile input. */
class GaussianMixtureTest {

  static Dataset blobs(int n, int d, int centres, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      int c = i % centres;
      for (int j = 0; j < d; j++) {
        v[i * d + j] = 6 * c * ((j + c) % 2 == 0 ? 1 : -0.5) + r.nextGaussian() * (1 + 0.3 * j);
      }
    }
    return Dataset.of(v, n, d);
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void sameModelForAnyThreadCount(CovarianceType type) {
    Dataset data = blobs(5000, 5, 4, 1);
    MixtureModel one = new GaussianMixture(4, type,
        EmOptions.builder().numInit(2).maxIterations(30).tolerance(0).threads(1).build())
        .fit(data, 9, Progress.NONE);
    MixtureModel three = new GaussianMixture(4, type,
        EmOptions.builder().numInit(2).maxIterations(30).tolerance(0).threads(3).build())
        .fit(data, 9, Progress.NONE);
    assertArrayEquals(one.components().means(), three.components().means());
    assertArrayEquals(one.components().covariances(), three.components().covariances());
    assertArrayEquals(one.weights(), three.weights());
    assertEquals(one.logLikelihood(), three.logLikelihood());
    assertArrayEquals(one.labels(), three.labels());
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void integerWeightsEqualReplicatedRows(CovarianceType type) {
    Dataset base = blobs(300, 3, 3, 2);
    double[] w = new double[base.n()];
    int total = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 + i % 3;
      total += (int) w[i];
    }
    double[] rep = new double[total * 3];
    for (int i = 0, r = 0; i < base.n(); i++) {
      for (int t = 0; t < w[i]; t++, r++) {
        System.arraycopy(base.values(), i * 3, rep, r * 3, 3);
      }
    }
    Dataset weighted = Dataset.weighted(base.values(), base.n(), 3, w);
    Dataset replicated = Dataset.of(rep, total, 3);
    Gaussians start = new Gaussians(type, 3, 3, new double[] {0, 0, 0, 6, -3, 6, 12, -6, 12},
        startCovariances(type, 3, 3));
    double[] pi = {0.3, 0.3, 0.4};
    GaussianMixture gm = new GaussianMixture(3, type,
        EmOptions.builder().maxIterations(20).tolerance(0).threads(2).build());
    MixtureModel a = gm.fitFrom(weighted, pi, start, Progress.NONE);
    MixtureModel b = gm.fitFrom(replicated, pi, start, Progress.NONE);
    assertArrayEquals(b.components().means(), a.components().means(), 1e-9);
    assertArrayEquals(b.components().covariances(), a.components().covariances(), 1e-9);
    assertArrayEquals(b.weights(), a.weights(), 1e-12);
    assertEquals(b.logLikelihood(), a.logLikelihood(), 1e-7 * Math.abs(b.logLikelihood()));
    assertEquals(b.bic(), a.bic(), 1e-7 * Math.abs(b.bic()));
  }

  static double[] startCovariances(CovarianceType type, int k, int d) {
    double[] c = new double[type.storage(k, d)];
    switch (type) {
      case FULL:
        for (int m = 0; m < k; m++) {
          for (int j = 0; j < d; j++) {
            c[m * d * d + j * d + j] = 2;
          }
        }
        break;
      case TIED:
        for (int j = 0; j < d; j++) {
          c[j * d + j] = 2;
        }
        break;
      default:
        java.util.Arrays.fill(c, 2);
    }
    return c;
  }

  @Test
  void trainingLabelsArePredictionsAndMembershipsAreProbabilities() {
    Dataset data = blobs(600, 3, 3, 3);
    MixtureModel m = GaussianMixture.defaults(3, CovarianceType.FULL).fit(data, 1, Progress.NONE);
    int[] labels = m.labels();
    double ll = 0;
    for (int i = 0; i < data.n(); i++) {
      assertEquals(labels[i], m.predict(data.row(i)));
      double[] p = m.memberships(data.row(i));
      double s = 0;
      for (double q : p) {
        assertTrue(q >= 0 && q <= 1);
        s += q;
      }
      assertEquals(1, s, 1e-12);
      ll += m.logDensity(data.row(i));
    }
    assertEquals(m.logLikelihood(), ll, 1e-9 * Math.abs(ll));
    assertTrue(m.icl() >= m.bic(), "ICL adds a non-negative entropy to BIC");
  }

  @Test
  void restartsKeepTheHighestLowerBound() {
    Dataset data = blobs(400, 2, 5, 4);
    double best = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < 4; s++) {
      // the restarts of fit(seed) draw their own seeds; each single run is a lower bound to beat
      best = Math.max(best, new GaussianMixture(5, CovarianceType.DIAG,
          EmOptions.builder().init(GaussianMixture.Init.KMEANS_PLUS_PLUS).threads(1).build())
              .fit(data, s, Progress.NONE).lowerBound());
    }
    MixtureModel many = new GaussianMixture(5, CovarianceType.DIAG,
        EmOptions.builder().init(GaussianMixture.Init.KMEANS_PLUS_PLUS).numInit(8).threads(1).build())
            .fit(data, 0, Progress.NONE);
    MixtureModel single = new GaussianMixture(5, CovarianceType.DIAG,
        EmOptions.builder().init(GaussianMixture.Init.KMEANS_PLUS_PLUS).threads(1).build()).fit(data, 0, Progress.NONE);
    assertTrue(many.lowerBound() >= single.lowerBound() - 1e-12);
    assertTrue(many.converged());
    assertTrue(Double.isFinite(best));
  }

  @Test
  void serializesWithItsPredictions() throws Exception {
    Dataset data = blobs(200, 2, 2, 5);
    MixtureModel m = GaussianMixture.defaults(2, CovarianceType.TIED).fit(data, 1, Progress.NONE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(m);
    }
    MixtureModel back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (MixtureModel) in.readObject();
    }
    assertEquals(m.logDensity(data.row(7)), back.logDensity(data.row(7)));
    assertArrayEquals(m.labels(), back.labels());
  }

  // ---------------------------------------------------------------- hostile input

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void duplicateRowsAndConstantColumnGiveFiniteRegularisedResults(CovarianceType type) {
    int n = 60;
    double[] v = new double[n * 3];
    for (int i = 0; i < n; i++) {
      v[i * 3] = i < 30 ? 1 : 5; // two duplicated points ...
      v[i * 3 + 1] = i < 30 ? 2 : -1;
      v[i * 3 + 2] = 7; // ... and a constant column
    }
    Dataset data = Dataset.of(v, n, 3);
    for (double reg : new double[] {1e-6, 0}) {
      MixtureModel m = new GaussianMixture(2, type,
          EmOptions.builder().maxIterations(50).regCovar(reg).threads(1).build())
          .fit(data, 1, Progress.NONE);
      assertFinite(m, data);
      if (reg == 0) {
        assertTrue(m.components().regularised(), "reg_covar 0 on collapsed components needs a recorded jitter");
      }
      assertEquals(2, java.util.Arrays.stream(m.labels()).distinct().count());
    }
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void moreComponentsThanDistinctRowsStaysFinite(CovarianceType type) {
    double[] v = {0, 0, 0, 0, 1, 1, 1, 1, 2, 0, 2, 0, 0, 0, 1, 1};
    Dataset data = Dataset.of(v, 8, 2);
    for (GaussianMixture.Init init : GaussianMixture.Init.values()) {
      MixtureModel m = new GaussianMixture(5, type, EmOptions.builder().init(init).numInit(2).threads(1).build())
          .fit(data, 3, Progress.NONE);
      assertFinite(m, data);
    }
  }

  @Test
  void moreComponentsThanRowsIsRefusedWithAMessage() {
    Dataset data = Dataset.of(new double[] {1, 2, 3, 4}, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GaussianMixture.defaults(3, CovarianceType.FULL).fit(data, 1, Progress.NONE));
    assertTrue(e.getMessage().contains("3 mixture components"), e.getMessage());
  }

  @Test
  void nanRowsAreRefusedWithTheColumn() {
    MixtureModel m = GaussianMixture.defaults(2, CovarianceType.DIAG).fit(blobs(100, 2, 2, 6), 1, Progress.NONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.memberships(new double[] {1, Double.NaN}));
    assertTrue(e.getMessage().contains("column 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new GaussianMixture(2, CovarianceType.FULL,
            EmOptions.builder().maxIterations(10).regCovar(-1).threads(1).build()));
  }

  @Test
  void farAwayRowsGetFiniteLogDensityAndProperMemberships() {
    MixtureModel m = GaussianMixture.defaults(3, CovarianceType.FULL).fit(blobs(300, 2, 3, 7), 1, Progress.NONE);
    double[] far = {1e8, -1e8};
    assertTrue(Double.isFinite(m.logDensity(far)));
    double s = 0;
    for (double p : m.memberships(far)) {
      assertFalse(Double.isNaN(p));
      s += p;
    }
    assertEquals(1, s, 1e-12);
  }

  private static void assertFinite(MixtureModel m, Dataset data) {
    for (double x : m.weights()) {
      assertTrue(Double.isFinite(x));
    }
    for (double x : m.components().means()) {
      assertTrue(Double.isFinite(x));
    }
    for (double x : m.components().covariances()) {
      assertTrue(Double.isFinite(x) && x >= 0 || m.covarianceType() == CovarianceType.FULL
          || m.covarianceType() == CovarianceType.TIED);
    }
    assertTrue(Double.isFinite(m.logLikelihood()), "log-likelihood " + m.logLikelihood());
    assertTrue(Double.isFinite(m.bic()));
    for (int i = 0; i < data.n(); i++) {
      for (double p : m.memberships(data.row(i))) {
        assertTrue(p >= 0 && p <= 1, "membership " + p);
      }
      assertTrue(Double.isFinite(m.logDensity(data.row(i))));
    }
  }
}
