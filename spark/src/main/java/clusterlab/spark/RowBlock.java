package clusterlab.spark;

import clusterlab.core.Dataset;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.PartitionKernel;
import java.io.Serializable;

/**
 * Up to {@link #MAX_ROWS} consecutive rows of the data as one flat row-major {@code double[]} (the
 * layout ClusterLab's kernels read), with the global index of its first row, plus the per-row state
 * of the k-means kernel that runs on it.
 *
 * <p><b>Why state lives here, and what Spark guarantees.</b> The blocks are cached deserialized
 * ({@code MEMORY_ONLY}); Spark then hands every later job on the same executor the very same block
 * objects, so Hamerly's bounds and the labels survive from one iteration to the next and only the
 * rows whose bounds fail are re-examined. Spark does not promise this: a block evicted from memory,
 * recomputed after an executor loss, or read back from disk is a fresh object (the state is
 * {@code transient}). The state is therefore stamped with the run and the iteration it belongs to:
 * a block whose state is not from the previous iteration of this run starts over with a full scan
 * and reports all its rows as changed (correct labels, never a false convergence; at worst one more
 * iteration than on one machine), and a task re-run for an iteration it already did (a retry)
 * returns the recorded count instead of assigning twice. Tasks on one block are serialized by a lock
 * on the block, so even speculative copies in one executor cannot interleave.
 */
final class RowBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per block at most: 65,536 rows of 16 columns are 8 MiB. */
  static final int MAX_ROWS = 1 << 16;

  final long firstRow;
  final int n;
  final int d;
  final double[] values;
  /** Per-row weights, or null for unit weights. */
  final double[] weights;

  private transient PartitionKernel kernel;
  private transient long run;
  private transient int iteration;
  private transient int changed;
  private transient double[] seedCost;
  private transient long seedRun;
  private transient int seedRound;

  RowBlock(long firstRow, int n, int d, double[] values, double[] weights) {
    this.firstRow = firstRow;
    this.n = n;
    this.d = d;
    this.values = values;
    this.weights = weights;
  }

  Dataset dataset() {
    return Dataset.weighted(values, n, d, weights);
  }

  double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /**
   * Runs the assignment of iteration {@code iter} (0-based) of run {@code runId} and returns how many
   * labels changed; see the class comment for what happens when the state is missing or stale.
   */
  synchronized int assign(long runId, int iter, int k, KMeans.Algorithm algorithm, double[] centroids, double[] shift) {
    if (kernel != null && run == runId && iteration == iter) {
      return changed; // a retried task: this iteration is already applied
    }
    seedCost = null; // seeding is over: free its per-row costs
    boolean fresh = kernel == null || run != runId || iteration != iter - 1;
    if (fresh) {
      kernel = PartitionKernel.create(dataset(), k, algorithm);
      run = runId;
    }
    changed = kernel.assign(centroids, fresh ? null : shift);
    iteration = iter;
    return changed;
  }

  /**
   * Adds this block's per-cluster weighted sums ({@code acc[0 .. k d)}) and weights
   * ({@code acc[k d .. k d + k)}) for the labels of iteration {@code iter} of run {@code runId}.
   */
  void accumulate(long runId, int iter, double[] centroids, double[] acc, int k, int dim) {
    double[] sums = new double[k * dim];
    double[] w = new double[k];
    PartitionKernel kn = kernelAt(runId, iter);
    if (kn != null) {
      kn.accumulate(sums, w);
    } else {
      int[] labels = nearest(centroids, k);
      for (int i = 0; i < n; i++) {
        int c = labels[i];
        double wi = weight(i);
        w[c] += wi;
        for (int j = 0; j < dim; j++) {
          sums[c * dim + j] += values[i * dim + j] * wi;
        }
      }
    }
    for (int t = 0; t < sums.length; t++) {
      acc[t] += sums[t];
    }
    for (int c = 0; c < k; c++) {
      acc[k * dim + c] += w[c];
    }
  }

  /**
   * The labels of iteration {@code iter} of run {@code runId}: the kernel's when it holds them,
   * else the nearest of {@code centroids} (the centres that iteration assigned to), which are the
   * same labels.
   */
  int[] labels(long runId, int iter, double[] centroids, int k) {
    PartitionKernel kn = kernelAt(runId, iter);
    if (kn == null) {
      return nearest(centroids, k);
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = kn.label(i);
    }
    return out;
  }

  /** Final labels of a fit: the kernel's, or the model's predictions. */
  int[] labels(long runId, int iter, clusterlab.core.kmeans.KMeansModel model) {
    return labels(runId, iter, model.centroids(), model.k());
  }

  /**
   * k-means|| costs after round {@code round} of seeding run {@code runId}: each row's squared
   * distance to the nearest of the first {@code m} candidates. The costs of the previous round are
   * lowered with the candidates from {@code from} on; missing or stale costs are recomputed against
   * all {@code m}.
   */
  synchronized double[] seedCosts(long runId, int round, double[] candidates, int m, int from) {
    if (seedCost != null && seedRun == runId && seedRound == round) {
      return seedCost;
    }
    boolean incremental = seedCost != null && seedRun == runId && seedRound == round - 1;
    double[] cost = incremental ? seedCost : new double[n];
    int start = incremental ? from : 0;
    for (int i = 0; i < n; i++) {
      cost[i] = KMeansParallelInit.nearestCost(this, i, candidates, start, m,
          incremental ? cost[i] : Double.POSITIVE_INFINITY);
    }
    seedCost = cost;
    seedRun = runId;
    seedRound = round;
    return cost;
  }

  private synchronized PartitionKernel kernelAt(long runId, int iter) {
    return kernel != null && run == runId && iteration == iter ? kernel : null;
  }

  /** Nearest centre of every row, ties to the lower index (the kernels' rule, with their distance). */
  int[] nearest(double[] centroids, int k) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double dist = PartitionKernel.squaredDistance(values, i * d, centroids, c * d, d);
        if (dist < bestDist) {
          bestDist = dist;
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }
}
