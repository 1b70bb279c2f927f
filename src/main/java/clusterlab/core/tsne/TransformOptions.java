package clusterlab.core.tsne;

import clusterlab.core.Check;

/**
 * The settings of {@link TsneTransform}, validated when built. The defaults are those of openTSNE's
 * {@code TSNEEmbedding.transform} (Poličar, Stražar and Zupan, "openTSNE: a modular Python library
 * for t-SNE dimensionality reduction and embedding", J. Stat. Softw. 109(3), 2024): perplexity 5,
 * k = 25, learning rate 0.1, 250 iterations at exaggeration 1.5 with momentum 0.8, gradients clipped
 * to norm 0.25 per point, and the Barnes-Hut angle 0.5 of its {@code TSNE}. A caller names only what
 * it changes:
 * <pre>{@code TsneTransform t = TransformOptions.builder().iterations(500).threads(2).transform();}</pre>
 *
 * <p>The small learning rate and the clipping are deliberate: a new point starts among its
 * neighbours, where the reference points around it give large gradients, and openTSNE found that a
 * full t-SNE step size makes such points shoot off.
 *
 * @param perplexity perplexity of each new point's conditional affinities to the training rows, above 0;
 *     calibrated on its {@code floor(3 * perplexity)} nearest training rows
 * @param initNeighbours k: the median initialisation uses the first {@code min(k, floor(3 * perplexity))}
 *     of those neighbours, as openTSNE's slice does; at least 1
 * @param learningRate step size of the gradient descent, above 0
 * @param iterations gradient-descent iterations, at least 0 (0 keeps the median initialisation)
 * @param exaggeration factor on the attraction to the neighbours, at least 1
 * @param momentum momentum of the updates, in [0, 1)
 * @param maxGradNorm largest gradient norm per point, above 0; larger gradients are scaled down to it
 * @param theta Barnes-Hut opening angle of the repulsion from the reference embedding, in [0, 1]
 * @param threads worker threads ({@code <= 0}: all cores); the result does not depend on it
 */
public record TransformOptions(double perplexity, int initNeighbours, double learningRate, int iterations,
    double exaggeration, double momentum, double maxGradNorm, double theta, int threads) {

  /** openTSNE's transform perplexity. */
  public static final double DEFAULT_PERPLEXITY = 5;
  /** openTSNE's k of the median initialisation. */
  public static final int DEFAULT_INIT_NEIGHBOURS = 25;
  /** openTSNE's transform learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.1;
  /** openTSNE's transform iterations ({@code n_iter}). */
  public static final int DEFAULT_ITERATIONS = 250;
  /** openTSNE's transform exaggeration. */
  public static final double DEFAULT_EXAGGERATION = 1.5;
  /** openTSNE's transform momentum ({@code final_momentum}). */
  public static final double DEFAULT_MOMENTUM = 0.8;
  /** openTSNE's transform gradient clipping ({@code max_grad_norm}). */
  public static final double DEFAULT_MAX_GRAD_NORM = 0.25;
  /** openTSNE's Barnes-Hut angle. */
  public static final double DEFAULT_THETA = 0.5;

  /** openTSNE's defaults, all cores. */
  public static TransformOptions defaults() {
    return builder().build();
  }

  /** Checks every setting. */
  public TransformOptions {
    Check.positive("perplexity", perplexity);
    Check.atLeast("initNeighbours (k of the median initialisation)", initNeighbours, 1);
    Check.positive("learningRate", learningRate);
    Check.atLeast("iterations", iterations, 0);
    if (!(exaggeration >= 1) || Double.isInfinite(exaggeration)) {
      throw new IllegalArgumentException("exaggeration must be a finite number of at least 1, got " + exaggeration);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be at least 0 and below 1, got " + momentum);
    }
    Check.positive("maxGradNorm", maxGradNorm);
    Check.inRange("theta (Barnes-Hut angle)", theta, 0.0, 1.0);
  }

  /** The number of nearest training rows a new point's affinities use with {@code n} training rows. */
  int affinityNeighbours(int n) {
    return (int) Math.max(1, Math.min(n, (long) Math.floor(3 * perplexity)));
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder().perplexity(perplexity).initNeighbours(initNeighbours).learningRate(learningRate)
        .iterations(iterations).exaggeration(exaggeration).momentum(momentum).maxGradNorm(maxGradNorm).theta(theta)
        .threads(threads);
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private double perplexity = DEFAULT_PERPLEXITY;
    private int initNeighbours = DEFAULT_INIT_NEIGHBOURS;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private int iterations = DEFAULT_ITERATIONS;
    private double exaggeration = DEFAULT_EXAGGERATION;
    private double momentum = DEFAULT_MOMENTUM;
    private double maxGradNorm = DEFAULT_MAX_GRAD_NORM;
    private double theta = DEFAULT_THETA;
    private int threads;

    private Builder() {
    }

    public Builder perplexity(double p) {
      perplexity = p;
      return this;
    }

    public Builder initNeighbours(int k) {
      initNeighbours = k;
      return this;
    }

    public Builder learningRate(double lr) {
      learningRate = lr;
      return this;
    }

    public Builder iterations(int it) {
      iterations = it;
      return this;
    }

    public Builder exaggeration(double e) {
      exaggeration = e;
      return this;
    }

    public Builder momentum(double m) {
      momentum = m;
      return this;
    }

    public Builder maxGradNorm(double g) {
      maxGradNorm = g;
      return this;
    }

    public Builder theta(double t) {
      theta = t;
      return this;
    }

    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated settings. */
    public TransformOptions build() {
      return new TransformOptions(perplexity, initNeighbours, learningRate, iterations, exaggeration, momentum,
          maxGradNorm, theta, threads);
    }

    /** A transform configured with the validated settings. */
    public TsneTransform transform() {
      return new TsneTransform(build());
    }
  }
}
