package clusterlab.core.kmeans;

import clusterlab.core.Check;
import java.io.Serializable;

/**
 * How {@link MiniBatchKMeans} streams, validated when built: the batch size, how many leading rows
 * are buffered for the initial full k-means, and that k-means' own {@link KMeansOptions}.
 * {@link #defaults()} follow scikit-learn's {@code MiniBatchKMeans}; change a few with
 * {@link #builder()}:
 * <pre>{@code
 * MiniBatchOptions options = MiniBatchOptions.builder().batchSize(256).init(KMeans.Init.RANDOM).build();
 * MiniBatchKMeans stream = new MiniBatchKMeans(8, d, options, seed);
 * }</pre>
 *
 * @param batchSize rows per mini-batch, at least 1 (1 is online k-means); default 1024
 *     (scikit-learn's {@code batch_size})
 * @param initSize rows buffered and clustered by full k-means to place the first centres, at least
 *     k, or 0 (the default) for {@code max(3 * batchSize, 3 * k)}, scikit-learn's {@code init_size=None}
 * @param initial the initial full k-means; default {@link KMeansOptions#defaults()} with 100
 *     iterations and 3 restarts (scikit-learn's {@code max_iter} and, before 1.4, {@code n_init})
 */
public record MiniBatchOptions(int batchSize, int initSize, KMeansOptions initial) implements Serializable {

  /** Checks every setting (that initSize covers k is checked by {@link #initSize(int)}). */
  public MiniBatchOptions {
    Check.atLeast("batchSize", batchSize, 1);
    if (initSize < 0) {
      throw new IllegalArgumentException("initSize must be at least 0 (0 = automatic), got " + initSize);
    }
    Check.notNull("initial (k-means options)", initial);
  }

  /** scikit-learn's defaults, all cores. */
  public static MiniBatchOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder().batchSize(batchSize).initSize(initSize).initial(initial);
  }

  /**
   * The rows buffered before the first centres exist for {@code k} clusters: {@link #initSize()},
   * or {@code max(3 * batchSize, 3 * k)} when it is 0.
   *
   * @throws IllegalArgumentException when fewer than k rows would be buffered
   */
  public int initSize(int k) {
    int size = initSize > 0 ? initSize : Math.max(3 * batchSize, 3 * k);
    if (size < k) {
      throw new IllegalArgumentException("initSize (" + size + ") must be at least the number of clusters (" + k
          + "): raise initSize or lower k");
    }
    return size;
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private int batchSize = 1024;
    private int initSize;
    private KMeansOptions.Builder initial = KMeansOptions.builder().maxIterations(100).numInit(3);

    private Builder() {
    }

    public Builder batchSize(int n) {
      batchSize = n;
      return this;
    }

    public Builder initSize(int n) {
      initSize = n;
      return this;
    }

    /** All settings of the initial k-means. */
    public Builder initial(KMeansOptions o) {
      initial = Check.notNull("initial (k-means options)", o).toBuilder();
      return this;
    }

    /** Seeding of the initial k-means. */
    public Builder init(KMeans.Init i) {
      initial.init(i);
      return this;
    }

    /** Threads of the initial k-means (its result does not depend on them; {@code <= 0}: all cores). */
    public Builder threads(int t) {
      initial.threads(t);
      return this;
    }

    /** The validated settings. */
    public MiniBatchOptions build() {
      return new MiniBatchOptions(batchSize, initSize, initial.build());
    }
  }
}
