package clusterlab.core.kmeans;

/**
 * The assignment step of one k-means variant. {@link Iterations} drives the shared loop (centroid
 * update, empty-cluster re-seeding, stopping rule) and asks the assigner only which centre each row
 * belongs to; Lloyd answers by scanning all centres, Elkan and Hamerly skip the centres their
 * triangle-inequality bounds rule out, so all three reach the same labels.
 *
 * <p>Rows are processed in fixed blocks from several threads at once: an implementation may only
 * write the per-row state of the rows in the block it is given.
 */
interface Assigner {

  /**
   * Called once per iteration before the blocks are assigned.
   *
   * @param centroids the current centres, row-major {@code k * d}
   * @param shift how far every centre moved in the previous update (Euclidean), or null before
   *     the first assignment
   */
  void prepare(double[] centroids, double[] shift);

  /**
   * Assigns rows {@code [from, to)} and returns how many labels changed. Labels start at -1.
   *
   * @param block index of the block, for per-block bookkeeping
   */
  int assign(int block, int from, int to, double[] centroids, int[] labels);

  /**
   * Sum over the block of weight times squared distance to the assigned centre when the assigner
   * computed it exactly in the last pass (Lloyd), or NaN (the bounded variants do not know it).
   */
  double blockInertia(int block);
}
