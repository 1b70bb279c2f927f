package clusterlab.core.hierarchical;

import clusterlab.core.Check;

/**
 * Flat clustering by inconsistency: each cluster is a largest subtree in which no merge has an
 * inconsistency coefficient (over {@code depth} levels) above the threshold (SciPy's
 * {@code fcluster(criterion='inconsistent', depth=depth)}). A one-row tree is one cluster.
 */
public final class CutByInconsistency implements DendrogramCut {

  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final int depth;

  /**
   * @param threshold largest inconsistency coefficient allowed inside a cluster; not NaN
   * @param depth levels below a merge used for its coefficient, at least 1
   */
  public CutByInconsistency(double threshold, int depth) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("inconsistency threshold must be a number, got NaN");
    }
    Check.atLeast("depth (inconsistency levels)", depth, 1);
    this.threshold = threshold;
    this.depth = depth;
  }

  @Override
  public int[] labels(MergeHistory tree) {
    int n = tree.n();
    if (n < 2) {
      return new int[n];
    }
    double[] stats = statistics(tree, depth);
    double[] mc = new double[n - 1];
    boolean[] apply = new boolean[n - 1];
    for (int m = 0; m < n - 1; m++) {
      double v = stats[4 * m + 3];
      if (tree.first(m) >= n) {
        v = Math.max(v, mc[tree.first(m) - n]);
      }
      if (tree.second(m) >= n) {
        v = Math.max(v, mc[tree.second(m) - n]);
      }
      mc[m] = v;
      apply[m] = v <= threshold;
    }
    return tree.labelsFor(apply);
  }

  @Override
  public String describe() {
    return "inconsistency <= " + threshold + " (depth " + depth + ")";
  }

  /**
   * SciPy's {@code inconsistent(Z, depth)}: for each merge, over the merges at most {@code depth}
   * levels down its subtree (itself included), the mean height, the standard deviation (n - 1
   * denominator; 0 for a single merge), the count, and the coefficient (height - mean) / sd (0
   * when sd is 0). Returned row-major, four values per merge.
   */
  public static double[] statistics(MergeHistory tree, int depth) {
    int n = tree.n();
    Check.atLeast("depth (inconsistency levels)", depth, 1);
    double[] r = new double[4 * (n - 1)];
    // a depth-limited DFS that pops one node and pushes at most two never holds more than depth + 1
    int[] stack = new int[2 * depth + 2];
    int[] level = new int[2 * depth + 2];
    for (int i = 0; i < n - 1; i++) {
      int count = 0;
      double sum = 0;
      double sq = 0;
      int top = 0;
      stack[0] = i;
      level[0] = 0;
      while (top >= 0) {
        int node = stack[top];
        int lv = level[top];
        top--;
        count++;
        double hn = tree.height(node);
        sum += hn;
        sq += hn * hn;
        if (lv < depth - 1) {
          if (tree.first(node) >= n) {
            stack[++top] = tree.first(node) - n;
            level[top] = lv + 1;
          }
          if (tree.second(node) >= n) {
            stack[++top] = tree.second(node) - n;
            level[top] = lv + 1;
          }
        }
      }
      double mean = sum / count;
      double var = count < 2 ? (sq - sum * sum) / count : (sq - sum * sum / count) / (count - 1);
      r[4 * i] = mean;
      r[4 * i + 2] = count;
      if (var > 0) {
        double sd = Math.sqrt(var);
        r[4 * i + 1] = sd;
        r[4 * i + 3] = (tree.height(i) - mean) / sd;
      }
    }
    return r;
  }

}
