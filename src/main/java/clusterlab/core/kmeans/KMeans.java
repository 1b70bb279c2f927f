package clusterlab.core.kmeans;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;
import java.util.SplittableRandom;

/**
 * k-means by Lloyd's algorithm (Lloyd 1982; MacQueen 1967) with k-means++ seeding (Arthur and
 * Vassilvitskii 2007) and restarts keeping the lowest inertia.
 *
 * <p>Conventions follow scikit-learn so results can be checked against it: the tolerance is
 * relative to the mean per-column variance of the data; iteration stops when labels no longer
 * change or the summed squared centre shift falls to the tolerance; an emptied cluster is
 * re-seeded with the row farthest from its centroid. Row weights count everywhere (seeding,
 * centroids, inertia).
 *
 * <p>Determinism: the assignment of every row depends only on the centroids, and the centroid
 * sums are accumulated in fixed blocks of rows combined in block order, so the result is the same
 * for any number of threads.
 */
public final class KMeans {

  /** How initial centroids are chosen. */
  public enum Init {
    /** k distinct rows drawn uniformly at random. */
    RANDOM,
    /** Greedy k-means++: D² sampling with 2 + ln k candidates per step (as scikit-learn). */
    KMEANS_PLUS_PLUS
  }

  /** Rows per reduction block: fixed so that sums do not depend on the thread count. */
  static final int BLOCK = 2048;

  private final int k;
  private final int maxIterations;
  private final double tolerance;
  private final Init init;
  private final int numInit;
  private final int threads;

  /**
   * @param k number of clusters, at least 1
   * @param maxIterations Lloyd iterations per run, at least 1
   * @param tolerance relative tolerance on the squared centre shift, at least 0
   * @param init seeding method
   * @param numInit restarts (the lowest inertia wins), at least 1
   * @param threads worker threads, {@code <= 0} for all cores
   */
  public KMeans(int k, int maxIterations, double tolerance, Init init, int numInit, int threads) {
    Check.atLeast("k (number of clusters)", k, 1);
    Check.atLeast("maxIterations", maxIterations, 1);
    Check.nonNegative("tolerance", tolerance);
    Check.notNull("init", init);
    Check.atLeast("numInit", numInit, 1);
    this.k = k;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.init = init;
    this.numInit = numInit;
    this.threads = threads;
  }

