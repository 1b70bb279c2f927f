package clusterlab.core.density;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;

/**
 * Minimum spanning tree of the mutual-reachability graph (Campello et al. 2013, section 3.1):
 * {@code mr(a, b) = max(core(a), core(b), dist(a, b))}, with Prim's algorithm on the implicit
 * complete graph. Distances are computed on the fly, so memory is O(n) (a dense distance matrix,
 * as R's {@code dbscan::hdbscan} builds, needs n²/2 doubles: 40 GB for 100,000 rows); time is
 * O(n² d) on one thread (a parallel fork per step costs more than it saves on the n steps); the
 * scan shrinks as rows join the tree, since the rows outside it are kept compacted.
 *
 * <p>Output is Prim's sequence: {@code order[t]} is the row added at step t and {@code weight[t]}
 * the edge weight that added it (step 0 is the start row, weight unused). Single linkage needs no
 * more than that: each connected component of the graph cut at any height is a contiguous run of
 * that sequence, so linking each added row to its predecessor in the sequence yields the same
 * hierarchy as the true tree edges (this is also how R's {@code dbscan} builds its hierarchy, so
 * merges at equal heights come in the same order). Ties pick the smaller row index.
 */
final class MutualReachabilityMst {

  private MutualReachabilityMst() {
  }

  /** Prim's sequence: rows in order of addition and the weights that added them. */
  static final class Sequence {
    final int[] order;
    final double[] weight;

    Sequence(int[] order, double[] weight) {
      this.order = order;
      this.weight = weight;
    }
  }

  static Sequence prim(Dataset data, double[] core, Distance distance, int threads, Progress progress) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    // the rows not yet in the tree, compacted by swap-removal so each step scans only them
    int[] rest = new int[n];
    double[] fringe = new double[n]; // indexed by position in rest, moved along with it
    for (int i = 0; i < n; i++) {
      rest[i] = i;
      fringe[i] = Double.POSITIVE_INFINITY;
    }
    int[] order = new int[n];
    double[] weight = new double[n];
    weight[0] = Double.NaN;
    int m = n;
    int pos = 0; // position of the current row in rest
    for (int step = 0; step < n - 1; step++) {
      int c = rest[pos];
      order[step] = c;
      m--;
      rest[pos] = rest[m];
      fringe[pos] = fringe[m];
      double cc = core[c];
      int co = c * d;
      double best = Double.POSITIVE_INFINITY;
      int arg = -1;
      for (int p = 0; p < m; p++) {
        int i = rest[p];
        double f = fringe[p];
        double lower = Math.max(cc, core[i]);
        if (lower < f) { // only then can the distance improve the fringe
          double mr = Math.max(lower, distance.between(v, co, v, i * d, d));
          if (mr < f) {
            fringe[p] = mr;
            f = mr;
          }
        }
        if (arg < 0 || f < best || (f == best && i < rest[arg])) {
          best = f;
          arg = p;
        }
      }
      weight[step + 1] = best;
      pos = arg;
      if ((step & 1023) == 0) {
        progress.checkCancelled();
        progress.report("mst", step / (double) n, "minimum spanning tree: " + step + " of " + n + " rows");
      }
    }
    order[n - 1] = rest[pos];
    return new Sequence(order, weight);
  }
}
