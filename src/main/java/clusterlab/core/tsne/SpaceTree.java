package clusterlab.core.tsne;

import java.util.Arrays;

/**
 * A quadtree (2-D) or octree (3-D) over the embedding, the space-partitioning tree with which
 * Barnes-Hut t-SNE approximates the repulsive forces (van der Maaten 2014, section 4.2): a cell far
 * enough from a point (its width over its distance below {@code theta}) acts as one body of its
 * total size at its centre of mass.
 *
 * <p>Flat arrays indexed by node (children of a split node are contiguous), rebuilt in place every
 * iteration without allocating once the arrays have grown. Points that coincide exactly (or cells
 * deeper than {@link #MAX_DEPTH}) share a leaf, which keeps the tree finite for duplicates.
 */
final class SpaceTree {

  static final int MAX_DEPTH = 64;

  private final int dims;
  private final int fan;
  private int count;
  private int[] firstChild;
  private int[] point;
  private int[] size;
  private double[] com; // sum of positions, dims per node (divided into the centre of mass after the build)
  private double[] centre; // dims per node
  private double[] half; // dims per node: half widths
  private double[] width2; // squared maximum width per node
  private double[] y;
  private int[] leafOf = new int[0]; // node where each point was last placed
  private int[] rank = new int[0]; // pre-order rank of each node
  private int[] order = new int[0]; // points in tree (spatial) order

  SpaceTree(int dims, int expectedPoints) {
    this.dims = dims;
    this.fan = 1 << dims;
    allocate(Math.max(16, 2 * expectedPoints));
  }

  private void allocate(int cap) {
    firstChild = new int[cap];
    point = new int[cap];
    size = new int[cap];
    com = new double[cap * dims];
    centre = new double[cap * dims];
    half = new double[cap * dims];
    width2 = new double[cap];
  }

  private void grow(int needed) {
    if (needed <= firstChild.length) {
      return;
    }
    int cap = Math.max(needed, firstChild.length + (firstChild.length >> 1));
    firstChild = Arrays.copyOf(firstChild, cap);
    point = Arrays.copyOf(point, cap);
    size = Arrays.copyOf(size, cap);
    com = Arrays.copyOf(com, cap * dims);
    centre = Arrays.copyOf(centre, cap * dims);
    half = Arrays.copyOf(half, cap * dims);
    width2 = Arrays.copyOf(width2, cap);
  }

  /** Rebuilds the tree over the {@code n} points of {@code y} (row-major, {@code dims} columns). */
  void build(double[] y, int n) {
    this.y = y;
    count = 1;
    for (int k = 0; k < dims; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double v = y[i * dims + k];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      double margin = Math.max(1e-3 * (hi - lo), 1e-12);
      lo -= margin;
      hi += margin;
      centre[k] = (lo + hi) / 2;
      half[k] = (hi - lo) / 2;
    }
    initNode(0);
    if (leafOf.length < n) {
      leafOf = new int[n];
      order = new int[n];
    }
    for (int i = 0; i < n; i++) {
      insert(i);
    }
    spatialOrder(n);
    for (int node = 0; node < count; node++) {
      if (size[node] > 0) {
        for (int k = 0; k < dims; k++) {
          com[node * dims + k] /= size[node];
        }
      }
    }
  }

  /**
   * Orders the points by the pre-order rank of their leaf, so that consecutive points of a parallel
   * loop traverse nearly the same cells and find them in cache.
   */
  private void spatialOrder(int n) {
    if (rank.length < count) {
      rank = new int[firstChild.length];
    }
    int[] stack = new int[MAX_DEPTH * fan + fan + 1];
    int top = 0;
    int next = 0;
    stack[top++] = 0;
    while (top > 0) {
      int node = stack[--top];
      rank[node] = next++;
      int first = firstChild[node];
      if (first >= 0) {
        for (int c = fan - 1; c >= 0; c--) {
          if (size[first + c] > 0) {
            stack[top++] = first + c;
          } else {
            rank[first + c] = next++;
          }
        }
      }
    }
    int[] start = new int[next + 1];
    for (int i = 0; i < n; i++) {
      start[rank[leafOf[i]] + 1]++;
    }
    for (int r = 0; r < next; r++) {
      start[r + 1] += start[r];
    }
    for (int i = 0; i < n; i++) {
      order[start[rank[leafOf[i]]]++] = i;
    }
  }

  /** The point at position {@code idx} of the spatial order computed by the last {@link #build}. */
  int pointAt(int idx) {
    return order[idx];
  }

  private void initNode(int node) {
    firstChild[node] = -1;
    point[node] = -1;
    size[node] = 0;
    double w = 0;
    for (int k = 0; k < dims; k++) {
      com[node * dims + k] = 0;
      w = Math.max(w, 2 * half[node * dims + k]);
    }
    width2[node] = w * w;
  }

  private void insert(int p) {
    int node = 0;
    int depth = 0;
    int po = p * dims;
    while (true) {
      if (firstChild[node] < 0) {
        if (size[node] == 0) {
          point[node] = p;
          leafOf[p] = node;
          add(node, po);
          return;
        }
        if (depth >= MAX_DEPTH || samePosition(point[node], p)) {
          leafOf[p] = node;
          add(node, po);
          return;
        }
        split(node);
      }
      add(node, po);
      node = childFor(node, po);
      depth++;
    }
  }

  private void add(int node, int po) {
    size[node]++;
    for (int k = 0; k < dims; k++) {
      com[node * dims + k] += y[po + k];
    }
  }

  private boolean samePosition(int a, int b) {
    return samePosition(a, y, b * dims);
  }

