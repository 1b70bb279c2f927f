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
 * <p>Flat clusterings are cuts of the tree: by a number of clusters, by a height threshold and by
 * the inconsistency coefficient, the last two with the semantics of SciPy's
 * {@code fcluster(criterion='distance' | 'inconsistent')}. Labels are numbered 0, 1, ... in the
 * order in which clusters first appear along the rows.
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

  /**
   * Turns merges recorded as pairs of representative rows (the row index standing for each
   * cluster, as NN-chain and MST algorithms produce them) into a history: a stable sort by height
   * (when {@code sortByHeight}), then union&ndash;find relabelling to cluster ids, as SciPy's
   * {@code label} does.
   */
  static MergeHistory fromRepresentatives(int n, int[] repA, int[] repB, double[] h, boolean sortByHeight) {
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
    return of(n, a, b, hh);
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

  /**
   * Flat clustering into exactly {@code k} clusters: the first {@code n - k} merges are applied
   * (for a monotone tree, the {@code k - 1} highest merges are undone). Where SciPy's
   * {@code fcluster(maxclust)} meets a tie at the cut it returns fewer than {@code k} clusters;
   * this cut always returns {@code k}, breaking the tie by merge order.
   */
  public int[] cutCount(int k) {
    Check.inRange("k (number of clusters)", k, 1, n);
    boolean[] apply = new boolean[n - 1];
    Arrays.fill(apply, 0, n - k, true);
    return labelsFor(apply);
  }

  /**
   * Flat clustering at a height threshold: each cluster is a largest subtree whose merges are all
   * at most {@code threshold} high (SciPy's {@code fcluster(criterion='distance')}).
   */
  public int[] cutHeight(double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("height threshold must be a number, got NaN");
    }
    double[] md = maxDists();
    boolean[] apply = new boolean[n - 1];
    for (int m = 0; m < n - 1; m++) {
      apply[m] = md[m] <= threshold;
    }
    return labelsFor(apply);
  }

  /**
   * Flat clustering by inconsistency: each cluster is a largest subtree in which no merge has an
   * inconsistency coefficient (over {@code depth} levels) above {@code threshold} (SciPy's
   * {@code fcluster(criterion='inconsistent', depth=depth)}).
   */
  public int[] cutInconsistent(double threshold, int depth) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("inconsistency threshold must be a number, got NaN");
    }
    double[] stats = inconsistency(depth);
    double[] mc = new double[n - 1];
    boolean[] apply = new boolean[n - 1];
    for (int m = 0; m < n - 1; m++) {
      double v = stats[4 * m + 3];
      if (first[m] >= n) {
        v = Math.max(v, mc[first[m] - n]);
      }
      if (second[m] >= n) {
        v = Math.max(v, mc[second[m] - n]);
      }
      mc[m] = v;
      apply[m] = v <= threshold;
    }
    return labelsFor(apply);
  }

  /**
   * SciPy's {@code inconsistent(Z, depth)}: for each merge, over the merges at most {@code depth}
   * levels down its subtree (itself included), the mean height, the standard deviation (n - 1
   * denominator; 0 for a single merge), the count, and the coefficient (height - mean) / sd (0
   * when sd is 0). Returned row-major, four values per merge.
   */
  public double[] inconsistency(int depth) {
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
        sum += height[node];
        sq += height[node] * height[node];
        if (lv < depth - 1) {
          if (first[node] >= n) {
            stack[++top] = first[node] - n;
            level[top] = lv + 1;
          }
          if (second[node] >= n) {
            stack[++top] = second[node] - n;
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
        r[4 * i + 3] = (height[i] - mean) / sd;
      }
    }
    return r;
  }

  /** Labels 0.. (numbered by first occurrence along the rows) for the merges marked applied. */
  private int[] labelsFor(boolean[] apply) {
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

  /**
   * The complete tree in Newick format, every subtree included, branch lengths = parent height -
   * child height (0 for the part of an inversion that would be negative). Characters Newick
   * reserves and blanks in labels become '_' (Newick's own convention for blanks): Weka's tree
   * viewer does not read quoted labels.
   *
   * @param labels one label per row, or null for row numbers 0..n-1
   */
  public String toNewick(String[] labels) {
    if (labels != null && labels.length != n) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries for " + n + " rows");
    }
    if (n == 1) {
      return label(labels, 0) + ";";
    }
    // explicit stack: a chain-shaped single-linkage tree is as deep as it has rows
    StringBuilder sb = new StringBuilder(n * 16);
    int[] node = new int[n];
    int[] state = new int[n];
    int top = 0;
    node[0] = n - 2;
    state[0] = 0;
    while (top >= 0) {
      int m = node[top];
      int st = state[top];
      if (st == 2) {
        sb.append(')');
        top--;
        if (top >= 0) {
          branch(sb, m + n, node[top]);
        }
        continue;
      }
      sb.append(st == 0 ? '(' : ',');
      state[top] = st + 1;
      int id = st == 0 ? first[m] : second[m];
      if (id < n) {
        sb.append(label(labels, id));
        branch(sb, id, m);
      } else {
        top++;
        node[top] = id - n;
        state[top] = 0;
      }
    }
    return sb.append(';').toString();
  }

  private void branch(StringBuilder sb, int id, int parent) {
    double h = id < n ? 0 : height[id - n];
    sb.append(':').append(Math.max(0.0, height[parent] - h));
  }

  private static String label(String[] labels, int i) {
    String s = labels == null ? Integer.toString(i) : labels[i];
    if (s == null || s.isEmpty()) {
      return Integer.toString(i);
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int c = 0; c < s.length(); c++) {
      char ch = s.charAt(c);
      sb.append("()[]':;,".indexOf(ch) >= 0 || Character.isWhitespace(ch) ? '_' : ch);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "MergeHistory[n=" + n + (n > 1 ? ", top height=" + height[n - 2] : "") + "]";
  }
}
