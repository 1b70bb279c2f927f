package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.hierarchical.MergeHistory;
import java.util.Arrays;

/**
 * Where every link of a dendrogram goes, computed from a {@link MergeHistory} by flat loops over
 * the merges (children precede parents), never by recursion: a chain-shaped single-linkage tree of
 * 100,000 rows lays out as fast and as safely as a balanced one, unlike SciPy's recursive
 * {@code dendrogram}.
 *
 * <p>Truncation follows SciPy's {@code truncate_mode}: {@link Truncation#lastP(int)} shows only
 * the last p merged clusters as leaves, {@link Truncation#level(int)} at most p levels below the
 * root. A truncated leaf stands for a whole subtree and is labelled with its size, "(1234)".
 *
 * <p>Leaves sit at x = 0, 1, ..., leaves() - 1; a link's x is the mean of its children's, as in
 * SciPy. Colouring by a cut is separate ({@link #colours}), so a GUI dragging the cut line only
 * recolours.
 */
public final class DendrogramLayout {

  /** Which merges are drawn. */
  public static final class Truncation {
    final int mode; // 0 none, 1 lastp, 2 level
    final int p;

    private Truncation(int mode, int p) {
      this.mode = mode;
      this.p = p;
    }

    /** Every merge is drawn. */
    public static Truncation none() {
      return new Truncation(0, 0);
    }

    /** Only the last {@code p} merged clusters are leaves (p - 1 merges drawn). */
    public static Truncation lastP(int p) {
      Check.atLeast("p (leaves shown)", p, 2);
      return new Truncation(1, p);
    }

    /** Merges at most {@code p} levels below the root are drawn (SciPy's {@code level}: 2^(p+1) - 1 merges at most). */
    public static Truncation level(int p) {
      Check.atLeast("p (levels shown)", p, 0);
      return new Truncation(2, p);
    }

    /** Human-readable, for subtitles. */
    public String describe() {
      return mode == 0 ? "" : mode == 1 ? "last " + p + " clusters shown" : p + " levels below the root shown";
    }
  }

  private final MergeHistory tree;
  private final int[] merge; // visible merge id per link, bottom-up
  private final double[] xLeft;
  private final double[] xRight;
  private final double[] yLeft;
  private final double[] yRight;
  private final double[] yTop;
  private final int[] leafNode; // node id (row < n, or n + merge) of each leaf position
  private final String truncation;

  private DendrogramLayout(MergeHistory tree, int[] merge, double[] xl, double[] xr, double[] yl, double[] yr,
      double[] yt, int[] leafNode, String truncation) {
    this.tree = tree;
    this.merge = merge;
    this.xLeft = xl;
    this.xRight = xr;
    this.yLeft = yl;
    this.yRight = yr;
    this.yTop = yt;
    this.leafNode = leafNode;
    this.truncation = truncation;
  }

  /** Lays out the whole tree or its truncated top. */
  public static DendrogramLayout of(MergeHistory tree, Truncation truncation) {
    Check.notNull("tree", tree);
    Check.notNull("truncation", truncation);
    int n = tree.n();
    int m = n - 1;
    boolean[] visible = new boolean[m];
    if (truncation.mode == 1) {
      for (int j = Math.max(0, m - (truncation.p - 1)); j < m; j++) {
        visible[j] = true;
      }
    } else if (truncation.mode == 2) {
      int[] depth = new int[2 * n - 1];
      for (int j = m - 1; j >= 0; j--) {
        visible[j] = depth[n + j] <= truncation.p;
        depth[tree.first(j)] = depth[n + j] + 1;
        depth[tree.second(j)] = depth[n + j] + 1;
      }
    } else {
      Arrays.fill(visible, true);
    }
    // a node is drawn as a leaf when it is a row or an undrawn merge whose parent is drawn
    int[] leaves = new int[2 * n - 1];
    int links = 0;
    for (int j = 0; j < m; j++) {
      if (visible[j]) {
        leaves[n + j] = leafCount(tree.first(j), leaves, visible, n) + leafCount(tree.second(j), leaves, visible, n);
        links++;
      }
    }
    int root = 2 * n - 2;
    int total = m == 0 ? 1 : leaves[root];
    int[] start = new int[2 * n - 1];
    int[] leafNode = new int[total];
    if (m == 0) {
      leafNode[0] = 0;
    }
    double[] x = new double[2 * n - 1];
    // top-down: positions of each visible subtree's leaves
    for (int j = m - 1; j >= 0; j--) {
      if (!visible[j]) {
        continue;
      }
      int s = start[n + j];
      int a = tree.first(j);
      int b = tree.second(j);
      start[a] = s;
      start[b] = s + leafCount(a, leaves, visible, n);
      if (isLeaf(a, visible, n)) {
        leafNode[start[a]] = a;
        x[a] = start[a];
      }
      if (isLeaf(b, visible, n)) {
        leafNode[start[b]] = b;
        x[b] = start[b];
      }
    }
    int[] mergeOf = new int[links];
    double[] xl = new double[links];
    double[] xr = new double[links];
    double[] yl = new double[links];
    double[] yr = new double[links];
    double[] yt = new double[links];
    int k = 0;
    for (int j = 0; j < m; j++) {
      if (!visible[j]) {
        continue;
      }
      int a = tree.first(j);
      int b = tree.second(j);
      x[n + j] = (x[a] + x[b]) / 2;
      mergeOf[k] = j;
      xl[k] = x[a];
      xr[k] = x[b];
      yl[k] = nodeHeight(tree, a, visible, n);
      yr[k] = nodeHeight(tree, b, visible, n);
      yt[k] = tree.height(j);
      k++;
    }
    return new DendrogramLayout(tree, mergeOf, xl, xr, yl, yr, yt, leafNode, truncation.describe());
  }

