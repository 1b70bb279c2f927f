package clusterlab.core.hierarchical;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import java.util.PriorityQueue;

/**
 * DIANA, divisive analysis (Kaufman and Rousseeuw 1990, chapter 6): start from one cluster and
 * repeatedly split the cluster with the largest diameter. A split grows a splinter group: it
 * starts with the member farthest on average from the others, then keeps moving the member whose
 * average distance to the rest minus its average distance to the splinter group is largest, while
 * that difference is positive.
 *
 * <p>The result is the same {@link MergeHistory} as the agglomerative algorithms (the splits read
 * bottom-up, each at the diameter of the cluster it split, so heights never decrease), and the
 * divisive coefficient is its {@link MergeHistory#bannerCoefficient()}. Cutting it into k clusters
 * undoes the first k-1 splits, as R's {@code cutree(as.hclust(diana(x)), k)}.
 *
 * <p>Cost: the condensed distance matrix (n(n-1)/2 doubles, built on all threads) and, per split
 * of an m-member cluster, O(m&sup2;) with the running sums kept per member. Ties (equal averages or
 * equal diameters) go to the member or cluster that comes first in row order.
 *
 * <p>Reference: L. Kaufman and P. J. Rousseeuw (1990), Finding Groups in Data: An Introduction to
 * Cluster Analysis, Wiley, chapter 6.
 */
public final class Diana {

  private final Distance distance;
  private final int threads;

  public Diana(Distance distance, int threads) {
    this.distance = Check.notNull("distance", distance);
    this.threads = threads;
  }

  /** The divisive hierarchy of {@code data}. */
  public MergeHistory fit(Dataset data, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, 1, "DIANA");
    Progress p = progress == null ? Progress.NONE : progress;
    int n = data.n();
    if (n == 1) {
      return MergeHistory.of(1, new int[0], new int[0], new double[0]);
    }
    double[] dist = CondensedDistances.compute(data, distance, threads);
    return new Run(dist, n).split(p);
  }

  /** One cluster: the members {@code perm[from..to)} and where its id goes once it is known. */
  private static final class Part implements Comparable<Part> {
    final int from;
    final int to;
    final double diameter;
    final int parentSplit;
    final int side;
    final int firstRow;

    Part(int from, int to, double diameter, int parentSplit, int side, int firstRow) {
      this.from = from;
      this.to = to;
      this.diameter = diameter;
      this.parentSplit = parentSplit;
      this.side = side;
      this.firstRow = firstRow;
    }

    @Override
    public int compareTo(Part o) {
      int c = Double.compare(o.diameter, diameter);
      return c != 0 ? c : Integer.compare(firstRow, o.firstRow);
    }
  }

  private static final class Run {
    final double[] dist;
    final int[] off;
    final int n;
    final int[] perm;
    final double[] sumRest;
    final double[] sumSplinter;

    Run(double[] dist, int n) {
      this.dist = dist;
      this.off = CondensedDistances.offsets(n);
      this.n = n;
      this.perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      this.sumRest = new double[n];
      this.sumSplinter = new double[n];
    }

    double d(int i, int j) {
      return i < j ? dist[off[i] + j] : i > j ? dist[off[j] + i] : 0;
    }

    MergeHistory split(Progress progress) {
      // split s (0-based) becomes merge n-2-s; its two children are recorded when known
      int[][] child = new int[n - 1][2];
      double[] heights = new double[n - 1];
      PriorityQueue<Part> queue = new PriorityQueue<>();
      queue.add(new Part(0, n, diameter(0, n), -1, 0, 0));
      for (int s = 0; s < n - 1; s++) {
        Part part = queue.poll();
        if (part.parentSplit >= 0) {
          child[part.parentSplit][part.side] = n + (n - 2 - s);
        }
        heights[n - 2 - s] = part.diameter;
        int mid = splinter(part.from, part.to);
        addChild(queue, child, part.from, mid, s, 0);
        addChild(queue, child, mid, part.to, s, 1);
        if ((s & 255) == 0) {
          progress.checkCancelled();
          progress.report("diana", (double) s / (n - 1), "split " + s + " of " + (n - 1));
        }
      }
      int[] a = new int[n - 1];
      int[] b = new int[n - 1];
      for (int s = 0; s < n - 1; s++) {
        a[n - 2 - s] = child[s][0];
        b[n - 2 - s] = child[s][1];
      }
      return MergeHistory.of(n, a, b, heights);
    }

    private void addChild(PriorityQueue<Part> queue, int[][] child, int from, int to, int s, int side) {
      if (to - from == 1) {
        child[s][side] = perm[from];
      } else {
        int firstRow = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
          firstRow = Math.min(firstRow, perm[i]);
        }
        queue.add(new Part(from, to, diameter(from, to), s, side, firstRow));
      }
    }

    double diameter(int from, int to) {
      double m = 0;
      for (int i = from; i < to; i++) {
        for (int j = i + 1; j < to; j++) {
          m = Math.max(m, d(perm[i], perm[j]));
        }
      }
      return m;
    }

    /**
     * Splits perm[from..to) into the remainder perm[from..mid) and the splinter group
     * perm[mid..to), each kept in row order; returns mid.
     */
    int splinter(int from, int to) {
      int m = to - from;
      if (m == 2) {
        return from + 1;
      }
      sortRange(from, to);
      for (int i = from; i < to; i++) {
        double s = 0;
        int r = perm[i];
        for (int j = from; j < to; j++) {
          s += d(r, perm[j]);
        }
        sumRest[r] = s;
        sumSplinter[r] = 0;
      }
      // the first object: largest average distance to all others
      int first = from;
      for (int i = from + 1; i < to; i++) {
        if (sumRest[perm[i]] > sumRest[perm[first]]) {
          first = i;
        }
      }
      boolean[] inSplinter = new boolean[m];
      inSplinter[first - from] = true;
      move(from, to, perm[first]);
      int rest = m - 1;
      int splinter = 1;
      while (rest > 1) {
        int best = -1;
        double bestDiff = 0;
        for (int i = from; i < to; i++) {
          if (inSplinter[i - from]) {
            continue;
          }
          int r = perm[i];
          double diff = sumRest[r] / (rest - 1) - sumSplinter[r] / splinter;
          if (diff > bestDiff) {
            bestDiff = diff;
            best = i;
          }
        }
        if (best < 0) {
          break;
        }
        inSplinter[best - from] = true;
        move(from, to, perm[best]);
        rest--;
        splinter++;
      }
      int[] tmp = new int[m];
      int w = 0;
      for (int i = from; i < to; i++) {
        if (!inSplinter[i - from]) {
          tmp[w++] = perm[i];
        }
      }
      int mid = from + w;
      for (int i = from; i < to; i++) {
        if (inSplinter[i - from]) {
          tmp[w++] = perm[i];
        }
      }
      System.arraycopy(tmp, 0, perm, from, m);
      return mid;
    }

    /** Moves row r from the rest to the splinter group: every member's two sums change by d(., r). */
    private void move(int from, int to, int r) {
      for (int i = from; i < to; i++) {
        int q = perm[i];
        double v = d(q, r);
        sumRest[q] -= v;
        sumSplinter[q] += v;
      }
    }

    private void sortRange(int from, int to) {
      java.util.Arrays.sort(perm, from, to);
    }
  }
}
