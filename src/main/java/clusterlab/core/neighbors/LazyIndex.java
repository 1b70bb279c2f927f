package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import java.io.Serializable;

/**
 * A neighbour index over a model's rows, built on the first query and again after
 * deserialization (indexes are not serialized: they are cheap to rebuild and large to store).
 * The one place where the models that predict by nearest rows (DBSCAN's core points, OPTICS,
 * HDBSCAN) and the t-SNE placement of new rows keep their index. Thread-safe.
 */
public final class LazyIndex implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] values;
  private final int n;
  private final int d;
  private final Distance distance;
  private final NeighborIndexes.Kind kind;
  private transient volatile NeighborIndex index;

  /** @param values row-major {@code n * d} rows (kept by reference, never written) */
  public LazyIndex(double[] values, int n, int d, Distance distance, NeighborIndexes.Kind kind) {
    this.values = Check.notNull("values", values);
    this.n = n;
    this.d = d;
    this.distance = Check.notNull("distance", distance);
    this.kind = Check.notNull("kind", kind);
  }

  /** The index, built now if needed. */
  public NeighborIndex get() {
    NeighborIndex idx = index;
    if (idx == null) {
      synchronized (this) {
        idx = index;
        if (idx == null) {
          idx = NeighborIndexes.build(kind, Dataset.of(values, n, d), distance);
          index = idx;
        }
      }
    }
    return idx;
  }

  /** Number of indexed rows. */
  public int size() {
    return n;
  }

  /** The indexed rows as a data set (the backing array, not a copy). */
  public Dataset rows() {
    return Dataset.of(values, n, d);
  }

  /**
   * The nearest indexed row to {@code x[off .. off+d)} (ties: the smaller row) and its distance
   * in {@code dist[0]}, or -1 when the index is empty.
   */
  public int nearest(double[] x, int off, double[] dist) {
    if (n == 0) {
      return -1;
    }
    int[] row = new int[1];
    double[] dd = new double[1];
    get().knn(x, off, 1, -1, row, dd);
    dist[0] = dd[0];
    return row[0];
  }
}