  private static boolean isLeaf(int node, boolean[] visible, int n) {
    return node < n || !visible[node - n];
  }

  private static int leafCount(int node, int[] leaves, boolean[] visible, int n) {
    return isLeaf(node, visible, n) ? 1 : leaves[node];
  }

  /** A drawn leaf sits at height 0 (SciPy draws truncated subtrees from 0 too). */
  private static double nodeHeight(MergeHistory tree, int node, boolean[] visible, int n) {
    return isLeaf(node, visible, n) ? 0 : tree.height(node - n);
  }

  /** The tree laid out. */
  public MergeHistory tree() {
    return tree;
  }

  /** Number of links (drawn merges). */
  public int links() {
    return merge.length;
  }

  /** Number of leaves drawn. */
  public int leaves() {
    return leafNode.length;
  }

  /** True when some merges are hidden. */
  public boolean isTruncated() {
    return leafNode.length < tree.n();
  }

  /** Merge id of link {@code i}. */
  public int merge(int i) {
    return merge[i];
  }

  /** x of link i's left child. */
  public double xLeft(int i) {
    return xLeft[i];
  }

  /** x of link i's right child. */
  public double xRight(int i) {
    return xRight[i];
  }

  /** Height of link i's left child (0 for leaves). */
  public double yLeft(int i) {
    return yLeft[i];
  }

  /** Height of link i's right child (0 for leaves). */
  public double yRight(int i) {
    return yRight[i];
  }

  /** Height of link i (its merge). */
  public double yTop(int i) {
    return yTop[i];
  }

  /** Height of the root merge (0 for a one-row tree). */
  public double maxHeight() {
    double h = 0;
    for (double v : yTop) {
      h = Math.max(h, v);
    }
    return h;
  }

  /** The node at leaf position p: a row (&lt; n) or n + merge id for a truncated subtree. */
  public int leafNode(int p) {
    return leafNode[p];
  }

  /** Number of rows under leaf position p. */
  public int leafSize(int p) {
    int node = leafNode[p];
    return node < tree.n() ? 1 : tree.size(node - tree.n());
  }

  /**
   * The leaf labels: a row's label (or its number when {@code rowLabels} is null), "(size)" for a
   * truncated subtree, as SciPy.
   */
  public String[] leafLabels(String[] rowLabels) {
    if (rowLabels != null && rowLabels.length != tree.n()) {
      throw new IllegalArgumentException("there are " + rowLabels.length + " leaf labels for " + tree.n() + " rows");
    }
    String[] out = new String[leafNode.length];
    for (int p = 0; p < out.length; p++) {
      int node = leafNode[p];
      if (node >= tree.n()) {
        out[p] = "(" + ChartTheme.count(tree.size(node - tree.n())) + ")";
      } else {
        out[p] = rowLabels == null || rowLabels[node] == null ? Integer.toString(node) : rowLabels[node];
      }
    }
    return out;
  }

