package clusterlab.core.evaluation;

import clusterlab.core.Dataset;

/**
 * The clustered rows copied into one array grouped by cluster (noise dropped), so the kernels
 * sum a point's distances to a whole cluster in one sequential pass instead of scattering into
 * per-cluster accumulators. Memory is one copy of the data, O(n d).
 */
final class Grouped {

  final double[] x;
  final int d;
  final int m;
  /** Rows of cluster c are {@code [start[c], start[c+1])}. */
  final int[] start;
  /** Original row of grouped row r. */
  final int[] row;
  /** Dense cluster of grouped row r. */
  final int[] cluster;

  Grouped(Dataset data, Labelling lab) {
    int k = lab.k();
    d = data.d();
    m = lab.clustered();
    start = new int[k + 1];
    for (int c = 0; c < k; c++) {
      start[c + 1] = start[c] + lab.size(c);
    }
    int[] next = start.clone();
    row = new int[m];
    cluster = new int[m];
    x = new double[m * d];
    double[] v = data.values();
    for (int i = 0; i < data.n(); i++) {
      int c = lab.of(i);
      if (c >= 0) {
        int r = next[c]++;
        row[r] = i;
        cluster[r] = c;
        System.arraycopy(v, i * d, x, r * d, d);
      }
    }
  }

  int k() {
    return start.length - 1;
  }
}
