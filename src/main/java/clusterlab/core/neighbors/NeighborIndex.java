package clusterlab.core.neighbors;

/**
 * Nearest-neighbour queries over the rows of one {@link clusterlab.core.Dataset}, the service that
 * DBSCAN, OPTICS, HDBSCAN, LOF, KNN imputation and t-SNE's input affinities all need. Indexes are
 * built once and are read-only afterwards, so one index may be queried from many threads at once.
 *
 * <p>Memory: an index holds O(n) state; queries report results to the caller's buffers or
 * visitor, so no implementation ever materialises all neighbourhoods at once.
 */
public interface NeighborIndex {

  /** Receives the rows found by a range query, in no particular order. */
  @FunctionalInterface
  interface Visitor {
    void visit(int row, double distance);
  }

  /** Number of indexed rows. */
  int size();

  /**
   * The {@code k} nearest indexed rows to {@code query[qOff .. qOff+d)}, nearest first, written to
   * {@code rows[0..]} and {@code dists[0..]}. Ties are broken by the smaller row index, so results
   * do not depend on the index type.
   *
   * @param exclude a row to leave out (the query row itself for "neighbours of row i"), or -1
   * @return how many neighbours were written: {@code min(k, size() - (exclude >= 0 ? 1 : 0))}
   */
  int knn(double[] query, int qOff, int k, int exclude, int[] rows, double[] dists);

  /** Visits every indexed row within distance {@code radius} (inclusive) of the query. */
  void range(double[] query, int qOff, double radius, Visitor visitor);

  /** Number of indexed rows within distance {@code radius} (inclusive) of the query. */
  default int rangeCount(double[] query, int qOff, double radius) {
    int[] count = new int[1];
    range(query, qOff, radius, (r, dist) -> count[0]++);
    return count[0];
  }

  /**
   * Number of indexed rows within {@code radius} (inclusive) of the query, or any number of at
   * least {@code cap} once that many are found: enough to decide "at least minPts neighbours"
   * without counting a dense neighbourhood to the end.
   */
  default int rangeCountAtLeast(double[] query, int qOff, double radius, int cap) {
    return rangeCount(query, qOff, radius);
  }
}
