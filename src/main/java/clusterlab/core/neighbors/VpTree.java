package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import java.util.Random;

/**
 * Vantage-point tree (Yianilos 1993): an exact {@link NeighborIndex} for any metric distance.
 *
 * <p>Why a VP tree: it needs only the triangle inequality, not coordinates, and unlike a kd-tree
 * its pruning does not collapse in tens of dimensions; van der Maaten (2014) uses it for the k-NN
 * input affinities of Barnes-Hut t-SNE. Each node picks a vantage point and splits the other rows
 * of its range at their median distance to it (inside the ball, outside the ball); a query
 * descends first into the side it falls in and visits the other side only when the ball of the
 * current k-th distance crosses the boundary.
 *
 * <p>Layout: one permutation {@code order} of the rows and one {@code radius} per position. The
 * node for range {@code [lo, hi)} has its vantage point at {@code order[lo]}, its inside child at
 * {@code [lo + 1, mid)} and its outside child at {@code [mid, hi)}, with
 * {@code mid = (lo + 1 + hi) >>> 1}; no node objects, O(n) memory. Ties are broken by the smaller
 * row index, as {@link LinearScan} does, so results are identical to the oracle.
 */
public final class VpTree implements NeighborIndex {

  private final Dataset data;
  private final Distance distance;
  private final int[] order;
  private final double[] radius;

  /**
   * Builds the tree; the vantage points are drawn with {@code seed} (the tree shape, never the
   * answers, depends on it).
   *
   * @throws IllegalArgumentException if {@code distance} is not a metric (pruning would be wrong)
   */
  public VpTree(Dataset data, Distance distance, long seed) {
    this.data = Check.notNull("data", data);
    this.distance = Check.notNull("distance", distance);
    if (!distance.isMetric()) {
      throw new IllegalArgumentException("distance " + distance.name() + " is not a metric (no triangle inequality); "
          + "a vantage-point tree needs one: use LinearScan for this distance");
    }
    int n = data.n();
    order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    radius = new double[n];
    double[] scratch = new double[n];
    build(0, n, new Random(seed), scratch);
  }

  /** A tree with a fixed seed. */
  public VpTree(Dataset data, Distance distance) {
    this(data, distance, 0x5eedL);
  }

  private void build(int lo, int hi, Random rnd, double[] dist) {
    while (hi - lo > 1) {
      swap(lo, lo + rnd.nextInt(hi - lo));
      int d = data.d();
      double[] v = data.values();
      int vp = order[lo];
      for (int i = lo + 1; i < hi; i++) {
        dist[i] = distance.between(v, vp * d, v, order[i] * d, d);
      }
      int mid = (lo + 1 + hi) >>> 1;
      select(lo + 1, hi - 1, mid, dist);
      radius[lo] = dist[mid];
      build(lo + 1, mid, rnd, dist);
      lo = mid; // iterate on the outside child
    }
  }

  /** Quickselect on {@code dist[lo..hi]} (inclusive), moving {@code order} along. */
  private void select(int lo, int hi, int kth, double[] dist) {
    while (hi > lo) {
      double pivot = dist[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (dist[i] < pivot) {
          i++;
        }
        while (dist[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = dist[i];
          dist[i] = dist[j];
          dist[j] = t;
          swap(i, j);
          i++;
          j--;
        }
      }
      if (kth <= j) {
        hi = j;
      } else if (kth >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private void swap(int i, int j) {
    int t = order[i];
    order[i] = order[j];
    order[j] = t;
  }

  @Override
  public int size() {
    return data.n();
  }

  @Override
  public int knn(double[] query, int qOff, int k, int exclude, int[] rows, double[] dists) {
    Check.atLeast("k", k, 1);
    int[] found = {0};
    search(0, data.n(), query, qOff, k, exclude, rows, dists, found);
    return found[0];
  }

  private void search(int lo, int hi, double[] q, int qOff, int k, int exclude, int[] rows, double[] dists, int[] found) {
    while (lo < hi) {
      int d = data.d();
      int vp = order[lo];
      double dv = distance.between(q, qOff, data.values(), vp * d, d);
      if (vp != exclude) {
        offer(vp, dv, k, rows, dists, found);
      }
      if (hi - lo == 1) {
        return;
      }
      int mid = (lo + 1 + hi) >>> 1;
      double r = radius[lo];
      // inside child holds distances <= r, outside child holds distances >= r (median split)
      if (dv <= r) {
        search(lo + 1, mid, q, qOff, k, exclude, rows, dists, found);
        if (found[0] < k || dv + dists[k - 1] >= r) {
          lo = mid;
          continue;
        }
      } else {
        search(mid, hi, q, qOff, k, exclude, rows, dists, found);
        if (found[0] < k || dv - dists[k - 1] <= r) {
          lo = lo + 1;
          hi = mid;
          continue;
        }
      }
      return;
    }
  }

  /** Inserts (row, dist) into the sorted k-best list when it beats the current k-th by (dist, row). */
  private static void offer(int row, double dist, int k, int[] rows, double[] dists, int[] found) {
    int f = found[0];
    if (f == k) {
      double worst = dists[k - 1];
      if (dist > worst || (dist == worst && row > rows[k - 1])) {
        return;
      }
    } else {
      f++;
      found[0] = f;
    }
    int pos = f - 1;
    while (pos > 0 && (dists[pos - 1] > dist || (dists[pos - 1] == dist && rows[pos - 1] > row))) {
      dists[pos] = dists[pos - 1];
      rows[pos] = rows[pos - 1];
      pos--;
    }
    dists[pos] = dist;
    rows[pos] = row;
  }

  @Override
  public void range(double[] query, int qOff, double r, Visitor visitor) {
    rangeSearch(0, data.n(), query, qOff, r, visitor);
  }

  private void rangeSearch(int lo, int hi, double[] q, int qOff, double r, Visitor visitor) {
    while (lo < hi) {
      int d = data.d();
      int vp = order[lo];
      double dv = distance.between(q, qOff, data.values(), vp * d, d);
      if (dv <= r) {
        visitor.visit(vp, dv);
      }
      if (hi - lo == 1) {
        return;
      }
      int mid = (lo + 1 + hi) >>> 1;
      double rad = radius[lo];
      boolean inside = dv - r <= rad;
      boolean outside = dv + r >= rad;
      if (inside && outside) {
        rangeSearch(lo + 1, mid, q, qOff, r, visitor);
        lo = mid;
      } else if (inside) {
        lo = lo + 1;
        hi = mid;
      } else {
        lo = mid;
      }
    }
  }
}
