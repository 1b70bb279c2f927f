package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The silhouette width (Rousseeuw 1987): for row i with mean distance a(i) to the other members of
 * its cluster and smallest mean distance b(i) to another cluster, s(i) = (b - a) / max(a, b).
 *
 * <p>Exact, never an n x n matrix: rows are grouped by cluster, and for each row (four at a time,
 * in parallel chunks) one sequential pass sums its distances to every cluster, so memory is one
 * copy of the data plus O(k) per thread while time is O(n^2 d) as in any exact silhouette.
 * Per-row values do not depend on the thread count, and the mean is summed in row order, so results
 * are identical for any number of threads.
 *
 * <p>Conventions follow scikit-learn's {@code silhouette_samples}: a row alone in its cluster has
 * s = 0; 0/0 (a = b = 0) is 0; fewer than 2 clusters or more than n - 1 is an
 * {@link IllegalArgumentException}. Noise rows (-1) are left out of every cluster and reported.
 * With a sample size, a seeded random subset of the clustered rows is drawn and the silhouette is
 * computed within it (scikit-learn's {@code sample_size}), an unbiased estimate of the mean.
 * Row weights other than 1 are refused.
 */
public final class Silhouette implements InternalIndex {

  private final Distance distance;
  private final int threads;
  private final int sampleSize;
  private final long seed;

  /** Exact silhouette with the given distance on all cores. */
  public Silhouette(Distance distance) {
    this(distance, 0, 0, 0L);
  }

  /**
   * @param distance dissimilarity between rows
   * @param threads worker threads, {@code <= 0} for all cores
   * @param sampleSize number of clustered rows to evaluate, {@code 0} for all (exact)
   * @param seed seed of the sample (ignored when exact)
   */
  public Silhouette(Distance distance, int threads, int sampleSize, long seed) {
    this.distance = Check.notNull("distance", distance);
    Check.atLeast("sampleSize", sampleSize, 0);
    this.threads = threads;
    this.sampleSize = sampleSize;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "silhouette";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public double score(Dataset data, int[] labels) {
    return compute(data, labels).mean();
  }

  @Override
  public double score(Dataset data, int[] labels, Progress progress) {
    return compute(data, labels, progress).mean();
  }

  /** Per-row, per-cluster and mean silhouette widths. */
  public SilhouetteResult compute(Dataset data, int[] labels) {
    return compute(data, labels, Progress.NONE);
  }

  /**
   * Per-row, per-cluster and mean silhouette widths, reporting progress and checking for
   * cancellation between tiles of rows (the quadratic pass can take seconds on large data).
   *
   * @throws Progress.CancelledException when {@code progress} reports cancellation
   */
  public SilhouetteResult compute(Dataset data, int[] labels, Progress progress) {
    Check.notNull("data", data);
    Check.notNull("progress", progress);
    Weights.requireUnit(data, "silhouette");
    Labelling full = Labelling.of(labels, data.n());
    int[] rows = chosenRows(full);
    Dataset sub = rows == null ? data : data.subset(rows);
    int[] subLabels = labels;
    if (rows != null) {
      subLabels = new int[rows.length];
      for (int r = 0; r < rows.length; r++) {
        subLabels[r] = labels[rows[r]];
      }
    }
    Labelling lab = rows == null ? full : Labelling.of(subLabels, rows.length);
    lab.requireValidCount("silhouette");
    Grouped g = new Grouped(sub, lab);
    double[] grouped = widths(g, progress);
    double[] samples = new double[data.n()];
    Arrays.fill(samples, Double.NaN);
    double total = 0;
    int k = g.k();
    double[] clusterSum = new double[k];
    int[] clusterCount = new int[k];
    for (int r = 0; r < g.m; r++) {
      int original = rows == null ? g.row[r] : rows[g.row[r]];
      samples[original] = grouped[r];
    }
    for (int i = 0; i < data.n(); i++) {
      if (!Double.isNaN(samples[i])) {
        total += samples[i];
      }
    }
    for (int r = 0; r < g.m; r++) {
      clusterSum[g.cluster[r]] += grouped[r];
      clusterCount[g.cluster[r]]++;
    }
    double[] clusterMeans = new double[k];
    int[] ids = new int[k];
    for (int c = 0; c < k; c++) {
      clusterMeans[c] = clusterSum[c] / clusterCount[c];
      ids[c] = lab.id(c);
    }
    return new SilhouetteResult(samples, total / g.m, ids, clusterMeans, clusterCount, full.noise(), g.m,
        distance instanceof Metric ? ((Metric) distance).id() : distance.name());
  }

  /** Rows to evaluate, or null for all. */
  private int[] chosenRows(Labelling lab) {
    if (sampleSize == 0 || sampleSize >= lab.clustered()) {
      return null;
    }
    int[] pool = new int[lab.clustered()];
    int p = 0;
    for (int i = 0; i < lab.dense().length; i++) {
      if (lab.of(i) >= 0) {
        pool[p++] = i;
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < sampleSize; i++) {
      int j = i + rng.nextInt(pool.length - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    int[] chosen = Arrays.copyOf(pool, sampleSize);
    Arrays.sort(chosen);
    return chosen;
  }

  /** Silhouette of every grouped row. */
  private double[] widths(Grouped g, Progress progress) {
    int k = g.k();
    int d = g.d;
    double[] norms = distance == Metric.COSINE ? RowSums.norms(g.x, g.m, d) : null;
    RowSums kernel = RowSums.of(distance, norms);
    double[] s = new double[g.m];
    int tiles = (g.m + RowSums.TILE - 1) / RowSums.TILE;
    AtomicInteger done = new AtomicInteger();
    Parallel.forRange(tiles, threads, (chunk, from, to) -> {
      double[][] sums = new double[k][RowSums.TILE];
      int[] q = new int[RowSums.TILE];
      for (int tile = from; tile < to; tile++) {
        progress.checkCancelled();
        int first = tile * RowSums.TILE;
        int count = Math.min(RowSums.TILE, g.m - first);
        for (int t = 0; t < RowSums.TILE; t++) {
          q[t] = (first + Math.min(t, count - 1)) * d;
        }
        for (int c = 0; c < k; c++) {
          Arrays.fill(sums[c], 0);
          kernel.sums(g.x, d, q, g.start[c], g.start[c + 1], sums[c]);
        }
        for (int t = 0; t < count; t++) {
          s[first + t] = width(g, first + t, sums, t);
        }
      }
      int finished = done.addAndGet(to - from);
      synchronized (progress) {
        progress.report("silhouette", (double) finished / tiles, finished * RowSums.TILE + " of " + g.m + " rows");
      }
    });
    return s;
  }

  private static double width(Grouped g, int r, double[][] sums, int t) {
    int own = g.cluster[r];
    int size = g.start[own + 1] - g.start[own];
    if (size == 1) {
      return 0;
    }
    double a = sums[own][t] / (size - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int c = 0; c < sums.length; c++) {
      if (c != own) {
        b = Math.min(b, sums[c][t] / (g.start[c + 1] - g.start[c]));
      }
    }
    double max = Math.max(a, b);
    return max == 0 ? 0 : (b - a) / max;
  }
}
