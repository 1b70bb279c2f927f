package clusterlab.core.neighbors;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;
import java.util.Locale;

/**
 * An approximate k-nearest-neighbour graph under the Euclidean distance by NN-descent (Dong,
 * Charikar and Li 2011) started from the leaves of a random-projection forest, as pynndescent and
 * openTSNE build the input affinities of t-SNE.
 *
 * <p>Why: in tens of dimensions exact indexes prune little, so an exact k-NN graph costs nearly
 * n^2 distances; NN-descent's premise, "a neighbour of a neighbour is likely a neighbour", costs
 * O(n) distances per round, with a recall (the fraction of the true k nearest found) that the
 * benchmark measures against the exact search (BENCHMARKS.md, TsneBench {@code knn}).
 *
 * <p>The steps: every tree of the forest offers each row the rows of its leaves; rows still short of
 * k candidates get random ones. Each round then samples, per row, at most {@code maxCandidates}
 * "new" (not yet joined) and "old" neighbours, forward and reverse, and compares every new-new and
 * new-old pair of one row's samples (the local join), offering each to both rows' lists. It stops
 * when a round changes fewer than {@code delta * n * k} entries or after {@code maxIterations}.
 *
 * <p>Deterministic for a seed and identical for any thread count: the trees depend on the seed
 * only, the samples on a hash of (seed, round, pair), and each row's list keeps the k best
 * of everything offered to it under the total order (distance, row), which does not depend on the
 * order the offers arrive in (an offer that loses once can never win later, because a list's worst
 * entry only improves). What threads share are the lists, each updated under a striped lock.
 */
public final class NnDescent {

  private static final byte OLD = 0;
  private static final byte NEW = 1;
  private static final byte INSERTED = 2;
  private static final int LOCKS = 1 << 12;

  private final int k;
  private int trees = -1;
  private int leafSize = -1;
  private int maxCandidates = -1;
  private int maxIterations = -1;
  private double delta = 0.001;
  private int threads;

  /** A builder for the {@code k} nearest neighbours of every row (at least 1). */
  public NnDescent(int k) {
    Check.atLeast("k (neighbours)", k, 1);
    this.k = k;
  }

  /** Number of random-projection trees; {@code <= 0} is auto: {@link #treesFor}. */
  public NnDescent trees(int t) {
    trees = t;
    return this;
  }

  /** Largest leaf of a tree; {@code <= 0} is auto: {@code max(10, k)}. */
  public NnDescent leafSize(int s) {
    leafSize = s;
    return this;
  }

  /**
   * Neighbours sampled per row and round for the local join; {@code <= 0} is auto: {@code min(30, k)}
   * (pynndescent uses {@code min(60, k)}; at t-SNE's k = 91, 30 reached a recall of 0.996 to 0.9999 in
   * half the time of 60, BENCHMARKS.md).
   */
  public NnDescent maxCandidates(int c) {
    maxCandidates = c;
    return this;
  }

  /** Most rounds ({@code 0}: the forest alone); {@code < 0} is auto: {@code max(5, round(log2 n))}. */
  public NnDescent maxIterations(int it) {
    maxIterations = it;
    return this;
  }

  /** Stop when a round changes fewer than {@code delta * n * k} entries (0 runs every round). */
  public NnDescent delta(double dl) {
    Check.nonNegative("delta", dl);
    delta = dl;
    return this;
  }

  /** Worker threads; {@code <= 0} means all cores. The result does not depend on it. */
  public NnDescent threads(int t) {
    threads = t;
    return this;
  }

  /** The auto number of trees for n rows, pynndescent's {@code min(64, 5 + round(sqrt(n) / 20))}. */
  public static int treesFor(int n) {
    return (int) Math.min(64, 5 + Math.round(Math.sqrt(n) / 20.0));
  }

