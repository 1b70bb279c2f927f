package clusterlab.core.hierarchical;

import clusterlab.core.Progress;

/**
 * M&uuml;llner's generic clustering algorithm (2011, section 3.1, figure 3) for the linkages that
 * are not reducible, centroid and median, where the nearest-neighbour chain would be wrong. Each
 * cluster keeps a candidate nearest neighbour among higher indices and a lower bound of that
 * distance in a priority queue; a candidate is only recomputed when it reaches the top of the
 * queue and turns out stale. Worst case O(n&sup3;), in practice close to O(n&sup2;).
 *
 * <p>The distances come from a {@link Space}, here the condensed matrix with Lance&ndash;Williams
 * updates (the O(n&middot;d) variant on cluster points is {@link CentroidGenericLinkage}). Bookkeeping and tie-breaking follow
 * SciPy's {@code fast_linkage}, and so does the output: merges in the order they happen (heights
 * may decrease: inversions), not sorted.
 */
final class GenericLinkage {

  private GenericLinkage() {
  }

  /** Where cluster distances come from. */
  interface Space {
    /** Current distance between live clusters a and b. */
    double dist(int a, int b);

    /** Nearest live cluster above x (first on ties), or -1; its distance in {@code out[0]}. */
    int nearestAbove(int x, int[] size, double[] out);

    /** Makes y the union of x and y (sizes before the merge); x is dropped afterwards. */
    void merge(int x, int y, double dxy, int nx, int ny, int[] size);
  }

  static MergeHistory run(Space space, int n, String stage, Progress progress) {
    int[] size = new int[n];
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      id[i] = i;
    }
    int[] neighbor = new int[Math.max(1, n - 1)];
    double[] out = new double[1];
    IndexedMinHeap heap = new IndexedMinHeap(n - 1);
    for (int x = 0; x < n - 1; x++) {
      neighbor[x] = space.nearestAbove(x, size, out);
      heap.init(x, out[0]);
    }
    heap.heapify();
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    double[] h = new double[n - 1];
    for (int k = 0; k < n - 1; k++) {
      int x = -1;
      int y = -1;
      double dist = 0;
      for (int i = 0; i < n - k; i++) {
        x = heap.minKey();
        dist = heap.minValue();
        y = neighbor[x];
        if (y >= 0 && dist == space.dist(x, y)) {
          break;
        }
        y = space.nearestAbove(x, size, out);
        dist = out[0];
        neighbor[x] = y;
        heap.change(x, dist);
      }
      heap.removeMin();
      int nx = size[x];
      int ny = size[y];
      a[k] = Math.min(id[x], id[y]);
      b[k] = Math.max(id[x], id[y]);
      h[k] = dist;
      space.merge(x, y, dist, nx, ny, size);
      size[x] = 0;
      size[y] = nx + ny;
      id[y] = n + k;
      for (int z = 0; z < x; z++) {
        if (size[z] > 0 && neighbor[z] == x) {
          neighbor[z] = y;
        }
      }
      for (int z = 0; z < y; z++) {
        if (size[z] == 0) {
          continue;
        }
        double v = space.dist(z, y);
        if (v < heap.value(z)) {
          neighbor[z] = y;
          heap.change(z, v);
        }
      }
      if (y < n - 1) {
        int z = space.nearestAbove(y, size, out);
        if (z >= 0) {
          neighbor[y] = z;
          heap.change(y, out[0]);
        }
      }
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report(stage, (double) k / (n - 1), "merge " + k + " of " + (n - 1));
      }
    }
    return MergeHistory.of(n, a, b, h);
  }

  /** The condensed matrix with Lance&ndash;Williams updates. */
  static final class MatrixSpace implements Space {
    private final double[] dist;
    private final int[] off;
    private final int n;
    private final Linkage linkage;

    MatrixSpace(double[] dist, int n, Linkage linkage) {
      this.dist = dist;
      this.off = CondensedDistances.offsets(n);
      this.n = n;
      this.linkage = linkage;
    }

    @Override
    public double dist(int a, int b) {
      return a < b ? dist[off[a] + b] : dist[off[b] + a];
    }

    @Override
    public int nearestAbove(int x, int[] size, double[] out) {
      int o = off[x];
      int arg = -1;
      double min = Double.POSITIVE_INFINITY;
      for (int j = x + 1; j < n; j++) {
        if (size[j] == 0) {
          continue;
        }
        double v = dist[o + j];
        if (v < min) {
          min = v;
          arg = j;
        }
      }
      out[0] = min;
      return arg;
    }

    @Override
    public void merge(int x, int y, double dxy, int nx, int ny, int[] size) {
      for (int z = 0; z < n; z++) {
        int nz = size[z];
        if (nz == 0 || z == y || z == x) {
          continue;
        }
        int zy = z < y ? off[z] + y : off[y] + z;
        int zx = z < x ? off[z] + x : off[x] + z;
        dist[zy] = linkage.update(dist[zx], dist[zy], dxy, nx, ny, nz);
      }
    }
  }
}
