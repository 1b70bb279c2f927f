package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What the k-d tree and the ball tree share: a binary partition of the rows, kept as a tree-ordered
 * flat copy of the data (each node owns a contiguous block of tree positions, so a leaf scan
 * streams memory) and nodes in parallel primitive arrays (row range and children). Both queries are
 * written once here, as a depth-first branch and bound; a subclass says only how its nodes are
 * built and how far a query can at least be from a node's rows.
 */
abstract class PartitionTree implements NeighborIndex, Serializable {

  private static final long serialVersionUID = 1L;

  final int n;
  final int d;
  final int leafSize;
  /** Tree position to original row. */
  final int[] rowOf;
  /** Tree-ordered copy of the rows, filled by {@link #copyPoints} once the tree is built. */
  double[] points;
  int[] start;
  int[] end;
  int[] left;
  int[] right;
  int nodes;

  PartitionTree(Dataset data, int leafSize) {
    Check.notNull("data", data);
    Check.atLeast("leafSize", leafSize, 1);
    this.n = data.n();
    this.d = data.d();
    this.leafSize = leafSize;
    this.rowOf = new int[n];
    for (int i = 0; i < n; i++) {
      rowOf[i] = i;
    }
    int cap = initialCapacity();
    start = new int[cap];
    end = new int[cap];
    left = new int[cap];
    right = new int[cap];
  }

  /** Node slots for leaves of {@code leafSize} rows: enough for most trees, grown when not. */
  final int initialCapacity() {
    return Math.max(1, 2 * ((n + leafSize - 1) / leafSize) + 1);
  }

  /** A new leaf over tree positions {@code [from, to)}; the subclass turns it into an inner node. */
  final int newNode(int from, int to) {
    if (nodes == start.length) {
      int cap = start.length * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      left = Arrays.copyOf(left, cap);
      right = Arrays.copyOf(right, cap);
      growNodeData(cap);
    }
    int node = nodes++;
    start[node] = from;
    end[node] = to;
    left[node] = -1;
    right[node] = -1;
    return node;
  }

  /** Grows the subclass's own per-node arrays to {@code capacity} nodes. */
  abstract void growNodeData(int capacity);

  /** Copies the rows into tree order once {@link #rowOf} is final. */
  final void copyPoints(double[] v) {
    points = new double[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(v, rowOf[i] * d, points, i * d, d);
    }
  }

  /** A lower bound of the distance from the query to every row of the node. */
  abstract double nodeLowerBound(double[] q, int qo, int node);

  /** Distance from the query to the row at tree position {@code position}. */
  abstract double pointDistance(double[] q, int qo, int position);

  @Override
  public int size() {
    return n;
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
          double dist = pointDistance(query, qOff, i);
          if (dist <= heap.bound()) {
            heap.offer(row, dist);
          }
        }
        continue;
      }
      int l = left[node];
      int r = right[node];
      double bl = nodeLowerBound(query, qOff, l);
      double br = nodeLowerBound(query, qOff, r);
      if (sp + 2 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
        bound = Arrays.copyOf(bound, stack.length);
      }
      // push the farther child first so the nearer one is searched first
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
  public void range(double[] query, int qOff, double radius, Visitor visitor) {
    if (n == 0) {
      return;
    }
    int[] stack = new int[64];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      if (nodeLowerBound(query, qOff, node) > radius) {
        continue;
      }
      if (left[node] < 0) {
        for (int i = start[node]; i < end[node]; i++) {
          double dist = pointDistance(query, qOff, i);
          if (dist <= radius) {
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
