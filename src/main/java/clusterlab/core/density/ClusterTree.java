package clusterlab.core.density;

import clusterlab.core.mst.PrimSequence;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The HDBSCAN cluster tree (Campello, Moulavi and Sander 2013, section 3.2; the "condensed tree"
 * of McInnes et al. 2017) computed from the single-linkage hierarchy of the mutual-reachability
 * MST, with cluster stabilities and per-row exit levels.
 *
 * <p>Walking the merges from the top down, a cluster splits only where both parts hold at least
 * minClusterSize rows; a smaller part stays in its parent, and each row leaves its cluster at the
 * height where it becomes a singleton (clamped to the cluster's death when the cluster has already
 * split above). This is the formulation of R's {@code dbscan::hdbscan} (Hahsler, Piekenbrock and
 * Doran 2019), followed step by step, including the processing order of merges at equal heights,
 * so that labels and GLOSH scores agree with it. Heights are distances (eps); the paper's density
 * levels are lambda = 1 / eps.
 *
 * <p>Cluster 0 is the root (all rows); clusters {@code 2i+1, 2i+2} are created in pairs.
 */
final class ClusterTree implements Serializable {

  private static final long serialVersionUID = 1L;

  final int n;
  int clusters;
  final double[] birth;      // eps at which the cluster appears
  final double[] death;      // eps at which it splits or vanishes
  final int[] left;          // first child cluster, -1 for a leaf
  final int[] right;
  final int[] parent;
  final int[] splitSize;     // rows at the split ("n_children" in R)
  final double[] stability;
  final int[] clusterOfRow;  // cluster a row leaves from
  final double[] epsOfRow;   // eps at which it leaves

  private ClusterTree(int n) {
    this.n = n;
    int cap = n + 1;
    birth = new double[cap];
    death = new double[cap];
    left = new int[cap];
    right = new int[cap];
    parent = new int[cap];
    splitSize = new int[cap];
    stability = new double[cap];
    clusterOfRow = new int[n];
    epsOfRow = new double[n];
    Arrays.fill(left, -1);
    Arrays.fill(right, -1);
  }

  /**
   * Builds the tree from Prim's sequence of the mutual-reachability MST.
   *
   * @param minClusterSize smallest part a split may create (R's minPts)
   */
  static ClusterTree build(PrimSequence seq, int minClusterSize) {
    int n = seq.order.length;
    ClusterTree t = new ClusterTree(n);
    if (n == 1) {
      t.clusters = 1;
      t.clusterOfRow[0] = 0;
      t.epsOfRow[0] = 0;
      t.birth[0] = 0;
      return t;
    }
    // 1. single-linkage merges: edges (row added at step s, row added at step s-1), in stable
    //    order of weight, as R's hclustMergeOrder does; R's convention: -(row+1) for a singleton,
    //    (merge index + 1) for an earlier merge
    int m = n - 1;
    Integer[] idx = new Integer[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(seq.weight[a + 1], seq.weight[b + 1])); // stable
    int[] ml = new int[m];
    int[] mr = new int[m];
    double[] h = new double[m];
    int[] size = new int[m];
    int[] uf = new int[n];
    int[] mergeOfRoot = new int[n];
    for (int i = 0; i < n; i++) {
      uf[i] = i;
      mergeOfRoot[i] = -(i + 1);
    }
    for (int k = 0; k < m; k++) {
      int s = idx[k] + 1;
      int a = find(uf, seq.order[s]);
      int b = find(uf, seq.order[s - 1]);
      ml[k] = mergeOfRoot[a];
      mr[k] = mergeOfRoot[b];
      h[k] = seq.weight[s];
      size[k] = (ml[k] < 0 ? 1 : size[ml[k] - 1]) + (mr[k] < 0 ? 1 : size[mr[k] - 1]);
      uf[a] = b;
      mergeOfRoot[b] = k + 1;
    }
    t.condense(ml, mr, h, size, minClusterSize);
    return t;
  }

  private static int find(int[] uf, int x) {
    while (uf[x] != x) {
      uf[x] = uf[uf[x]];
      x = uf[x];
    }
    return x;
  }

