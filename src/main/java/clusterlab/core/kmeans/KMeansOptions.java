package clusterlab.core.kmeans;

import clusterlab.core.Check;
import java.io.Serializable;

/**
 * How k-means iterates, validated when built: the settings {@link KMeans}, {@link BisectingKMeans}
 * (for each 2-means split), {@link SphericalKMeans} and the initial full k-means of
 * {@link MiniBatchOptions mini-batch k-means} share. The number of clusters and each algorithm's own
 * setting (iteration algorithm, split rule, batch size) are given next to it, as
 * {@code GaussianMixture} takes its covariance type next to {@code EmOptions}.
 * {@link #defaults()} are scikit-learn's {@code KMeans} (k-means++, {@code n_init="auto"}, which is 1
 * restart for k-means++, 300 iterations, tol 1e-4); change a few with {@link #builder()}:
 * <pre>{@code new KMeans(8, KMeansOptions.builder().numInit(10).threads(2).build())}</pre>
 *
 * @param maxIterations iterations per run, at least 1; default 300 (scikit-learn's {@code max_iter})
 * @param tolerance at least 0, default 1e-4 (scikit-learn's {@code tol}); k-means and bisecting
 *     k-means stop when the summed squared centre shift falls to this fraction of the mean column
 *     variance, spherical k-means when the objective improves by less than this fraction of itself;
 *     0 iterates until no label changes
 * @param init seeding of each run; default k-means++ (scikit-learn's {@code init="k-means++"})
 * @param numInit restarts from different seeds, at least 1 (the best run is kept); default 1
 *     (scikit-learn's {@code n_init="auto"} with k-means++ seeding)
 * @param threads worker threads, {@code <= 0} for all cores (the default); the same seed gives the
 *     same model for any count
 */
public record KMeansOptions(int maxIterations, double tolerance, KMeans.Init init, int numInit, int threads)
    implements Serializable {

  /** Checks every setting. */
  public KMeansOptions {
    Check.atLeast("maxIterations", maxIterations, 1);
    Check.nonNegative("tolerance", tolerance);
    Check.notNull("init", init);
    Check.atLeast("numInit (restarts)", numInit, 1);
  }

  /** scikit-learn's defaults, all cores. */
  public static KMeansOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder().maxIterations(maxIterations).tolerance(tolerance).init(init).numInit(numInit)
        .threads(threads);
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private int maxIterations = 300;
    private double tolerance = 1e-4;
    private KMeans.Init init = KMeans.Init.KMEANS_PLUS_PLUS;
    private int numInit = 1;
    private int threads;

    private Builder() {
    }

    public Builder maxIterations(int n) {
      maxIterations = n;
      return this;
    }

    public Builder tolerance(double t) {
      tolerance = t;
      return this;
    }

    public Builder init(KMeans.Init i) {
      init = i;
      return this;
    }

    public Builder numInit(int n) {
      numInit = n;
      return this;
    }

    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated settings. */
    public KMeansOptions build() {
      return new KMeansOptions(maxIterations, tolerance, init, numInit, threads);
    }
  }
}
