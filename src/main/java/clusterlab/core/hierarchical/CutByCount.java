package clusterlab.core.hierarchical;

import clusterlab.core.Check;
import java.util.Arrays;

/**
 * Flat clustering into exactly {@code k} clusters: the first {@code n - k} merges are applied
 * (for a monotone tree, the {@code k - 1} highest merges are undone). Where SciPy's
 * {@code fcluster(maxclust)} meets a tie at the cut it returns fewer than {@code k} clusters;
 * this cut always returns {@code k}, breaking the tie by merge order.
 */
public final class CutByCount implements DendrogramCut {

  private static final long serialVersionUID = 1L;

  private final int k;

  /** @param k the number of clusters, at least 1 (and at most the rows of the tree it cuts) */
  public CutByCount(int k) {
    Check.atLeast("k (number of clusters)", k, 1);
    this.k = k;
  }

  /** The number of clusters. */
  public int k() {
    return k;
  }

  @Override
  public int[] labels(MergeHistory tree) {
    int n = tree.n();
    Check.inRange("k (number of clusters)", k, 1, n);
    boolean[] apply = new boolean[n - 1];
    Arrays.fill(apply, 0, n - k, true);
    return tree.labelsFor(apply);
  }

  @Override
  public String describe() {
    return k + " clusters";
  }
}
