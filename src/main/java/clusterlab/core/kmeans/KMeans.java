package clusterlab.core.kmeans;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.SplittableRandom;

/**
 * k-means (Lloyd 1982; MacQueen 1967): seeding by random rows, greedy k-means++ (Arthur and
 * Vassilvitskii 2007) or k-means|| (Bahmani et al. 2012); iterations by Lloyd's algorithm or its
 * exact accelerations by Elkan (2003) and Hamerly (2010), which reach the same labels with far fewer
 * distance computations, and Hamerly's bounds with blocked dot-product scans for many centres;
 * restarts keeping the lowest inertia.
 *
 * <p>Conventions follow scikit-learn so that results can be checked against it: the tolerance is
 * relative to the mean per-column variance of the data; iteration stops when labels no longer
 * change or the summed squared centre shift falls to the tolerance; an emptied cluster is
 * re-seeded with the row farthest from its centre. Row weights count everywhere (seeding,
 * centroids, inertia).
 *
 * <p>Determinism: for a fixed seed the result is bit-identical for any number of threads (the
 * assignment of a row depends only on the centres, and every sum is taken over fixed blocks of rows
 * added in block order).
 */
public final class KMeans {

  /** How initial centroids are chosen. */
  public enum Init {
    /** k distinct rows drawn uniformly at random. */
    RANDOM,
    /** Greedy k-means++: D² sampling with 2 + ln k candidates per step (as scikit-learn). */
    KMEANS_PLUS_PLUS,
    /** k-means|| (Bahmani et al. 2012): 5 rounds of oversampling by 2k, then weighted reclustering. */
    KMEANS_PARALLEL
  }

  /** How the iterations are run; all give Lloyd's labels. */
  public enum Algorithm {
    /**
     * Elkan in high dimension when its n * k lower bounds fit the memory budget ({@link #elkanBudgetBytes}),
     * blocked with many centres in few dimensions ({@link #BLOCKED_MIN_CENTRES}, {@link #BLOCKED_MAX_DIMENSION}),
     * Hamerly otherwise, Lloyd for k = 1.
     */
    AUTO,
    /** Every row against every centre each iteration. */
    LLOYD,
    /** k lower bounds per row (Elkan 2003): best in high dimension, n * k doubles of memory. */
    ELKAN,
    /** One lower bound per row (Hamerly 2010): best in low to moderate dimension. */
    HAMERLY,
    /**
     * Hamerly's bounds with the full scans as dot products ({@code ||x||² − 2x·c + ||c||²}, four columns
     * at a time), near ties re-checked with Lloyd's kernel: best with many centres, where Hamerly's single
     * bound rarely holds.
     */
    BLOCKED
  }

  /** Rounds of k-means|| sampling (the paper finds 5 enough). */
  static final int PARALLEL_ROUNDS = 5;
  /** k-means|| oversampling factor l / k. */
  static final double PARALLEL_OVERSAMPLING = 2.0;
  /**
   * Dimension from which AUTO prefers Elkan's k bounds to Hamerly's single bound. Below it a
   * distance is cheap enough that Hamerly's full scans (a SIMD pass over all centres, four rows at
   * a time) cost less than Elkan's n * k bound traffic. KMeansBench and side-by-side runs of both on
   * 32 overlapping blobs: at 16 columns and k = 32 Hamerly took 0.64 of Elkan's time at 200k rows
   * and 0.50 at 1M; at 64 and 128 columns (k = 32, 100k rows) 0.71 and 0.80; at 256 columns Elkan
   * won (k = 8: 0.89 of Hamerly's time; k = 32, 50k rows: 0.77), at 512 columns and k = 16 it lost
   * again (1.31). The best choice depends on the data; 256 is where Elkan won most often.
   */
  static final int ELKAN_MIN_DIMENSION = 256;
  /**
   * Fewest centres from which AUTO prefers {@link Algorithm#BLOCKED} to Hamerly (in at most
   * {@link #BLOCKED_MAX_DIMENSION} columns). With many centres Hamerly's single bound rarely holds (at
   * k = 256, d = 16, KMeansBench's blobs, it failed for 77% of the rows per iteration), so the full
   * scans are the time, and the blocked scan is cheaper. Same-run CPU time of blocked over Hamerly,
   * one thread (issue 19): d = 16: k = 32 1.14, k = 64 1.08, k = 128 0.95, k = 256 0.85; d = 2, k = 256:
   * 0.68; with few centres the blocked scan's scalar search for the two smallest costs as much as the
   * scan saves.
   */
  static final int BLOCKED_MIN_CENTRES = 128;
  /**
   * Most columns for which AUTO picks {@link Algorithm#BLOCKED}: the blocked scan reads all centres
   * once per row, Hamerly's four-row pass once per four rows, and once the centres outgrow the
   * first-level cache that reading decides (k = 256: blocked over Hamerly 1.08 at d = 32, 1.13 at d = 64).
   */
  static final int BLOCKED_MAX_DIMENSION = 16;
  /** The smallest memory budget AUTO gives Elkan's lower bounds: 128 MiB (16 M bounds). */
  static final long ELKAN_MIN_BUDGET_BYTES = 128L << 20;
  /** AUTO lets Elkan's bounds take at most this fraction of the maximum heap (when above the minimum). */
  static final int ELKAN_HEAP_FRACTION = 8;

  private final int k;
  private final int maxIterations;
  private final double tolerance;
  private final Init init;
  private final int numInit;
  private final Algorithm algorithm;
  private final int threads;

