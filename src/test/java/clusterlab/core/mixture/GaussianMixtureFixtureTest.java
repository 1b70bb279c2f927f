package clusterlab.core.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EM from the same initial weights, means and precisions as scikit-learn's GaussianMixture
 * (tools/fixtures/mixture.py) reaches the same parameters, log-likelihood, BIC, AIC and labels, for
 * every covariance type, on iris, Old Faithful and anisotropic blobs.
 */
class GaussianMixtureFixtureTest {

  private static final double TOL = 1e-6;

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    String[][] data = {{"iris", "3"}, {"faithful", "2"}, {"blobs", "4"}};
    for (String[] ds : data) {
      for (CovarianceType t : CovarianceType.values()) {
        for (String mode : new String[] {"fixed", "converged"}) {
          b.add(Arguments.of(ds[0], Integer.parseInt(ds[1]), t, mode));
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} {2} {3}")
  @MethodSource("cases")
  void matchesScikitLearn(String name, int k, CovarianceType type, String mode) {
    Dataset data = MixtureFixtures.data(name);
    String kind = type.name().toLowerCase(Locale.ROOT);
    Map<String, double[]> init = MixtureFixtures.keyed(name + "_" + kind + "_init.txt");
    Map<String, double[]> ref = MixtureFixtures.keyed(name + "_" + kind + "_" + mode + ".txt");
    boolean fixed = mode.equals("fixed");
    GaussianMixture gm = new GaussianMixture(k, type,
        EmOptions.builder().maxIterations(fixed ? 25 : 200).tolerance(fixed ? 0 : 1e-3).threads(2).build());
    Gaussians start = new Gaussians(type, k, data.d(), init.get("means"), init.get("covariances"));
    MixtureModel m = gm.fitFrom(data, init.get("weights"), start, Progress.NONE);

    assertEquals((int) ref.get("n_iter")[0], m.iterations(), "iterations");
    close("lower bound", ref.get("lower_bound")[0], m.lowerBound());
    close("log-likelihood", ref.get("loglik")[0], m.logLikelihood());
    close("BIC", ref.get("bic")[0], m.bic());
    close("AIC", ref.get("aic")[0], m.aic());
    close("weights", ref.get("weights"), m.weights());
    close("means", ref.get("means"), m.components().means());
    close("covariances", ref.get("covariances"), m.components().covariances());
    double[] labels = ref.get("labels");
    int[] ours = m.labels();
    for (int i = 0; i < labels.length; i++) {
      assertEquals((int) labels[i], ours[i], "label of row " + i);
    }
    assertTrue(!m.components().regularised(), "no jitter needed on these data");
  }

  private static void close(String what, double expected, double actual) {
    assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
  }

  private static void close(String what, double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      close(what + "[" + i + "]", expected[i], actual[i]);
    }
  }
}
