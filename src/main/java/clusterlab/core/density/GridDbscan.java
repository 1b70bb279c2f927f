package clusterlab.core.density;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;

/**
 * Exact DBSCAN in one to three dimensions over a grid of eps-cells (Gunawan 2013; Wang, Gu and
 * Shun 2020): the cell side is eps divided by the cell diameter factor of the metric (sqrt(d) for
 * Euclidean, d for Manhattan, 1 for Chebyshev), so any two rows of one cell lie within eps of each
 * other. Why it beats a tree in low dimension: a cell holding minPts rows makes all of them core
 * points without a single distance; the other core tests, the links between core points and the
 * border assignment only ever look at the few neighbouring cells, found by binary search in the
 * sorted cell keys, with no tree descent.
 *
 * <p>The result is the one {@link Dbscan} defines, row for row: the same core test (weights
 * summed, the row itself included), core points linked when within eps (so clusters are the same
 * connected components), clusters numbered by their smallest core row, and a border row joining
 * the cluster of its nearest core point within eps (ties: the smaller row index). Distances are
 * computed by the metric itself, in the same arithmetic as the trees, and the "same cell, hence
 * within eps" shortcut uses a cell side shrunk by a relative 1e-6 so that rounding can never turn
 * it into a different answer; {@link #build} refuses grids so fine that rounding of the cell
 * coordinates could exceed that margin.
 *
 * <p>Memory: the sorted row order, a tree-ordered copy of the rows, and one key per occupied cell,
 * O(n d). The three passes run over cells in parallel; none depends on the thread count.
 */
final class GridDbscan {

  /** Relative shrink of the cell side: rows of one cell are within eps even after rounding. */
  private static final double MARGIN = 1e-6;
  /** Largest grid extent (in eps units) per dimension for which the margin covers coordinate rounding. */
  private static final double MAX_EXTENT = 1e8;

  private final int n;
  private final int d;
  private final Metric metric;
  private final double eps;
  private final long[] extent;
  /** Sorted keys of the occupied cells. */
  private final long[] keys;
  /** Rows of cell c are at positions cellStart[c] .. cellStart[c + 1] - 1. */
  private final int[] cellStart;
  /** Position to row. */
  private final int[] rowOf;
  /** Rows copied in position order. */
  private final double[] points;
  /** Cell-offset vectors whose cells can hold a row within eps of a row of the centre cell, centre first. */
  private final int[][] offsets;

  private GridDbscan(int n, int d, Metric metric, double eps, long[] extent, long[] keys, int[] cellStart, int[] rowOf,
      double[] points, int[][] offsets) {
    this.n = n;
    this.d = d;
    this.metric = metric;
    this.eps = eps;
    this.extent = extent;
    this.keys = keys;
    this.cellStart = cellStart;
    this.rowOf = rowOf;
    this.points = points;
    this.offsets = offsets;
  }

  /** Whether the grid serves this shape and distance: 1 to 3 dimensions, Euclidean, Manhattan or Chebyshev. */
  static boolean supports(int d, Distance distance) {
    return d >= 1 && d <= 3
        && (distance == Metric.EUCLIDEAN || distance == Metric.MANHATTAN || distance == Metric.CHEBYSHEV);
  }

  /** Why {@link #build} returns null for this data, for an error message when the grid was asked for. */
  static String whyNot(int d, Distance distance) {
    if (!supports(d, distance)) {
      return "the grid serves 1 to 3 dimensions under the euclidean, manhattan or chebyshev distance (got " + d
          + " dimensions, " + distance.name() + ")";
    }
    return "the data span more than " + (long) MAX_EXTENT + " eps per dimension, too fine a grid for exact cell"
        + " arithmetic";
  }

