package clusterlab.core.mixture;

import clusterlab.core.Check;

/**
 * How a Gaussian mixture is fitted by EM, validated when built: the settings a {@link GaussianMixture}
 * of any size and covariance type shares, and that a {@link MixtureSelection} applies to every cell
 * of its (k, covariance type) grid. {@link #defaults()} are scikit-learn's
 * ({@code GaussianMixture}: k-means initialisation, 1 restart, 100 iterations, tol 1e-3, reg_covar
 * 1e-6); change a few with {@link #builder()}:
 * <pre>{@code new GaussianMixture(4, CovarianceType.DIAG, EmOptions.builder().numInit(3).threads(2).build())}</pre>
 *
 * @param init initialisation of each restart
 * @param numInit restarts, at least 1 (the highest lower bound is kept)
 * @param maxIterations EM iterations per restart, at least 1
 * @param tolerance stop when the mean log-likelihood per row changes by less, at least 0 (0: run all iterations)
 * @param regCovar added to every covariance diagonal, at least 0
 * @param threads worker threads, {@code <= 0} for all cores; the same seed gives the same model for any count
 */
public record EmOptions(GaussianMixture.Init init, int numInit, int maxIterations, double tolerance, double regCovar,
    int threads) {

  /** Checks every setting. */
  public EmOptions {
    Check.notNull("init", init);
    Check.atLeast("numInit (restarts)", numInit, 1);
    Check.atLeast("maxIterations", maxIterations, 1);
    Check.nonNegative("tolerance", tolerance);
    Check.nonNegative("regCovar", regCovar);
  }

  /** scikit-learn's defaults, all cores. */
  public static EmOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder().init(init).numInit(numInit).maxIterations(maxIterations).tolerance(tolerance)
        .regCovar(regCovar).threads(threads);
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private GaussianMixture.Init init = GaussianMixture.Init.KMEANS;
    private int numInit = 1;
    private int maxIterations = 100;
    private double tolerance = 1e-3;
    private double regCovar = 1e-6;
    private int threads;

    private Builder() {
    }

    public Builder init(GaussianMixture.Init i) {
      init = i;
      return this;
    }

    public Builder numInit(int n) {
      numInit = n;
      return this;
    }

    public Builder maxIterations(int n) {
      maxIterations = n;
      return this;
    }

    public Builder tolerance(double t) {
      tolerance = t;
      return this;
    }

    public Builder regCovar(double r) {
      regCovar = r;
      return this;
    }

    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated settings. */
    public EmOptions build() {
      return new EmOptions(init, numInit, maxIterations, tolerance, regCovar, threads);
    }
  }
}
