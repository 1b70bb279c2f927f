package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.parallel.Parallel;
import java.util.SplittableRandom;

/**
 * Cluster-wise stability by the bootstrap (Hennig 2007, "Cluster-wise assessment of cluster
 * stability", CSDA 52), as R's {@code fpc::clusterboot} with {@code bootmethod = "boot"} and its
 * defaults: each resample draws n rows with replacement and keeps the distinct ones (in order of
 * first draw), re-clusters them, and scores every original cluster by its largest Jaccard
 * similarity to a resample cluster, both restricted to the resampled rows (0 when the original
 * cluster has no row in the resample). Means over resamples above 0.75 indicate stable clusters,
 * below 0.5 dissolved ones.
 *
 * <p>Noise rows (-1) belong to no cluster, in the original labelling as in the resamples (fpc's
 * {@code noisemethod = TRUE} for the regular clusters). Resamples run in parallel; resample b uses
 * the b-th seed of a sequence drawn from the call's seed, so the result is the same for any thread
 * count. The clustering function receives a seed derived the same way.
 */
public final class BootstrapJaccard {

  private final int resamples;
  private final double dissolution;
  private final double recover;
  private final int threads;

  /** fpc's defaults: 100 resamples, dissolution 0.5, recovery 0.75, all cores. */
  public BootstrapJaccard() {
    this(100, 0.5, 0.75, 0);
  }

  /**
   * @param resamples number of bootstrap resamples, at least 1
   * @param dissolution Jaccard at or below which a cluster counts as dissolved, in [0, 1]
   * @param recover Jaccard at or above which a cluster counts as recovered, in [0, 1]
   * @param threads resamples clustered at once, {@code <= 0} for all cores
   */
  public BootstrapJaccard(int resamples, double dissolution, double recover, int threads) {
    Check.atLeast("resamples", resamples, 1);
    Check.inRange("dissolution", dissolution, 0, 1);
    Check.inRange("recover", recover, 0, 1);
    this.resamples = resamples;
    this.dissolution = dissolution;
    this.recover = recover;
    this.threads = threads;
  }

  /**
   * A clustering method that is handed the resampled rows as row numbers of the original data
   * (0-based, distinct, in order of first draw), so a caller that holds the data in another form (Weka's
   * {@code Instances}) selects the rows itself instead of encoding row numbers as data.
   */
  @FunctionalInterface
  public interface RowClustering {
    /** Clusters rows {@code rows} of the original data; one label per listed row ({@code -1} = noise). */
    int[] cluster(int[] rows, long seed);
  }

  /** Assesses the clusters of {@code labels} (computed by {@code method} on {@code data}). */
  public StabilityResult run(Dataset data, int[] labels, ClusteringFunction method, long seed) {
    Check.notNull("data", data);
    Check.notNull("method", method);
    return run(data.n(), labels, (rows, s) -> method.cluster(data.subset(rows), s), seed);
  }

  /** Assesses the clusters of {@code labels} on {@code n} rows, clustering each resample by its row numbers. */
  public StabilityResult run(int n, int[] labels, RowClustering method, long seed) {
    Check.notNull("method", method);
    SplittableRandom master = new SplittableRandom(seed);
    int[][] draws = new int[resamples][];
    long[] methodSeeds = new long[resamples];
    for (int b = 0; b < resamples; b++) {
      SplittableRandom r = new SplittableRandom(master.nextLong());
      methodSeeds[b] = master.nextLong();
      draws[b] = new int[n];
      for (int i = 0; i < n; i++) {
        draws[b][i] = r.nextInt(n);
      }
    }
    return fromDraws(n, labels, method, draws, methodSeeds);
  }

  /**
   * Assesses stability on given resamples: {@code draws[b]} lists the 0-based rows drawn for
   * resample b, duplicates allowed (they are removed, keeping the first occurrence). Lets a test
   * replay the exact resamples another implementation drew.
   */
  public StabilityResult fromDraws(Dataset data, int[] labels, ClusteringFunction method, int[][] draws,
      long[] methodSeeds) {
    Check.notNull("data", data);
    return fromDraws(data.n(), labels, (rows, s) -> method.cluster(data.subset(rows), s), draws, methodSeeds);
  }

  private StabilityResult fromDraws(int n, int[] labels, RowClustering method, int[][] draws, long[] methodSeeds) {
    Labelling lab = Labelling.of(labels, n);
    if (lab.k() < 1) {
      throw new IllegalArgumentException("bootstrap Jaccard: every row is noise; there is no cluster to assess");
    }
    int k = lab.k();
    double[][] jaccard = new double[k][draws.length];
    Parallel.forRange(draws.length, threads, (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        int[] rows = distinct(draws[b], n);
        int[] fresh = method.cluster(rows, methodSeeds[b]);
        double[] best = bestJaccard(lab, rows, Labelling.of(fresh, rows.length));
        for (int c = 0; c < k; c++) {
          jaccard[c][b] = best[c];
        }
      }
    });
    return new StabilityResult(lab.ids(), jaccard, dissolution, recover);
  }

  private static int[] distinct(int[] draw, int n) {
    boolean[] seen = new boolean[n];
    int[] rows = new int[draw.length];
    int m = 0;
    for (int r : draw) {
      Check.inRange("resampled row", r, 0, n - 1);
      if (!seen[r]) {
        seen[r] = true;
        rows[m++] = r;
      }
    }
    return java.util.Arrays.copyOf(rows, m);
  }

  /** For each original cluster, its largest Jaccard with a resample cluster, on the resampled rows. */
  private static double[] bestJaccard(Labelling original, int[] rows, Labelling fresh) {
    int k = original.k();
    int kb = fresh.k();
    long[][] both = new long[k][kb];
    long[] sizeA = new long[k];
    long[] sizeB = new long[kb];
    for (int r = 0; r < rows.length; r++) {
      int a = original.of(rows[r]);
      int b = fresh.of(r);
      if (a >= 0) {
        sizeA[a]++;
      }
      if (b >= 0) {
        sizeB[b]++;
      }
      if (a >= 0 && b >= 0) {
        both[a][b]++;
      }
    }
    double[] best = new double[k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < kb; b++) {
        long union = sizeA[a] + sizeB[b] - both[a][b];
        double j = union == 0 ? 0 : (double) both[a][b] / union;
        best[a] = Math.max(best[a], j);
      }
    }
    return best;
  }
}
