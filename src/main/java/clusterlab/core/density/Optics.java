package clusterlab.core.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;

/**
 * OPTICS, ordering points to identify the clustering structure (Ankerst, Breunig, Kriegel and
 * Sander 1999). Instead of one flat clustering it computes an ordering of the rows and, for each,
 * its reachability distance from the rows before it; valleys of the reachability plot are
 * clusters at every density level at once, so no single eps has to be chosen. Clusters are then
 * read from the plot with the ξ method ({@link OpticsModel#extractXi}) or a DBSCAN-like cut.
 *
 * <p>Semantics follow scikit-learn's {@code OPTICS} so results can be checked against it: the core
 * distance is the distance to the minPts-th nearest row counting the row itself, infinite beyond
 * maxEps; the next row processed is the unprocessed row of smallest reachability (ties: smaller
 * row index); and reachability and core distances are rounded to 15 decimals, as scikit-learn does,
 * so that round-off in the last bits does not decide tie order. The seed list is an indexed heap,
 * so memory stays O(n) even with an unbounded maxEps, where every row is every row's neighbour.
 */
public final class Optics {

  private final int minPts;
  private final double maxEps;
  private final Distance distance;
  private final NeighborIndexes.Kind indexKind;
  private final int threads;

  /**
   * @param minPts neighbours (the row itself included) that make a row core (at least 2)
   * @param maxEps largest neighbourhood radius considered (infinity for no limit; smaller is faster)
   * @param distance dissimilarity
   * @param indexKind neighbour index
   * @param threads worker threads for the core distances (0 or less: all cores)
   */
  public Optics(int minPts, double maxEps, Distance distance, NeighborIndexes.Kind indexKind, int threads) {
    Check.atLeast("minPts", minPts, 2);
    if (!(maxEps > 0)) {
      throw new IllegalArgumentException("maxEps must be greater than 0 (infinity for no limit), got " + maxEps);
    }
    this.minPts = minPts;
    this.maxEps = maxEps;
    this.distance = Check.notNull("distance", distance);
    this.indexKind = Check.notNull("indexKind", indexKind);
    this.threads = threads;
  }

  /** numpy's {@code around(x, 15)}. */
  static double round15(double x) {
    if (!Double.isFinite(x)) {
      return x;
    }
    return Math.rint(x * 1e15) / 1e15;
  }

  /** Computes the ordering, reachability, core distances and predecessors. */
  public OpticsModel fit(Dataset data, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, minPts, "OPTICS with minPts = " + minPts);
    Progress p = progress == null ? Progress.NONE : progress;
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    NeighborIndex index = NeighborIndexes.build(indexKind, data, distance);
    double[] coreDist = NeighborIndexes.kthDistances(index, data, minPts, true, threads);
    for (int i = 0; i < n; i++) {
      coreDist[i] = coreDist[i] > maxEps ? Double.POSITIVE_INFINITY : round15(coreDist[i]);
    }
    double[] reach = new double[n];
    java.util.Arrays.fill(reach, Double.POSITIVE_INFINITY);
    int[] pred = new int[n];
    java.util.Arrays.fill(pred, -1);
    boolean[] processed = new boolean[n];
    int[] ordering = new int[n];
    IndexedMinHeap seeds = new IndexedMinHeap(n);
    int nextUnreached = 0;
    for (int pos = 0; pos < n; pos++) {
      if ((pos & 255) == 0) {
        p.checkCancelled();
        p.report("optics", (double) pos / n, "ordered " + pos + " of " + n + " rows");
      }
      int point;
      if (!seeds.isEmpty()) {
        point = seeds.pop();
      } else {
        while (processed[nextUnreached]) {
          nextUnreached++;
        }
        point = nextUnreached;
      }
      processed[point] = true;
      ordering[pos] = point;
      double cd = coreDist[point];
      if (cd != Double.POSITIVE_INFINITY) {
        index.range(v, point * d, maxEps, (row, dist) -> {
          if (!processed[row]) {
            double rd = round15(Math.max(dist, cd));
            if (rd < reach[row]) {
              reach[row] = rd;
              pred[row] = point;
              seeds.push(row, rd);
            }
          }
        });
      }
      if ((pos & 1023) == 0) {
        p.checkCancelled();
        p.report("optics", pos / (double) n, pos + " of " + n + " rows ordered");
      }
    }
    return new OpticsModel(ordering, reach, coreDist, pred, minPts, maxEps);
  }
}
