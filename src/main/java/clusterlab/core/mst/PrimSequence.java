package clusterlab.core.mst;

import clusterlab.core.Check;

/**
 * Prim's sequence of a minimum spanning tree: {@code order[t]} is the row that joined the tree at
 * step t and {@code weight[t]} the weight of the edge that added it ({@code weight[0]}, the start
 * row, is NaN).
 *
 * <p>Why the sequence and not the edges: each connected component of the tree cut at any height is
 * a contiguous run of Prim's sequence, so linking every row to its predecessor in the sequence gives
 * the same single-linkage hierarchy as the true edges, with merges at equal heights in the order of
 * SciPy's {@code mst_single_linkage} and R's {@code dbscan::hdbscan}. Both consumers (single
 * linkage and HDBSCAN's cluster tree) read it this way.
 */
public final class PrimSequence {

  /** Rows in the order they joined the tree. */
  public final int[] order;
  /** Weight of the edge that added each row; {@code weight[0]} is NaN. */
  public final double[] weight;

  public PrimSequence(int[] order, double[] weight) {
    this.order = Check.notNull("order", order);
    this.weight = Check.notNull("weight", weight);
    if (order.length != weight.length) {
      throw new IllegalArgumentException("order has " + order.length + " rows, weight " + weight.length);
    }
  }

  /** Number of rows in the tree. */
  public int n() {
    return order.length;
  }
}
