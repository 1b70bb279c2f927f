package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Progress;
import clusterlab.core.mst.PrimSequence;
import clusterlab.core.parallel.Parallel;

/**
 * Prim's minimum spanning tree of the mutual-reachability graph {@code max(core(a), core(b),
 * dist(a, b))} (Campello et al. 2013) over a k-d tree or ball tree, in O(n) memory and, on real
 * data, close to O(n log n) time, instead of the O(n²) scan of the implicit complete graph.
 *
 * <p>Why Prim and not Borůvka: HDBSCAN's condensed tree (R's {@code dbscan::hdbscan}, which the
 * fixtures pin) is built from Prim's <em>sequence</em> (row added at each step and the weight that
 * added it), and at equal weights, which mutual reachability makes common (every edge inside a
 * core ball weighs the core distance), the sequence and hence the hierarchy depend on which row
 * Prim takes first. A Borůvka tree is a minimum spanning tree too, but not Prim's, and small
 * clusters or bridging rows then attach to a different sibling. This class produces exactly the
 * sequence of the quadratic Prim (start at row 0; next row = the outside row of smallest fringe
 * weight, ties to the smaller row index), so results stay identical, and gets its speed from the
 * tree, as the dual-tree algorithms do (March, Ram and Gray 2010; McInnes and Healy 2017): every
 * row already in the tree keeps its best edge to the outside, found by a branch-and-bound query
 * whose node bound is {@code max(core(q), min core in the node, box or ball distance)} (the
 * core-distance bound), pruning nodes whose rows have all joined; a global heap of those edges,
 * ordered by (weight, outside row), gives Prim's next row, and an edge whose outside row joined
 * meanwhile is re-queried lazily. The first candidate edge of every row is computed in parallel
 * before the sequential sweep.
 */
public final class ReachabilityPrim {

  private final PartitionTree tree;
  private final double[] core;
  private final double[] v;
  private final int n;
  private final int d;
  /** Per node: rows not yet in the spanning tree. */
  private final int[] remaining;
  /** Per node: smallest core distance of its rows. */
  private final double[] minCore;
  /** Per node: smallest row index. */
  private final int[] minRow;
  private final int[] parentNode;
  private final int[] leafOfPosition;
  private final int[] positionOfRow;
  private final boolean[] joined;

  private ReachabilityPrim(PartitionTree tree, double[] values, double[] core) {
    this.tree = tree;
    this.core = core;
    this.v = values;
    this.n = tree.n;
    this.d = tree.d;
    int m = tree.nodes;
    remaining = new int[m];
    minCore = new double[m];
    minRow = new int[m];
    parentNode = new int[m];
    leafOfPosition = new int[n];
    positionOfRow = new int[n];
    joined = new boolean[n];
    for (int p = 0; p < n; p++) {
      positionOfRow[tree.rowOf[p]] = p;
    }
    parentNode[0] = -1;
    // children have larger ids than their parent (nodes are created depth first): fill bottom up
    for (int node = 0; node < m; node++) {
      if (tree.left[node] >= 0) {
        parentNode[tree.left[node]] = node;
        parentNode[tree.right[node]] = node;
      }
    }
    for (int node = m - 1; node >= 0; node--) {
      remaining[node] = tree.end[node] - tree.start[node];
      if (tree.left[node] < 0) {
        double mc = Double.POSITIVE_INFINITY;
        int mr = Integer.MAX_VALUE;
        for (int p = tree.start[node]; p < tree.end[node]; p++) {
          mc = Math.min(mc, core[tree.rowOf[p]]);
          mr = Math.min(mr, tree.rowOf[p]);
          leafOfPosition[p] = node;
        }
        minCore[node] = mc;
        minRow[node] = mr;
      } else {
        minCore[node] = Math.min(minCore[tree.left[node]], minCore[tree.right[node]]);
        minRow[node] = Math.min(minRow[tree.left[node]], minRow[tree.right[node]]);
      }
    }
  }

  /** Whether {@link #sequence} can use this index (a k-d tree or a ball tree). */
  public static boolean supports(NeighborIndex index) {
    return index instanceof PartitionTree;
  }

  /**
   * Prim's sequence of the mutual-reachability MST of the indexed rows, identical to the quadratic
   * Prim from row 0 with ties to the smaller row.
   *
   * @param index a k-d tree or ball tree over {@code values} ({@link #supports})
   * @param values the indexed rows, row-major
   * @param core core distance of every row
   * @param threads worker threads for the first candidate edges (0 or less: all cores)
   */
  public static PrimSequence sequence(NeighborIndex index, double[] values, double[] core, int threads, Progress progress) {
    Check.notNull("index", index);
    if (!supports(index)) {
      throw new IllegalArgumentException("the tree Prim needs a k-d tree or ball tree, got "
          + index.getClass().getSimpleName());
    }
    PartitionTree tree = (PartitionTree) index;
    if (core.length != tree.n) {
      throw new IllegalArgumentException("core has " + core.length + " entries for " + tree.n + " rows");
    }
    return new ReachabilityPrim(tree, values, core).run(threads, progress == null ? Progress.NONE : progress);
  }

