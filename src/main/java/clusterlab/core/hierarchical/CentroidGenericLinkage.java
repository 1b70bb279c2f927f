package clusterlab.core.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.SquaredColumns;
import clusterlab.core.parallel.Parallel;
import clusterlab.core.parallel.StepTeam;

/**
 * Ward, centroid and median linkage on Euclidean data without a distance matrix: M&uuml;llner's
 * generic algorithm (2011, figure 3) run on cluster points, as fastcluster's
 * {@code generic_linkage_vector} does; O(n&middot;d) memory. Each cluster keeps a candidate nearest
 * neighbour among higher slots and its distance in a priority queue; a candidate is recomputed
 * only when it reaches the top of the queue and its neighbour has been merged away. After a merge
 * only the slots whose candidate could change are visited: for Ward, a reducible linkage, only
 * those between the two merged slots (the union is never closer than both parts), for centroid
 * and median all slots below the union.
 *
 * <p>Where the constant factor goes: cluster points are stored column-major in slots kept in row
 * order, so every scan is a run over contiguous slots whose squared distances
 * {@link SquaredColumns} computes with SIMD instructions, a block at a time; merged-away slots are
 * marked with a NaN coordinate (a NaN distance is never a minimum) instead of being tested, and
 * the slots are compacted in order when half of them are dead. Keys are compared without square
 * roots: {@code n_a n_b / (n_a + n_b) ||c_a - c_b||&sup2;} for Ward (heights
 * {@code sqrt(2 key)}, SciPy's), the squared distance between points for centroid (UPGMC, sizes as
 * weights) and median (WPGMC, midpoints). Scans over many slots are split over threads and
 * combined in slot order, so the result does not depend on the thread count; a scan takes
 * microseconds, so one {@link StepTeam} of helper threads serves the whole run instead of a fork per scan.
 *
 * <p>On data without exact ties the merges are those of the matrix algorithms (and SciPy's);
 * where distances tie exactly, the order in which tied pairs merge may differ.
 *
 * <p>Reference: D. M&uuml;llner (2011), Modern hierarchical, agglomerative clustering algorithms,
 * arXiv:1109.2378, section 3.1 and the "stored data approach" of section 4; D. M&uuml;llner (2013),
 * fastcluster, Journal of Statistical Software 53(9).
 */
final class CentroidGenericLinkage {

  /** Below this many slots a scan runs on one thread. */
  private static final int PARALLEL_MIN = 4096;
  /** Slots per block of a scan: the block's distances stay in the L1 cache. */
  private static final int BLOCK = 1024;

  private final Linkage linkage;
  private final int n;
  private final int d;
  private final int threads;
  /** Column-major cluster points: coordinate j of slot s at {@code p[j][s]}; NaN in column 0 when dead. */
  private final double[][] p;
  /** Cluster sizes per slot (as doubles for the Ward factor), 0 when dead. */
  private final double[] size;
  /** A row of the cluster in each slot (its first row), for the merge history. */
  private final int[] row;
  /** Candidate nearest neighbour above each slot; -1 when it must be recomputed. */
  private final int[] neighbor;
  /** Keys of a scan, per slot. */
  private final double[] keys;
  private final double[] centre;
  private IndexedMinHeap heap;
  private int slots;
  /** Helpers for the scans over many slots, for the whole run (null on one thread or for few rows). */
  private StepTeam team;

