package clusterlab.core.density;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.parallel.Parallel;

/**
 * Minimum spanning tree of the mutual-reachability graph (Campello et al. 2013, section 3.1):
 * {@code mr(a, b) = max(core(a), core(b), dist(a, b))}, with Prim's algorithm on the implicit
 * complete graph. Distances are computed on the fly, so memory is O(n) (a dense distance matrix,
 * as R's {@code dbscan::hdbscan} builds, needs n²/2 doubles: 40 GB for 100,000 rows); time is
 * O(n² d), with the fringe update of each step spread over threads.
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
    double[] fringe = new double[n];
    java.util.Arrays.fill(fringe, Double.POSITIVE_INFINITY);
    boolean[] selected = new boolean[n];
    int[] order = new int[n];
    double[] weight = new double[n];
    weight[0] = Double.NaN;
    int t = Parallel.threads(threads);
    int chunks = n < 4096 ? 1 : Parallel.chunks(n, t);
    double[] chunkMin = new double[Math.max(1, chunks)];
    int[] chunkArg = new int[Math.max(1, chunks)];
    int current = 0;
    for (int step = 0; step < n - 1; step++) {
      selected[current] = true;
      order[step] = current;
      final int c = current;
      final double cc = core[c];
      if (chunks == 1) {
        update(v, d, core, distance, fringe, selected, c, cc, 0, n, chunkMin, chunkArg, 0);
      } else {
        Parallel.forRange(n, t, (chunk, from, to) ->
            update(v, d, core, distance, fringe, selected, c, cc, from, to, chunkMin, chunkArg, chunk));
      }
      double best = Double.POSITIVE_INFINITY;
      int arg = -1;
      for (int k = 0; k < chunks; k++) {
        if (chunkArg[k] >= 0 && (arg < 0 || chunkMin[k] < best)) {
          best = chunkMin[k];
          arg = chunkArg[k];
        }
      }
      weight[step + 1] = best;
      current = arg;
      if ((step & 1023) == 0) {
        progress.checkCancelled();
        progress.report("mst", step / (double) n, "minimum spanning tree: " + step + " of " + n + " rows");
      }
    }
    order[n - 1] = current;
    return new Sequence(order, weight);
  }

  private static void update(double[] v, int d, double[] core, Distance distance, double[] fringe, boolean[] selected,
      int c, double cc, int from, int to, double[] chunkMin, int[] chunkArg, int chunk) {
    double best = Double.POSITIVE_INFINITY;
    int arg = -1;
    int co = c * d;
    for (int i = from; i < to; i++) {
      if (selected[i]) {
        continue;
      }
      double f = fringe[i];
      double lower = Math.max(cc, core[i]);
      if (lower < f) { // only then can the distance improve the fringe
        double dist = distance.between(v, co, v, i * d, d);
        double mr = Math.max(lower, dist);
        if (mr < f) {
          fringe[i] = mr;
          f = mr;
        }
      }
      if (arg < 0 || f < best) {
        best = f;
        arg = i;
      }
    }
    chunkMin[chunk] = best;
    chunkArg[chunk] = arg;
  }
}
