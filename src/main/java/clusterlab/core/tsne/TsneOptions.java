package clusterlab.core.tsne;

import clusterlab.core.Check;

/**
 * The settings of one t-SNE run, validated once and as a whole when built: a value out of range or a
 * combination {@link TSNE} cannot run (the FFT gradient in 3-D) fails here, naming the setting,
 * instead of at the end of a long affinity computation. Immutable, so a {@link TSNE} configured with
 * it can be shared between threads and runs. The defaults are scikit-learn's ({@code TSNE}, 1.2).
 *
 * <p>Build one with {@link #builder()} (or change a few settings of an existing one with
 * {@link #toBuilder()}):
 * <pre>{@code TsneOptions o = TsneOptions.builder().perplexity(40).method(TSNE.Method.BARNES_HUT).build();}</pre>
 *
 * @param dims output dimensions, 2 or 3
 * @param perplexity the effective number of neighbours, finite and above 0 (must also be below n, checked by fit)
 * @param earlyExaggeration factor on P during the first phase, finite and at least 1
 * @param exaggerationIterations iterations of the first phase (momentum 0.5), at least 0
 * @param maxIterations total iterations including the first phase, at least 1
 * @param learningRate the step size; NaN or {@code <= 0} means auto = max(n / earlyExaggeration / 4, 50)
 * @param theta Barnes-Hut opening angle in [0, 1]
 * @param method how the gradient is computed
 * @param init the initial embedding
 * @param iterationsWithoutProgress stop after this many iterations without a lower KL at the checks, at least 1
 * @param minGradNorm stop when the gradient norm falls to this, at least 0
 * @param threads worker threads ({@code <= 0}: all cores); results do not depend on it
 */
public record TsneOptions(int dims, double perplexity, double earlyExaggeration, int exaggerationIterations,
    int maxIterations, double learningRate, double theta, TSNE.Method method, TSNE.Init init,
    int iterationsWithoutProgress, double minGradNorm, int threads) {

  /** Checks every setting and their combination. */
  public TsneOptions {
    Check.inRange("dims (output dimensions)", dims, 2, 3);
    if (!(perplexity > 0) || Double.isInfinite(perplexity)) {
      throw new IllegalArgumentException("perplexity must be a finite number greater than 0, got " + perplexity);
    }
    if (!(earlyExaggeration >= 1) || Double.isInfinite(earlyExaggeration)) {
      throw new IllegalArgumentException("early exaggeration must be a finite number of at least 1, got "
          + earlyExaggeration);
    }
    Check.atLeast("exaggeration iterations", exaggerationIterations, 0);
    Check.atLeast("maxIterations", maxIterations, 1);
    if (Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite (or <= 0 for auto), got " + learningRate);
    }
    Check.inRange("theta (Barnes-Hut angle)", theta, 0.0, 1.0);
    Check.notNull("method", method);
    Check.notNull("init", init);
    Check.atLeast("iterations without progress", iterationsWithoutProgress, 1);
    Check.nonNegative("minGradNorm", minGradNorm);
    if (method == TSNE.Method.FFT && dims != 2) {
      throw new IllegalArgumentException("the FFT method embeds in 2 dimensions only, got dims = " + dims
          + "; use dims 2 or the Barnes-Hut method");
    }
  }

  /** scikit-learn's defaults: 2-D, perplexity 30, exaggeration 12 for 250 iterations, 1000 iterations, auto. */
  public static TsneOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder().dims(dims).perplexity(perplexity).earlyExaggeration(earlyExaggeration)
        .exaggerationIterations(exaggerationIterations).maxIterations(maxIterations).learningRate(learningRate)
        .theta(theta).method(method).init(init).iterationsWithoutProgress(iterationsWithoutProgress)
        .minGradNorm(minGradNorm).threads(threads);
  }

  /** Collects settings; {@link #build()} validates them (see {@link TsneOptions}'s parameters). */
  public static final class Builder {
    private int dims = 2;
    private double perplexity = 30;
    private double earlyExaggeration = 12;
    private int exaggerationIterations = 250;
    private int maxIterations = 1000;
    private double learningRate = Double.NaN;
    private double theta = 0.5;
    private TSNE.Method method = TSNE.Method.AUTO;
    private TSNE.Init init = TSNE.Init.PCA;
    private int iterationsWithoutProgress = 300;
    private double minGradNorm = 1e-7;
    private int threads;

    private Builder() {
    }

    public Builder dims(int d) {
      dims = d;
      return this;
    }

    public Builder perplexity(double p) {
      perplexity = p;
      return this;
    }

    public Builder earlyExaggeration(double e) {
      earlyExaggeration = e;
      return this;
    }

    public Builder exaggerationIterations(int it) {
      exaggerationIterations = it;
      return this;
    }

    public Builder maxIterations(int it) {
      maxIterations = it;
      return this;
    }

    public Builder learningRate(double lr) {
      learningRate = lr;
      return this;
    }

    public Builder theta(double t) {
      theta = t;
      return this;
    }

    public Builder method(TSNE.Method m) {
      method = m;
      return this;
    }

    public Builder init(TSNE.Init i) {
      init = i;
      return this;
    }

    public Builder iterationsWithoutProgress(int it) {
      iterationsWithoutProgress = it;
      return this;
    }

    public Builder minGradNorm(double g) {
      minGradNorm = g;
      return this;
    }

    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated settings. */
    public TsneOptions build() {
      return new TsneOptions(dims, perplexity, earlyExaggeration, exaggerationIterations, maxIterations, learningRate,
          theta, method, init, iterationsWithoutProgress, minGradNorm, threads);
    }

    /** A t-SNE configured with the validated settings. */
    public TSNE tsne() {
      return new TSNE(build());
    }
  }
}
