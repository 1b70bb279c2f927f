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
    double[] dist = new double[k];
    double[] next = new double[k];
    CentreTable.Scratch scratch = table.scratch();
    for (int i = from; i < to; i += 2) {
      boolean pair = i + 1 < to; // rows go through the distance pass two at a time
      if (pair) {
        table.squaredDistances(v, i * d, (i + 1) * d, scratch, dist, next);
      } else {
        table.squaredDistances(v, i * d, scratch, dist);
      }
      int best = nearest(dist);
      inertia += data.weight(i) * dist[best];
      changed += relabel(labels, i, best);
      if (pair) {
        best = nearest(next);
        inertia += data.weight(i + 1) * next[best];
        changed += relabel(labels, i + 1, best);
      }
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