  /**
   * k-means with the automatic choice of iteration algorithm:
   * <pre>{@code new KMeans(8, KMeansOptions.defaults()).fit(data, seed, Progress.NONE)}</pre>
   *
   * @param k number of clusters, at least 1
   * @param options iterations, seeding, restarts and threads
   */
  public KMeans(int k, KMeansOptions options) {
    this(k, Algorithm.AUTO, options);
  }

  /**
   * k-means with the given iteration algorithm (all reach Lloyd's labels; they differ in speed and memory).
   *
   * @param k number of clusters, at least 1
   * @param algorithm iteration algorithm; {@link Algorithm#AUTO} picks by the shape of the data
   * @param options iterations, seeding, restarts and threads
   */
  public KMeans(int k, Algorithm algorithm, KMeansOptions options) {
    Check.atLeast("k (number of clusters)", k, 1);
    Check.notNull("algorithm", algorithm);
    Check.notNull("options", options);
    this.k = k;
    this.maxIterations = options.maxIterations();
    this.tolerance = options.tolerance();
    this.init = options.init();
    this.numInit = options.numInit();
    this.algorithm = algorithm;
    this.threads = options.threads();
  }

  /** Fits the model; the same seed always gives the same model. */
  public KMeansModel fit(Dataset data, long seed, Progress progress) {
    Check.notNull("data", data);
    Check.notNull("progress", progress);
    Check.enoughRows(data, k, "k = " + k + " clusters");
    SplittableRandom rng = new SplittableRandom(seed);
    double tol = absoluteTolerance(data);
    Algorithm algo = resolve(algorithm, data.n(), data.d(), k);
    KMeansModel best = null;
    for (int run = 0; run < numInit; run++) {
      progress.checkCancelled();
      double[] centroids = seed(data, rng.split());
      KMeansModel model = new Iterations(data, k, maxIterations, tol, threads, progress.restart(run, numInit))
          .run(centroids, algo);
      if (best == null || model.inertia() < best.inertia()) {
        best = model;
      }
    }
    return best;
  }

  /** Initial centres by the configured seeding (row-major {@code k * d}). */
  public double[] seed(Dataset data, SplittableRandom rng) {
    Check.enoughRows(data, k, "k = " + k + " clusters");
    switch (init) {
      case RANDOM:
        return Seeding.random(data, k, rng);
      case KMEANS_PARALLEL:
        return KMeansParallelSeeding.seed(data, k, rng, threads, PARALLEL_ROUNDS, PARALLEL_OVERSAMPLING);
      default:
        return Seeding.kmeansPlusPlus(data, k, rng, threads);
    }
  }

  /** Runs the iterations from the given centroids (row-major {@code k * d}, not modified). */
  public KMeansModel fitFrom(Dataset data, double[] initialCentroids, Progress progress) {
    Check.notNull("data", data);
    Check.notNull("initialCentroids", initialCentroids);
    Check.enoughRows(data, k, "k = " + k + " clusters");
    if (initialCentroids.length != k * data.d()) {
      throw new IllegalArgumentException("initial centroids have " + initialCentroids.length + " values; expected k * d = "
          + k + " * " + data.d());
    }
    for (double c : initialCentroids) {
      if (!Double.isFinite(c)) {
        throw new IllegalArgumentException("initial centroids must be finite, got " + c);
      }
    }
    return new Iterations(data, k, maxIterations, absoluteTolerance(data), threads, progress)
        .run(initialCentroids.clone(), resolve(algorithm, data.n(), data.d(), k));
  }

  /** The iteration algorithm AUTO stands for on data of this shape, with this JVM's memory budget. */
  public static Algorithm resolve(Algorithm algorithm, int n, int d, int k) {
    return resolve(algorithm, n, d, k, elkanBudgetBytes());
  }

  /**
   * The iteration algorithm AUTO stands for on data of this shape when Elkan's {@code n * k} lower
   * bounds (8 bytes each) may take {@code elkanBudgetBytes}. The choice changes only the speed and
   * memory of a run, never its result: all algorithms reach Lloyd's labels.
   */
  public static Algorithm resolve(Algorithm algorithm, int n, int d, int k, long elkanBudgetBytes) {
    if (algorithm != Algorithm.AUTO) {
      return algorithm;
    }
    if (k == 1) {
      return Algorithm.LLOYD;
    }
    boolean fits = (long) n * k * Double.BYTES <= elkanBudgetBytes && (long) n * k <= Integer.MAX_VALUE - 8L;
    if (fits && d >= ELKAN_MIN_DIMENSION) {
      return Algorithm.ELKAN;
    }
    return k >= BLOCKED_MIN_CENTRES && d <= BLOCKED_MAX_DIMENSION ? Algorithm.BLOCKED : Algorithm.HAMERLY;
  }

  /**
   * Memory AUTO lets Elkan's bounds take: an eighth of the maximum heap, at least 128 MiB. With
   * Weka's common 1 GB heap this keeps Elkan to n * k of 16 M; with a 6 GB heap (a 24 GB machine's
   * default) 1M rows and 32 clusters (256 MB) could still run Elkan.
   */
  public static long elkanBudgetBytes() {
    return Math.max(ELKAN_MIN_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / ELKAN_HEAP_FRACTION);
  }

  /** The tolerance in squared data units (a pass over the data only when the tolerance is not 0). */
  private double absoluteTolerance(Dataset data) {
    return tolerance == 0 ? 0 : tolerance * meanVariance(data);
  }

  /** Mean over columns of the (unweighted) column variance: scikit-learn's tolerance scale. */
  public static double meanVariance(Dataset data) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += v[i * d + j];
      }
    }
    double total = 0;
    double[] var = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double t = v[i * d + j] - mean[j];
        var[j] += t * t;
      }
    }
    for (int j = 0; j < d; j++) {
      total += var[j] / n;
    }
    return total / d;
  }
}
