package clusterlab.core.medoids;

import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;

/**
 * The FasterPAM swap phase (Schubert and Rousseeuw 2021, "Fast and eager k-medoids clustering",
 * JMLR 22(52), Algorithm 3): for each non-medoid candidate {@code x_c} the change of the total
 * deviation for swapping it with <em>every</em> medoid is found in one {@code O(n)} pass, from each
 * row's nearest and second-nearest medoid and each medoid's removal loss; the first improving swap
 * is applied at once (eager), and the candidates are cycled until {@code n} in a row bring no gain.
 *
 * <p>Threads: candidates are evaluated speculatively in blocks, in parallel, against the same
 * state; the first improving one in candidate order is applied and the rest of the block is
 * evaluated again after it. That is exactly what the sequential loop does, so the medoids do not
 * depend on the thread count.
 */
final class FasterPam {

  private static final int BLOCK_PER_THREAD = 16;

  private final Dissimilarities dis;
  private final double[] w;
  private final int n;
  private final int k;
  final int[] medoids;
  final int[] nearest;
  final double[] dnear;
  private final int[] second;
  private final double[] dsecond;
  private final double[] removalLoss;
  private final boolean[] isMedoid;
  int swaps;
  long candidatesExamined;
  boolean converged;
  double initial;

  FasterPam(Dissimilarities dis, double[] w, int[] initial) {
    this.dis = dis;
    this.w = w;
    this.n = dis.n();
    this.k = initial.length;
    this.medoids = initial.clone();
    this.nearest = new int[n];
    this.dnear = new double[n];
    this.second = new int[n];
    this.dsecond = new double[n];
    this.removalLoss = new double[k];
    this.isMedoid = new boolean[n];
    for (int m : medoids) {
      isMedoid[m] = true;
    }
    for (int o = 0; o < n; o++) {
      rescan(o);
    }
    updateRemovalLoss();
  }

  /** Total weighted deviation (sum of each row's weighted dissimilarity to its medoid). */
  double totalDeviation() {
    double s = 0;
    for (int o = 0; o < n; o++) {
      s += w[o] * dnear[o];
    }
    return s;
  }

  /** Runs the swap phase for at most {@code maxPasses * n} candidate evaluations. */
  void run(int maxPasses, int threads, Progress progress) {
    if (k == n) {
      converged = true;
      return;
    }
    int t = Parallel.threads(threads);
    int block = t == 1 ? 1 : t * BLOCK_PER_THREAD;
    double[][] deltas = new double[block][k];
    double[][] rows = new double[block][dis.isPrecomputed() ? 0 : n];
    double[] gain = new double[block];
    int[] slot = new int[block];
    long limit = (long) maxPasses * n;
    int xc = 0;
    int sinceSwap = 0;
    while (sinceSwap < n && candidatesExamined < limit) {
      int b = (int) Math.min(Math.min(block, n - sinceSwap), limit - candidatesExamined);
      final int start = xc;
      if (b == 1) {
        evaluate(start, deltas[0], rows[0], gain, slot, 0);
      } else {
        Parallel.forRange(b, t, (chunk, from, to) -> {
          for (int q = from; q < to; q++) {
            evaluate((start + q) % n, deltas[q], rows[q], gain, slot, q);
          }
        });
      }
      double eps = 1e-12 * Math.max(Double.MIN_NORMAL, totalDeviation() / n);
      int applied = -1;
      for (int q = 0; q < b; q++) {
        if (gain[q] < -eps) {
          applied = q;
          break;
        }
      }
      if (applied >= 0) {
        int c = (start + applied) % n;
        swap(slot[applied], c, rows[applied]);
        candidatesExamined += applied + 1;
        sinceSwap = 0;
        xc = (c + 1) % n;
        if ((swaps & 15) == 0) {
          progress.checkCancelled();
          progress.report("fasterpam", Double.NaN, "swap " + swaps + ", total deviation " + totalDeviation());
        }
      } else {
        candidatesExamined += b;
        sinceSwap += b;
        xc = (start + b) % n;
        progress.checkCancelled();
      }
    }
    converged = sinceSwap >= n;
  }

  /** Change of the total deviation of the best swap of candidate {@code c}, into gain[q] / slot[q]. */
  private void evaluate(int c, double[] delta, double[] scratch, double[] gain, int[] slot, int q) {
    if (isMedoid[c]) {
      gain[q] = Double.POSITIVE_INFINITY;
      return;
    }
    double[] r = dis.row(c, scratch);
    int off = dis.offset(c);
    if (k == 1) { // no second medoid: every row moves to the candidate
      double s = 0;
      for (int o = 0; o < n; o++) {
        s += w[o] * (r[off + o] - dnear[o]);
      }
      gain[q] = s;
      slot[q] = 0;
      return;
    }
    System.arraycopy(removalLoss, 0, delta, 0, k);
    double acc = 0;
    for (int o = 0; o < n; o++) {
      double doj = r[off + o];
      double dn = dnear[o];
      if (doj < dn) {
        double wo = w[o];
        acc += wo * (doj - dn);
        delta[nearest[o]] += wo * (dn - dsecond[o]);
      } else if (doj < dsecond[o]) {
        delta[nearest[o]] += w[o] * (doj - dsecond[o]);
      }
    }
    int best = 0;
    for (int i = 1; i < k; i++) {
      if (delta[i] < delta[best]) {
        best = i;
      }
    }
    gain[q] = delta[best] + acc;
    slot[q] = best;
  }

  /** Replaces the medoid in slot {@code i} by row {@code c} and updates nearest/second and the removal loss. */
  private void swap(int i, int c, double[] scratch) {
    isMedoid[medoids[i]] = false;
    medoids[i] = c;
    isMedoid[c] = true;
    swaps++;
    double[] r = dis.row(c, scratch);
    int off = dis.offset(c);
    for (int o = 0; o < n; o++) {
      double doj = r[off + o];
      if (nearest[o] == i || second[o] == i) {
        rescan(o);
      } else if (doj < dnear[o]) {
        second[o] = nearest[o];
        dsecond[o] = dnear[o];
        nearest[o] = i;
        dnear[o] = doj;
      } else if (doj < dsecond[o]) {
        second[o] = i;
        dsecond[o] = doj;
      }
    }
    updateRemovalLoss();
  }

  /** Nearest and second-nearest medoid of row {@code o} by a scan over all medoids (ties: lowest slot). */
  private void rescan(int o) {
    int b1 = -1;
    int b2 = -1;
    double d1 = Double.POSITIVE_INFINITY;
    double d2 = Double.POSITIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      double d = medoids[i] == o ? 0 : dis.get(o, medoids[i]);
      if (d < d1) {
        b2 = b1;
        d2 = d1;
        b1 = i;
        d1 = d;
      } else if (d < d2) {
        b2 = i;
        d2 = d;
      }
    }
    nearest[o] = b1;
    dnear[o] = d1;
    second[o] = b2 < 0 ? b1 : b2;
    dsecond[o] = b2 < 0 ? d1 : d2;
  }

  private void updateRemovalLoss() {
    java.util.Arrays.fill(removalLoss, 0);
    for (int o = 0; o < n; o++) {
      removalLoss[nearest[o]] += w[o] * (dsecond[o] - dnear[o]);
    }
  }
}
