package clusterlab.core.mst;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.distance.SquaredColumns;
import clusterlab.core.parallel.Parallel;
import clusterlab.core.parallel.StepTeam;

/**
 * Prim's minimum spanning tree of the implicit complete graph over the rows, with distances
 * computed on the fly: O(n&sup2;) distance evaluations, O(n&middot;d) memory, no distance matrix.
 * The one dense Prim of the project, shared by single linkage (M&uuml;llner 2011, section 3.3,
 * "MST-linkage"; fastcluster's {@code MST_linkage_core_vector}) and HDBSCAN's mutual-reachability
 * tree for distances no neighbour tree supports (Campello et al. 2013, section 3.1: edge weight
 * {@code max(core(a), core(b), dist(a, b))}).
 *
 * <p>Where the constant factor goes: the rows outside the tree are kept <em>compacted</em>, their
 * coordinates copied column-major in the same order as their tentative weights, and a row that
 * joins the tree is replaced by the last one (O(d) move). Every step is one sequential pass over
 * a few arrays, which the JIT turns into SIMD code ({@link SquaredColumns}) and the prefetcher
 * streams. For the Euclidean distance without core distances the scan compares squared distances
 * and takes one square root per edge; the square root is monotone, so weights are bit for bit
 * those of the Euclidean scan. With core distances a row whose bound {@code max(core(a), core(b))}
 * already reaches its tentative weight cannot improve, and its distance is not needed.
 *
 * <p>Ties go to the lowest row index (SciPy's scan in row order keeps the first strict minimum;
 * R's dbscan does the same). With two or more threads a step above {@value #PARALLEL_MIN} rows
 * outside the tree is split into chunks, each keeping its minimum by the same rule, combined in
 * chunk order, so the sequence does not depend on the thread count. A step takes some tens of
 * microseconds, too short to pay for a fork each time, so one {@link StepTeam} serves the whole run.
 */
public final class DensePrim {

  /** Below this many rows outside the tree a step is scanned on one thread (fork cost dominates). */
  static final int PARALLEL_MIN = 4096;

  /** Points per block of the squared scan: its partial sums stay in the L1 cache. */
  private static final int BLOCK = 512;

  private final int n;
  private final int d;
  private final Distance distance;
  /** Core distances (mutual reachability), or null for the plain distance. */
  private final double[] core;
  /** The squared-Euclidean column kernel computes the distances (Euclidean or squared Euclidean). */
  private final boolean simd;
  /** The tentative weights are squared Euclidean distances (Euclidean without core distances). */
  private final boolean squaredKeys;
  /** Coordinates of the rows outside the tree, compacted and column-major: {@code pts[j][p]} is row rest[p]. */
  private final double[][] pts;
  private final int[] rest;
  /** Tentative weight of rest[p] to the tree (squared when {@link #squaredKeys}). */
  private final double[] best;
  /** Core distance of rest[p] (compacted with it: the scan reads it in order), or null. */
  private final double[] restCore;
  /** Squared distances of a scan, per position (indexed like pts, which keeps the kernel SIMD). */
  private final double[] sq;
  /** Coordinates of the row that joined the tree last, and its core distance. */
  private final double[] cur;
  private double curCore;

  private DensePrim(Dataset data, double[] core, Distance distance) {
    this.n = data.n();
    this.d = data.d();
    this.distance = distance;
    this.core = core;
    this.simd = distance == Metric.EUCLIDEAN || distance == Metric.SQUARED_EUCLIDEAN;
    this.squaredKeys = core == null && distance == Metric.EUCLIDEAN;
    double[] x = data.values();
    this.pts = SquaredColumns.columns(java.util.Arrays.copyOfRange(x, d, n * d), n - 1, d, n - 1);
    this.rest = new int[n - 1];
    this.best = new double[n - 1];
    for (int i = 1; i < n; i++) {
      rest[i - 1] = i;
      best[i - 1] = Double.POSITIVE_INFINITY;
    }
    this.restCore = core == null ? null : java.util.Arrays.copyOfRange(core, 1, n);
    this.sq = new double[n - 1];
    this.cur = new double[d];
    System.arraycopy(x, 0, cur, 0, d);
    this.curCore = core == null ? 0 : core[0];
  }

  /**
   * Prim's sequence from row 0 over the plain distance ({@code core == null}: single linkage) or
   * over the mutual reachability {@code max(core(a), core(b), dist(a, b))}.
   *
   * @param core core distance of every row, or null
   * @param threads worker threads (0 or less: all cores); the result does not depend on it
   * @param stage the stage name reported to {@code progress}
   */
  public static PrimSequence sequence(Dataset data, double[] core, Distance distance, int threads,
      Progress progress, String stage) {
    Check.notNull("data", data);
    Check.notNull("distance", distance);
    if (core != null && core.length != data.n()) {
      throw new IllegalArgumentException("core has " + core.length + " entries for " + data.n() + " rows");
    }
    Progress p = progress == null ? Progress.NONE : progress;
    if (data.n() == 1) {
      return new PrimSequence(new int[1], new double[] {Double.NaN});
    }
    return new DensePrim(data, core, distance).grow(Parallel.threads(threads), p, stage);
  }

  private PrimSequence grow(int t, Progress progress, String stage) {
    if (t > 1 && n - 1 >= PARALLEL_MIN) {
      try (StepTeam team = StepTeam.open(t)) {
        return grow(team, progress, stage);
      }
    }
    return grow((StepTeam) null, progress, stage);
  }

