package clusterlab.core.tsne;

import clusterlab.core.Check;
import java.io.Serializable;

/**
 * How {@link TSNE} embeds, validated when built. {@link #defaults()} are scikit-learn's {@code TSNE}
 * (1.2 and later: perplexity 30, early exaggeration 12 for 250 iterations, 1000 iterations in all,
 * learning rate "auto", PCA initialisation, angle 0.5), except that the gradient method and the
 * k-NN search are chosen by the number of rows ({@link TSNE.Method#AUTO}, {@link TSNE.Neighbours#AUTO})
 * and all cores are used; change a few with {@link #builder()}:
 * <pre>{@code new TSNE(TsneOptions.builder().perplexity(50).method(TSNE.Method.FFT).threads(2).build())}</pre>
 *
 * @param dims output dimensions, 2 or 3; default 2 (scikit-learn's {@code n_components})
 * @param perplexity the effective number of neighbours, finite and greater than 0 (and, checked by
 *     {@link TSNE#fit}, below the number of rows); default 30 (scikit-learn's and openTSNE's {@code perplexity})
 * @param earlyExaggeration factor on P during the first phase, finite and at least 1; default 12
 *     (scikit-learn's and openTSNE's {@code early_exaggeration})
 * @param exaggerationIterations iterations of the first phase (momentum 0.5), at least 0; default 250
 *     (scikit-learn's fixed {@code _EXPLORATION_MAX_ITER}, openTSNE's {@code early_exaggeration_iter})
 * @param maxIterations iterations in all, the first phase included, at least 1; default 1000
 *     (scikit-learn's {@code max_iter}, {@code n_iter} before 1.5)
 * @param learningRate finite; NaN (the default) or {@code <= 0} is "auto" =
 *     {@code max(n / earlyExaggeration / 4, 50)} (scikit-learn's {@code learning_rate="auto"}, Belkina
 *     et al. 2019), see {@link TSNE#learningRateFor}
 * @param theta Barnes-Hut opening angle in [0, 1], 0 is exact (and slow); default 0.5 (scikit-learn's
 *     {@code angle}, openTSNE's {@code theta})
 * @param method how the gradient is computed; default {@link TSNE.Method#AUTO}, by the number of rows
 *     (scikit-learn's {@code method}, "barnes_hut" there; openTSNE's {@code negative_gradient_method}),
 *     see {@link TSNE#methodFor}
 * @param init the initial embedding; default {@link TSNE.Init#PCA} (scikit-learn's {@code init="pca"},
 *     openTSNE's {@code initialization="pca"})
 * @param neighbours how the k nearest neighbours of the sparse affinities are found; default
 *     {@link TSNE.Neighbours#AUTO}, by the number of rows (openTSNE's {@code neighbors="auto"};
 *     scikit-learn always searches exactly), see {@link TSNE#neighboursFor}
 * @param iterationsWithoutProgress stop after this many iterations without a lower KL divergence at the
 *     checks, at least 1; default 300 (scikit-learn's {@code n_iter_without_progress})
 * @param minGradNorm stop when the gradient norm falls to this, finite and at least 0; default 1e-7
 *     (scikit-learn's {@code min_grad_norm})
 * @param threads worker threads, {@code <= 0} for all cores (the default; scikit-learn's {@code n_jobs}
 *     is 1 by default); the same seed gives the same embedding for any count
 */
public record TsneOptions(int dims, double perplexity, double earlyExaggeration, int exaggerationIterations,
    int maxIterations, double learningRate, double theta, TSNE.Method method, TSNE.Init init,
    TSNE.Neighbours neighbours, int iterationsWithoutProgress, double minGradNorm, int threads)
    implements Serializable {

  /** Checks every setting. */
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
    Check.notNull("neighbours", neighbours);
    Check.atLeast("iterations without progress", iterationsWithoutProgress, 1);
    Check.nonNegative("minGradNorm", minGradNorm);
  }

  /** scikit-learn's defaults, the method and k-NN search chosen by size, all cores. */
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
        .theta(theta).method(method).init(init).neighbours(neighbours)
        .iterationsWithoutProgress(iterationsWithoutProgress).minGradNorm(minGradNorm).threads(threads);
  }

  /** Collects settings; {@link #build()} validates them. */
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
    private TSNE.Neighbours neighbours = TSNE.Neighbours.AUTO;
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

    /** NaN or {@code <= 0}: auto. */
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

    public Builder neighbours(TSNE.Neighbours nb) {
      neighbours = nb;
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
      return new TsneOptions(dims, perplexity, earlyExaggeration, exaggerationIterations, maxIterations,
          learningRate, theta, method, init, neighbours, iterationsWithoutProgress, minGradNorm, threads);
    }
  }
}
