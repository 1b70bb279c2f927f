package clusterlab.core.kmeans;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import java.util.Arrays;

/**
 * ClusterLab's k-means assignment kernel over one block of rows that an outside engine holds (a
 * cached Spark partition, for instance), keeping the kernel's per-row state (labels, and Hamerly's or
 * Elkan's bounds) from one iteration to the next. The engine runs the shared loop itself: it gives
 * every block the same centres and centre shifts, adds up the per-cluster sums the blocks return,
 * and moves the centres; because a row's label depends only on the centres, and every distance is
 * computed by the same kernels as {@link KMeans}, the blocks reach exactly the single-machine labels.
 *
 * <p>Rows are assigned in blocks of {@link Iterations#BLOCK} rows, as in {@link KMeans}. Not thread
 * safe: one caller at a time per kernel.
 */
public final class PartitionKernel {

  private final Dataset rows;
  private final int k;
  private final Assigner assigner;
  private final int[] labels;
  private final KMeans.Algorithm algorithm;

  private PartitionKernel(Dataset rows, int k, KMeans.Algorithm algorithm) {
    this.rows = rows;
    this.k = k;
    this.algorithm = algorithm;
    int blocks = Iterations.blocks(rows.n());
    switch (algorithm) {
      case ELKAN:
        assigner = new ElkanAssigner(rows, k);
        break;
      case HAMERLY:
        assigner = new HamerlyAssigner(rows, k);
        break;
      case BLOCKED:
        assigner = new BlockedHamerlyAssigner(rows, k);
        break;
      case LLOYD:
        assigner = new LloydAssigner(rows, k, blocks);
        break;
      default:
        throw new IllegalArgumentException("algorithm must be resolved (lloyd, elkan, hamerly or blocked), got " + algorithm);
    }
    labels = new int[rows.n()];
    Arrays.fill(labels, -1);
  }

  /**
   * A kernel over {@code rows} with no labels yet (the first {@link #assign} scans every centre).
   *
   * @param algorithm the iteration algorithm; AUTO is resolved for this block's shape and this JVM's heap
   */
  public static PartitionKernel create(Dataset rows, int k, KMeans.Algorithm algorithm) {
    Check.notNull("rows", rows);
    Check.atLeast("k (number of clusters)", k, 1);
    Check.notNull("algorithm", algorithm);
    return new PartitionKernel(rows, k, KMeans.resolve(algorithm, rows.n(), rows.d(), k));
  }

  /** The algorithm that runs (AUTO resolved). */
  public KMeans.Algorithm algorithm() {
    return algorithm;
  }

  /**
   * Assigns every row to its nearest centre and returns how many labels changed (all rows on the
   * first call).
   *
   * @param centroids the current centres, row-major {@code k * d} (not modified)
   * @param shift how far each centre moved since the previous call (Euclidean), null on the first call
   */
  public int assign(double[] centroids, double[] shift) {
    if (centroids.length != k * rows.d()) {
      throw new IllegalArgumentException("centroids have " + centroids.length + " values; expected k * d = " + k + " * "
          + rows.d());
    }
    assigner.prepare(centroids, shift);
    int n = rows.n();
    int changed = 0;
    for (int b = 0, blocks = Iterations.blocks(n); b < blocks; b++) {
      int lo = b * Iterations.BLOCK;
      changed += assigner.assign(b, lo, Math.min(n, lo + Iterations.BLOCK), centroids, labels);
    }
    return changed;
  }

  /** Label of row {@code i} after the last {@link #assign} (-1 before the first). */
  public int label(int i) {
    return labels[i];
  }

  /**
   * Adds the weighted row sums ({@code sums}, row-major {@code k * d}) and weights of each cluster of
   * the current labels, as {@link KMeans}'s centroid update does.
   */
  public void accumulate(double[] sums, double[] weights) {
    Iterations.accumulate(rows, 0, rows.n(), labels, sums, weights);
  }

  /**
   * Squared Euclidean distance between {@code a[ao ..]} and {@code b[bo ..]}, bit for bit the one
   * every k-means kernel computes (so inertia and re-seeding decisions agree with {@link KMeans}).
   */
  public static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
    return KMeansKernels.squaredDistance(a, ao, b, bo, d);
  }
}
