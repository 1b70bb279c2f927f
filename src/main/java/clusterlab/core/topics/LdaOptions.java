package clusterlab.core.topics;

import clusterlab.core.Check;

/**
 * The settings of one {@link GibbsLda} run, validated when built. The defaults (alpha sum 5, as
 * Mallet's; beta 0.01; 500 sweeps; burn-in 50; alpha optimised every 10 sweeps) are also the
 * LatentDirichletAllocation filter's, so a caller names only what it changes:
 * <pre>{@code GibbsLda lda = LdaOptions.builder(8).beta(0.05).iterations(300).lda();}</pre>
 *
 * @param numTopics number of topics K (at least 2)
 * @param alphaSum initial sum of the document-topic prior (alpha_t = alphaSum / K), above 0
 * @param beta topic-word prior (symmetric), above 0
 * @param iterations Gibbs sweeps over the corpus, at least 1
 * @param burnIn sweeps before alpha is first optimised, at least 0
 * @param optimizeInterval sweeps between alpha optimisations, at least 0; 0 keeps alpha fixed
 * @param threads worker threads ({@code <= 0}: all cores); a seed and a thread count give the same model
 */
public record LdaOptions(int numTopics, double alphaSum, double beta, int iterations, int burnIn, int optimizeInterval,
    int threads) {

  /** Default sum of the document-topic prior. */
  public static final double DEFAULT_ALPHA_SUM = 5.0;
  /** Default topic-word prior. */
  public static final double DEFAULT_BETA = 0.01;
  /** Default Gibbs sweeps. */
  public static final int DEFAULT_ITERATIONS = 500;
  /** Default sweeps before alpha is first optimised. */
  public static final int DEFAULT_BURN_IN = 50;
  /** Default sweeps between alpha optimisations. */
  public static final int DEFAULT_OPTIMIZE_INTERVAL = 10;

  /** Checks every setting. */
  public LdaOptions {
    Check.atLeast("number of topics", numTopics, 2);
    Check.positive("alphaSum", alphaSum);
    Check.positive("beta", beta);
    Check.atLeast("iterations", iterations, 1);
    Check.atLeast("burnIn", burnIn, 0);
    Check.atLeast("optimizeInterval", optimizeInterval, 0);
  }

  /** A builder for {@code numTopics} topics holding the defaults. */
  public static Builder builder(int numTopics) {
    return new Builder(numTopics);
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder(numTopics).alphaSum(alphaSum).beta(beta).iterations(iterations).burnIn(burnIn)
        .optimizeInterval(optimizeInterval).threads(threads);
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private final int numTopics;
    private double alphaSum = DEFAULT_ALPHA_SUM;
    private double beta = DEFAULT_BETA;
    private int iterations = DEFAULT_ITERATIONS;
    private int burnIn = DEFAULT_BURN_IN;
    private int optimizeInterval = DEFAULT_OPTIMIZE_INTERVAL;
    private int threads;

    private Builder(int numTopics) {
      this.numTopics = numTopics;
    }

    public Builder alphaSum(double a) {
      alphaSum = a;
      return this;
    }

    public Builder beta(double b) {
      beta = b;
      return this;
    }

    public Builder iterations(int it) {
      iterations = it;
      return this;
    }

    public Builder burnIn(int it) {
      burnIn = it;
      return this;
    }

    public Builder optimizeInterval(int it) {
      optimizeInterval = it;
      return this;
    }

    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated settings. */
    public LdaOptions build() {
      return new LdaOptions(numTopics, alphaSum, beta, iterations, burnIn, optimizeInterval, threads);
    }

    /** A sampler configured with the validated settings. */
    public GibbsLda lda() {
      return new GibbsLda(build());
    }
  }
}