  /** Prim's steps; a step over at least {@value #PARALLEL_MIN} rows is split over {@code team} (null: one thread). */
  private PrimSequence grow(StepTeam team, Progress progress, String stage) {
    int t = team == null ? 1 : team.threads();
    int live = n - 1;
    int[] chunkArg = new int[Math.max(1, Parallel.chunks(live, t))];
    int[] order = new int[n];
    double[] weight = new double[n];
    weight[0] = Double.NaN;
    for (int k = 0; k < n - 1; k++) {
      int pos;
      if (t > 1 && live >= PARALLEL_MIN) {
        int c = Parallel.chunks(live, t);
        final int[] ca = chunkArg.length >= c ? chunkArg : (chunkArg = new int[c]);
        team.run(live, (chunk, from, to) -> ca[chunk] = relax(from, to));
        pos = ca[0];
        for (int q = 1; q < c; q++) {
          int p = ca[q];
          if (best[p] < best[pos] || (best[p] == best[pos] && rest[p] < rest[pos])) {
            pos = p;
          }
        }
      } else {
        pos = relax(0, live);
      }
      int next = rest[pos];
      order[k + 1] = next;
      weight[k + 1] = squaredKeys ? Math.sqrt(best[pos]) : best[pos];
      // the new tree row's coordinates leave the compacted arrays: the last entry fills the hole
      live--;
      for (int j = 0; j < d; j++) {
        double[] col = pts[j];
        cur[j] = col[pos];
        col[pos] = col[live];
      }
      rest[pos] = rest[live];
      best[pos] = best[live];
      if (restCore != null) {
        restCore[pos] = restCore[live];
      }
      curCore = core == null ? 0 : core[next];
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report(stage, (double) k / (n - 1), "minimum spanning tree: edge " + k + " of " + (n - 1));
      }
    }
    return new PrimSequence(order, weight);
  }

  /**
   * Relaxes positions [from, to) against the row just added; returns the position of the
   * smallest tentative weight, the lowest row index on ties.
   */
  private int relax(int from, int to) {
    if (simd) {
      return core == null ? relaxSquared(from, to) : relaxSquaredCore(from, to);
    }
    return core == null ? relaxAny(from, to) : relaxAnyCore(from, to);
  }

  /**
   * The squared-Euclidean scan, a block at a time: first the squared distances of the block, one
   * coordinate after the other over all its points (a loop over contiguous columns that the JIT
   * turns into SIMD instructions; per point the sum runs over j = 0..d-1 as in the row-major
   * formula, so the values are the same to the last bit), then the relaxation and the minimum.
   */
  private int relaxSquared(int from, int to) {
    final double[] b = best;
    final int[] r = rest;
    final double[] s = sq;
    int arg = from;
    double m = Double.POSITIVE_INFINITY;
    for (int b0 = from; b0 < to; b0 += BLOCK) {
      int len = Math.min(BLOCK, to - b0);
      SquaredColumns.block(s, pts, b0, cur, len);
      for (int q = 0; q < len; q++) {
        double v = b[b0 + q];
        if (s[b0 + q] < v) {
          v = s[b0 + q];
          b[b0 + q] = v;
        }
        if (v < m) {
          m = v;
          arg = b0 + q;
        } else if (v == m && r[b0 + q] < r[arg]) {
          arg = b0 + q;
        }
      }
    }
    return arg;
  }

  /** The column kernel with core distances: weights are the mutual reachabilities on the distance's scale. */
  private int relaxSquaredCore(int from, int to) {
    final boolean root = distance == Metric.EUCLIDEAN;
    int arg = -1;
    double m = Double.POSITIVE_INFINITY;
    for (int b0 = from; b0 < to; b0 += BLOCK) {
      int len = Math.min(BLOCK, to - b0);
      SquaredColumns.block(sq, pts, b0, cur, len);
      for (int q = b0; q < b0 + len; q++) {
        double f = best[q];
        double lower = Math.max(curCore, restCore[q]);
        if (lower < f) { // only then can the distance improve the weight
          double mr = Math.max(lower, root ? Math.sqrt(sq[q]) : sq[q]);
          if (mr < f) {
            best[q] = mr;
            f = mr;
          }
        }
        if (arg < 0 || f < m || (f == m && rest[q] < rest[arg])) {
          m = f;
          arg = q;
        }
      }
    }
    return arg;
  }

  private int relaxAny(int from, int to) {
    double[] row = new double[d];
    int arg = from;
    double m = Double.POSITIVE_INFINITY;
    for (int q = from; q < to; q++) {
      SquaredColumns.centre(pts, q, row);
      double v = Math.min(best[q], distance.between(cur, 0, row, 0, d));
      best[q] = v;
      if (v < m) {
        m = v;
        arg = q;
      } else if (v == m && rest[q] < rest[arg]) {
        arg = q;
      }
    }
    return arg;
  }

  private int relaxAnyCore(int from, int to) {
    double[] row = new double[d];
    int arg = -1;
    double m = Double.POSITIVE_INFINITY;
    for (int q = from; q < to; q++) {
      double f = best[q];
      double lower = Math.max(curCore, restCore[q]);
      if (lower < f) { // only then can the distance improve the weight
        SquaredColumns.centre(pts, q, row);
        double mr = Math.max(lower, distance.between(cur, 0, row, 0, d));
        if (mr < f) {
          best[q] = mr;
          f = mr;
        }
      }
      if (arg < 0 || f < m || (f == m && rest[q] < rest[arg])) {
        m = f;
        arg = q;
      }
    }
    return arg;
  }
}
