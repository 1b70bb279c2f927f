package clusterlab.core.mixture;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansOptions;
import clusterlab.core.parallel.Parallel;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Gaussian mixture models fitted by expectation maximisation (Dempster, Laird and Rubin 1977) with
 * scikit-learn's {@code GaussianMixture} semantics, so that results can be checked against it:
 * covariance types full, tied, diag and spherical; {@code reg_covar} added to every covariance
 * diagonal; iteration stops when the mean log-likelihood per row changes by less than the
 * tolerance; {@code n_init} restarts keep the highest lower bound; a final E-step with the kept
 * parameters gives the labels, so that the training labels are what {@link MixtureModel#predict}
 * gives the training rows.
 *
 * <p>Initialisation: {@link Init#KMEANS} (default, as scikit-learn) takes the labels of one run of
 * ClusterLab's k-means; {@link Init#KMEANS_PLUS_PLUS} assigns every row to the nearest of the k-means++
 * seeds (scikit-learn instead gives responsibility only to the seed rows themselves, which starts
 * from covariances of reg_covar alone). Either way the first parameters come from an M-step on those
 * hard labels. Row weights count everywhere (as replicated rows would).
 *
 * <p>Numerics: log-sum-exp responsibilities, precision Cholesky factors ({@link Gaussians}), and a
 * recorded diagonal jitter when a component collapses to a singular covariance, so that no result
 * is ever NaN. Threads: the E-step and the covariance sums are parallel, with results identical for
 * any thread count.
 */
public final class GaussianMixture {

  /** How the first parameters are chosen. */
  public enum Init {
    /** Hard labels of one k-means run (ClusterLab's KMeans, k-means++ seeded). */
    KMEANS,
    /** Hard labels by the nearest of the k-means++ seeds, without k-means iterations. */
    KMEANS_PLUS_PLUS
  }

  private final int k;
  private final CovarianceType type;
  private final Init init;
  private final int numInit;
  private final int maxIterations;
  private final double tolerance;
  private final double regCovar;
  private final int threads;

  /**
   * @param k number of components, at least 1
   * @param type covariance type
   * @param em how EM runs (initialisation, restarts, iterations, tolerance, regularisation, threads)
   */
  public GaussianMixture(int k, CovarianceType type, EmOptions em) {
    Check.atLeast("k (number of components)", k, 1);
    Check.notNull("covariance type", type);
    Check.notNull("EM options", em);
    this.k = k;
    this.type = type;
    this.init = em.init();
    this.numInit = em.numInit();
    this.maxIterations = em.maxIterations();
    this.tolerance = em.tolerance();
    this.regCovar = em.regCovar();
    this.threads = em.threads();
  }

  /** scikit-learn's defaults ({@link EmOptions#defaults()}): k-means initialisation, 1 restart, 100 iterations, tol 1e-3, reg_covar 1e-6. */
  public static GaussianMixture defaults(int k, CovarianceType type) {
    return new GaussianMixture(k, type, EmOptions.defaults());
  }

  /** Fits the model; the same seed gives the same model for any thread count. */
  public MixtureModel fit(Dataset data, long seed, Progress progress) {
    checkData(data);
    Check.notNull("progress", progress);
    Check.enoughRows(data, k, "k = " + k + " mixture components");
    SplittableRandom rng = new SplittableRandom(seed);
    Em em = new Em(data, type, k, regCovar, threads);
    Run best = null;
    for (int r = 0; r < numInit; r++) {
      progress.checkCancelled();
      em.hard(initialLabels(data, rng.split(), progress));
      double[] weights = new double[k];
      Gaussians g = em.maximisation(weights);
      Run run = iterate(em, g, weights, progress.restart(r, numInit));
      if (best == null || run.lowerBound > best.lowerBound) {
        best = run;
      }
    }
    return finish(data, best);
  }

  /**
   * Runs EM from given parameters (scikit-learn's {@code weights_init}, {@code means_init},
   * {@code precisions_init}): the first E-step uses them as they are. Restarts do not apply.
   *
   * @param weights k positive mixing weights summing to 1 (within 1e-6)
   * @param start the initial components (their type and k must match this configuration)
   */
  public MixtureModel fitFrom(Dataset data, double[] weights, Gaussians start, Progress progress) {
    checkData(data);
    Check.notNull("start", start);
    if (start.k() != k || start.d() != data.d() || start.type() != type) {
      throw new IllegalArgumentException("initial components are " + start.type() + " with k=" + start.k() + ", d="
          + start.d() + "; expected " + type + " with k=" + k + ", d=" + data.d());
    }
    checkWeights(weights);
    Em em = new Em(data, type, k, regCovar, threads);
    return finish(data, iterate(em, start, weights.clone(), progress));
  }

  private void checkData(Dataset data) {
    Check.notNull("data", data);
    Check.atLeast("number of rows", data.n(), 1);
    if (!(data.totalWeight() > 0)) {
      throw new IllegalArgumentException("all rows have weight 0; a mixture needs rows of positive weight");
    }
  }

  private void checkWeights(double[] weights) {
    if (weights == null || weights.length != k) {
      throw new IllegalArgumentException("initial weights need " + k + " values");
    }
    double s = 0;
    for (double w : weights) {
      Check.positive("initial weight", w);
      s += w;
    }
    if (Math.abs(s - 1) > 1e-6) {
      throw new IllegalArgumentException("initial weights must sum to 1, got " + s);
    }
  }

  private int[] initialLabels(Dataset data, SplittableRandom rng, Progress progress) {
    KMeans km = new KMeans(k, KMeansOptions.builder().threads(threads).build());
    if (init == Init.KMEANS) {
      return km.fit(data, rng.nextLong(), progress).labels();
    }
    return nearest(data, km.seed(data, rng));
  }

  private int[] nearest(Dataset data, double[] centres) {
    int n = data.n();
    int d = data.d();
    int m = centres.length / d;
    int[] labels = new int[n];
    double[] v = data.values();
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < m; c++) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            double t = v[i * d + j] - centres[c * d + j];
            s += t * t;
          }
          if (s < best) {
            best = s;
            labels[i] = c;
          }
        }
      }
    });
    return labels;
  }

  /** EM iterations from the given parameters until the tolerance or the iteration limit. */
  private Run iterate(Em em, Gaussians g, double[] weights, Progress progress) {
    double lowerBound = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    int it = 0;
    while (it < maxIterations) {
      progress.checkCancelled();
      it++;
      double previous = lowerBound;
      lowerBound = em.expectation(g, weights);
      g = em.maximisation(weights);
      double change = lowerBound - previous;
      progress.report("em", (double) it / maxIterations, String.format(Locale.ROOT,
          "iteration %d, mean log-likelihood %.6f", it, lowerBound));
      if (Math.abs(change) < tolerance) {
        converged = true;
        break;
      }
    }
    return new Run(g, weights.clone(), lowerBound, it, converged);
  }

  /** The final E-step with the kept parameters: labels, log-likelihood and the ICL entropy term. */
  private MixtureModel finish(Dataset data, Run run) {
    int n = data.n();
    int d = data.d();
    double[] logW = Em.logs(run.weights);
    int[] labels = new int[n];
    double[] ll = new double[n];
    double[] classLl = new double[n];
    double[] v = data.values();
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      RowTile tile = new RowTile(k, d, RowTile.ROWS);
      for (int s = from; s < to; s += RowTile.ROWS) {
        int m = Math.min(RowTile.ROWS, to - s);
        tile.load(v, s, m);
        run.components.logDensities(tile);
        tile.addLogWeights(logW);
        for (int t = 0; t < m; t++) {
          labels[s + t] = tile.best(t);
        }
        tile.exponentiate();
        for (int t = 0; t < m; t++) {
          int i = s + t;
          double w = data.weight(i);
          ll[i] = w * tile.logDensity[t];
          // log responsibility of the kept component, whose joint density is the row's maximum
          classLl[i] = w * (tile.max[t] - tile.logDensity[t]);
        }
      }
    });
    double total = 0;
    double classTotal = 0;
    for (int i = 0; i < n; i++) {
      total += ll[i];
      classTotal += classLl[i];
    }
    return new MixtureModel(run.components, run.weights, labels, total, classTotal, data.totalWeight(),
        run.lowerBound, run.iterations, run.converged, regCovar);
  }

  /** One restart's result. */
  private static final class Run {
    final Gaussians components;
    final double[] weights;
    final double lowerBound;
    final int iterations;
    final boolean converged;

    Run(Gaussians components, double[] weights, double lowerBound, int iterations, boolean converged) {
      this.components = components;
      this.weights = weights;
      this.lowerBound = lowerBound;
      this.iterations = iterations;
      this.converged = converged;
    }
  }
}
