package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import java.io.Serializable;
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
public final class BallTree implements NeighborIndex, Serializable {

  private static final long serialVersionUID = 1L;

  /** Default rows per leaf. */
  public static final int DEFAULT_LEAF_SIZE = 24;

  private static final double SLACK = 1e-12;

  private final Distance distance;
  private final int n;
  private final int d;
  private final double[] points;
  private final int[] rowOf;
  private int[] start;
  private int[] end;
  private int[] left;
  private int[] right;
  private double[] centre;
  private double[] radius;
  private int nodes;
  private final int leafSize;

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
    Check.notNull("data", data);
    Check.notNull("distance", distance);
    Check.atLeast("leafSize", leafSize, 1);
    if (!distance.isMetric()) {
      throw new IllegalArgumentException("a ball tree needs a metric distance (triangle inequality), got "
          + distance.name() + "; use LinearScan for non-metric distances");
    }
    this.distance = distance;
    this.n = data.n();
    this.d = data.d();
    this.leafSize = leafSize;
    rowOf = new int[n];
    for (int i = 0; i < n; i++) {
      rowOf[i] = i;
    }
    int cap = Math.max(1, 2 * ((n + leafSize - 1) / leafSize) + 1);
    start = new int[cap];
    end = new int[cap];
    left = new int[cap];
    right = new int[cap];
    centre = new double[cap * d];
    radius = new double[cap];
    double[] v = data.values();
    points = new double[n * d];
    if (n > 0) {
      build(v, 0, n);
    }
    for (int i = 0; i < n; i++) {
      System.arraycopy(v, rowOf[i] * d, points, i * d, d);
    }
  }

  private int build(double[] v, int from, int to) {
    if (nodes == start.length) {
      int cap = start.length * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      left = Arrays.copyOf(left, cap);
      right = Arrays.copyOf(right, cap);
      centre = Arrays.copyOf(centre, cap * d);
      radius = Arrays.copyOf(radius, cap);
    }
    int node = nodes++;
    start[node] = from;
    end[node] = to;
    left[node] = -1;
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

  @Override
  public int size() {
    return n;
  }

  private double lowerBound(double[] q, int qo, int node) {
    double dc = distance.between(q, qo, centre, node * d, d);
    double lb = dc - radius[node];
    return lb <= 0 ? 0 : lb - SLACK * (dc + radius[node]);
  }

  @Override
  public int knn(double[] query, int qOff, int k, int exclude, int[] rows, double[] dists) {
    Check.atLeast("k", k, 1);
    if (n == 0) {
      return 0;
    }
    KnnHeap heap = new KnnHeap(k);
    int[] stack = new int[64];
    double[] bound = new double[64];
    int sp = 0;
    stack[sp] = 0;
    bound[sp++] = 0;
    while (sp > 0) {
      sp--;
      int node = stack[sp];
      if (bound[sp] > heap.bound()) {
        continue;
      }
      if (left[node] < 0) {
        for (int i = start[node]; i < end[node]; i++) {
          int row = rowOf[i];
          if (row == exclude) {
            continue;
          }
          double dist = distance.between(query, qOff, points, i * d, d);
          if (dist <= heap.bound()) {
            heap.offer(row, dist);
          }
        }
        continue;
      }
      int l = left[node];
      int r = right[node];
      double bl = lowerBound(query, qOff, l);
      double br = lowerBound(query, qOff, r);
      if (sp + 2 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
        bound = Arrays.copyOf(bound, stack.length);
      }
      if (bl <= br) {
        stack[sp] = r;
        bound[sp++] = br;
        stack[sp] = l;
        bound[sp++] = bl;
      } else {
        stack[sp] = l;
        bound[sp++] = bl;
        stack[sp] = r;
        bound[sp++] = br;
      }
    }
    return heap.drain(rows, dists);
  }

  @Override
  public void range(double[] query, int qOff, double radiusQ, Visitor visitor) {
    if (n == 0) {
      return;
    }
    int[] stack = new int[64];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      if (lowerBound(query, qOff, node) > radiusQ) {
        continue;
      }
      if (left[node] < 0) {
        for (int i = start[node]; i < end[node]; i++) {
          double dist = distance.between(query, qOff, points, i * d, d);
          if (dist <= radiusQ) {
            visitor.visit(rowOf[i], dist);
          }
        }
        continue;
      }
      if (sp + 2 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
      }
      stack[sp++] = right[node];
      stack[sp++] = left[node];
    }
  }
}
