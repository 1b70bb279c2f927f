package clusterlab.core.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.mst.DensePrim;
import clusterlab.core.mst.PrimSequence;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.core.neighbors.ReachabilityPrim;

/**
 * HDBSCAN, hierarchical density-based clustering (Campello, Moulavi and Sander 2013; McInnes,
 * Healy and Astels 2017). It runs DBSCAN at every eps at once: the single-linkage hierarchy of
 * the mutual-reachability distance {@code max(core(a), core(b), dist(a, b))}, where core(x) is the
 * distance to x's minSamples-th nearest row counting x itself, is condensed into a tree of clusters
 * of at least minClusterSize rows ({@link ClusterTree}); the flat clustering keeps the clusters of
 * greatest total stability (excess of mass) or the leaves. Rows in no kept cluster are noise.
 *
 * <p>With minSamples = minClusterSize = minPts it reproduces R's {@code dbscan::hdbscan(x, minPts)}
 * (labels and GLOSH outlier scores). Core distances come from the neighbour index; the MST is
 * Prim's, in up to {@value #TREE_MST_MAX_DIMENSIONS} columns over the k-d tree or ball tree with
 * core-distance bounds ({@link ReachabilityPrim}: O(n) memory, near O(n log n) time on real data,
 * the very sequence of the quadratic Prim), otherwise (more columns, where those bounds stop
 * pruning, or a non-metric distance) the dense Prim shared with single linkage ({@link DensePrim}:
 * O(n d) memory, O(n² d) time, split over threads).
 */
public final class Hdbscan {

  /** How clusters are chosen from the tree. */
  public enum Selection {
    /** Excess of mass: the set of non-overlapping clusters of maximal total stability. */
    EOM,
    /** The leaves of the cluster tree: many small, homogeneous clusters. */
    LEAF
  }

  private final int minClusterSize;
  private final int minSamples;
  private final Selection selection;
  private final double clusterSelectionEpsilon;
  private final Distance distance;
  private final NeighborIndexes.Kind indexKind;
  private final int threads;

  private Hdbscan(Builder b) {
    Check.atLeast("minClusterSize", b.minClusterSize, 2);
    Check.atLeast("minSamples", b.minSamples, 1);
    Check.nonNegative("clusterSelectionEpsilon", b.clusterSelectionEpsilon);
    this.minClusterSize = b.minClusterSize;
    this.minSamples = b.minSamples;
    this.selection = Check.notNull("selection", b.selection);
    this.clusterSelectionEpsilon = b.clusterSelectionEpsilon;
    this.distance = Check.notNull("distance", b.distance);
    this.indexKind = Check.notNull("indexKind", b.indexKind);
    this.threads = b.threads;
  }

  /** R's {@code dbscan::hdbscan(x, minPts)}: minClusterSize = minSamples = minPts, EOM. */
  public static Hdbscan likeR(int minPts, Distance distance, int threads) {
    return builder(minPts).distance(distance).threads(threads).build();
  }

  /**
   * A builder for clusters of at least {@code minClusterSize} rows, holding the defaults: minSamples =
   * minClusterSize, excess of mass, no epsilon, Euclidean, automatic neighbour index, all cores.
   */
  public static Builder builder(int minClusterSize) {
    return new Builder(minClusterSize);
  }

  /** Collects the settings; {@link #build()} validates them. */
  public static final class Builder {
    private final int minClusterSize;
    private int minSamples;
    private Selection selection = Selection.EOM;
    private double clusterSelectionEpsilon;
    private Distance distance = clusterlab.core.distance.Metric.EUCLIDEAN;
    private NeighborIndexes.Kind indexKind = NeighborIndexes.Kind.AUTO;
    private int threads;

    private Builder(int minClusterSize) {
      this.minClusterSize = minClusterSize;
      this.minSamples = minClusterSize;
    }

    /** Neighbours, the row itself included, that define the core distance (at least 1). */
    public Builder minSamples(int m) {
      minSamples = m;
      return this;
    }

    /** EOM or LEAF. */
    public Builder selection(Selection s) {
      selection = s;
      return this;
    }

    /** Clusters that split below this distance are kept whole (0 = off). */
    public Builder clusterSelectionEpsilon(double e) {
      clusterSelectionEpsilon = e;
      return this;
    }

    /** The dissimilarity. */
    public Builder distance(Distance d) {
      distance = d;
      return this;
    }

