package clusterlab.core.hierarchical;

import clusterlab.core.Check;
import java.io.Serializable;
import java.util.Arrays;

/**
 * An immutable dendrogram in the shape of SciPy's linkage matrix: merge {@code m} (0-based) joins
 * clusters {@code first(m) < second(m)} at {@code height(m)} into a new cluster of
 * {@code size(m)} rows whose id is {@code n + m}; ids below {@code n} are the rows themselves.
 * Children always precede their parent, so one forward pass over the merges visits every subtree
 * bottom-up, and one backward pass visits it top-down; nothing here recurses, so a chain-shaped
 * single-linkage tree of 100,000 rows is as safe as a balanced one.
 *
 * <p>The history is data: algorithms build it through {@link MergeHistoryBuilder}, flat clusterings
 * are the {@link DendrogramCut} rules ({@link CutByCount}, {@link CutByHeight},
 * {@link CutByInconsistency}; the {@code cut*} methods here are shorthands for them), and
 * {@link NewickWriter} / {@link NewickTree} write and read it as Newick.
 */
public final class MergeHistory implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int n;
  private final int[] first;
  private final int[] second;
  private final double[] height;
  private final int[] size;

  private MergeHistory(int n, int[] first, int[] second, double[] height, int[] size) {
    this.n = n;
    this.first = first;
    this.second = second;
    this.height = height;
    this.size = size;
  }

  /**
   * Builds and validates a history from cluster ids in linkage-matrix form (copies the arrays).
   *
   * @throws IllegalArgumentException when an id refers to a later or already merged cluster, or a
   *     height is not finite
   */
  public static MergeHistory of(int n, int[] first, int[] second, double[] height) {
    Check.atLeast("n (number of rows)", n, 1);
    if (first.length != n - 1 || second.length != n - 1 || height.length != n - 1) {
      throw new IllegalArgumentException("a merge history of " + n + " rows has " + (n - 1) + " merges, got "
          + first.length + "/" + second.length + "/" + height.length);
    }
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    int[] s = new int[n - 1];
    boolean[] used = new boolean[2 * n - 1];
    for (int m = 0; m < n - 1; m++) {
      int x = Math.min(first[m], second[m]);
      int y = Math.max(first[m], second[m]);
      if (x < 0 || y >= n + m || x == y || used[x] || used[y]) {
        throw new IllegalArgumentException("merge " + m + " joins " + first[m] + " and " + second[m]
            + ", which are not two distinct clusters existing at that point");
      }
      if (!Double.isFinite(height[m])) {
        throw new IllegalArgumentException("merge " + m + " has height " + height[m] + "; heights must be finite");
      }
      used[x] = true;
      used[y] = true;
      a[m] = x;
      b[m] = y;
      s[m] = (x < n ? 1 : s[x - n]) + (y < n ? 1 : s[y - n]);
    }
    return new MergeHistory(n, a, b, height.clone(), s);
  }

  /** Number of rows (leaves). */
  public int n() {
    return n;
  }

  /** Number of merges, n - 1. */
  public int merges() {
    return n - 1;
  }

  /** Smaller cluster id joined by merge {@code m}. */
  public int first(int m) {
    return first[m];
  }

  /** Larger cluster id joined by merge {@code m}. */
  public int second(int m) {
    return second[m];
  }

  /** Height (linkage distance) of merge {@code m}, on the original distance scale. */
  public double height(int m) {
    return height[m];
  }

  /** Number of rows in the cluster created by merge {@code m}. */
  public int size(int m) {
    return size[m];
  }

  /** A copy of all heights in merge order. */
  public double[] heights() {
    return height.clone();
  }

  /** True when no merge is lower than one of its children (false only for centroid/median inversions). */
  public boolean isMonotone() {
    for (int m = 0; m < n - 1; m++) {
      if ((first[m] >= n && height[first[m] - n] > height[m]) || (second[m] >= n && height[second[m] - n] > height[m])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The largest height inside the subtree of each merge (SciPy's {@code maxdists}); equal to the
   * heights themselves unless the tree has inversions.
   */
  public double[] maxDists() {
    double[] md = new double[n - 1];
    for (int m = 0; m < n - 1; m++) {
      double v = height[m];
      if (first[m] >= n) {
        v = Math.max(v, md[first[m] - n]);
      }
      if (second[m] >= n) {
        v = Math.max(v, md[second[m] - n]);
      }
      md[m] = v;
    }
    return md;
  }

  /** Flat clustering into exactly {@code k} clusters ({@link CutByCount}). */
  public int[] cutCount(int k) {
    return new CutByCount(k).labels(this);
  }

  /** Flat clustering at a height threshold ({@link CutByHeight}, SciPy's {@code fcluster(criterion='distance')}). */
  public int[] cutHeight(double threshold) {
    return new CutByHeight(threshold).labels(this);
  }

  /**
   * Flat clustering by inconsistency ({@link CutByInconsistency}, SciPy's
   * {@code fcluster(criterion='inconsistent', depth=depth)}).
   */
  public int[] cutInconsistent(double threshold, int depth) {
    return new CutByInconsistency(threshold, depth).labels(this);
  }

  /**
   * Labels 0.. (numbered by first occurrence along the rows) when the merges marked applied are
   * carried out and the others undone: what every {@link DendrogramCut} reduces to.
   */
  int[] labelsFor(boolean[] apply) {
    int[] cluster = new int[2 * n - 1];
    for (int i = 0; i < cluster.length; i++) {
      cluster[i] = i;
    }
    // top-down: an applied merge passes its own cluster representative to its children
    for (int m = n - 2; m >= 0; m--) {
      if (apply[m]) {
        cluster[first[m]] = cluster[n + m];
        cluster[second[m]] = cluster[n + m];
      }
    }
    int[] labels = new int[n];
    int[] map = new int[2 * n - 1];
    Arrays.fill(map, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int c = cluster[i];
      if (map[c] < 0) {
        map[c] = next++;
      }
      labels[i] = map[c];
    }
    return labels;
  }

  /**
   * The leaves in dendrogram order (each cluster's rows contiguous, first child left), the order
   * a dendrogram chart draws them in.
   */
  public int[] leafOrder() {
    int[] start = new int[2 * n - 1];
    int[] order = new int[n];
    if (n == 1) {
      return order;
    }
    start[2 * n - 2] = 0;
    for (int m = n - 2; m >= 0; m--) {
      int s = start[n + m];
      start[first[m]] = s;
      start[second[m]] = s + (first[m] < n ? 1 : size[first[m] - n]);
    }
    for (int i = 0; i < n; i++) {
      order[start[i]] = i;
    }
    return order;
  }

  /**
   * For each pair of neighbours in {@link #leafOrder()} (positions p, p+1), the merge that joins
   * them. The merge joining positions p &lt; q is the one with the largest index among
   * positions p..q-1, which is how cophenetic distances are streamed in O(n) memory.
   */
  int[] gapMerges() {
    int[] start = new int[2 * n - 1];
    int[] gap = new int[Math.max(0, n - 1)];
    for (int m = n - 2; m >= 0; m--) {
      int s = start[n + m];
      start[first[m]] = s;
      int mid = s + (first[m] < n ? 1 : size[first[m] - n]);
      start[second[m]] = mid;
      gap[mid - 1] = m;
    }
    return gap;
  }

  /**
   * Kaufman and Rousseeuw's agglomerative (for AGNES) or divisive (for DIANA) coefficient: the
   * mean over rows of 1 - h(i)/h(root), where h(i) is the height of the merge that first joins
   * row i to anything. Near 1 means a clear cluster structure.
   */
  public double bannerCoefficient() {
    if (n < 2) {
      return 0;
    }
    double top = height[n - 2];
    double[] md = maxDists();
    top = Math.max(top, md[n - 2]);
    if (top <= 0) {
      return 0;
    }
    double s = 0;
    for (int m = 0; m < n - 1; m++) {
      if (first[m] < n) {
        s += 1 - height[m] / top;
      }
      if (second[m] < n) {
        s += 1 - height[m] / top;
      }
    }
    return s / n;
  }

  @Override
  public String toString() {
    return "MergeHistory[n=" + n + (n > 1 ? ", top height=" + height[n - 2] : "") + "]";
  }
}
