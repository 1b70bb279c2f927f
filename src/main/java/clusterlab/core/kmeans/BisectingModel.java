package clusterlab.core.kmeans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fitted bisecting k-means: the split tree (node 0 is the root, every internal node has two
 * children), the leaves numbered 0..k-1 from left to right as the final clusters, and the training
 * labels. New rows are assigned by descending the tree to the nearer child centre at each split,
 * as scikit-learn's BisectingKMeans predicts, so the hierarchy is respected. Immutable.
 */
public final class BisectingModel implements clusterlab.core.Partition, java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** One node of the split tree. */
  public static final class Node implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int parent;
    private final int left;
    private final int right;
    private final int size;
    private final double weight;
    private final double sse;
    private final double[] centroid;

    Node(int parent, int left, int right, int size, double weight, double sse, double[] centroid) {
      this.parent = parent;
      this.left = left;
      this.right = right;
      this.size = size;
      this.weight = weight;
      this.sse = sse;
      this.centroid = centroid;
    }

    Node withChildren(int l, int r) {
      return new Node(parent, l, r, size, weight, sse, centroid);
    }

    /** Parent node id, -1 for the root. */
    public int parent() {
      return parent;
    }

    /** Left child id, -1 for a leaf. */
    public int left() {
      return left;
    }

    /** Right child id, -1 for a leaf. */
    public int right() {
      return right;
    }

    public boolean isLeaf() {
      return left < 0;
    }

    /** Number of training rows. */
    public int size() {
      return size;
    }

    /** Total row weight. */
    public double weight() {
      return weight;
    }

    /** Weighted within-node sum of squares around the centroid. */
    public double sse() {
      return sse;
    }

    /** Weighted mean of the node's rows (a copy). */
    public double[] centroid() {
      return centroid.clone();
    }
  }

  private final Node[] nodes;
  private final int[] leafCluster;
  private final int[] clusterNode;
  private final int[] labels;
  private final int d;

  private BisectingModel(Node[] nodes, int[] leafCluster, int[] clusterNode, int[] labels, int d) {
    this.nodes = nodes;
    this.leafCluster = leafCluster;
    this.clusterNode = clusterNode;
    this.labels = labels;
    this.d = d;
  }

  static BisectingModel build(List<Node> nodes, List<int[]> members, int n, int d) {
    Node[] arr = nodes.toArray(new Node[0]);
    int[] leafCluster = new int[arr.length];
    java.util.Arrays.fill(leafCluster, -1);
    List<Integer> order = new ArrayList<>();
    collectLeaves(arr, 0, order);
    int[] clusterNode = new int[order.size()];
    int[] labels = new int[n];
    for (int c = 0; c < order.size(); c++) {
      int id = order.get(c);
      clusterNode[c] = id;
      leafCluster[id] = c;
      for (int r : members.get(id)) {
        labels[r] = c;
      }
    }
    return new BisectingModel(arr, leafCluster, clusterNode, labels, d);
  }

  private static void collectLeaves(Node[] nodes, int id, List<Integer> out) {
    if (nodes[id].isLeaf()) {
      out.add(id);
    } else {
      collectLeaves(nodes, nodes[id].left, out);
      collectLeaves(nodes, nodes[id].right, out);
    }
  }

  /** Number of clusters (leaves). */
  public int k() {
    return clusterNode.length;
  }

  public int d() {
    return d;
  }

  /** Number of tree nodes (2k - 1). */
  public int numNodes() {
    return nodes.length;
  }

  /** Node {@code id} (0 is the root). */
  public Node node(int id) {
    return nodes[id];
  }

  /** Tree node of cluster {@code c}. */
  public int clusterNode(int c) {
    return clusterNode[c];
  }

  /** Training labels (a copy). */
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public int numClusters() {
    return k();
  }

  @Override
  public int predict(double[] row) {
    return predict(row, 0);
  }

  /** Leaf centroids, row-major {@code k * d} (a copy). */
  public double[] centroids() {
    double[] c = new double[k() * d];
    for (int i = 0; i < k(); i++) {
      System.arraycopy(nodes[clusterNode[i]].centroid, 0, c, i * d, d);
    }
    return c;
  }

  /** Sum of the leaves' SSE. */
  public double inertia() {
    double s = 0;
    for (int id : clusterNode) {
      s += nodes[id].sse;
    }
    return s;
  }

  /** Cluster of {@code x[off ..]}: descend to the nearer child centre at every split. */
  public int predict(double[] x, int off) {
    int id = 0;
    while (!nodes[id].isLeaf()) {
      Node l = nodes[nodes[id].left];
      Node r = nodes[nodes[id].right];
      double dl = KMeansKernels.squaredDistance(x, off, l.centroid, 0, d);
      double dr = KMeansKernels.squaredDistance(x, off, r.centroid, 0, d);
      id = dl <= dr ? nodes[id].left : nodes[id].right;
    }
    return leafCluster[id];
  }

  /**
   * The split tree in Newick format. A node's height is its SSE, so a branch is as long as the SSE
   * its split removed from the parent (never negative: a parent's SSE is at least each child's);
   * leaves are named {@code cluster<c>} with their size.
   */
  public String newick() {
    StringBuilder sb = new StringBuilder();
    write(0, sb);
    return sb.append(';').toString();
  }

  private void write(int id, StringBuilder sb) {
    Node n = nodes[id];
    if (n.isLeaf()) {
      sb.append("cluster").append(leafCluster[id]).append("_n").append(n.size);
    } else {
      sb.append('(');
      write(n.left, sb);
      sb.append(',');
      write(n.right, sb);
      sb.append(')');
    }
    if (n.parent >= 0) {
      sb.append(':').append(String.format(Locale.ROOT, "%.6g", Math.max(0, nodes[n.parent].sse - n.sse)));
    }
  }
}
