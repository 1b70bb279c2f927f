package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;

/**
 * A k-d tree (Bentley 1975) for low-dimensional data under the Euclidean, Manhattan or Chebyshev
 * distance. Splits use the sliding-midpoint rule (Maneewongvatana and Mount 1999): cut the widest
 * side of the node's bounding box at its middle, sliding the cut to the nearest point when one side
 * would be empty, which keeps cells fat on clustered data where median cuts make thin slivers.
 *
 * <p>Layout: the rows are copied once into a tree-ordered flat array (each leaf bucket is a
 * contiguous block, so a leaf scan streams memory), and nodes live in parallel primitive arrays
 * holding their row range, children and tight bounding box. Pruning uses the per-dimension gaps
 * between the query and a box, which bound all three metrics from below exactly. Memory is
 * O(n d); queries allocate only their O(k) candidate heap and the traversal stack.
 */
public final class KdTree extends PartitionTree {

  private static final long serialVersionUID = 1L;

  /** Default rows per leaf bucket. */
  public static final int DEFAULT_LEAF_SIZE = 24;

  private final Metric metric;
  private double[] lo;           // node * d + j
  private double[] hi;

  /** Builds a tree with the default leaf size. */
  public KdTree(Dataset data, Metric metric) {
    this(data, metric, DEFAULT_LEAF_SIZE);
  }

  /**
   * Builds a tree.
   *
   * @throws IllegalArgumentException when the metric is not Euclidean, Manhattan or Chebyshev
   */
  public KdTree(Dataset data, Metric metric, int leafSize) {
    super(data, leafSize);
    Check.notNull("metric", metric);
    if (metric != Metric.EUCLIDEAN && metric != Metric.MANHATTAN && metric != Metric.CHEBYSHEV) {
      throw new IllegalArgumentException("a k-d tree supports the euclidean, manhattan and chebyshev distances, got "
          + metric.id() + "; use a BallTree or LinearScan (NeighborIndexes.auto chooses for you)");
    }
    this.metric = metric;
    int cap = initialCapacity();
    lo = new double[cap * d];
    hi = new double[cap * d];
    double[] v = data.values();
    if (n > 0) {
      build(v, 0, n);
    }
    copyPoints(v);
  }

  @Override
  void growNodeData(int capacity) {
    lo = java.util.Arrays.copyOf(lo, capacity * d);
    hi = java.util.Arrays.copyOf(hi, capacity * d);
  }

  /** Builds the subtree over tree positions [from, to) and returns its node id. Iterative in spirit: depth is O(log n) for midpoint splits on real data, bounded by n / leafSize in the worst case. */
  private int build(double[] v, int from, int to) {
    int node = newNode(from, to);
    int b = node * d;
    for (int j = 0; j < d; j++) {
      lo[b + j] = Double.POSITIVE_INFINITY;
      hi[b + j] = Double.NEGATIVE_INFINITY;
    }
    for (int i = from; i < to; i++) {
      int o = rowOf[i] * d;
      for (int j = 0; j < d; j++) {
        double x = v[o + j];
        if (x < lo[b + j]) {
          lo[b + j] = x;
        }
        if (x > hi[b + j]) {
          hi[b + j] = x;
        }
      }
    }
    if (to - from <= leafSize) {
      return node;
    }
    int dim = 0;
    double spread = -1;
    for (int j = 0; j < d; j++) {
      double s = hi[b + j] - lo[b + j];
      if (s > spread) {
        spread = s;
        dim = j;
      }
    }
    if (spread <= 0) {
      return node; // all rows identical: a (large) leaf is the honest answer
    }
    double cut = lo[b + dim] + spread / 2;
    int mid = partition(v, from, to, dim, cut);
    if (mid == from) { // slide the cut to the smallest value
      mid = slide(v, from, to, dim, true);
    } else if (mid == to) {
      mid = slide(v, from, to, dim, false);
    }
    int l = build(v, from, mid);
    int r = build(v, mid, to);
    left[node] = l;
    right[node] = r;
    return node;
  }