  private CentroidGenericLinkage(Dataset data, Linkage linkage, int threads) {
    this.linkage = linkage;
    this.n = data.n();
    this.d = data.d();
    this.threads = Parallel.threads(threads);
    this.p = SquaredColumns.columns(data.values(), n, d, n);
    this.size = new double[n];
    this.row = new int[n];
    this.neighbor = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      row[i] = i;
    }
    this.keys = new double[n];
    this.centre = new double[d];
    this.slots = n;
  }

  static MergeHistory run(Dataset data, Linkage linkage, int threads, Progress progress) {
    if (!linkage.hasCentroidVariant()) {
      throw new IllegalArgumentException(linkage.id() + " linkage has no centroid variant");
    }
    CentroidGenericLinkage run = new CentroidGenericLinkage(data, linkage, threads);
    if (run.threads == 1 || data.n() < PARALLEL_MIN) {
      return run.cluster(progress);
    }
    try (StepTeam team = StepTeam.open(run.threads)) {
      run.team = team;
      return run.cluster(progress);
    }
  }

  private MergeHistory cluster(Progress progress) {
    initialNeighbours();
    int[] repA = new int[n - 1];
    int[] repB = new int[n - 1];
    double[] h = new double[n - 1];
    int dead = 0;
    boolean ward = linkage == Linkage.WARD;
    for (int k = 0; k < n - 1; k++) {
      int x = ward ? wardPair() : scipyPair();
      double key = heap.minValue();
      heap.removeMin();
      int y = neighbor[x];
      repA[k] = row[x];
      repB[k] = row[y];
      h[k] = Math.sqrt(ward ? 2.0 * key : key);
      merge(x, y);
      if (ward) {
        wardUpdate(x, y);
      } else {
        scipyUpdate(x, y);
      }
      if (y < slots - 1) {
        heap.change(y, nearestAbove(y));
      }
      if (++dead * 2 > slots && slots > 64) {
        compact();
        dead = 0;
      }
      if ((k & 1023) == 0) {
        progress.checkCancelled();
        progress.report(linkage.id() + " linkage", (double) k / (n - 1), "merge " + k + " of " + (n - 1));
      }
    }
    return MergeHistoryBuilder.fromRepresentatives(n, repA, repB, h, linkage.isMonotone());
  }

  /**
   * Ward (fastcluster's rule): a candidate is valid while its neighbour is alive, since the Ward
   * distance between two clusters changes only when one of them merges. Returns the slot whose
   * candidate pair merges next.
   */
  private int wardPair() {
    int x = heap.minKey();
    while (neighbor[x] < 0 || size[neighbor[x]] == 0) {
      heap.change(x, nearestAbove(x));
      x = heap.minKey();
    }
    return x;
  }

  /**
   * Ward after x merged into y: the union is never closer than both parts (reducibility), so
   * candidates below x stay lower bounds and only lose y; those between x and y may gain y.
   */
  private void wardUpdate(int x, int y) {
    for (int j = 0; j < x; j++) {
      if (neighbor[j] == y) {
        neighbor[j] = -1;
      }
    }
    if (x + 1 < y) {
      keys(y, x + 1, y);
      for (int j = x + 1; j < y; j++) {
        double v = keys[j];
        if (v < heap.value(j)) {
          heap.change(j, v);
          neighbor[j] = y;
        } else if (neighbor[j] == y) {
          neighbor[j] = -1;
        }
      }
    }
  }

  /**
   * Centroid and median (SciPy's {@code fast_linkage} rule, kept for its tie-breaking): a
   * candidate is valid when its stored key still equals the current distance to its neighbour.
   */
  private int scipyPair() {
    int x = heap.minKey();
    // at most one recomputation per live slot (SciPy's bound; it also stops on non-finite keys)
    for (int i = 0; i < slots && heap.minValue() != key(x, neighbor[x]); i++) {
      heap.change(x, nearestAbove(x));
      x = heap.minKey();
    }
    return x;
  }

  /** Centroid and median after x merged into y: every slot below y may gain or lose y. */
  private void scipyUpdate(int x, int y) {
    for (int j = 0; j < x; j++) {
      if (neighbor[j] == x) {
        neighbor[j] = y;
      }
    }
    if (y > 0) {
      keys(y, 0, y);
      for (int j = 0; j < y; j++) {
        double v = keys[j];
        if (v < heap.value(j)) {
          neighbor[j] = y;
          heap.change(j, v);
        }
      }
    }
  }

  /** The key between live slots a and b, as {@link #keys} computes it. */
  private double key(int a, int b) {
    double s = 0;
    for (double[] col : p) {
      double u = col[a] - col[b];
      s += u * u;
    }
    if (linkage != Linkage.WARD) {
      return s;
    }
    double na = size[a];
    double nb = size[b];
    return na * nb / (na + nb) * s;
  }

  /** The nearest neighbour above every slot, and the heap of their keys. */
  private void initialNeighbours() {
    heap = new IndexedMinHeap(n - 1);
    for (int x = 0; x < n - 1; x++) {
      heap.init(x, nearestAbove(x));
    }
    heap.heapify();
  }

  /** Sets neighbor[x] to the nearest live slot above x (the first on ties) and returns its key. */
  private double nearestAbove(int x) {
    keys(x, x + 1, slots);
    double min = Double.POSITIVE_INFINITY;
    int arg = -1;
    for (int j = x + 1; j < slots; j++) {
      if (keys[j] < min) {
        min = keys[j];
        arg = j;
      }
    }
    neighbor[x] = arg;
    return min;
  }

  /** keys[j] for j in [from, to): the key between slot c and slot j (NaN for dead slots). */
  private void keys(int c, int from, int to) {
    SquaredColumns.centre(p, c, centre);
    double nc = size[c];
    if (team != null && to - from >= PARALLEL_MIN) {
      team.run(to - from, (chunk, a, b) -> keyRange(centre, nc, from + a, from + b));
    } else {
      keyRange(centre, nc, from, to);
    }
  }

  private void keyRange(double[] cen, double nc, int from, int to) {
    boolean ward = linkage == Linkage.WARD;
    for (int b0 = from; b0 < to; b0 += BLOCK) {
      int len = Math.min(BLOCK, to - b0);
      SquaredColumns.block(keys, p, b0, cen, len);
      if (ward) {
        wardFactor(keys, size, nc, b0, len);
      }
    }
  }

  /** keys[o + q] *= nc n_q / (nc + n_q), written as n_c n_q / (n_c + n_q) * sq (the matrix update's value). */
  private static void wardFactor(double[] keys, double[] size, double nc, int o, int len) {
    for (int q = o; q < o + len; q++) {
      double ns = size[q];
      keys[q] = nc * ns / (nc + ns) * keys[q];
    }
  }

  /** Puts the union of x and y into slot y and marks x dead. */
  private void merge(int x, int y) {
    double nx = size[x];
    double ny = size[y];
    for (double[] col : p) {
      double a = col[x];
      double b = col[y];
      col[y] = linkage == Linkage.MEDIAN ? 0.5 * (a + b) : (nx * a + ny * b) / (nx + ny);
    }
    size[y] = nx + ny;
    size[x] = 0;
    p[0][x] = Double.NaN;
  }

  /** Packs live slots to the front in order; renames neighbours and heap keys (the heap order stays). */
  private void compact() {
    int[] newSlot = new int[slots];
    int w = 0;
    for (int s = 0; s < slots; s++) {
      if (size[s] > 0) {
        newSlot[s] = w;
        if (w != s) {
          for (double[] col : p) {
            col[w] = col[s];
          }
          size[w] = size[s];
          row[w] = row[s];
          neighbor[w] = neighbor[s];
        }
        w++;
      } else {
        newSlot[s] = -1;
      }
    }
    for (int s = 0; s < w; s++) {
      int nb = neighbor[s];
      neighbor[s] = nb < 0 ? -1 : newSlot[nb];
    }
    for (int s = w; s < slots; s++) {
      size[s] = 0;
      p[0][s] = Double.NaN;
    }
    slots = w;
    heap.renumber(newSlot);
  }
}
