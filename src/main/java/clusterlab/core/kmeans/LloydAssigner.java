package clusterlab.core.kmeans;

import clusterlab.core.Dataset;

/**
 * Lloyd's assignment (Lloyd 1982): every row against every centre. It also records the inertia of
 * the labelling it produced with the centres it was given, so the trace of a run shows that k-means
 * never increases its objective.
 */
final class LloydAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final double[] blockInertia;
  private CentreTable table;

  LloydAssigner(Dataset data, int k, int blocks) {
    this.data = data;
    this.k = k;
    this.blockInertia = new double[blocks];
  }

  @Override
  public void prepare(double[] centroids, double[] shift) {
    table = new CentreTable(centroids, k, data.d());
  }

  @Override
  public int assign(int block, int from, int to, double[] centroids, int[] labels) {
    int d = data.d();
    double[] v = data.values();
    int changed = 0;
    double inertia = 0;
    double[][] dist = new double[4][k];
    CentreTable.Scratch scratch = table.scratch();
    int i = from;
    for (; i + 3 < to; i += 4) { // rows go through the distance pass four at a time
      table.squaredDistances(v, i * d, (i + 1) * d, (i + 2) * d, (i + 3) * d, scratch, dist);
      for (int r = 0; r < 4; r++) {
        int best = nearest(dist[r]);
        inertia += data.weight(i + r) * dist[r][best];
        changed += relabel(labels, i + r, best);
      }
    }
    for (; i < to; i++) {
      table.squaredDistances(v, i * d, scratch, dist[0]);
      int best = nearest(dist[0]);
      inertia += data.weight(i) * dist[0][best];
      changed += relabel(labels, i, best);
    }
    blockInertia[block] = inertia;
    return changed;
  }

  private static int relabel(int[] labels, int row, int label) {
    if (labels[row] == label) {
      return 0;
    }
    labels[row] = label;
    return 1;
  }

  /** Index of the smallest value, ties to the lower index. */
  private int nearest(double[] dist) {
    int best = 0;
    double bestDist = dist[0];
    for (int c = 1; c < k; c++) {
      if (dist[c] < bestDist) {
        bestDist = dist[c];
        best = c;
      }
    }
    return best;
  }

  @Override
  public double blockInertia(int block) {
    return blockInertia[block];
  }
}
