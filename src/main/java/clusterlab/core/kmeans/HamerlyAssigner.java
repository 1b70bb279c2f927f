package clusterlab.core.kmeans;

import clusterlab.core.Dataset;

/**
 * Hamerly's exact acceleration of Lloyd's assignment (Hamerly 2010, "Making k-means even faster",
 * SIAM SDM): per row one upper bound on the distance to its centre and one lower bound on the
 * distance to every other centre. A row is re-examined only when its upper bound exceeds both its
 * lower bound and half the distance from its centre to the nearest other centre. O(n) extra memory,
 * the best choice in low and moderate dimension.
 */
final class HamerlyAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final HamerlyBounds bounds;
  private CentreTable table;

  HamerlyAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.bounds = new HamerlyBounds(data.n(), k, data.d());
  }

  @Override
  public void prepare(double[] centroids, double[] shift) {
    bounds.prepare(centroids, shift);
    table = new CentreTable(centroids, k, data.d());
  }

  @Override
  public int assign(int block, int from, int to, double[] centroids, int[] labels) {
    int d = data.d();
    double[] v = data.values();
    int changed = 0;
    double[][] dist = new double[4][k];
    int[] waiting = new int[4];
    int queued = 0;
    CentreTable.Scratch scratch = table.scratch();
    for (int i = from; i < to; i++) {
      int a = labels[i];
      if (a >= 0 && bounds.keeps(i, a, v, centroids)) {
        continue;
      }
      // full scan over all centres (SIMD); rows wait in groups of four so that each centre value is
      // loaded once for four rows
      waiting[queued++] = i;
      if (queued == 4) {
        table.squaredDistances(v, waiting[0] * d, waiting[1] * d, waiting[2] * d, waiting[3] * d, scratch, dist);
        for (int r = 0; r < 4; r++) {
          changed += settle(waiting[r], dist[r], labels);
        }
        queued = 0;
      }
    }
    for (int r = 0; r < queued; r++) {
      table.squaredDistances(v, waiting[r] * d, scratch, dist[r]);
      changed += settle(waiting[r], dist[r], labels);
    }
    return changed;
  }

  /**
   * Bounds and label of a row from its distances to all centres: the closest and the second
   * closest, ties to the lower index as in Lloyd. Returns 1 when the label changed.
   */
  private int settle(int i, double[] dist, int[] labels) {
    // squared distances are never negative (nor -0.0), and for such doubles the order of the raw
    // bits is the numeric order: comparing longs lets the JIT use conditional moves instead of
    // the branches a running minimum mispredicts
    int best = 0;
    long b1 = Double.doubleToRawLongBits(dist[0]);
    long b2 = Long.MAX_VALUE;
    for (int c = 1; c < k; c++) {
      long x = Double.doubleToRawLongBits(dist[c]);
      boolean smaller = x < b1;
      long larger = smaller ? b1 : x;
      best = smaller ? c : best;
      b1 = smaller ? x : b1;
      b2 = Math.min(b2, larger);
    }
    double d1 = Double.longBitsToDouble(b1);
    double d2 = k > 1 ? Double.longBitsToDouble(b2) : Double.POSITIVE_INFINITY;
    return bounds.settle(i, Math.sqrt(d1), Math.sqrt(d2), best, labels);
  }

  @Override
  public double blockInertia(int block) {
    return Double.NaN;
  }
}