  private boolean samePosition(int a, double[] q, int qo) {
    for (int k = 0; k < dims; k++) {
      if (y[a * dims + k] != q[qo + k]) {
        return false;
      }
    }
    return true;
  }

  private int childFor(int node, int po) {
    int c = 0;
    for (int k = 0; k < dims; k++) {
      if (y[po + k] >= centre[node * dims + k]) {
        c |= 1 << k;
      }
    }
    return firstChild[node] + c;
  }

  /** Turns a leaf into an internal node, moving its point(s) into the right child. */
  private void split(int node) {
    grow(count + fan);
    int first = count;
    count += fan;
    firstChild[node] = first;
    for (int c = 0; c < fan; c++) {
      int ch = first + c;
      for (int k = 0; k < dims; k++) {
        double h = half[node * dims + k] / 2;
        half[ch * dims + k] = h;
        centre[ch * dims + k] = centre[node * dims + k] + (((c >> k) & 1) == 1 ? h : -h);
      }
      initNode(ch);
    }
    int old = point[node];
    int ch = childFor(node, old * dims);
    point[ch] = old;
    leafOf[old] = ch;
    size[ch] = size[node];
    System.arraycopy(com, node * dims, com, ch * dims, dims);
    point[node] = -1;
  }

  /**
   * Repulsive force on point {@code i}: adds sum over other points j of w_ij * t_ij * (y_i - y_j)
   * into {@code force[0..dims)} and returns sum over j of w_ij, where {@code t = alpha / (alpha + d^2)}
   * and {@code w = t^((alpha + 1) / 2)} is the Student-t kernel with alpha degrees of freedom;
   * cells with {@code width^2 / d^2 < theta^2} count as one body.
   */
  double repulsion(int i, double theta2, double alpha, double[] force, int[] stack) {
    return repulsion(y, i * dims, i, theta2, alpha, force, stack);
  }

  /**
   * Repulsive force on a point that is not in the tree, at {@code q[off .. off + dims)}: as
   * {@link #repulsion(int, double, double, double[], int[])}, summed over every point of the tree.
   * This is how a new point feels a fixed embedding ({@link TsneTransform}); tree points at exactly
   * its position add w = 1 to the sum and push nothing.
   */
  double repulsionOn(double[] q, int off, double theta2, double alpha, double[] force, int[] stack) {
    return repulsion(q, off, -1, theta2, alpha, force, stack);
  }

  /** The traversal behind both: the query at {@code q[qo ..]}, which is tree point {@code self} (or -1). */
  private double repulsion(double[] q, int qo, int self, double theta2, double alpha, double[] force, int[] stack) {
    if (dims == 2 && alpha == 1.0) {
      return repulsion2(q, qo, self, theta2, force, stack);
    }
    double z = 0;
    int top = 0;
    stack[top++] = 0;
    double exponent = (alpha + 1) / 2;
    boolean cauchy = alpha == 1.0;
    while (top > 0) {
      int node = stack[--top];
      int s = size[node];
      if (s == 0) {
        continue;
      }
      boolean leaf = firstChild[node] < 0;
      if (leaf && (point[node] == self || samePosition(point[node], q, qo))) {
        if (self >= 0) {
          s--; // the point itself and any exact duplicates: those sit at distance 0 and push nothing
        }
        if (s > 0) {
          z += s;
        }
        continue;
      }
      double d2 = 0;
      for (int k = 0; k < dims; k++) {
        double diff = q[qo + k] - com[node * dims + k];
        d2 += diff * diff;
      }
      if (leaf || width2[node] < theta2 * d2) {
        double t = alpha / (alpha + d2);
        double w = cauchy ? t : Math.pow(t, exponent);
        z += s * w;
        double m = s * w * t;
        for (int k = 0; k < dims; k++) {
          force[k] += m * (q[qo + k] - com[node * dims + k]);
        }
      } else {
        int first = firstChild[node];
        for (int c = 0; c < fan; c++) {
          if (size[first + c] > 0) {
            stack[top++] = first + c;
          }
        }
      }
    }
    return z;
  }

  /** {@link #repulsion} specialised for 2-D with the Cauchy kernel (alpha = 1), the common case. */
  private double repulsion2(double[] q, int qo, int self, double theta2, double[] force, int[] stack) {
    final double[] y = this.y;
    final double[] com = this.com;
    final int[] size = this.size;
    final int[] firstChild = this.firstChild;
    final double[] width2 = this.width2;
    final int own = self >= 0 ? 1 : 0;
    double yi0 = q[qo];
    double yi1 = q[qo + 1];
    double z = 0;
    double f0 = 0;
    double f1 = 0;
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
      int node = stack[--top];
      int s = size[node];
      int first = firstChild[node];
      if (first < 0 && (point[node] == self || (y[2 * point[node]] == yi0 && y[2 * point[node] + 1] == yi1))) {
        z += s - own; // the point itself (when in the tree) and its exact duplicates: distance 0, no force
        continue;
      }
      double dx = yi0 - com[2 * node];
      double dy = yi1 - com[2 * node + 1];
      double d2 = dx * dx + dy * dy;
      if (first < 0 || width2[node] < theta2 * d2) {
        double w = 1.0 / (1.0 + d2);
        z += s * w;
        double m = s * w * w;
        f0 += m * dx;
        f1 += m * dy;
      } else {
        for (int c = first; c < first + 4; c++) {
          if (size[c] > 0) {
            stack[top++] = c;
          }
        }
      }
    }
    force[0] += f0;
    force[1] += f1;
    return z;
  }

  /** Stack size that {@link #repulsion} needs. */
  int stackSize() {
    return MAX_DEPTH * fan + fan + 1;
  }
}