    /** The neighbour index for the core distances. */
    public Builder indexKind(NeighborIndexes.Kind k) {
      indexKind = k;
      return this;
    }

    /** Worker threads (0 or less: all cores); the result does not depend on it. */
    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated configuration. */
    public Hdbscan build() {
      return new Hdbscan(this);
    }
  }

  /** Clusters {@code data}. */
  public HdbscanModel fit(Dataset data, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, Math.max(2, minSamples), "HDBSCAN with minSamples = " + minSamples);
    Progress p = progress == null ? Progress.NONE : progress;
    p.report("core", 0, "core distances");
    NeighborIndex index = NeighborIndexes.build(indexKind, data, distance);
    double[] core = NeighborIndexes.kthDistances(index, data, minSamples, true, threads);
    p.checkCancelled();
    PrimSequence seq = treePrim(index, data.d())
        ? ReachabilityPrim.sequence(index, data.values(), core, threads, p)
        // a linear scan, or more than a few columns: the dense Prim over the implicit graph
        : DensePrim.sequence(data, core, distance, threads, p, "mst");
    p.report("tree", 0.95, "cluster tree");
    ClusterTree tree = ClusterTree.build(seq, minClusterSize);
    boolean[] selected = Selection.LEAF == selection ? selectLeaves(tree) : selectEom(tree, clusterSelectionEpsilon);
    p.report("done", 1, "");
    return new HdbscanModel(data, core, tree, selected, minClusterSize, minSamples, distance);
  }

  /**
   * Above this many columns the minimum spanning tree is the dense Prim's even when a tree indexes
   * the rows. Both give the very same sequence; only the time differs. The tree Prim's bound
   * {@code max(core(q), min core in the node, box distance)} prunes well in two or three
   * dimensions, but in more, a row with a large core distance (noise) ties with most of the data
   * at its core distance and its queries visit almost every node, again after every stale edge:
   * on 20,000 clustered rows with 5% noise (BENCHMARKS.md, issue 19) the tree Prim took 1.0 s
   * against the dense Prim's 2.5 s in 2 columns and 1.6 s against 1.8 s in 3, but 4.9 s against
   * 1.0 s in 5, 39-48 s against 2.8-3.2 s in 10 and 85-89 s against 3.3-4.6 s in 16.
   */
  public static final int TREE_MST_MAX_DIMENSIONS = 3;

  /** Whether the MST is searched over the neighbour tree ({@link ReachabilityPrim}) rather than by the dense Prim. */
  static boolean treePrim(NeighborIndex index, int d) {
    return ReachabilityPrim.supports(index) && d <= TREE_MST_MAX_DIMENSIONS;
  }

  private static boolean[] selectLeaves(ClusterTree t) {
    boolean[] sel = new boolean[t.clusters];
    for (int c = 1; c < t.clusters; c++) {
      sel[c] = t.isLeaf(c);
    }
    return sel;
  }

  /**
   * Excess-of-mass selection, R's {@code fosc}: bottom-up, a cluster replaces its selected
   * descendants unless their summed score is strictly greater than its stability; a cluster that
   * splits below {@code epsilon} always replaces them. The root is never selected.
   */
  static boolean[] selectEom(ClusterTree t, double epsilon) {
    int m = t.clusters;
    boolean[] sel = new boolean[m];
    double[] score = new double[m];
    for (int c = m - 1; c >= 0; c--) { // children have larger ids
      if (t.isLeaf(c)) {
        sel[c] = c != 0;
        score[c] = t.stability[c];
        continue;
      }
      double children = score[t.left[c]] + score[t.right[c]];
      boolean keep = t.stability[c] < children;
      score[c] = keep ? children : t.stability[c];
      if (t.death[c] < epsilon) {
        keep = false;
      }
      if (!keep && c != 0) {
        deselectBelow(t, c, sel);
        sel[c] = true;
      }
    }
    return sel;
  }

  private static void deselectBelow(ClusterTree t, int c, boolean[] sel) {
    int[] stack = new int[16];
    int sp = 0;
    stack[sp++] = c;
    while (sp > 0) {
      int x = stack[--sp];
      if (x != c) {
        sel[x] = false;
      }
      if (!t.isLeaf(x)) {
        if (sp + 2 > stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[sp++] = t.left[x];
        stack[sp++] = t.right[x];
      }
    }
  }
}
