package clusterlab.spark;

import clusterlab.core.Check;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.kmeans.PartitionKernel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * k-means on Spark with ClusterLab's own kernel in every partition: the loop of
 * {@link clusterlab.core.kmeans.KMeans} (same stopping rules: no label changed, or the summed
 * squared centre shift at most the tolerance times the mean column variance, as scikit-learn; the
 * same re-seeding of emptied clusters with the farthest rows; the same final re-assignment), where
 * each iteration is one Spark job: every cached block runs Hamerly's bounded assignment (Hamerly
 * 2010; Elkan's or Lloyd's on request) with the bounds it kept from the previous iteration (see
 * {@link RowBlock}), and only the per-cluster weighted sums, weights and the count of changed labels
 * travel, combined by {@code treeAggregate}. Initial centres by k-means|| ({@link KMeansParallelInit},
 * Bahmani et al. 2012), random rows, or given.
 *
 * <p>Driver memory is O(k d) per iteration plus O(number of blocks) for the job bookkeeping:
 * labels stay with the data (read them with {@link Fit#labelled}), so the returned
 * {@link KMeansModel} carries no training labels ({@code labels()} is empty).
 */
public final class DistributedKMeans {

  private static final AtomicLong RUNS = new AtomicLong(System.nanoTime());

  private final int k;
  private final int maxIterations;
  private final double tolerance;
  private final KMeans.Algorithm algorithm;
  private final int depth;
  private Consumer<String> log = s -> { };

  /**
   * @param k number of clusters
   * @param maxIterations iteration limit (at least 1)
   * @param tolerance relative tolerance on the summed squared centre shift (0: until no label changes)
   * @param algorithm assignment kernel per block (AUTO: as {@link KMeans#resolve} decides per block)
   * @param depth depth of the {@code treeAggregate}, or 0 for {@link #autoDepth}
   */
  public DistributedKMeans(int k, int maxIterations, double tolerance, KMeans.Algorithm algorithm, int depth) {
    Check.atLeast("k (number of clusters)", k, 1);
    Check.atLeast("maxIterations", maxIterations, 1);
    Check.nonNegative("tolerance", tolerance);
    Check.notNull("algorithm", algorithm);
    Check.nonNegative("depth", depth);
    this.k = k;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.algorithm = algorithm;
    this.depth = depth;
  }

  /** Partitions up to which the per-cluster sums go straight to the driver (one stage per iteration). */
  static final int DIRECT_PARTITIONS = 64;

  /**
   * The {@code treeAggregate} depth for {@code partitions}: 1 (each partition's k d + k sums go
   * straight to the driver, one stage per iteration) up to {@link #DIRECT_PARTITIONS} partitions,
   * else 2. Why: a tree level is a shuffle stage, whose scheduling costs more than the driver's
   * merging of up to 64 partials of {@code 16 (k d + k)} bytes (1.1 MB at k = 32, d = 16); beyond
   * that the tree keeps the driver's inbound traffic at about the square root of the partitions.
   */
  static int autoDepth(int partitions) {
    return partitions <= DIRECT_PARTITIONS ? 1 : 2;
  }

  /** Where progress lines go (one per iteration). */
  public DistributedKMeans withLog(Consumer<String> sink) {
    this.log = Check.notNull("log", sink);
    return this;
  }

  /** The outcome of a fit: the model and the run that labelled the cached blocks. */
  public static final class Fit {
    private final KMeansModel model;
    private final long run;
    private final int finalIteration;
    private final long nanos;

    Fit(KMeansModel model, long run, int finalIteration, long nanos) {
      this.model = model;
      this.run = run;
      this.finalIteration = finalIteration;
      this.nanos = nanos;
    }

    /** The fitted model (no training labels inside; see {@link #labelled}). */
    public KMeansModel model() {
      return model;
    }

    /** Wall-clock nanoseconds of the iterations (seeding excluded). */
    public long nanos() {
      return nanos;
    }

    /**
     * The label of every row, block by block ({@code (first row, labels)}), read from the blocks'
     * kernels where they still hold this run's final labels, else predicted by the model (the same
     * labels: every final label is the nearest final centre, ties to the lower index).
     */
    public JavaRDD<BlockLabels> labelled(Blocks.Data data) {
      KMeansModel m = model;
      long r = run;
      int it = finalIteration;
      return data.rdd().map(b -> new BlockLabels(b.firstRow, b.labels(r, it, m)));
    }
  }

  /**
   * Spark rows of the data with their cluster appended, in the input order (for the labelled
   * output): the block's values then the label.
   */
  public static JavaRDD<org.apache.spark.sql.Row> rowsWithLabels(Blocks.Data data, JavaRDD<BlockLabels> labels) {
    return data.rdd().zip(labels).flatMap(pair -> {
      RowBlock b = pair._1();
      int[] lab = pair._2().labels;
      int d = b.d;
      List<org.apache.spark.sql.Row> out = new ArrayList<>(b.n);
      for (int i = 0; i < b.n; i++) {
        Object[] cells = new Object[d + 1];
        for (int j = 0; j < d; j++) {
          cells[j] = b.values[i * d + j];
        }
        cells[d] = lab[i];
        out.add(org.apache.spark.sql.RowFactory.create(cells));
      }
      return out.iterator();
    });
  }

  /** The labels of one block of rows. */
  public static final class BlockLabels implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Global index of the block's first row. */
    public final long firstRow;
    /** One label per row of the block. */
    public final int[] labels;

    BlockLabels(long firstRow, int[] labels) {
      this.firstRow = firstRow;
      this.labels = labels;
    }
  }

  /** Runs the iterations from the given centres (row-major {@code k * d}; not modified). */
  public Fit fitFrom(Blocks.Data data, double[] initialCentroids) {
    Check.notNull("data", data);
    Check.notNull("initialCentroids", initialCentroids);
    int d = data.d();
    if (data.n() < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " rows, the data has " + data.n());
    }
    if (initialCentroids.length != k * d) {
      throw new IllegalArgumentException("initial centroids have " + initialCentroids.length + " values; expected k * d = "
          + k + " * " + d);
    }
    for (double c : initialCentroids) {
      if (!Double.isFinite(c)) {
        throw new IllegalArgumentException("initial centroids must be finite, got " + c);
      }
    }
    long start = System.nanoTime();
    int treeDepth = depth > 0 ? depth : autoDepth(data.rdd().getNumPartitions());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.rdd().context());
    double tol = tolerance == 0 ? 0 : tolerance * meanVariance(data);
    long run = RUNS.incrementAndGet();
    double[] current = initialCentroids.clone();
    double[] shift = null;
    boolean strict = false;
    boolean converged = false;
    int iter = 0;
    while (iter < maxIterations) {
      Step step = assign(jsc, data, run, iter, current, shift, treeDepth);
      double[] sums = step.sums();
      double[] weight = step.weights();
      reseedEmpty(data, run, iter, current, sums, weight);
      double[] next = new double[k * d];
      shift = new double[k];
      double total = 0;
      for (int c = 0; c < k; c++) {
        if (weight[c] > 0) {
          double alpha = 1.0 / weight[c];
          for (int j = 0; j < d; j++) {
            next[c * d + j] = sums[c * d + j] * alpha;
          }
        } else {
          System.arraycopy(current, c * d, next, c * d, d);
        }
        double sq = PartitionKernel.squaredDistance(next, c * d, current, c * d, d);
        shift[c] = Math.sqrt(sq);
        total += sq;
      }
      current = next;
      iter++;
      log.accept("iteration " + iter + ": " + step.changed + " labels changed, centre shift " + total);
      if (step.changed == 0) {
        strict = true;
        converged = true;
        break;
      }
      if (total <= tol) {
        converged = true;
        break;
      }
    }
    int finalIteration = iter - 1;
    if (!strict) {
      // as on one machine: one more (bounded) assignment so that every label is the nearest final centre
      assign(jsc, data, run, iter, current, shift, treeDepth);
      finalIteration = iter;
    }
    Sums fin = finish(jsc, data, run, finalIteration, current, treeDepth);
    double[] inertia = new double[k];
    double[] weight = new double[k];
    for (int c = 0; c < k; c++) {
      inertia[c] = fin.value(c);
      weight[c] = fin.value(k + c);
    }
    KMeans.Algorithm ran = KMeans.resolve(algorithm, RowBlock.MAX_ROWS, d, k);
    KMeansModel model = KMeansModel.of(k, d, current, new int[0], inertia, weight, iter, converged, ran);
    return new Fit(model, run, finalIteration, System.nanoTime() - start);
  }

  /** One iteration's reduced statistics. */
  private final class Step {
    private final Sums s;
    private final long changed;

    Step(Sums s) {
      this.s = s;
      this.changed = s.count;
    }

    double[] sums() {
      double[] all = s.value();
      return java.util.Arrays.copyOf(all, all.length - k);
    }

    double[] weights() {
      double[] all = s.value();
      return java.util.Arrays.copyOfRange(all, all.length - k, all.length);
    }
  }

  /** One Spark job: assignment in every block, per-cluster sums and weights back by treeAggregate. */
  private Step assign(JavaSparkContext jsc, Blocks.Data data, long run, int iter, double[] centroids, double[] shift,
      int treeDepth) {
    int kk = k;
    int d = data.d();
    KMeans.Algorithm algo = algorithm;
    Broadcast<double[][]> bc = jsc.broadcast(new double[][] {centroids, shift});
    try {
      Sums s = data.rdd().treeAggregate(new Sums(kk * d + kk), (acc, b) -> {
        double[][] cs = bc.value();
        acc.count += b.assign(run, iter, kk, algo, cs[0], cs[1]);
        b.accumulate(run, iter, cs[0], acc.hi, kk, d);
        return acc;
      }, Sums::merge, treeDepth);
      return new Step(s);
    } finally {
      bc.destroy();
    }
  }

  /** Per-cluster inertia (first k) and weight (next k) of the final labels. */
  private Sums finish(JavaSparkContext jsc, Blocks.Data data, long run, int iter, double[] centroids, int treeDepth) {
    int kk = k;
    int d = data.d();
    Broadcast<double[]> bc = jsc.broadcast(centroids);
    try {
      return data.rdd().treeAggregate(new Sums(2 * kk), (acc, b) -> {
        double[] cen = bc.value();
        int[] labels = b.labels(run, iter, cen, kk);
        for (int i = 0; i < b.n; i++) {
          int c = labels[i];
          double w = b.weight(i);
          acc.hi[kk + c] += w;
          acc.hi[c] += w * PartitionKernel.squaredDistance(b.values, i * d, cen, c * d, d);
        }
        return acc;
      }, Sums::merge, treeDepth);
    } finally {
      bc.destroy();
    }
  }

  /** A row far from its centre: a re-seeding candidate. */
  static final class Far implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final double dist;
    final long row;
    final int label;
    final double weight;
    final double[] values;

    Far(double dist, long row, int label, double weight, double[] values) {
      this.dist = dist;
      this.row = row;
      this.label = label;
      this.weight = weight;
      this.values = values;
    }
  }

  /** Farthest first, ties to the lower row (as {@code Iterations.reseedEmpty}). */
  static final Comparator<Far> FARTHEST = (a, b) -> a.dist != b.dist ? Double.compare(b.dist, a.dist)
      : Long.compare(a.row, b.row);

  /**
   * scikit-learn's (and {@link KMeans}'s) relocation of emptied clusters: the rows farthest from
   * their centre become the centres of the clusters that received no weight. Runs a Spark job only
   * when a cluster is empty; each partition sends its {@code empty} farthest rows.
   */
  private void reseedEmpty(Blocks.Data data, long run, int iter, double[] centroids, double[] sums, double[] weight) {
    int empty = 0;
    for (int c = 0; c < k; c++) {
      if (weight[c] == 0) {
        empty++;
      }
    }
    if (empty == 0) {
      return;
    }
    int m = empty;
    int kk = k;
    int d = data.d();
    List<Far> far = new ArrayList<>(data.rdd().mapPartitions(it -> {
      List<Far> top = new ArrayList<>();
      while (it.hasNext()) {
        RowBlock b = it.next();
        int[] labels = b.labels(run, iter, centroids, kk);
        for (int i = 0; i < b.n; i++) {
          if (b.weight(i) > 0) {
            double dist = PartitionKernel.squaredDistance(b.values, i * d, centroids, labels[i] * d, d);
            top.add(new Far(dist, b.firstRow + i, labels[i], b.weight(i), null));
          }
        }
        top.sort(FARTHEST);
        List<Far> keep = new ArrayList<>();
        for (Far f : top.subList(0, Math.min(m, top.size()))) {
          int i = (int) (f.row - b.firstRow); // rows of earlier blocks already carry their values
          keep.add(f.values != null ? f
              : new Far(f.dist, f.row, f.label, f.weight, java.util.Arrays.copyOfRange(b.values, i * d, i * d + d)));
        }
        top = keep;
      }
      return top.iterator();
    }).collect());
    far.sort(FARTHEST);
    int next = 0;
    for (int c = 0; c < k && next < far.size() && next < m; c++) {
      if (weight[c] != 0) {
        continue;
      }
      Far f = far.get(next++);
      for (int j = 0; j < d; j++) {
        sums[f.label * d + j] -= f.values[j] * f.weight;
        sums[c * d + j] = f.values[j] * f.weight;
      }
      weight[f.label] -= f.weight;
      weight[c] = f.weight;
    }
    log.accept("re-seeded " + Math.min(m, far.size()) + " empty cluster(s) with the farthest rows");
  }

  /**
   * Mean over columns of the (unweighted, population) column variance, scikit-learn's tolerance
   * scale, in two passes as {@link KMeans#meanVariance}.
   */
  static double meanVariance(Blocks.Data data) {
    int d = data.d();
    Sums s1 = data.rdd().treeAggregate(new Sums(d), (acc, b) -> {
      for (int i = 0; i < b.n; i++) {
        for (int j = 0; j < d; j++) {
          acc.hi[j] += b.values[i * d + j];
        }
      }
      acc.count += b.n;
      return acc;
    }, Sums::merge, 2);
    double n = s1.count;
    double[] mean = s1.value();
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    Sums s2 = data.rdd().treeAggregate(new Sums(d), (acc, b) -> {
      for (int i = 0; i < b.n; i++) {
        for (int j = 0; j < d; j++) {
          double t = b.values[i * d + j] - mean[j];
          acc.hi[j] += t * t;
        }
      }
      return acc;
    }, Sums::merge, 2);
    double total = 0;
    for (int j = 0; j < d; j++) {
      total += s2.value(j) / n;
    }
    return total / d;
  }
}
