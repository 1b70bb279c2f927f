package clusterlab.core.kmeans;

import clusterlab.core.Dataset;
import clusterlab.core.parallel.Blocks;
import clusterlab.core.parallel.Parallel;
import java.util.SplittableRandom;

/**
 * Initial centroids for k-means: uniform random rows and greedy k-means++. Both honour row weights
 * and give the same centres for a given random stream whatever the thread count (potentials are
 * summed in fixed blocks combined in order).
 */
final class Seeding {

  /** Rows per reduction block. */
  static final int BLOCK = 4096;

  private Seeding() {
  }

  /** k distinct rows of positive weight drawn uniformly (partial Fisher-Yates). */
  static double[] random(Dataset data, int k, SplittableRandom rng) {
    int d = data.d();
    int[] idx = positiveRows(data);
    if (idx.length < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " rows of positive weight, the data has "
          + idx.length);
    }
    double[] c = new double[k * d];
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(idx.length - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      System.arraycopy(data.values(), idx[i] * d, c, i * d, d);
    }
    return c;
  }

  private static int[] positiveRows(Dataset data) {
    int count = 0;
    for (int i = 0; i < data.n(); i++) {
      if (data.weight(i) > 0) {
        count++;
      }
    }
    int[] idx = new int[count];
    for (int i = 0, m = 0; i < data.n(); i++) {
      if (data.weight(i) > 0) {
        idx[m++] = i;
      }
    }
    return idx;
  }

  /**
   * Greedy k-means++ (Arthur and Vassilvitskii 2007, with scikit-learn's greedy refinement): each
   * new centre is the best, by resulting potential, of {@code 2 + floor(ln k)} rows drawn with
   * probability proportional to weight times squared distance to the nearest chosen centre.
   */
  static double[] kmeansPlusPlus(Dataset data, int k, SplittableRandom rng, int threads) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double[] c = new double[k * d];
    int trials = 2 + (int) Math.log(k);
    Blocks rowBlocks = Blocks.ofSize(n, BLOCK);
    double[] closest = new double[n];
    double[] blockPot = new double[rowBlocks.count()];
    int first = sampleWeighted(data, null, null, rng.nextDouble() * data.totalWeight());
    System.arraycopy(v, first * d, c, 0, d);
    double potential = update(data, closest, blockPot, v, first * d, true, threads);
    int[] cand = new int[trials];
    for (int m = 1; m < k; m++) {
      for (int t = 0; t < trials; t++) {
        cand[t] = potential > 0 ? sampleWeighted(data, closest, blockPot, rng.nextDouble() * potential)
            : sampleWeighted(data, null, null, rng.nextDouble() * data.totalWeight());
      }
      double[] pots = Parallel.sum(rowBlocks, trials, threads, (from, to, p) -> {
        for (int i = from; i < to; i++) {
          double w = data.weight(i);
          for (int t = 0; t < trials; t++) {
            double dist = KMeansKernels.squaredDistance(v, i * d, v, cand[t] * d, d);
            p[t] += w * Math.min(closest[i], dist);
          }
        }
      });
      int best = 0;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double pot = pots[t];
        if (pot < bestPot) {
          bestPot = pot;
          best = t;
        }
      }
      System.arraycopy(v, cand[best] * d, c, m * d, d);
      potential = update(data, closest, blockPot, v, cand[best] * d, false, threads);
    }
    return c;
  }

  /**
   * Lowers every row's squared distance to the nearest centre with the new centre at
   * {@code centre[off ..]}; returns the total weighted potential and fills the per-block potentials.
   */
  static double update(Dataset data, double[] closest, double[] blockPot, double[] centre, int off, boolean first,
      int threads) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    Parallel.forBlocks(Blocks.ofSize(n, BLOCK), threads, (b, from, to) -> {
      double p = 0;
      for (int i = from; i < to; i++) {
        double dist = KMeansKernels.squaredDistance(v, i * d, centre, off, d);
        if (first || dist < closest[i]) {
          closest[i] = dist;
        }
        p += data.weight(i) * closest[i];
      }
      blockPot[b] = p;
    });
    return Parallel.sumInOrder(blockPot);
  }

  /**
   * The row at which the running sum of {@code weight * score} (score null: weight only) first
   * exceeds {@code r}; per-block sums, when given, skip whole blocks.
   */
  static int sampleWeighted(Dataset data, double[] score, double[] blockPot, double r) {
    int n = data.n();
    int start = 0;
    double acc = 0;
    if (blockPot != null) {
      int b = 0;
      while (b < blockPot.length - 1 && acc + blockPot[b] <= r) {
        acc += blockPot[b];
        b++;
      }
      start = b * BLOCK;
    }
    int last = -1;
    for (int i = start; i < n; i++) {
      double p = data.weight(i) * (score == null ? 1 : score[i]);
      if (p > 0) {
        acc += p;
        last = i;
        if (acc > r) {
          return i;
        }
      }
    }
    if (last < 0) { // rounding pushed r past the end of its block: take the last row with mass
      for (int i = n - 1; i >= 0; i--) {
        if (data.weight(i) * (score == null ? 1 : score[i]) > 0) {
          return i;
        }
      }
      return 0;
    }
    return last;
  }
}
