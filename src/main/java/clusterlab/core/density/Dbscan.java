package clusterlab.core.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.core.parallel.Parallel;

/**
 * DBSCAN, density-based spatial clustering of applications with noise (Ester, Kriegel, Sander
 * and Xu 1996). A row is a <em>core</em> point when the rows within distance eps of it (itself
 * included, as in scikit-learn and ELKI; with row weights, their total weight) reach minPts.
 * Core points within eps of each other share a cluster; a non-core row within eps of a core point
 * is a <em>border</em> point of that core point's cluster; every other row is noise (label -1).
 *
 * <p>Why this formulation and not the paper's queue-driven expansion: cluster membership of core
 * points is the connected components of the "within eps" graph over core points, which two
 * parallel passes of range queries compute exactly: one to flag core points, one to link core
 * neighbours in a lock-free union-find. Neither pass stores a neighbourhood, so memory is O(n)
 * whatever eps is. A border point reachable from several clusters joins the cluster of its
 * nearest core point (ties: the smaller row index), the same rule {@link DbscanModel#predict}
 * applies to new rows; the paper leaves this choice to the visiting order. Clusters are numbered
 * by their smallest core row, as scikit-learn does.
 *
 * <p>In one to three dimensions (Euclidean, Manhattan, Chebyshev) {@code AUTO} runs the same
 * passes over an exact grid of eps-cells instead of a tree ({@link GridDbscan}; Gunawan 2013, Wang,
 * Gu and Shun 2020), with the same result row for row; {@code GRID} asks for it explicitly.
 *
 * <p>eps may be left to the data ({@link #autoEps}): the knee of the sorted k-distance curve
 * with k = minPts - 1 (see {@link KDistance}).
 */
public final class Dbscan {

  private final double eps;
  private final int minPts;
  private final Distance distance;
  private final NeighborIndexes.Kind indexKind;
  private final int threads;

  /**
   * @param eps neighbourhood radius (greater than 0), or NaN to choose it from the k-distance knee
   * @param minPts rows (weight) in an eps-neighbourhood, the row itself included, that make a core point (at least 1)
   * @param distance the dissimilarity; metric ones allow tree indexes
   * @param indexKind neighbour index ({@code AUTO} picks by dimension and distance)
   * @param threads worker threads, 0 or less for all cores; the result does not depend on it
   */
  public Dbscan(double eps, int minPts, Distance distance, NeighborIndexes.Kind indexKind, int threads) {
    if (!Double.isNaN(eps)) {
      Check.positive("eps", eps);
    }
    Check.atLeast("minPts", minPts, 1);
    if (Double.isNaN(eps) && minPts < 2) {
      throw new IllegalArgumentException("minPts must be at least 2 when eps is chosen automatically (the k-distance"
          + " curve uses k = minPts - 1), got " + minPts);
    }
    this.eps = eps;
    this.minPts = minPts;
    this.distance = Check.notNull("distance", distance);
    this.indexKind = Check.notNull("indexKind", indexKind);
    if (indexKind == NeighborIndexes.Kind.GRID && !GridDbscan.supports(1, distance)) {
      throw new IllegalArgumentException("the grid index serves the euclidean, manhattan and chebyshev distances, not "
          + distance.name() + "; choose the index auto, ball-tree or linear-scan");
    }
    this.threads = threads;
  }

  /** A DBSCAN that picks eps from the knee of the k-distance curve. */
  public static Dbscan autoEps(int minPts, Distance distance, NeighborIndexes.Kind indexKind, int threads) {
    return new Dbscan(Double.NaN, minPts, distance, indexKind, threads);
  }

