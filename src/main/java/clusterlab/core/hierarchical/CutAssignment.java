package clusterlab.core.hierarchical;

import clusterlab.core.Check;

/**
 * Assigns a new point to one of the clusters of a cut, by the linkage's own rule: the point is
 * treated as a singleton cluster and its linkage distance to each cut cluster is computed, then
 * the closest cluster wins (first on ties).
 *
 * <p>Why this works for every linkage without the members: the Lance&ndash;Williams recursion
 * gives d(p, A&cup;B) from d(p, A), d(p, B), d(A, B) and the sizes, and d(A, B) is the height at
 * which A and B were merged. Replaying the merges inside each cut cluster bottom-up from the n
 * distances point-to-row yields exactly the single (minimum), complete (maximum), average (mean),
 * weighted, Ward, centroid or median distance from the point to the cluster, in O(n) per point.
 * For a tree that is not built from a linkage (DIANA), {@link #averageDistance} uses the mean
 * distance to the members, the quantity DIANA's splinter criterion compares.
 */
public final class CutAssignment implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final MergeHistory tree;
  private final int[] labels;
  private final int k;
  private final boolean[] applied;
  private final int[] rep;

  /** @param labels a cut of {@code tree} (labels 0..k-1, as the cut methods return) */
  public CutAssignment(MergeHistory tree, int[] labels) {
    this.tree = Check.notNull("tree", tree);
    this.labels = Check.notNull("labels", labels).clone();
    int n = tree.n();
    if (labels.length != n) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries for a tree of " + n + " rows");
    }
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    this.k = max + 1;
    rep = new int[2 * n - 1];
    for (int i = 0; i < n; i++) {
      rep[i] = i;
    }
    applied = new boolean[Math.max(0, n - 1)];
    for (int m = 0; m < n - 1; m++) {
      rep[n + m] = rep[tree.first(m)];
      applied[m] = labels[rep[tree.first(m)]] == labels[rep[tree.second(m)]];
    }
  }

  /** Number of clusters of the cut. */
  public int k() {
    return k;
  }

  /** Linkage distance from a point to every cut cluster, given its distances to all training rows. */
  public double[] linkageDistances(double[] toRows, Linkage linkage) {
    int n = tree.n();
    double[] node = new double[2 * n - 1];
    System.arraycopy(toRows, 0, node, 0, n);
    double[] out = new double[k];
    for (int i = 0; i < n; i++) {
      out[labels[i]] = toRows[i];
    }
    int[] size = new int[2 * n - 1];
    java.util.Arrays.fill(size, 0, n, 1);
    for (int m = 0; m < n - 1; m++) {
      int a = tree.first(m);
      int b = tree.second(m);
      size[n + m] = size[a] + size[b];
      if (applied[m]) {
        node[n + m] = linkage.update(node[a], node[b], tree.height(m), size[a], size[b], 1);
        out[labels[rep[a]]] = node[n + m];
      }
    }
    return out;
  }

  /** Mean distance from a point to the members of every cut cluster. */
  public double[] averageDistance(double[] toRows) {
    double[] sum = new double[k];
    int[] count = new int[k];
    for (int i = 0; i < toRows.length; i++) {
      sum[labels[i]] += toRows[i];
      count[labels[i]]++;
    }
    for (int c = 0; c < k; c++) {
      sum[c] /= count[c];
    }
    return sum;
  }

  /** Index of the smallest value (first on ties). */
  public static int argmin(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }
}