  /**
   * The approximate k nearest neighbours of every row of {@code data} (itself excluded), Euclidean,
   * nearest first with ties broken by the smaller row.
   *
   * @throws IllegalArgumentException if {@code k} is not below the number of rows
   * @throws Progress.CancelledException when {@code progress} is cancelled
   */
  public KnnGraph build(Dataset data, long seed, Progress progress) {
    Check.notNull("data", data);
    Check.notNull("progress", progress);
    int n = data.n();
    Check.inRange("k (neighbours)", k, 1, n - 1);
    Lists lists = new Lists(data, k);
    int t = trees > 0 ? trees : treesFor(n);
    int leaf = leafSize > 0 ? leafSize : Math.max(10, k);
    int c = maxCandidates > 0 ? maxCandidates : Math.min(30, k);
    int rounds = maxIterations >= 0 ? maxIterations : Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
    forest(lists, t, leaf, seed, progress);
    randomFill(lists, seed);
    lists.commit();
    for (int round = 0; round < rounds; round++) {
      progress.checkCancelled();
      long changed = descend(lists, c, seed, round);
      progress.report("knn", (round + 1.0) / rounds, String.format(Locale.ROOT,
          "NN-descent round %d: %d of %d neighbours changed", round + 1, changed, (long) n * k));
      if (changed <= delta * n * k) {
        break;
      }
    }
    return lists.toGraph(threads);
  }

  /** Offers every row the other rows of its leaf, in every tree; trees are built in parallel. */
  private void forest(Lists lists, int t, int leaf, long seed, Progress progress) {
    int n = lists.n;
    int d = lists.d;
    double[] x = lists.x;
    Parallel.forRange(t, threads, (chunk, from, to) -> {
      for (int tree = from; tree < to; tree++) {
        progress.checkCancelled();
        RpTree rp = new RpTree(x, n, d, leaf, mix(seed ^ 0x7265655eL, tree));
        for (int l = 0; l < rp.leaves; l++) {
          int lo = rp.leafStart[l];
          int hi = rp.leafStart[l + 1];
          for (int p = lo; p < hi; p++) {
            for (int q = p + 1; q < hi; q++) {
              lists.offerPair(rp.order[p], rp.order[q]);
            }
          }
        }
      }
    });
    progress.report("knn", 0, "random-projection forest: " + t + " trees, leaves of at most " + leaf + " rows");
  }