  /** Fits the model; the same seed always gives the same model. */
  public KMeansModel fit(Dataset data, long seed, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, k, "k = " + k + " clusters");
    SplittableRandom rng = new SplittableRandom(seed);
    double tol = tolerance * meanVariance(data);
    KMeansModel best = null;
    for (int run = 0; run < numInit; run++) {
      double[] centroids = init == Init.RANDOM ? Seeding.random(data, k, rng) : Seeding.kmeansPlusPlus(data, k, rng);
      KMeansModel model = lloyd(data, centroids, tol, progress);
      if (best == null || model.inertia() < best.inertia()) {
        best = model;
      }
    }
    return best;
  }

  /** Runs Lloyd iterations from the given centroids (row-major k * d, not modified). */
  public KMeansModel fitFrom(Dataset data, double[] initialCentroids, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, k, "k = " + k + " clusters");
    if (initialCentroids.length != k * data.d()) {
      throw new IllegalArgumentException("initial centroids have " + initialCentroids.length + " values; expected k * d = "
          + k + " * " + data.d());
    }
    return lloyd(data, initialCentroids.clone(), tolerance * meanVariance(data), progress);
  }

  private KMeansModel lloyd(Dataset data, double[] centroids, double tol, Progress progress) {
    int n = data.n();
    int d = data.d();
    int[] labels = new int[n];
    java.util.Arrays.fill(labels, -1);
    boolean converged = false;
    int iter = 0;
    double[] next = new double[k * d];
    double[] weight = new double[k];
    while (iter < maxIterations) {
      progress.checkCancelled();
      boolean changed = assign(data, centroids, labels);
      iter++;
      if (!changed && iter > 1) {
        converged = true;
        break;
      }
      accumulate(data, labels, next, weight);
      reseedEmpty(data, labels, centroids, next, weight);
      double shift = 0;
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          double v = next[c * d + j] / weight[c];
          double t = v - centroids[c * d + j];
          shift += t * t;
          centroids[c * d + j] = v;
        }
      }
      progress.report("k-means", (double) iter / maxIterations, "iteration " + iter + ", centre shift " + shift);
      if (shift <= tol) {
        converged = true;
        assign(data, centroids, labels);
        break;
      }
    }
    if (!converged) {
      assign(data, centroids, labels);
    }
    return finish(data, centroids, labels, iter, converged);
  }

  /** Assigns every row to its nearest centroid; returns true when any label changed. */
  private boolean assign(Dataset data, double[] centroids, int[] labels) {
    int d = data.d();
    double[] v = data.values();
    boolean[] changed = new boolean[1];
    Parallel.forRange(data.n(), threads, (chunk, from, to) -> {
      boolean any = false;
      for (int i = from; i < to; i++) {
        int c = KMeansKernels.nearest(v, i * d, centroids, k, d);
        if (c != labels[i]) {
          labels[i] = c;
          any = true;
        }
      }
      if (any) {
        changed[0] = true;
      }
    });
    return changed[0];
  }

  /** Weighted per-cluster sums in fixed blocks, combined in block order. */
  private void accumulate(Dataset data, int[] labels, double[] sums, double[] weight) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] blockSums = new double[blocks][];
    double[][] blockWeights = new double[blocks][];
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        double[] s = new double[k * d];
        double[] w = new double[k];
        for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
          int c = labels[i];
          double wi = data.weight(i);
          w[c] += wi;
          for (int j = 0; j < d; j++) {
            s[c * d + j] += wi * v[i * d + j];
          }
        }
        blockSums[b] = s;
        blockWeights[b] = w;
      }
    });
    java.util.Arrays.fill(sums, 0);
    java.util.Arrays.fill(weight, 0);
    for (int b = 0; b < blocks; b++) {
      for (int t = 0; t < sums.length; t++) {
        sums[t] += blockSums[b][t];
      }
      for (int c = 0; c < k; c++) {
        weight[c] += blockWeights[b][c];
      }
    }
  }

  /**
   * Gives every cluster without weight the row farthest from its current centroid (scikit-learn's
   * rule), so k clusters always come back.
   */
  private void reseedEmpty(Dataset data, int[] labels, double[] centroids, double[] sums, double[] weight) {
    int d = data.d();
    double[] v = data.values();
    for (int c = 0; c < k; c++) {
      if (weight[c] > 0) {
        continue;
      }
      int far = -1;
      double farDist = -1;
      for (int i = 0; i < data.n(); i++) {
        double dist = KMeansKernels.squaredDistance(v, i * d, centroids, labels[i] * d, d);
        if (dist > farDist && weight[labels[i]] > data.weight(i)) {
          farDist = dist;
          far = i;
        }
      }
      if (far < 0) {
        continue; // fewer distinct weighted rows than clusters: nothing to move
      }
      int from = labels[far];
      double w = data.weight(far);
      for (int j = 0; j < d; j++) {
        sums[from * d + j] -= w * v[far * d + j];
        sums[c * d + j] = w * v[far * d + j];
      }
      weight[from] -= w;
      weight[c] = w;
      labels[far] = c;
    }
  }

  private KMeansModel finish(Dataset data, double[] centroids, int[] labels, int iter, boolean converged) {
    int d = data.d();
    double[] v = data.values();
    double[] inertia = new double[k];
    double[] weight = new double[k];
    for (int i = 0; i < data.n(); i++) {
      int c = labels[i];
      double w = data.weight(i);
      weight[c] += w;
      inertia[c] += w * KMeansKernels.squaredDistance(v, i * d, centroids, c * d, d);
    }
    return new KMeansModel(k, d, centroids, labels, inertia, weight, iter, converged);
  }

  /** Mean over columns of the (unweighted) column variance: scikit-learn's tolerance scale. */
  static double meanVariance(Dataset data) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += v[i * d + j];
      }
      mean /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double t = v[i * d + j] - mean;
        var += t * t;
      }
      total += var / n;
    }
    return total / d;
  }
}
