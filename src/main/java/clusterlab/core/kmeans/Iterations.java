package clusterlab.core.kmeans;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Blocks;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;

/**
 * The k-means iteration loop shared by Lloyd, Elkan and Hamerly, written to follow scikit-learn's
 * {@code _kmeans_single_lloyd} step for step so that results can be checked against it:
 * assign rows, recompute the weighted centroids, re-seed emptied clusters, stop when no label
 * changed ("strict convergence") or when the summed squared centre shift is at most the tolerance;
 * when stopped by the tolerance or the iteration limit, rows are re-assigned to the final centres
 * so that labels and centres agree.
 *
 * <p>Determinism: rows are processed in blocks of {@link #BLOCK} rows whatever the thread count;
 * per-block centroid sums are added in block order, so the result is bit-identical for any number
 * of threads.
 */
final class Iterations {

  /** Rows per block: fixed so that sums do not depend on the thread count. */
  static final int BLOCK = 4096;

  private final Dataset data;
  private final int k;
  private final int maxIterations;
  private final double tol;
  private final int threads;
  private final Progress progress;

  /**
   * @param tol absolute tolerance on the summed squared centre shift (already scaled)
   */
  Iterations(Dataset data, int k, int maxIterations, double tol, int threads, Progress progress) {
    this.data = data;
    this.k = k;
    this.maxIterations = maxIterations;
    this.tol = tol;
    this.threads = threads;
    this.progress = progress;
  }

  static int blocks(int n) {
    return (n + BLOCK - 1) / BLOCK;
  }

  /** Runs the loop from {@code centroids} (modified in place to the final centres). */
  KMeansModel run(double[] centroids, KMeans.Algorithm algorithm) {
    int n = data.n();
    int d = data.d();
    Blocks rowBlocks = Blocks.ofSize(n, BLOCK);
    int blocks = rowBlocks.count();
    Assigner assigner = create(algorithm, blocks);
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    double[][] blockSums = new double[blocks][k * d];
    double[][] blockWeights = new double[blocks][k];
    int[] blockChanged = new int[blocks];
    double[] sums = new double[k * d];
    double[] weight = new double[k];
    double[] shift = null;
    double[] trace = new double[maxIterations];
    boolean strict = false;
    boolean converged = false;
    int iter = 0;
    double[] current = centroids;
    while (iter < maxIterations) {
      progress.checkCancelled();
      assigner.prepare(current, shift);
      final double[] cen = current;
      Parallel.forBlocks(rowBlocks, threads, (b, lo, hi) -> {
        blockChanged[b] = assigner.assign(b, lo, hi, cen, labels);
        Arrays.fill(blockSums[b], 0);
        Arrays.fill(blockWeights[b], 0);
        accumulate(data, lo, hi, labels, blockSums[b], blockWeights[b]);
      });
      long changed = 0;
      double inertia = 0;
      for (int b = 0; b < blocks; b++) {
        changed += blockChanged[b];
        inertia += assigner.blockInertia(b);
      }
      Arrays.fill(sums, 0);
      Arrays.fill(weight, 0);
      Parallel.addInOrder(blockSums, sums);
      Parallel.addInOrder(blockWeights, weight);
      trace[iter] = inertia;
      reseedEmpty(labels, current, sums, weight);
      double[] next = new double[k * d];
      shift = new double[k];
      double total = 0;
      for (int c = 0; c < k; c++) {
        double sq = 0;
        if (weight[c] > 0) {
          double alpha = 1.0 / weight[c];
          for (int j = 0; j < d; j++) {
            next[c * d + j] = sums[c * d + j] * alpha;
          }
        } else {
          System.arraycopy(current, c * d, next, c * d, d); // no weighted row at all: the centre stays
        }
        sq = KMeansKernels.squaredDistance(next, c * d, current, c * d, d);
        shift[c] = Math.sqrt(sq);
        total += sq;
      }
      current = next;
      iter++;
      progress.report("k-means", (double) iter / maxIterations,
          "iteration " + iter + ", " + changed + " labels changed, centre shift " + total);
      if (changed == 0) {
        strict = true;
        converged = true;
        break;
      }
      if (total <= tol) {
        converged = true;
        break;
      }
    }
    if (!strict) {
      // stopped by the tolerance or the iteration limit: one more (bounded) assignment pass so that
      // every row carries the label of its nearest final centre
      assigner.prepare(current, shift);
      final double[] cen = current;
      Parallel.forBlocks(rowBlocks, threads, (b, lo, hi) -> assigner.assign(b, lo, hi, cen, labels));
    }
    System.arraycopy(current, 0, centroids, 0, k * d);
    double[] tr = algorithm == KMeans.Algorithm.LLOYD ? Arrays.copyOf(trace, iter) : new double[0];
    return finish(centroids.clone(), labels, iter, converged, algorithm, tr);
  }