  /** Fills rows that the forest left short of k candidates with pseudo-random rows (hash of seed and row). */
  private void randomFill(Lists lists, long seed) {
    int n = lists.n;
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        long attempt = 0;
        while (lists.size(i) < k) {
          int j = attempt < 8L * k + 64 ? (int) Math.floorMod(mix(seed + i, attempt), (long) n) : (int) ((attempt + i) % n);
          attempt++;
          if (j != i) {
            lists.offer(i, j, lists.distance(i, j));
          }
        }
      }
    });
  }

  /** One round: sample, mark the sampled new entries old, local join; returns the entries changed. */
  private long descend(Lists lists, int c, long seed, int round) {
    int n = lists.n;
    Candidates fresh = new Candidates(n, c);
    Candidates old = new Candidates(n, c);
    long roundSeed = mix(seed ^ 0x6e6e6465L, round);
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        for (int m = 0; m < k; m++) {
          int e = i * k + m;
          int j = lists.idx[e];
          int pri = (int) mix(roundSeed, Math.min(i, j) * (long) n + Math.max(i, j));
          Candidates into = lists.flag[e] == OLD ? old : fresh;
          into.offer(i, j, pri, lists.locks);
          into.offer(j, i, pri, lists.locks);
        }
      }
    });
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        for (int m = 0; m < k; m++) {
          int e = i * k + m;
          if (lists.flag[e] == NEW && fresh.contains(i, lists.idx[e])) {
            lists.flag[e] = OLD;
          }
        }
      }
    });
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        int nf = fresh.count[i];
        int no = old.count[i];
        int fb = i * c;
        for (int a = 0; a < nf; a++) {
          int p = fresh.rows[fb + a];
          for (int b = a + 1; b < nf; b++) {
            lists.offerPair(p, fresh.rows[fb + b]);
          }
          for (int b = 0; b < no; b++) {
            int q = old.rows[fb + b];
            if (q != p) {
              lists.offerPair(p, q);
            }
          }
        }
      }
    });
    return lists.commit();
  }

  /** SplitMix64 of a pair of longs: the deterministic "random" numbers of the trees and samples. */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The k-best lists of all rows: max-heaps on (distance, row) in flat arrays, each guarded by a striped lock. */
  private static final class Lists {
    final int n;
    final int d;
    final int k;
    final double[] x;
    final int[] idx;
    final double[] dist;
    final byte[] flag;
    final Object[] locks = new Object[LOCKS];

    Lists(Dataset data, int k) {
      this.n = data.n();
      this.d = data.d();
      this.k = k;
      this.x = data.values();
      idx = new int[n * k];
      dist = new double[n * k];
      flag = new byte[n * k];
      java.util.Arrays.fill(idx, -1);
      java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
      for (int l = 0; l < LOCKS; l++) {
        locks[l] = new Object();
      }
    }

    /** Squared Euclidean distance; bit-identical for (i, j) and (j, i). */
    double distance(int i, int j) {
      int a = i * d;
      int b = j * d;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int t = 0;
      for (; t + 3 < d; t += 4) {
        double u0 = x[a + t] - x[b + t];
        double u1 = x[a + t + 1] - x[b + t + 1];
        double u2 = x[a + t + 2] - x[b + t + 2];
        double u3 = x[a + t + 3] - x[b + t + 3];
        s0 += u0 * u0;
        s1 += u1 * u1;
        s2 += u2 * u2;
        s3 += u3 * u3;
      }
      for (; t < d; t++) {
        double u = x[a + t] - x[b + t];
        s0 += u * u;
      }
      return (s0 + s1) + (s2 + s3);
    }

    /** Offers j to i's list and i to j's, each only if it could enter (a racy read of the worst is a safe filter). */
    void offerPair(int i, int j) {
      double s = distance(i, j);
      if (s <= dist[i * k]) {
        offer(i, j, s);
      }
      if (s <= dist[j * k]) {
        offer(j, i, s);
      }
    }

    int size(int i) {
      int c = 0;
      for (int m = 0; m < k; m++) {
        if (idx[i * k + m] >= 0) {
          c++;
        }
      }
      return c;
    }

    /** Puts j into i's list if (s, j) beats the worst entry and j is not there yet. */
    void offer(int i, int j, double s) {
      if (i == j) {
        return;
      }
      int base = i * k;
      synchronized (locks[i & (LOCKS - 1)]) {
        if (!worse(dist[base], idx[base], s, j) || holds(base, s, j)) {
          return;
        }
        siftDown(base, s, j, INSERTED);
      }
    }

    /**
     * Whether the list at {@code base} holds row j. A copy of j has the same distance s (distances are
     * bit-identical both ways), and every entry under a node is no worse than the node, so only the
     * nodes at distance s or more are visited: few, since an offer usually just beats the worst.
     */
    private boolean holds(int base, double s, int j) {
      int[] stack = stacks.get();
      int top = 0;
      stack[top++] = 0;
      while (top > 0) {
        int p = stack[--top];
        double dp = dist[base + p];
        if (dp < s) {
          continue;
        }
        if (idx[base + p] == j) {
          return true;
        }
        int l = 2 * p + 1;
        if (l < k) {
          stack[top++] = l;
          if (l + 1 < k) {
            stack[top++] = l + 1;
          }
        }
      }
      return false;
    }

    private final ThreadLocal<int[]> stacks = ThreadLocal.withInitial(() -> new int[64]);

    private static boolean worse(double da, int ra, double db, int rb) {
      return da > db || (da == db && ra > rb);
    }

    private void siftDown(int base, double s, int j, byte f) {
      int p = 0;
      while (true) {
        int l = 2 * p + 1;
        if (l >= k) {
          break;
        }
        int c = l;
        if (l + 1 < k && worse(dist[base + l + 1], idx[base + l + 1], dist[base + l], idx[base + l])) {
          c = l + 1;
        }
        if (!worse(dist[base + c], idx[base + c], s, j)) {
          break;
        }
        dist[base + p] = dist[base + c];
        idx[base + p] = idx[base + c];
        flag[base + p] = flag[base + c];
        p = c;
      }
      dist[base + p] = s;
      idx[base + p] = j;
      flag[base + p] = f;
    }

    /** Turns this round's insertions into new entries and counts them. */
    long commit() {
      long changed = 0;
      for (int e = 0; e < flag.length; e++) {
        if (flag[e] == INSERTED) {
          flag[e] = NEW;
          changed++;
        }
      }
      return changed;
    }

    /** Sorts every list nearest first (ties by row) and takes square roots. */
    KnnGraph toGraph(int threads) {
      Parallel.forRange(n, threads, (chunk, from, to) -> {
        for (int i = from; i < to; i++) {
          int base = i * k;
          // heap sort in place: repeatedly move the worst to the end
          for (int end = k - 1; end > 0; end--) {
            double s = dist[base + end];
            int j = idx[base + end];
            dist[base + end] = dist[base];
            idx[base + end] = idx[base];
            siftDownWithin(base, end, s, j);
          }
          for (int m = 0; m < k; m++) {
            dist[base + m] = Math.sqrt(dist[base + m]);
          }
        }
      });
      return new KnnGraph(n, k, idx, dist);
    }

    private void siftDownWithin(int base, int size, double s, int j) {
      int p = 0;
      while (true) {
        int l = 2 * p + 1;
        if (l >= size) {
          break;
        }
        int c = l;
        if (l + 1 < size && worse(dist[base + l + 1], idx[base + l + 1], dist[base + l], idx[base + l])) {
          c = l + 1;
        }
        if (!worse(dist[base + c], idx[base + c], s, j)) {
          break;
        }
        dist[base + p] = dist[base + c];
        idx[base + p] = idx[base + c];
        p = c;
      }
      dist[base + p] = s;
      idx[base + p] = j;
    }
  }

  /** Per row, the {@code c} sampled neighbours of lowest priority: max-heaps on (priority, row). */
  private static final class Candidates {
    final int c;
    final int[] rows;
    final int[] pri;
    final int[] count;

    Candidates(int n, int c) {
      this.c = c;
      rows = new int[n * c];
      pri = new int[n * c];
      count = new int[n];
    }

    void offer(int i, int j, int p, Object[] locks) {
      int base = i * c;
      synchronized (locks[i & (LOCKS - 1)]) {
        int size = count[i];
        if (size == c && !before(p, j, pri[base], rows[base])) {
          return;
        }
        for (int m = 0; m < size; m++) {
          if (rows[base + m] == j) {
            return;
          }
        }
        if (size < c) {
          int q = size;
          count[i] = size + 1;
          while (q > 0) {
            int parent = (q - 1) >>> 1;
            if (!before(pri[base + parent], rows[base + parent], p, j)) {
              break;
            }
            pri[base + q] = pri[base + parent];
            rows[base + q] = rows[base + parent];
            q = parent;
          }
          pri[base + q] = p;
          rows[base + q] = j;
          return;
        }
        int q = 0;
        while (true) {
          int l = 2 * q + 1;
          if (l >= c) {
            break;
          }
          int ch = l;
          if (l + 1 < c && before(pri[base + l], rows[base + l], pri[base + l + 1], rows[base + l + 1])) {
            ch = l + 1;
          }
          if (!before(p, j, pri[base + ch], rows[base + ch])) {
            break;
          }
          pri[base + q] = pri[base + ch];
          rows[base + q] = rows[base + ch];
          q = ch;
        }
        pri[base + q] = p;
        rows[base + q] = j;
      }
    }

    /** (pa, ra) comes before (pb, rb): lower priority, then lower row. */
    private static boolean before(int pa, int ra, int pb, int rb) {
      return pa < pb || (pa == pb && ra < rb);
    }

    boolean contains(int i, int j) {
      int base = i * c;
      for (int m = 0; m < count[i]; m++) {
        if (rows[base + m] == j) {
          return true;
        }
      }
      return false;
    }
  }
}
