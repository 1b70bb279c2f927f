package clusterlab.core.kmeans;

import clusterlab.core.Dataset;
import java.util.SplittableRandom;

/** Initial centroids for k-means. */
final class Seeding {

  private Seeding() {
  }

  /** k distinct rows drawn uniformly (partial Fisher-Yates). */
  static double[] random(Dataset data, int k, SplittableRandom rng) {
    int n = data.n();
    int d = data.d();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    double[] c = new double[k * d];
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      System.arraycopy(data.values(), idx[i] * d, c, i * d, d);
    }
    return c;
  }

  /**
   * Greedy k-means++ (Arthur and Vassilvitskii 2007): each new centre is the best, by resulting
   * potential, of {@code 2 + floor(ln k)} rows drawn with probability proportional to weight times
   * squared distance to the nearest chosen centre, as scikit-learn does.
   */
  static double[] kmeansPlusPlus(Dataset data, int k, SplittableRandom rng) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double[] c = new double[k * d];
    int trials = 2 + (int) Math.log(k);
    int first = sample(data, null, data.totalWeight(), rng);
    System.arraycopy(v, first * d, c, 0, d);
    double[] closest = new double[n];
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = KMeansKernels.squaredDistance(v, i * d, c, 0, d);
      potential += data.weight(i) * closest[i];
    }
    double[] candidate = new double[n];
    double[] best = new double[n];
    for (int m = 1; m < k; m++) {
      int bestRow = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int row = potential > 0 ? sample(data, closest, potential, rng) : rng.nextInt(n);
        double pot = 0;
        for (int i = 0; i < n; i++) {
          candidate[i] = Math.min(closest[i], KMeansKernels.squaredDistance(v, i * d, v, row * d, d));
          pot += data.weight(i) * candidate[i];
        }
        if (pot < bestPotential) {
          bestPotential = pot;
          bestRow = row;
          System.arraycopy(candidate, 0, best, 0, n);
        }
      }
      System.arraycopy(v, bestRow * d, c, m * d, d);
      System.arraycopy(best, 0, closest, 0, n);
      potential = bestPotential;
    }
    return c;
  }

  /** Row drawn with probability weight * score / total (score null: weight only). */
  private static int sample(Dataset data, double[] score, double total, SplittableRandom rng) {
    double r = rng.nextDouble() * total;
    double acc = 0;
    int last = 0;
    for (int i = 0; i < data.n(); i++) {
      double p = data.weight(i) * (score == null ? 1 : score[i]);
      if (p > 0) {
        acc += p;
        last = i;
        if (acc > r) {
          return i;
        }
      }
    }
    return last;
  }
}
