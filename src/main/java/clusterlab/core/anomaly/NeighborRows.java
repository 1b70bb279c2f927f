package clusterlab.core.anomaly;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;
import java.io.Serializable;

/**
 * The fitted rows of a neighbour-based score and their index. The index is rebuilt on first use
 * after deserialization (it is not serialized), so a saved model stays O(n d) on disk.
 */
final class NeighborRows implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] points;
  private final int n;
  private final int d;
  private final Distance distance;
  private transient volatile NeighborIndex index;

  NeighborRows(Dataset data, Distance distance) {
    this.points = data.values();
    this.n = data.n();
    this.d = data.d();
    this.distance = clusterlab.core.Check.notNull("distance", distance);
  }

  int n() {
    return n;
  }

  int d() {
    return d;
  }

  Distance distance() {
    return distance;
  }

  NeighborIndex index() {
    NeighborIndex idx = index;
    if (idx == null) {
      synchronized (this) {
        idx = index;
        if (idx == null) {
          idx = NeighborIndexes.auto(Dataset.of(points, n, d), distance);
          index = idx;
        }
      }
    }
    return idx;
  }
}
