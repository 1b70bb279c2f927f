package clusterlab.core.hierarchical;

import clusterlab.core.mst.PrimSequence;

/**
 * Builds a {@link MergeHistory} from merges as the algorithms record them: pairs of
 * representative rows (the row index standing for each cluster, as NN-chain, the generic
 * algorithm and MST algorithms produce them) or Prim's sequence of a minimum spanning tree. The
 * history itself is plain data; this is the one place where cluster ids are assigned.
 */
public final class MergeHistoryBuilder {

  private MergeHistoryBuilder() {
  }

  /**
   * Single linkage from Prim's sequence: each row is linked to its predecessor in the sequence at
   * the weight that added it, then the merges are sorted stably by height ({@link PrimSequence}
   * says why this is the single-linkage hierarchy).
   */
  public static MergeHistory fromPrim(PrimSequence seq) {
    int n = seq.n();
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    double[] h = new double[n - 1];
    for (int k = 0; k < n - 1; k++) {
      a[k] = seq.order[k];
      b[k] = seq.order[k + 1];
      h[k] = seq.weight[k + 1];
    }
    return fromRepresentatives(n, a, b, h, true);
  }

  /**
   * Turns merges recorded as pairs of representative rows (the row index standing for each
   * cluster, as NN-chain and MST algorithms produce them) into a history: a stable sort by height
   * (when {@code sortByHeight}), then union&ndash;find relabelling to cluster ids, as SciPy's
   * {@code label} does.
   */
  public static MergeHistory fromRepresentatives(int n, int[] repA, int[] repB, double[] h, boolean sortByHeight) {
    int m = n - 1;
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    if (sortByHeight) {
      order = stableOrderByHeight(h);
    }
    int[] parent = new int[2 * n - 1];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    int[] a = new int[m];
    int[] b = new int[m];
    double[] hh = new double[m];
    for (int k = 0; k < m; k++) {
      int o = order[k];
      int x = find(parent, repA[o]);
      int y = find(parent, repB[o]);
      a[k] = Math.min(x, y);
      b[k] = Math.max(x, y);
      hh[k] = h[o];
      parent[x] = n + k;
      parent[y] = n + k;
    }
    return MergeHistory.of(n, a, b, hh);
  }

  private static int find(int[] parent, int x) {
    int r = x;
    while (parent[r] != r) {
      r = parent[r];
    }
    while (parent[x] != r) {
      int next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  }

  /** Indices 0..m-1 ordered by height, ties kept in their original order (a merge sort, as NumPy's). */
  static int[] stableOrderByHeight(double[] h) {
    int m = h.length;
    int[] idx = new int[m];
    int[] tmp = new int[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    for (int width = 1; width < m; width *= 2) {
      for (int lo = 0; lo < m - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, m);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          tmp[k++] = h[idx[j]] < h[idx[i]] ? idx[j++] : idx[i++];
        }
        while (i < mid) {
          tmp[k++] = idx[i++];
        }
        while (j < hi) {
          tmp[k++] = idx[j++];
        }
        System.arraycopy(tmp, lo, idx, lo, hi - lo);
      }
    }
    return idx;
  }

}
