package clusterlab.core.select;

import clusterlab.core.Dataset;
import java.util.SplittableRandom;

/**
 * The pieces of the gap statistic (Tibshirani, Walther and Hastie 2001, "Estimating the number of
 * clusters in a data set via the gap statistic", JRSS B 63(2)) that do not depend on the clusterer:
 * the uniform reference distribution over the data's bounding box (the paper's option (a)) and the
 * "smallest k with gap(k) >= gap(k+1) - s(k+1)" rule.
 */
final class GapStatistic {

  private GapStatistic() {
  }

  /** n rows drawn uniformly in the bounding box of {@code data}, from {@code seed}. */
  static Dataset reference(Dataset data, long seed) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double[] lo = new double[d];
    double[] hi = new double[d];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        lo[j] = Math.min(lo[j], v[i * d + j]);
        hi[j] = Math.max(hi[j], v[i * d + j]);
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] r = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        r[i * d + j] = lo[j] + rng.nextDouble() * (hi[j] - lo[j]);
      }
    }
    return Dataset.of(r, n, d);
  }

  /**
   * Tibshirani's rule over increasing {@code ks}: the smallest k whose gap is at least the next
   * k's gap minus its standard error; the last k when none qualifies.
   */
  static int choose(int[] ks, double[] gap, double[] se) {
    for (int i = 0; i + 1 < ks.length; i++) {
      if (gap[i] >= gap[i + 1] - se[i + 1]) {
        return ks[i];
      }
    }
    return ks[ks.length - 1];
  }
}