  /** The truncation, described for a subtitle ("" when none). */
  public String truncation() {
    return truncation;
  }

  /**
   * The cluster colour index of every link for a cut that applies the merges marked in
   * {@code applied} (a merge below the cut): the label (by {@code labels}, the cut's flat labels
   * of the rows) of the cluster a link lies in, or -1 for links above the cut. Links inside one
   * cluster share its colour, so the dendrogram's colours match every other chart of the same
   * labels.
   */
  int[] colours(Cut cut) {
    int n = tree.n();
    boolean[] applied = cut.applied(tree);
    int[] labels = cut.labels(tree);
    // the label of any row under each node: bottom-up, a merge takes its first child's row
    int[] someRow = new int[2 * n - 1];
    for (int i = 0; i < n; i++) {
      someRow[i] = i;
    }
    for (int j = 0; j < n - 1; j++) {
      someRow[n + j] = someRow[tree.first(j)];
    }
    int[] colour = new int[merge.length];
    for (int i = 0; i < merge.length; i++) {
      int j = merge[i];
      colour[i] = applied[j] ? labels[someRow[n + j]] : -1;
    }
    return colour;
  }

  /** The cluster colour index of every leaf position under a cut (-1 only for a leaf above it, impossible). */
  int[] leafColours(Cut cut) {
    int[] labels = cut.labels(tree);
    int n = tree.n();
    int[] someRow = new int[2 * n - 1];
    for (int i = 0; i < n; i++) {
      someRow[i] = i;
    }
    for (int j = 0; j < n - 1; j++) {
      someRow[n + j] = someRow[tree.first(j)];
    }
    int[] out = new int[leafNode.length];
    for (int p = 0; p < out.length; p++) {
      out[p] = labels[someRow[leafNode[p]]];
    }
    return out;
  }

  /** Where a dendrogram is cut: by height (SciPy's {@code fcluster(distance)}) or by a number of clusters. */
  public static final class Cut {
    private final double height;
    private final int k;

    private Cut(double height, int k) {
      this.height = height;
      this.k = k;
    }

    /** Cut at a height: merges whose subtree is at most this high are inside clusters. */
    public static Cut atHeight(double height) {
      if (Double.isNaN(height)) {
        throw new IllegalArgumentException("cut height must be a number, got NaN");
      }
      return new Cut(height, 0);
    }

    /** Cut into k clusters (the first n - k merges applied, as {@link MergeHistory#cutCount}). */
    public static Cut clusters(int k) {
      Check.atLeast("k (number of clusters)", k, 1);
      return new Cut(Double.NaN, k);
    }

    /** True for a cut by count. */
    public boolean byCount() {
      return k > 0;
    }

    /** The requested height (NaN for a cut by count). */
    public double height() {
      return height;
    }

    /** The requested number of clusters (0 for a cut by height). */
    public int k() {
      return k;
    }

    boolean[] applied(MergeHistory tree) {
      int m = tree.merges();
      boolean[] a = new boolean[m];
      if (k > 0) {
        Arrays.fill(a, 0, Math.max(0, m - (Math.min(k, tree.n()) - 1)), true);
      } else {
        double[] md = tree.maxDists();
        for (int j = 0; j < m; j++) {
          a[j] = md[j] <= height;
        }
      }
      return a;
    }

    int[] labels(MergeHistory tree) {
      return k > 0 ? tree.cutCount(Math.min(k, tree.n())) : tree.cutHeight(height);
    }

    /**
     * The height at which to draw this cut's line: the requested height, or for k clusters the
     * middle of the gap between the (n-k)-th and the next merge.
     */
    public double lineHeight(MergeHistory tree) {
      if (k == 0) {
        return height;
      }
      int m = tree.merges();
      int kk = Math.min(k, tree.n());
      double below = m - kk >= 0 ? tree.height(m - kk) : 0;
      double above = m - kk + 1 < m ? tree.height(m - kk + 1) : below * 1.05;
      if (kk == 1) {
        return tree.height(m - 1) * 1.03;
      }
      return m - kk < 0 ? above / 2 : (below + above) / 2;
    }

    /** Number of clusters this cut makes of the tree. */
    public int clustersIn(MergeHistory tree) {
      int[] labels = labels(tree);
      int max = -1;
      for (int l : labels) {
        max = Math.max(max, l);
      }
      return max + 1;
    }
  }
}
