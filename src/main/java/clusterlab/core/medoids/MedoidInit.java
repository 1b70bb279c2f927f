package clusterlab.core.medoids;

import clusterlab.core.parallel.Parallel;
import java.util.SplittableRandom;

/**
 * Initial medoids for k-medoids: Kaufman and Rousseeuw's greedy BUILD, a k-means++-style
 * D^2-weighted sampling, or uniformly random rows. All pick real rows and are deterministic for a
 * seed and for any thread count (parallel work is reduced per candidate, in index order).
 */
final class MedoidInit {

  private MedoidInit() {
  }

  /**
   * BUILD (Kaufman and Rousseeuw 1990, ch. 2): the first medoid minimises the total dissimilarity,
   * each further one is the row that lowers the total most. {@code O(n^2 k)}; ties go to the lowest
   * row index, as in R's {@code cluster::pam}.
   */
  static int[] build(Dissimilarities dis, double[] w, int k, int threads) {
    int n = dis.n();
    int[] medoids = new int[k];
    boolean[] isMedoid = new boolean[n];
    double[] gain = new double[n];
    double[] dnear = new double[n];
    int chunks = Parallel.chunks(n, threads);
    double[][] scratch = new double[Math.max(chunks, 1)][dis.isPrecomputed() ? 0 : n];
    // first medoid: smallest total dissimilarity (stored as a negative gain)
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int c = from; c < to; c++) {
        double[] r = dis.row(c, scratch[chunk]);
        int off = dis.offset(c);
        double s = 0;
        for (int o = 0; o < n; o++) {
          s += w[o] * r[off + o];
        }
        gain[c] = -s;
      }
    });
    medoids[0] = argmax(gain, isMedoid);
    isMedoid[medoids[0]] = true;
    double[] r0 = dis.row(medoids[0], new double[n]);
    System.arraycopy(r0, dis.offset(medoids[0]), dnear, 0, n);
    for (int l = 1; l < k; l++) {
      Parallel.forRange(n, threads, (chunk, from, to) -> {
        for (int c = from; c < to; c++) {
          if (isMedoid[c]) {
            continue;
          }
          double[] r = dis.row(c, scratch[chunk]);
          int off = dis.offset(c);
          double s = 0;
          for (int o = 0; o < n; o++) {
            double t = dnear[o] - r[off + o];
            if (t > 0) {
              s += w[o] * t;
            }
          }
          gain[c] = s;
        }
      });
      int best = argmax(gain, isMedoid);
      medoids[l] = best;
      isMedoid[best] = true;
      double[] r = dis.row(best, new double[n]);
      int off = dis.offset(best);
      for (int o = 0; o < n; o++) {
        dnear[o] = Math.min(dnear[o], r[off + o]);
      }
    }
    return medoids;
  }

  /**
   * k-means++-style seeding (Arthur and Vassilvitskii 2007) on dissimilarities: the first medoid
   * is drawn with probability proportional to the row weight, each further one with probability
   * proportional to weight times the squared dissimilarity to the nearest medoid chosen so far.
   */
  static int[] plusPlus(Dissimilarities dis, double[] w, int k, SplittableRandom rng) {
    int n = dis.n();
    int[] medoids = new int[k];
    double[] dnear = new double[n];
    java.util.Arrays.fill(dnear, Double.POSITIVE_INFINITY);
    double[] scratch = new double[n];
    double[] p = w.clone();
    for (int l = 0; l < k; l++) {
      int c = draw(p, rng);
      if (c < 0) { // every remaining row coincides with a medoid: take the first row not yet chosen
        c = firstNotChosen(medoids, l, n);
      }
      medoids[l] = c;
      double[] r = dis.row(c, scratch);
      int off = dis.offset(c);
      for (int o = 0; o < n; o++) {
        dnear[o] = Math.min(dnear[o], r[off + o]);
        p[o] = w[o] * dnear[o] * dnear[o];
      }
      for (int j = 0; j <= l; j++) {
        p[medoids[j]] = 0;
      }
    }
    return medoids;
  }

  /** {@code k} distinct rows drawn uniformly. */
  static int[] random(int n, int k, SplittableRandom rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return java.util.Arrays.copyOf(perm, k);
  }

  private static int draw(double[] p, SplittableRandom rng) {
    double total = 0;
    for (double v : p) {
      total += v;
    }
    if (!(total > 0)) {
      return -1;
    }
    double u = rng.nextDouble() * total;
    double s = 0;
    int last = -1;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        s += p[i];
        last = i;
        if (u < s) {
          return i;
        }
      }
    }
    return last;
  }

  private static int firstNotChosen(int[] medoids, int l, int n) {
    for (int c = 0; c < n; c++) {
      boolean used = false;
      for (int j = 0; j < l && !used; j++) {
        used = medoids[j] == c;
      }
      if (!used) {
        return c;
      }
    }
    throw new IllegalStateException("no row left for a medoid");
  }

  private static int argmax(double[] v, boolean[] skip) {
    int best = -1;
    for (int i = 0; i < v.length; i++) {
      if (!skip[i] && (best < 0 || v[i] > v[best])) {
        best = i;
      }
    }
    return best;
  }
}
