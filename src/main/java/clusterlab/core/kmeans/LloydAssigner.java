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
    CentreTable.Scratch scratch = table.scratch();
    for (int i = from; i < to; i++) {
      table.squaredDistances(v, i * d, scratch, dist);
      int best = 0;
      double bestDist = dist[0];
      for (int c = 1; c < k; c++) {
        if (dist[c] < bestDist) {
          bestDist = dist[c];
          best = c;
        }
      }
      inertia += data.weight(i) * bestDist;
      if (labels[i] != best) {
        labels[i] = best;
        changed++;
      }
    }
    blockInertia[block] = inertia;
    return changed;
  }

  @Override
  public double blockInertia(int block) {
    return blockInertia[block];
  }
}