  /** R's computeStability: the divisive pass over the merges, top first. */
  private void condense(int[] ml, int[] mr, double[] h, int[] size, int minClusterSize) {
    int m = ml.length;
    int[] tracker = new int[m];
    boolean[] processed = new boolean[n + 1];
    clusters = 1;
    birth[0] = h[m - 1];
    death[0] = 0; // R reads an unset map entry as 0
    parent[0] = -1;
    for (int k = m - 1; k >= 0; k--) {
      int lm = ml[k];
      int rm = mr[k];
      int cid = tracker[k];
      if (lm < 0 && rm < 0) {
        double e = processed[cid] ? death[cid] : h[k];
        leave(-lm - 1, cid, e);
        leave(-rm - 1, cid, e);
        if (!processed[cid]) {
          death[cid] = Math.min(h[k], death[cid]);
        }
      } else if (lm < 0 || rm < 0) {
        int row = lm < 0 ? -lm - 1 : -rm - 1;
        leave(row, cid, processed[cid] ? death[cid] : h[k]);
        tracker[(lm < 0 ? rm : lm) - 1] = cid;
      } else if (size[lm - 1] >= minClusterSize && size[rm - 1] >= minClusterSize) {
        death[cid] = h[k];
        processed[cid] = true;
        int a = clusters++;
        int b = clusters++;
        left[cid] = a;
        right[cid] = b;
        parent[a] = cid;
        parent[b] = cid;
        tracker[lm - 1] = a;
        tracker[rm - 1] = b;
        birth[a] = h[k];
        birth[b] = h[k];
        death[a] = h[lm - 1];
        death[b] = h[rm - 1];
        splitSize[cid] = size[lm - 1] + size[rm - 1];
      } else {
        tracker[lm - 1] = cid;
        tracker[rm - 1] = cid;
      }
    }
    // stability: sum over leaving rows of (1/eps - 1/birth) + rows at the split * (1/death - 1/birth)
    for (int c = 0; c < clusters; c++) {
      stability[c] = (double) splitSize[c] / death[c] - (double) splitSize[c] / birth[c]; // 0/0 = NaN, as in R
    }
    double[] rowTerms = new double[clusters];
    for (int i = 0; i < pushOrder.length && pushOrder[i] >= 0; i++) {
      int row = pushOrder[i];
      int c = clusterOfRow[row];
      rowTerms[c] += 1 / epsOfRow[row] - 1 / birth[c];
    }
    for (int c = 0; c < clusters; c++) {
      stability[c] = rowTerms[c] + stability[c];
    }
    pushOrder = null;
  }

  private transient int[] pushOrder;
  private transient int pushed;

  private void leave(int row, int cid, double eps) {
    if (pushOrder == null) {
      pushOrder = new int[n];
      Arrays.fill(pushOrder, -1);
    }
    pushOrder[pushed++] = row;
    clusterOfRow[row] = cid;
    epsOfRow[row] = eps;
  }

  boolean isLeaf(int c) {
    return left[c] < 0;
  }

  /**
   * Smallest death eps over the leaf clusters below {@code c} (itself when a leaf): the level at
   * which the densest part of the subtree vanishes, GLOSH's reference (Campello et al. 2015).
   */
  double[] minLeafDeath() {
    double[] out = new double[clusters];
    // children have larger ids than parents: fill bottom-up in decreasing id order
    for (int c = clusters - 1; c >= 0; c--) {
      out[c] = isLeaf(c) ? death[c] : Math.min(out[left[c]], out[right[c]]);
    }
    return out;
  }

  /**
   * GLOSH outlier scores (Campello, Moulavi, Zimek and Sander 2015): {@code 1 - eps_max / eps_row}
   * where eps_max is {@link #minLeafDeath()} of the cluster the row leaves; 0 when both are 0.
   */
  double[] glosh() {
    double[] ref = minLeafDeath();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 1.0 - ref[clusterOfRow[i]] / epsOfRow[i];
      out[i] = Double.isNaN(s) ? 0.0 : s;
    }
    return out;
  }
}
