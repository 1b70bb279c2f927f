package clusterlab.charts;

import clusterlab.core.Check;

/** Labels (-1 = noise) summarised once: number of clusters, rows per cluster, noise rows. */
final class ClusterCounts {

  final int k;
  final int[] sizes;
  final int noise;

  ClusterCounts(int[] labels) {
    Check.notNull("labels", labels);
    int max = -1;
    int nz = 0;
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l < -1) {
        throw new IllegalArgumentException("label of row " + i + " is " + l + "; labels are cluster numbers 0.. or -1 for noise");
      }
      max = Math.max(max, l);
      nz += l < 0 ? 1 : 0;
    }
    k = max + 1;
    sizes = new int[k];
    for (int l : labels) {
      if (l >= 0) {
        sizes[l]++;
      }
    }
    noise = nz;
  }

  /** "Cluster c (n = 1,234)". */
  String name(int c) {
    return c < 0 ? "Noise (n = " + ChartTheme.count(noise) + ")" : "Cluster " + c + " (n = " + ChartTheme.count(sizes[c]) + ")";
  }
}
