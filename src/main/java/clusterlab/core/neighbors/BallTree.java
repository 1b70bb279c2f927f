package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import java.util.Arrays;

/**
 * A ball tree (Omohundro 1989; the variant of scikit-learn's {@code BallTree}) for any metric
 * {@link Distance}: each node keeps a centre (the mean of its rows) and the radius of the ball
 * around it that holds them, both measured with the index's own distance. The triangle
 * inequality gives {@code dist(q, x) >= dist(q, centre) - radius} for every row x of a node, which
 * prunes without any per-dimension bounds, so it works in higher dimensions and for any metric
 * where the k-d tree's boxes do not apply. Nodes split the widest coordinate at its median.
 *
 * <p>The triangle-inequality bound is evaluated in floating point, so it is relaxed by a few ulps
 * before pruning: an index must never drop a row that {@link LinearScan} would report.
 */
public final class BallTree extends PartitionTree {

  private static final long serialVersionUID = 1L;

  /** Default rows per leaf. */
  public static final int DEFAULT_LEAF_SIZE = 24;

  private static final double SLACK = 1e-12;

  private final Distance distance;
  private double[] centre;
  private double[] radius;

  /** Builds a ball tree with the default leaf size. */
  public BallTree(Dataset data, Distance distance) {
    this(data, distance, DEFAULT_LEAF_SIZE);
  }

  /**
   * Builds a ball tree.
   *
   * @throws IllegalArgumentException when the distance is not a metric (the pruning bound needs the triangle inequality)
   */
  public BallTree(Dataset data, Distance distance, int leafSize) {
    super(data, leafSize);
    Check.notNull("distance", distance);
    if (!distance.isMetric()) {
      throw new IllegalArgumentException("a ball tree needs a metric distance (triangle inequality), got "
          + distance.name() + "; use LinearScan for non-metric distances");
    }
    this.distance = distance;
    int cap = initialCapacity();
    centre = new double[cap * d];
    radius = new double[cap];
    double[] v = data.values();
    if (n > 0) {
      build(v, 0, n);
    }
    copyPoints(v);
  }

  @Override
  void growNodeData(int capacity) {
    centre = Arrays.copyOf(centre, capacity * d);
    radius = Arrays.copyOf(radius, capacity);
  }

  private int build(double[] v, int from, int to) {
    int node = newNode(from, to);
    int c = node * d;
    for (int i = from; i < to; i++) {
      int o = rowOf[i] * d;
      for (int j = 0; j < d; j++) {
        centre[c + j] += v[o + j];
      }
    }
    for (int j = 0; j < d; j++) {
      centre[c + j] /= (to - from);
    }
    double r = 0;
    for (int i = from; i < to; i++) {
      r = Math.max(r, distance.between(centre, c, v, rowOf[i] * d, d));
    }
    radius[node] = r;
    if (to - from <= leafSize || r == 0) {
      return node;
    }
    int dim = widest(v, from, to);
    int mid = (from + to) >>> 1;
    select(v, from, to - 1, mid, dim);
    int l = build(v, from, mid);
    int r2 = build(v, mid, to);
    left[node] = l;
    right[node] = r2;
    return node;
  }

  private int widest(double[] v, int from, int to) {
    int best = 0;
    double bestSpread = -1;
    for (int j = 0; j < d; j++) {
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double x = v[rowOf[i] * d + j];
        mn = Math.min(mn, x);
        mx = Math.max(mx, x);
      }
      if (mx - mn > bestSpread) {
        bestSpread = mx - mn;
        best = j;
      }
    }
    return best;
  }

  /** Quickselect on coordinate {@code dim}: rows before {@code k} are <= the k-th, rows after are >=. */
  private void select(double[] v, int lo, int hi, int k, int dim) {
    while (hi > lo) {
      double pivot = v[rowOf[(lo + hi) >>> 1] * d + dim];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[rowOf[i] * d + dim] < pivot) {
          i++;
        }
        while (v[rowOf[j] * d + dim] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = rowOf[i];
          rowOf[i] = rowOf[j];
          rowOf[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  /** The triangle-inequality bound {@code dist(q, centre) - radius}, relaxed by a few ulps. */
  @Override
  double nodeLowerBound(double[] q, int qo, int node) {
    double dc = distance.between(q, qo, centre, node * d, d);
    double lb = dc - radius[node];
    return lb <= 0 ? 0 : lb - SLACK * (dc + radius[node]);
  }

  @Override
  double pointDistance(double[] q, int qo, int position) {
    return distance.between(q, qo, points, position * d, d);
  }
}