  private PrimSequence run(int threads, Progress progress) {
    int[] order = new int[n];
    double[] weight = new double[n];
    if (n == 0) {
      return new PrimSequence(order, weight);
    }
    weight[0] = Double.NaN;
    // every row's best edge with no row joined yet: still its best edge as long as its far end stays outside
    double[] bestW = new double[n];
    int[] bestTo = new int[n];
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      int[] stack = new int[64];
      double[] bound = new double[64];
      for (int u = from; u < to; u++) {
        query(u, bestW, bestTo, stack, bound);
      }
    });
    int[] heap = new int[n];
    int[] stack = new int[64];
    double[] bound = new double[64];
    int size = 0;
    join(0);
    order[0] = 0;
    size = push(heap, size, 0, bestW, bestTo, stack, bound);
    for (int step = 1; step < n; step++) {
      while (true) {
        int u = heap[0];
        int t = bestTo[u];
        if (!joined[t]) {
          break;
        }
        size = pop(heap, size, bestW, bestTo);
        size = push(heap, size, u, bestW, bestTo, stack, bound); // its edge went stale: find the next
      }
      int u = heap[0];
      int t = bestTo[u];
      order[step] = t;
      weight[step] = bestW[u];
      join(t);
      size = pop(heap, size, bestW, bestTo);
      size = push(heap, size, u, bestW, bestTo, stack, bound);
      size = push(heap, size, t, bestW, bestTo, stack, bound);
      if ((step & 4095) == 0) {
        progress.checkCancelled();
        progress.report("mst", step / (double) n, "minimum spanning tree: " + step + " of " + n + " rows");
      }
    }
    return new PrimSequence(order, weight);
  }

  private void join(int row) {
    joined[row] = true;
    for (int node = leafOfPosition[positionOfRow[row]]; node >= 0; node = parentNode[node]) {
      remaining[node]--;
    }
  }

  /** Re-queries row u's edge to the outside if it went stale and pushes u when it has one. */
  private int push(int[] heap, int size, int u, double[] w, int[] to, int[] stack, double[] bound) {
    if (to[u] < 0 || joined[to[u]]) {
      query(u, w, to, stack, bound);
      if (to[u] < 0) {
        return size; // every row has joined
      }
    }
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >> 1;
      if (!less(u, heap[p], w, to)) {
        break;
      }
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = u;
    return size;
  }

  private static int pop(int[] heap, int size, double[] w, int[] to) {
    int last = heap[--size];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && less(heap[c + 1], heap[c], w, to)) {
        c++;
      }
      if (!less(heap[c], last, w, to)) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    if (size > 0) {
      heap[i] = last;
    }
    return size;
  }

  /** Heap order: by edge weight, then by the outside row (Prim's tie rule), then by the inside row. */
  private static boolean less(int a, int b, double[] w, int[] to) {
    if (w[a] != w[b]) {
      return w[a] < w[b];
    }
    if (to[a] != to[b]) {
      return to[a] < to[b];
    }
    return a < b;
  }

  /**
   * Row u's lightest mutual-reachability edge to a row outside the tree (ties: smaller row), into
   * {@code w[u], to[u]}; {@code to[u] = -1} when none is left.
   */
  private void query(int u, double[] w, int[] to, int[] stackIn, double[] boundIn) {
    int[] stack = stackIn;
    double[] bound = boundIn;
    double cu = core[u];
    int uo = u * d;
    double best = Double.POSITIVE_INFINITY;
    int bestRow = -1;
    int sp = 0;
    stack[sp] = 0;
    bound[sp++] = Math.max(cu, minCore[0]);
    while (sp > 0) {
      sp--;
      int node = stack[sp];
      double lb = bound[sp];
      if (remaining[node] == 0 || lb > best || (lb == best && minRow[node] > bestRow)) {
        continue;
      }
      if (tree.left[node] < 0) {
        for (int p = tree.start[node]; p < tree.end[node]; p++) {
          int row = tree.rowOf[p];
          if (row == u || joined[row]) {
            continue;
          }
          double lower = Math.max(cu, core[row]);
          if (lower > best || (lower == best && row > bestRow)) {
            continue;
          }
          double mr = Math.max(lower, tree.pointDistance(v, uo, p));
          if (mr < best || (mr == best && row < bestRow)) {
            best = mr;
            bestRow = row;
          }
        }
        continue;
      }
      int l = tree.left[node];
      int r = tree.right[node];
      double bl = Math.max(Math.max(cu, minCore[l]), tree.nodeLowerBound(v, uo, l));
      double br = Math.max(Math.max(cu, minCore[r]), tree.nodeLowerBound(v, uo, r));
      if (sp + 2 > stack.length) {
        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        bound = java.util.Arrays.copyOf(bound, stack.length);
      }
      if (bl <= br) { // nearer child on top
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
    w[u] = best;
    to[u] = bestRow;
  }
}
