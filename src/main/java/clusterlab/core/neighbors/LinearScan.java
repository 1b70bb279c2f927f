package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;

/**
 * The reference {@link NeighborIndex}: compares the query with every row. O(n) per query and
 * O(1) extra memory; exact for any {@link Distance}, metric or not, which makes it the fallback
 * for non-metric distances and high dimensions, and the oracle the tree indexes are tested against.
 */
public final class LinearScan implements NeighborIndex {

  private final Dataset data;
  private final Distance distance;

  public LinearScan(Dataset data, Distance distance) {
    this.data = Check.notNull("data", data);
    this.distance = Check.notNull("distance", distance);
  }

  @Override
  public int size() {
    return data.n();
  }

  @Override
  public int knn(double[] query, int qOff, int k, int exclude, int[] rows, double[] dists) {
    Check.atLeast("k", k, 1);
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    int found = 0;
    for (int i = 0; i < n; i++) {
      if (i == exclude) {
        continue;
      }
      double dist = distance.between(query, qOff, v, i * d, d);
      if (found < k) {
        found++;
      } else if (!(dist < dists[k - 1])) {
        continue; // not closer than the current k-th (ties keep the smaller row index)
      }
      int pos = found - 1;
      while (pos > 0 && dists[pos - 1] > dist) {
        dists[pos] = dists[pos - 1];
        rows[pos] = rows[pos - 1];
        pos--;
      }
      dists[pos] = dist;
      rows[pos] = i;
    }
    return found;
  }

  @Override
  public void range(double[] query, int qOff, double radius, Visitor visitor) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    for (int i = 0; i < n; i++) {
      double dist = distance.between(query, qOff, v, i * d, d);
      if (dist <= radius) {
        visitor.visit(i, dist);
      }
    }
  }
}
