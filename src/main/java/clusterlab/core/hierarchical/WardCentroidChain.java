package clusterlab.core.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;

/**
 * Memory-saving Ward linkage for Euclidean data: the nearest-neighbour chain run on cluster
 * centroids and sizes instead of a distance matrix (M&uuml;llner 2011, section 3.2 and the
 * "stored data" variant of section 4), O(n&middot;d) memory. The Ward distance between clusters
 * a and b is {@code sqrt(2 n_a n_b / (n_a + n_b)) * ||c_a - c_b||}, which is exactly the value the
 * Lance&ndash;Williams Ward update produces on Euclidean distances (SciPy's heights).
 *
 * <p>Chain scans compare {@code n_a n_b / (n_a + n_b) * ||c_a - c_b||&sup2;} (no square roots)
 * and are split over threads when many clusters are alive; each chunk keeps its first minimum
 * and chunks are combined in order, so ties resolve as in the sequential scan (previous chain
 * element first, then the smallest row index) for any thread count. Clusters live in slots kept
 * in row order and compacted when half are dead.
 */
final class WardCentroidChain {

  private static final int PARALLEL_MIN = 4096;

  private final int d;
  private double[] cent;
  private int[] size;
  private int[] rep;
  private int slots;
  private final int threads;

  private WardCentroidChain(Dataset data, int threads) {
    int n = data.n();
    this.d = data.d();
    this.cent = data.values().clone();
    this.size = new int[n];
    this.rep = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      rep[i] = i;
    }
    this.slots = n;
    this.threads = Parallel.threads(threads);
  }

  static MergeHistory run(Dataset data, int threads, Progress progress) {
    return new WardCentroidChain(data, threads).chain(progress);
  }

  private MergeHistory chain(Progress progress) {
    int n = size.length;
    int[] chain = new int[n];
    int chainLen = 0;
    int[] repA = new int[n - 1];
    int[] repB = new int[n - 1];
    double[] h = new double[n - 1];
    int dead = 0;
    for (int k = 0; k < n - 1; k++) {
      if (chainLen == 0) {
        for (int s = 0; s < slots; s++) {
          if (size[s] > 0) {
            chain[chainLen++] = s;
            break;
          }
        }
      }
      int x;
      int y;
      double key;
      while (true) {
        x = chain[chainLen - 1];
        int prev = chainLen > 1 ? chain[chainLen - 2] : -1;
        double start = prev >= 0 ? wardKey(x, prev) : Double.POSITIVE_INFINITY;
        long found = nearest(x, start);
        y = found < 0 ? prev : (int) found;
        key = found < 0 ? start : wardKey(x, y);
        if (prev >= 0 && y == prev) {
          break;
        }
        chain[chainLen++] = y;
      }
      chainLen -= 2;
      if (x > y) {
        int t = x;
        x = y;
        y = t;
      }
      repA[k] = rep[x];
      repB[k] = rep[y];
      h[k] = Math.sqrt(2.0 * key);
      merge(x, y);
      if (++dead * 2 > slots && slots > 64) {
        compact(chain, chainLen);
        dead = 0;
      }
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report("ward linkage", (double) k / (n - 1), "merge " + k + " of " + (n - 1));
      }
    }
    return MergeHistory.fromRepresentatives(n, repA, repB, h, true);
  }

  /** n_a n_b / (n_a + n_b) * ||c_a - c_b||^2: half the squared Ward height. */
  private double wardKey(int a, int b) {
    double s = 0;
    int ao = a * d;
    int bo = b * d;
    for (int j = 0; j < d; j++) {
      double t = cent[ao + j] - cent[bo + j];
      s += t * t;
    }
    double na = size[a];
    double nb = size[b];
    return na * nb / (na + nb) * s;
  }

  /** The live slot closest to x with a key strictly below {@code bound} (first on ties), or -1. */
  private long nearest(int x, double bound) {
    if (threads == 1 || slots < PARALLEL_MIN) {
      return scan(x, bound, 0, slots);
    }
    int c = Parallel.chunks(slots, threads);
    long[] arg = new long[c];
    Parallel.forRange(slots, threads, (chunk, from, to) -> arg[chunk] = scan(x, bound, from, to));
    long best = -1;
    double bestKey = bound;
    for (int q = 0; q < c; q++) {
      if (arg[q] >= 0) {
        double v = wardKey(x, (int) arg[q]);
        if (v < bestKey) {
          bestKey = v;
          best = arg[q];
        }
      }
    }
    return best;
  }

  private long scan(int x, double bound, int from, int to) {
    long arg = -1;
    double min = bound;
    double nx = size[x];
    int xo = x * d;
    for (int s = from; s < to; s++) {
      int ns = size[s];
      if (ns == 0 || s == x) {
        continue;
      }
      int so = s * d;
      double sq = 0;
      for (int j = 0; j < d; j++) {
        double t = cent[xo + j] - cent[so + j];
        sq += t * t;
      }
      double v = nx * ns / (nx + ns) * sq;
      if (v < min) {
        min = v;
        arg = s;
      }
    }
    return arg;
  }

  private void merge(int x, int y) {
    double nx = size[x];
    double ny = size[y];
    int xo = x * d;
    int yo = y * d;
    for (int j = 0; j < d; j++) {
      cent[yo + j] = (nx * cent[xo + j] + ny * cent[yo + j]) / (nx + ny);
    }
    size[y] += size[x];
    size[x] = 0;
  }

  /** Packs live slots to the front, keeping row order, and renumbers the chain. */
  private void compact(int[] chain, int chainLen) {
    int[] newSlot = new int[slots];
    int w = 0;
    for (int s = 0; s < slots; s++) {
      if (size[s] > 0) {
        newSlot[s] = w;
        if (w != s) {
          System.arraycopy(cent, s * d, cent, w * d, d);
          size[w] = size[s];
          rep[w] = rep[s];
        }
        w++;
      } else {
        newSlot[s] = -1;
      }
    }
    for (int s = w; s < slots; s++) {
      size[s] = 0;
    }
    for (int c = 0; c < chainLen; c++) {
      chain[c] = newSlot[chain[c]];
    }
    slots = w;
  }
}
