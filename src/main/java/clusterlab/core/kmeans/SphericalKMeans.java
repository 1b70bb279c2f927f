package clusterlab.core.kmeans;

import clusterlab.core.Check;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;
import clusterlab.core.sparse.SparseDataset;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Spherical k-means (Dhillon and Modha 2001, "Concept decompositions for large sparse text data
 * using clustering", Machine Learning 42): k-means on the unit sphere. Rows are scaled to unit
 * length, each row goes to the centre of highest cosine similarity, and a centre is the normalised
 * (weighted) sum of its rows, the "concept vector". The objective, the weighted sum of cosine
 * similarities, never decreases. This is the k-means of document clustering: a long and a short
 * text on the same subject point the same way.
 *
 * <p>It works on {@link SparseDataset} rows directly: one iteration costs {@code O(nnz * k)} time,
 * and memory is the data plus a few dense {@code k * d} centre tables; nothing densifies the data.
 * Seeding is greedy k-means++ (Arthur and Vassilvitskii 2007, scikit-learn's {@code 2 + ln k}
 * trials) on the cosine distance {@code 1 - cos}, which is half the squared Euclidean distance
 * of unit vectors. Assignment runs on all threads; sums are accumulated in row order and
 * potentials in fixed blocks, so results do not depend on the thread count.
 */
public final class SphericalKMeans {

  private final int k;
  private final int maxIterations;
  private final double tolerance;
  private final int numInit;
  private final int threads;

  /**
   * <pre>{@code new SphericalKMeans(20, SphericalKMeans.defaults())}</pre>
   *
   * @param k number of clusters, at least 1
   * @param options iterations, tolerance (on the relative improvement of the objective), restarts
   *     (the run of highest objective is kept) and threads; seeding is k-means++ on the cosine
   *     distance, so {@code init} must be {@link KMeans.Init#KMEANS_PLUS_PLUS}
   */
  public SphericalKMeans(int k, KMeansOptions options) {
    Check.atLeast("k (number of clusters)", k, 1);
    Check.notNull("options", options);
    if (options.init() != KMeans.Init.KMEANS_PLUS_PLUS) {
      throw new IllegalArgumentException("spherical k-means seeds by k-means++ only: init must be KMEANS_PLUS_PLUS, got "
          + options.init());
    }
    this.k = k;
    this.maxIterations = options.maxIterations();
    this.tolerance = options.tolerance();
    this.numInit = options.numInit();
    this.threads = options.threads();
  }

  /**
   * {@link KMeansOptions#defaults()} with 100 iterations per run rather than 300, the cap ClusterLab's
   * spherical k-means has always used (scikit-learn has no spherical k-means to follow): each
   * iteration passes over every non-zero of the data.
   */
  public static KMeansOptions defaults() {
    return KMeansOptions.builder().maxIterations(100).build();
  }

  /** Fits with k-means++ seeding; the same seed gives the same model for any thread count. */
  public SphericalKMeansModel fit(SparseDataset data, long seed, Progress progress) {
    SparseDataset x = prepare(data);
    SplittableRandom rng = new SplittableRandom(seed);
    SphericalKMeansModel best = null;
    for (int r = 0; r < numInit; r++) {
      progress.checkCancelled();
      double[] centres = seedPlusPlus(x, rng.split());
      SphericalKMeansModel m = iterate(x, centres, progress.restart(r, numInit));
      if (best == null || m.objective() > best.objective()) {
        best = m;
      }
    }
    return best;
  }

  /** Fits from given initial centres (row-major {@code k * d}; normalised here), e.g. to reproduce a reference run. */
  public SphericalKMeansModel fitFrom(SparseDataset data, double[] initialCentres, Progress progress) {
    SparseDataset x = prepare(data);
    if (initialCentres.length != k * x.d()) {
      throw new IllegalArgumentException("initial centres have " + initialCentres.length + " values, expected k * d = "
          + k + " * " + x.d());
    }
    double[] c = initialCentres.clone();
    for (int j = 0; j < k; j++) {
      normalise(c, j * x.d(), x.d());
    }
    return iterate(x, c, progress);
  }

  private SparseDataset prepare(SparseDataset data) {
    Check.notNull("data", data);
    if (data.n() == 0) {
      throw new IllegalArgumentException("the training data has no instances: cannot cluster an empty data set");
    }
    int empty = 0;
    int first = -1;
    int usable = 0;
    for (int i = 0; i < data.n(); i++) {
      if (data.isEmptyRow(i)) {
        empty++;
        first = first < 0 ? i : first;
      } else if (data.weight(i) > 0) {
        usable++;
      }
    }
    if (empty > 0) {
      throw new IllegalArgumentException("row " + (first + 1) + (empty > 1 ? " and " + (empty - 1) + " more rows have" : " has")
          + " no non-zero value: an empty document has no direction for cosine similarity; remove empty documents first"
          + " (e.g. a smaller stop-word list or minimum term frequency in StringToWordVector, or RemoveWithValues)");
    }
    if (usable < k) {
      throw new IllegalArgumentException("the number of clusters (" + k + ") exceeds the number of training instances of"
          + " positive weight (" + usable + "): lower the number of clusters or use more data");
    }
    return data.unitNormalised();
  }

  /** Greedy k-means++ on the cosine distance {@code 1 - x.c} of unit rows. */
  private double[] seedPlusPlus(SparseDataset x, SplittableRandom rng) {
    int n = x.n();
    int d = x.d();
    int trials = 2 + (int) Math.log(k);
    int blocks = (n + Seeding.BLOCK - 1) / Seeding.BLOCK;
    double[] centres = new double[k * d];
    double[] closest = new double[n];
    double[] blockPot = new double[blocks];
    double[] scratch = new double[trials * d];
    int first = sample(x, null, null, rng.nextDouble() * x.totalWeight());
    x.addTo(first, 1.0, centres, 0);
    Arrays.fill(closest, Double.POSITIVE_INFINITY);
    double potential = lower(x, closest, blockPot, centres, 0);
    double[][] trialPot = new double[blocks][trials];
    int[] cand = new int[trials];
    for (int m = 1; m < k; m++) {
      for (int t = 0; t < trials; t++) {
        cand[t] = potential > 0 ? sample(x, closest, blockPot, rng.nextDouble() * potential)
            : sample(x, null, null, rng.nextDouble() * x.totalWeight());
        Arrays.fill(scratch, t * d, t * d + d, 0);
        x.addTo(cand[t], 1.0, scratch, t * d);
      }
      Parallel.forRange(blocks, threads, (chunk, from, to) -> {
        for (int b = from; b < to; b++) {
          double[] p = trialPot[b];
          Arrays.fill(p, 0);
          for (int i = b * Seeding.BLOCK, end = Math.min(n, i + Seeding.BLOCK); i < end; i++) {
            for (int t = 0; t < trials; t++) {
              p[t] += x.weight(i) * Math.min(closest[i], distance(x.dot(i, scratch, t * d)));
            }
          }
        }
      });
      int best = 0;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double pot = 0;
        for (int b = 0; b < blocks; b++) {
          pot += trialPot[b][t];
        }
        if (pot < bestPot) {
          bestPot = pot;
          best = t;
        }
      }
      System.arraycopy(scratch, best * d, centres, m * d, d);
      potential = lower(x, closest, blockPot, centres, m * d);
    }
    return centres;
  }

  private static double distance(double cos) {
    return Math.max(0, 1 - cos);
  }

  private double lower(SparseDataset x, double[] closest, double[] blockPot, double[] centre, int off) {
    int n = x.n();
    Parallel.forRange(blockPot.length, threads, (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        double p = 0;
        for (int i = b * Seeding.BLOCK, end = Math.min(n, i + Seeding.BLOCK); i < end; i++) {
          closest[i] = Math.min(closest[i], distance(x.dot(i, centre, off)));
          p += x.weight(i) * closest[i];
        }
        blockPot[b] = p;
      }
    });
    double total = 0;
    for (double p : blockPot) {
      total += p;
    }
    return total;
  }

  private static int sample(SparseDataset x, double[] score, double[] blockPot, double r) {
    int start = 0;
    double acc = 0;
    if (blockPot != null) {
      int b = 0;
      while (b < blockPot.length - 1 && acc + blockPot[b] <= r) {
        acc += blockPot[b];
        b++;
      }
      start = b * Seeding.BLOCK;
    }
    int last = -1;
    for (int i = start; i < x.n(); i++) {
      double p = x.weight(i) * (score == null ? 1 : score[i]);
      if (p > 0) {
        acc += p;
        last = i;
        if (acc > r) {
          return i;
        }
      }
    }
    if (last < 0) {
      for (int i = x.n() - 1; i >= 0; i--) {
        if (x.weight(i) * (score == null ? 1 : score[i]) > 0) {
          return i;
        }
      }
      return 0;
    }
    return last;
  }

  private SphericalKMeansModel iterate(SparseDataset x, double[] centres, Progress progress) {
    int n = x.n();
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    double[] sims = new double[n];
    double objective = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    int iterations = 0;
    boolean fresh = false;
    while (true) {
      int changed = assign(x, centres, labels, sims);
      double obj = sum(x, sims);
      fresh = true;
      if (changed == 0 || (iterations > 0 && tolerance > 0 && obj - objective <= tolerance * Math.abs(obj))) {
        converged = true;
        objective = obj;
        break;
      }
      objective = obj;
      if (iterations == maxIterations) {
        break;
      }
      progress.checkCancelled();
      update(x, labels, sims, centres);
      iterations++;
      fresh = false;
      progress.report("spherical-kmeans", (double) iterations / maxIterations, String.format(Locale.ROOT,
          "iteration %d, objective %.6g, %d labels changed", iterations, obj, changed));
    }
    if (!fresh) {
      assign(x, centres, labels, sims);
      objective = sum(x, sims);
    }
    double[] weight = new double[k];
    for (int i = 0; i < n; i++) {
      weight[labels[i]] += x.weight(i);
    }
    return new SphericalKMeansModel(k, x.d(), centres, labels, sims, weight, objective, iterations, converged);
  }

  /** Labels every row with its most similar centre (lowest index on ties); returns how many labels changed. */
  private int assign(SparseDataset x, double[] centres, int[] labels, double[] sims) {
    int d = x.d();
    double[] byColumn = SphericalKMeansModel.transpose(centres, k, d);
    int chunks = Parallel.chunks(x.n(), threads);
    int[] changed = new int[Math.max(1, chunks)];
    Parallel.forRange(x.n(), threads, (chunk, from, to) -> {
      double[] s = new double[k];
      int ch = 0;
      for (int i = from; i < to; i++) {
        int best = SphericalKMeansModel.mostSimilar(x.cols(), x.values(), x.rowStart(i), x.rowEnd(i), byColumn, k, s);
        sims[i] = s[best];
        if (labels[i] != best) {
          labels[i] = best;
          ch++;
        }
      }
      changed[chunk] = ch;
    });
    int total = 0;
    for (int c : changed) {
      total += c;
    }
    return total;
  }

  private static double sum(SparseDataset x, double[] sims) {
    double s = 0;
    for (int i = 0; i < x.n(); i++) {
      s += x.weight(i) * sims[i];
    }
    return s;
  }

  /** Concept vectors: normalised weighted sums in row order; an emptied cluster takes the least similar unused row. */
  private void update(SparseDataset x, int[] labels, double[] sims, double[] centres) {
    int d = x.d();
    Arrays.fill(centres, 0);
    for (int i = 0; i < x.n(); i++) {
      x.addTo(i, x.weight(i), centres, labels[i] * d);
    }
    boolean[] taken = null;
    for (int c = 0; c < k; c++) {
      if (!normalise(centres, c * d, d)) {
        if (taken == null) {
          taken = new boolean[x.n()];
        }
        int worst = -1;
        for (int i = 0; i < x.n(); i++) {
          if (!taken[i] && x.weight(i) > 0 && (worst < 0 || sims[i] < sims[worst])) {
            worst = i;
          }
        }
        taken[worst] = true;
        x.addTo(worst, 1.0, centres, c * d);
      }
    }
  }

  /** Scales {@code v[off .. off + d)} to unit length; false when it is zero. */
  static boolean normalise(double[] v, int off, int d) {
    double s = 0;
    for (int j = off; j < off + d; j++) {
      s += v[j] * v[j];
    }
    if (s == 0) {
      return false;
    }
    double inv = 1 / Math.sqrt(s);
    for (int j = off; j < off + d; j++) {
      v[j] *= inv;
    }
    return true;
  }
}
