package clusterlab.core.hierarchical;

/**
 * Flat clustering at a height threshold: each cluster is a largest subtree whose merges are all at
 * most the threshold high (SciPy's {@code fcluster(criterion='distance')}; with inversions the
 * largest height inside a subtree counts, SciPy's {@code maxdists}).
 */
public final class CutByHeight implements DendrogramCut {

  private static final long serialVersionUID = 1L;

  private final double threshold;

  /** @param threshold the height (linkage distance) at which the tree is cut; not NaN */
  public CutByHeight(double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("height threshold must be a number, got NaN");
    }
    this.threshold = threshold;
  }

  /** The height threshold. */
  public double threshold() {
    return threshold;
  }

  @Override
  public int[] labels(MergeHistory tree) {
    double[] md = tree.maxDists();
    boolean[] apply = new boolean[tree.merges()];
    for (int m = 0; m < apply.length; m++) {
      apply[m] = md[m] <= threshold;
    }
    return tree.labelsFor(apply);
  }

  @Override
  public String describe() {
    return "height <= " + threshold;
  }
}