  private Assigner create(KMeans.Algorithm algorithm, int blocks) {
    switch (algorithm) {
      case ELKAN:
        return new ElkanAssigner(data, k);
      case HAMERLY:
        return new HamerlyAssigner(data, k);
      case BLOCKED:
        return new BlockedHamerlyAssigner(data, k);
      case LLOYD:
        return new LloydAssigner(data, k, blocks);
      default:
        throw new IllegalArgumentException("algorithm must be resolved before iterating, got " + algorithm);
    }
  }

  /** Adds the weighted sums and weights of rows {@code [from, to)} per cluster to {@code s} and {@code w}. */
  static void accumulate(Dataset data, int from, int to, int[] labels, double[] s, double[] w) {
    int d = data.d();
    double[] v = data.values();
    for (int i = from; i < to; i++) {
      int c = labels[i];
      double wi = data.weight(i);
      w[c] += wi;
      int co = c * d;
      int io = i * d;
      for (int j = 0; j < d; j++) {
        s[co + j] += v[io + j] * wi;
      }
    }
  }

  /**
   * scikit-learn's relocation of empty clusters: the rows farthest from their assigned centre (in
   * decreasing distance, ties to the lower row) become the new centres of the clusters that
   * received no weight; their labels stay as they are until the next assignment, as in
   * scikit-learn. Rows of weight 0 cannot carry a cluster and are skipped.
   */
  void reseedEmpty(int[] labels, double[] centroids, double[] sums, double[] weight) {
    int empty = 0;
    for (int c = 0; c < k; c++) {
      if (weight[c] == 0) {
        empty++;
      }
    }
    if (empty == 0) {
      return;
    }
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      dist[i] = data.weight(i) > 0 ? KMeansKernels.squaredDistance(v, i * d, centroids, labels[i] * d, d) : -1;
    }
    int[] far = topIndices(dist, empty);
    int next = 0;
    for (int c = 0; c < k && next < far.length; c++) {
      if (weight[c] != 0) {
        continue;
      }
      int row = far[next++];
      int from = labels[row];
      double w = data.weight(row);
      for (int j = 0; j < d; j++) {
        sums[from * d + j] -= v[row * d + j] * w;
        sums[c * d + j] = v[row * d + j] * w;
      }
      weight[from] -= w;
      weight[c] = w;
    }
  }

  /** Indices of the {@code m} largest non-negative values, largest first, ties to the lower index. */
  private static int[] topIndices(double[] values, int m) {
    Integer[] idx = new Integer[values.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
    int count = 0;
    while (count < m && count < idx.length && values[idx[count]] >= 0) {
      count++;
    }
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  private KMeansModel finish(double[] centroids, int[] labels, int iter, boolean converged, KMeans.Algorithm algorithm,
      double[] trace) {
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
    return new KMeansModel(k, d, centroids, labels, inertia, weight, iter, converged, algorithm, trace);
  }
}
