package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.parallel.Parallel;

/**
 * Chooses a neighbour index and runs batched queries over all rows in parallel.
 *
 * <p>The choice ({@link #auto}) follows the usual crossover of spatial indexes: a k-d tree's box
 * bounds prune well up to roughly 15 dimensions for the Lp metrics it supports; beyond that, or for
 * any other metric distance, a ball tree's triangle-inequality bound does better; a non-metric
 * distance (squared Euclidean, cosine) cannot be pruned safely and gets a {@link LinearScan}.
 *
 * <p>The batched helpers hand each row's answer to the caller inside the worker thread and keep
 * only O(n) results (one number per row), so no neighbourhood list for all rows is ever held in
 * memory at once, which is what makes scikit-learn's DBSCAN run out of memory on large inputs.
 */
public final class NeighborIndexes {

  /** Dimension above which {@link #auto} prefers a ball tree to a k-d tree. */
  public static final int KD_TREE_MAX_DIMENSIONS = 15;

  /** Which index to build. */
  public enum Kind {
    /** Choose by dimension and distance (see {@link NeighborIndexes#auto}). */
    AUTO,
    /** k-d tree (Euclidean, Manhattan, Chebyshev). */
    KD_TREE,
    /** Ball tree (any metric distance). */
    BALL_TREE,
    /** Exhaustive scan (any distance). */
    LINEAR_SCAN,
    /**
     * DBSCAN's exact grid of eps-cells (1 to 3 dimensions; euclidean, manhattan, chebyshev), which
     * DBSCAN's AUTO picks there. It answers only DBSCAN's fixed-radius questions, so it is not a
     * general index: {@link NeighborIndexes#build} refuses it.
     */
    GRID
  }

  private NeighborIndexes() {
  }

  /** The index {@code auto} would build for this shape and distance. */
  public static Kind choose(int d, Distance distance) {
    if (!distance.isMetric()) {
      return Kind.LINEAR_SCAN;
    }
    if (d <= KD_TREE_MAX_DIMENSIONS && isBoxMetric(distance)) {
      return Kind.KD_TREE;
    }
    return Kind.BALL_TREE;
  }

  private static boolean isBoxMetric(Distance distance) {
    return distance == Metric.EUCLIDEAN || distance == Metric.MANHATTAN || distance == Metric.CHEBYSHEV;
  }

  /** Builds the index {@link #choose} picks. */
  public static NeighborIndex auto(Dataset data, Distance distance) {
    return build(Kind.AUTO, data, distance);
  }

  /**
   * Builds an index of the given kind.
   *
   * @throws IllegalArgumentException when the kind cannot serve the distance (say which one can)
   */
  public static NeighborIndex build(Kind kind, Dataset data, Distance distance) {
    Check.notNull("kind", kind);
    Check.notNull("data", data);
    Check.notNull("distance", distance);
    Kind k = kind == Kind.AUTO ? choose(data.d(), distance) : kind;
    switch (k) {
      case KD_TREE:
        if (!isBoxMetric(distance)) {
          throw new IllegalArgumentException("the k-d tree supports euclidean, manhattan and chebyshev, got "
              + distance.name() + "; choose the ball tree, linear scan or auto");
        }
        return new KdTree(data, (Metric) distance);
      case BALL_TREE:
        return new BallTree(data, distance);
      case GRID:
        throw new IllegalArgumentException("the grid answers only DBSCAN's eps-neighbourhoods, not general neighbour"
            + " queries; choose auto, kd-tree, ball-tree or linear-scan");
      default:
        return new LinearScan(data, distance);
    }
  }

  /** Receives one row's k-NN answer inside a worker thread. The arrays are reused: copy what you keep. */
  @FunctionalInterface
  public interface KnnConsumer {
    void accept(int row, int found, int[] rows, double[] dists);
  }

  /**
   * Runs a k-NN query for every row of {@code data} (which must be the indexed data when
   * {@code excludeSelf}) on {@code threads} threads, handing each answer to {@code consumer}.
   */
  public static void forEachKnn(NeighborIndex index, Dataset data, int k, boolean excludeSelf, int threads,
      KnnConsumer consumer) {
    Check.atLeast("k", k, 1);
    double[] v = data.values();
    int d = data.d();
    Parallel.forRange(data.n(), threads, (chunk, from, to) -> {
      int[] rows = new int[k];
      double[] dists = new double[k];
      for (int i = from; i < to; i++) {
        int found = index.knn(v, i * d, k, excludeSelf ? i : -1, rows, dists);
        consumer.accept(i, found, rows, dists);
      }
    });
  }

  /**
   * Distance from every row to its k-th nearest neighbour, counting the row itself as its own
   * first neighbour when {@code includeSelf} (scikit-learn's core distance with k = minPts) or
   * not (the "k-distance" of Ester et al. with k = minPts - 1). Rows with fewer than k neighbours
   * get infinity.
   */
  public static double[] kthDistances(NeighborIndex index, Dataset data, int k, boolean includeSelf, int threads) {
    double[] out = new double[data.n()];
    int kk = includeSelf ? k : k;
    forEachKnn(index, data, kk, !includeSelf, threads,
        (row, found, rows, dists) -> out[row] = found >= kk ? dists[kk - 1] : Double.POSITIVE_INFINITY);
    return out;
  }

  /** Number of rows within {@code radius} (inclusive) of every row, the row itself included. */
  public static int[] rangeCounts(NeighborIndex index, Dataset data, double radius, int threads) {
    int[] out = new int[data.n()];
    double[] v = data.values();
    int d = data.d();
    Parallel.forRange(data.n(), threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        out[i] = index.rangeCount(v, i * d, radius);
      }
    });
    return out;
  }
}