  /** Clusters {@code data}. */
  public DbscanModel fit(Dataset data, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, 1, "DBSCAN");
    Progress p = progress == null ? Progress.NONE : progress;
    int n = data.n();
    int d = data.d();
    NeighborIndex index = null;
    double[] kCurve = null;
    double useEps = eps;
    if (Double.isNaN(eps)) {
      index = buildIndex(data, p);
      Check.enoughRows(data, minPts, "choosing eps automatically with minPts = " + minPts);
      p.report("eps", 0.1, "k-distance curve, k = " + (minPts - 1));
      kCurve = KDistance.curve(index, data, minPts - 1, threads);
      int knee = KDistance.knee(kCurve);
      if (knee < 0 || !(kCurve[knee] > 0)) {
        throw new IllegalArgumentException("could not choose eps automatically: the k-distance curve (k = "
            + (minPts - 1) + ") has no knee; set eps explicitly");
      }
      useEps = kCurve[knee];
      p.checkCancelled();
    }
    final double r = useEps;
    Result res = null;
    if (indexKind == NeighborIndexes.Kind.GRID || (indexKind == NeighborIndexes.Kind.AUTO && GridDbscan.supports(d, distance))) {
      p.report("grid", 0.3, "sorting " + n + " rows into eps-cells");
      GridDbscan grid = GridDbscan.build(data, r, distance);
      if (grid == null && indexKind == NeighborIndexes.Kind.GRID) {
        throw new IllegalArgumentException("cannot use the grid: " + GridDbscan.whyNot(d, distance)
            + "; choose the index auto, kd-tree or ball-tree");
      }
      if (grid != null) {
        p.checkCancelled();
        p.report("cells", 0.4, "core points, links and borders over " + grid.cells() + " cells");
        res = grid.cluster(minPts, data.weights(), threads);
      }
    }
    if (res == null) {
      res = withIndex(index == null ? buildIndex(data, p) : index, data, r, p);
    }
    p.report("done", 1, res.clusters + " clusters");
    return new DbscanModel(data, res.labels, res.core, res.clusters, r, minPts, distance, kCurve);
  }

  /** The tree or scan for the k-distance curve and, outside the grid's reach, for the range queries. */
  private NeighborIndex buildIndex(Dataset data, Progress p) {
    NeighborIndexes.Kind kind = indexKind == NeighborIndexes.Kind.GRID ? NeighborIndexes.Kind.AUTO : indexKind;
    p.report("index", 0, "building " + NeighborIndexes.choose(data.d(), distance) + " over " + data.n() + " rows");
    NeighborIndex index = NeighborIndexes.build(kind, data, distance);
    p.checkCancelled();
    return index;
  }

  /** Labels, core flags and cluster count of one DBSCAN run. */
  static final class Result {
    final int[] labels;
    final boolean[] core;
    final int clusters;

    Result(int[] labels, boolean[] core, int clusters) {
      this.labels = labels;
      this.core = core;
      this.clusters = clusters;
    }
  }

  /** The two parallel passes of range queries over a tree or a scan (see the class comment). */
  private Result withIndex(NeighborIndex index, Dataset data, double r, Progress p) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    p.report("core", 0.3, "counting eps-neighbourhoods");
    boolean[] core = new boolean[n];
    double[] w = data.weights();
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      double[] acc = new double[1];
      for (int i = from; i < to; i++) {
        if (w == null) {
          core[i] = index.rangeCountAtLeast(v, i * d, r, minPts) >= minPts;
        } else {
          acc[0] = 0;
          index.range(v, i * d, r, (row, dist) -> acc[0] += w[row]);
          core[i] = acc[0] >= minPts;
        }
      }
    });
    p.checkCancelled();
    p.report("link", 0.6, "linking core points");
    ConcurrentUnionFind uf = new ConcurrentUnionFind(n);
    int[] nearestCore = new int[n];
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      double[] best = new double[1];
      int[] bestRow = new int[1];
      for (int i = from; i < to; i++) {
        final int self = i;
        if (core[i]) {
          index.range(v, i * d, r, (row, dist) -> {
            if (row > self && core[row]) {
              uf.union(self, row);
            }
          });
          nearestCore[i] = i;
        } else {
          best[0] = Double.POSITIVE_INFINITY;
          bestRow[0] = -1;
          index.range(v, i * d, r, (row, dist) -> {
            if (core[row] && (dist < best[0] || (dist == best[0] && row < bestRow[0]))) {
              best[0] = dist;
              bestRow[0] = row;
            }
          });
          nearestCore[i] = bestRow[0];
        }
      }
    });
    p.checkCancelled();
    int[] labels = new int[n];
    int[] labelOfRoot = new int[n];
    java.util.Arrays.fill(labelOfRoot, -1);
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      if (core[i]) {
        int root = uf.find(i);
        if (labelOfRoot[root] < 0) {
          labelOfRoot[root] = clusters++;
        }
        labels[i] = labelOfRoot[root];
      }
    }
    for (int i = 0; i < n; i++) {
      if (!core[i]) {
        labels[i] = nearestCore[i] < 0 ? -1 : labels[nearestCore[i]];
      }
    }
    return new Result(labels, core, clusters);
  }
}