  /** Moves rows with value < cut to the front; returns the first position with value >= cut. */
  private int partition(double[] v, int from, int to, int dim, double cut) {
    int i = from;
    int j = to - 1;
    while (i <= j) {
      if (v[rowOf[i] * d + dim] < cut) {
        i++;
      } else {
        int t = rowOf[i];
        rowOf[i] = rowOf[j];
        rowOf[j] = t;
        j--;
      }
    }
    return i;
  }

  /** Puts the single extreme row (min when {@code min}, else max) on its own side. */
  private int slide(double[] v, int from, int to, int dim, boolean min) {
    int best = from;
    for (int i = from + 1; i < to; i++) {
      double x = v[rowOf[i] * d + dim];
      double y = v[rowOf[best] * d + dim];
      if (min ? x < y : x > y) {
        best = i;
      }
    }
    int target = min ? from : to - 1;
    int t = rowOf[best];
    rowOf[best] = rowOf[target];
    rowOf[target] = t;
    return min ? from + 1 : to - 1;
  }

  /** Lower bound of the distance from the query to any point in the node's box. */
  @Override
  double nodeLowerBound(double[] q, int qo, int node) {
    int b = node * d;
    double acc = 0;
    for (int j = 0; j < d; j++) {
      double x = q[qo + j];
      double gap = 0;
      if (x < lo[b + j]) {
        gap = lo[b + j] - x;
      } else if (x > hi[b + j]) {
        gap = x - hi[b + j];
      }
      switch (metric) {
        case EUCLIDEAN:
          acc += gap * gap;
          break;
        case MANHATTAN:
          acc += gap;
          break;
        default:
          acc = Math.max(acc, gap);
      }
    }
    return metric == Metric.EUCLIDEAN ? Math.sqrt(acc) : acc;
  }

  @Override
  double pointDistance(double[] q, int qo, int position) {
    return metric.between(q, qo, points, position * d, d);
  }

  /**
   * Counts without visiting: a node whose whole box lies within the radius adds its row count
   * without any distance computation, which is what makes core-point tests cheap in dense regions.
   * Exact: the farthest-corner bound is computed from the same per-dimension differences, so it
   * is never below the distance of a row inside the box.
   */
  @Override
  public int rangeCount(double[] query, int qOff, double radius) {
    return rangeCountAtLeast(query, qOff, radius, Integer.MAX_VALUE);
  }

  @Override
  public int rangeCountAtLeast(double[] query, int qOff, double radius, int cap) {
    if (n == 0) {
      return 0;
    }
    int count = 0;
    int[] stack = new int[64];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      if (nodeLowerBound(query, qOff, node) > radius) {
        continue;
      }
      if (farDistance(query, qOff, node) <= radius) {
        count += end[node] - start[node];
        if (count >= cap) {
          return count;
        }
        continue;
      }
      if (left[node] < 0) {
        for (int i = start[node]; i < end[node]; i++) {
          if (metric.between(query, qOff, points, i * d, d) <= radius) {
            count++;
          }
        }
        if (count >= cap) {
          return count;
        }
        continue;
      }
      if (sp + 2 > stack.length) {
        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
      }
      stack[sp++] = right[node];
      stack[sp++] = left[node];
    }
    return count;
  }

  /** Upper bound of the distance from the query to any point in the node's box (its farthest corner). */
  private double farDistance(double[] q, int qo, int node) {
    int b = node * d;
    double acc = 0;
    for (int j = 0; j < d; j++) {
      double x = q[qo + j];
      double gap = Math.max(Math.abs(x - lo[b + j]), Math.abs(x - hi[b + j]));
      switch (metric) {
        case EUCLIDEAN:
          acc += gap * gap;
          break;
        case MANHATTAN:
          acc += gap;
          break;
        default:
          acc = Math.max(acc, gap);
      }
    }
    return metric == Metric.EUCLIDEAN ? Math.sqrt(acc) : acc;
  }
}