  /**
   * Sorts the rows into cells, or returns null when the grid does not apply (see {@link #supports})
   * or the data span more than 1e8 eps in some dimension.
   */
  static GridDbscan build(Dataset data, double eps, Distance distance) {
    int n = data.n();
    int d = data.d();
    if (!supports(d, distance) || n == 0) {
      return null;
    }
    Metric metric = (Metric) distance;
    double factor = metric == Metric.EUCLIDEAN ? Math.sqrt(d) : metric == Metric.MANHATTAN ? d : 1;
    double side = eps / factor * (1 - MARGIN);
    double[] v = data.values();
    double[] min = new double[d];
    double[] max = new double[d];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        min[j] = Math.min(min[j], v[i * d + j]);
        max[j] = Math.max(max[j], v[i * d + j]);
      }
    }
    long[] extent = new long[d];
    double cells = 1;
    for (int j = 0; j < d; j++) {
      double span = (max[j] - min[j]) / eps;
      if (!(span <= MAX_EXTENT)) {
        return null;
      }
      extent[j] = (long) Math.floor((max[j] - min[j]) / side) + 1;
      cells *= extent[j];
    }
    if (cells >= 0x1p62) {
      return null;
    }
    long[] keyOfRow = new long[n];
    for (int i = 0; i < n; i++) {
      keyOfRow[i] = key(v, i * d, d, min, side, extent);
    }
    long[] sorted = keyOfRow.clone();
    Arrays.parallelSort(sorted);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[m++] = sorted[i];
      }
    }
    long[] keys = Arrays.copyOf(sorted, m);
    int[] cellOfRow = new int[n];
    int[] cellStart = new int[m + 1];
    for (int i = 0; i < n; i++) {
      int c = Arrays.binarySearch(keys, keyOfRow[i]);
      cellOfRow[i] = c;
      cellStart[c + 1]++;
    }
    for (int c = 0; c < m; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    int[] fill = Arrays.copyOf(cellStart, m);
    int[] rowOf = new int[n];
    for (int i = 0; i < n; i++) { // rows in increasing order within each cell
      rowOf[fill[cellOfRow[i]]++] = i;
    }
    double[] points = new double[n * d];
    for (int p = 0; p < n; p++) {
      System.arraycopy(v, rowOf[p] * d, points, p * d, d);
    }
    return new GridDbscan(n, d, metric, eps, extent, keys, cellStart, rowOf, points, offsets(d, metric, eps, side));
  }

  private static long key(double[] v, int o, int d, double[] min, double side, long[] extent) {
    long k = 0;
    for (int j = d - 1; j >= 0; j--) {
      long c = Math.min(extent[j] - 1, (long) Math.floor((v[o + j] - min[j]) / side));
      k = k * extent[j] + c;
    }
    return k;
  }

  /**
   * Every offset vector whose cell's nearest point to the centre cell lies within eps (with a
   * relative 1e-5 slack, so rounding never drops a cell that matters), the zero offset first.
   */
  private static int[][] offsets(int d, Metric metric, double eps, double side) {
    int reach = (int) Math.ceil(eps / side) + 1;
    int width = 2 * reach + 1;
    int total = 1;
    for (int j = 0; j < d; j++) {
      total *= width;
    }
    java.util.List<int[]> out = new java.util.ArrayList<>();
    out.add(new int[d]);
    for (int code = 0; code < total; code++) {
      int[] off = new int[d];
      int c = code;
      boolean zero = true;
      double acc = 0;
      for (int j = 0; j < d; j++) {
        off[j] = c % width - reach;
        c /= width;
        zero &= off[j] == 0;
        double gap = Math.max(Math.abs(off[j]) - 1, 0) * side;
        acc = metric == Metric.EUCLIDEAN ? acc + gap * gap : metric == Metric.MANHATTAN ? acc + gap : Math.max(acc, gap);
      }
      double gap = metric == Metric.EUCLIDEAN ? Math.sqrt(acc) : acc;
      if (!zero && gap <= eps * (1 + 1e-5)) {
        out.add(off);
      }
    }
    return out.toArray(new int[0][]);
  }

  int cells() {
    return keys.length;
  }

  /**
   * Indices of the occupied cells around cell {@code c} (itself first) into {@code out}; returns
   * how many. {@code coord} is scratch of length d.
   */
  private int neighbours(int c, int[] out, long[] coord) {
    long k = keys[c];
    for (int j = 0; j < d; j++) {
      coord[j] = k % extent[j];
      k /= extent[j];
    }
    int found = 0;
    for (int[] off : offsets) {
      long key = 0;
      boolean inside = true;
      for (int j = d - 1; j >= 0; j--) {
        long x = coord[j] + off[j];
        if (x < 0 || x >= extent[j]) {
          inside = false;
          break;
        }
        key = key * extent[j] + x;
      }
      if (inside) {
        int at = Arrays.binarySearch(keys, key);
        if (at >= 0) {
          out[found++] = at;
        }
      }
    }
    return found;
  }

  private double dist(int p, int q) {
    return metric.between(points, p * d, points, q * d, d);
  }

  /** DBSCAN's labels and core flags, by row; see {@link Dbscan} for the rules. */
  Dbscan.Result cluster(int minPts, double[] weights, int threads) {
    int m = keys.length;
    double[] w = weights;
    boolean[] corePos = new boolean[n];
    int[] coresInCell = new int[m];
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      int[] nb = new int[offsets.length];
      long[] coord = new long[d];
      for (int c = from; c < to; c++) {
        coresInCell[c] = coreTest(c, minPts, w, corePos, nb, coord);
      }
    });
    ConcurrentUnionFind uf = new ConcurrentUnionFind(m);
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      int[] nb = new int[offsets.length];
      long[] coord = new long[d];
      for (int c = from; c < to; c++) {
        if (coresInCell[c] > 0) {
          link(c, uf, corePos, coresInCell, nb, coord);
        }
      }
    });
    int[] nearestCorePos = new int[n];
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      int[] nb = new int[offsets.length];
      long[] coord = new long[d];
      for (int c = from; c < to; c++) {
        borders(c, corePos, coresInCell, nearestCorePos, nb, coord);
      }
    });
    boolean[] core = new boolean[n];
    int[] cellOfRow = new int[n];
    int[] posOfRow = new int[n];
    for (int c = 0; c < m; c++) {
      for (int p = cellStart[c]; p < cellStart[c + 1]; p++) {
        core[rowOf[p]] = corePos[p];
        cellOfRow[rowOf[p]] = c;
        posOfRow[rowOf[p]] = p;
      }
    }
    int[] labels = new int[n];
    int[] labelOfRoot = new int[m];
    Arrays.fill(labelOfRoot, -1);
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      if (core[i]) {
        int root = uf.find(cellOfRow[i]);
        if (labelOfRoot[root] < 0) {
          labelOfRoot[root] = clusters++;
        }
        labels[i] = labelOfRoot[root];
      }
    }
    for (int i = 0; i < n; i++) {
      if (!core[i]) {
        int q = nearestCorePos[posOfRow[i]];
        labels[i] = q < 0 ? -1 : labels[rowOf[q]];
      }
    }
    return new Dbscan.Result(labels, core, clusters);
  }

  /** Flags the core rows of cell c; returns how many there are. */
  private int coreTest(int c, int minPts, double[] w, boolean[] corePos, int[] nb, long[] coord) {
    int from = cellStart[c];
    int to = cellStart[c + 1];
    double own = 0;
    for (int p = from; p < to; p++) {
      own += w == null ? 1 : w[rowOf[p]];
    }
    if (own >= minPts) {
      Arrays.fill(corePos, from, to, true);
      return to - from;
    }
    int cnt = neighbours(c, nb, coord);
    int cores = 0;
    for (int p = from; p < to; p++) {
      double acc = own;
      for (int k = 1; k < cnt && acc < minPts; k++) {
        int o = nb[k];
        for (int q = cellStart[o]; q < cellStart[o + 1] && acc < minPts; q++) {
          if (dist(p, q) <= eps) {
            acc += w == null ? 1 : w[rowOf[q]];
          }
        }
      }
      if (acc >= minPts) {
        corePos[p] = true;
        cores++;
      }
    }
    return cores;
  }

  /** Unions cell c with every later neighbouring cell holding a core point within eps of one of c's. */
  private void link(int c, ConcurrentUnionFind uf, boolean[] corePos, int[] coresInCell, int[] nb, long[] coord) {
    int cnt = neighbours(c, nb, coord);
    for (int k = 1; k < cnt; k++) {
      int o = nb[k];
      if (o < c || coresInCell[o] == 0 || uf.find(o) == uf.find(c)) {
        continue;
      }
      if (coreWithinEps(c, o, corePos)) {
        uf.union(c, o);
      }
    }
  }

  private boolean coreWithinEps(int a, int b, boolean[] corePos) {
    for (int p = cellStart[a]; p < cellStart[a + 1]; p++) {
      if (!corePos[p]) {
        continue;
      }
      for (int q = cellStart[b]; q < cellStart[b + 1]; q++) {
        if (corePos[q] && dist(p, q) <= eps) {
          return true;
        }
      }
    }
    return false;
  }

  /** For each non-core row of cell c, the position of its nearest core point within eps (ties: smaller row), or -1. */
  private void borders(int c, boolean[] corePos, int[] coresInCell, int[] nearest, int[] nb, long[] coord) {
    int from = cellStart[c];
    int to = cellStart[c + 1];
    int cnt = -1;
    for (int p = from; p < to; p++) {
      if (corePos[p]) {
        nearest[p] = p;
        continue;
      }
      if (cnt < 0) {
        cnt = neighbours(c, nb, coord);
      }
      double best = Double.POSITIVE_INFINITY;
      int bestPos = -1;
      for (int k = 0; k < cnt; k++) {
        int o = nb[k];
        if (coresInCell[o] == 0) {
          continue;
        }
        for (int q = cellStart[o]; q < cellStart[o + 1]; q++) {
          if (!corePos[q]) {
            continue;
          }
          double dq = dist(p, q);
          if (dq <= eps && (dq < best || (dq == best && rowOf[q] < rowOf[bestPos]))) {
            best = dq;
            bestPos = q;
          }
        }
      }
      nearest[p] = bestPos;
    }
  }
}
