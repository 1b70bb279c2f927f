package clusterlab.core.topics;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/** A corpus drawn from a known LDA model (the generative process of Blei, Ng and Jordan 2003). */
final class SyntheticLda {

  final double[][] phi;
  final Corpus corpus;

  SyntheticLda(int k, int v, int docs, int length, double alpha, double beta, long seed) {
    RandomGenerator rng = new MersenneTwister(seed);
    phi = new double[k][];
    for (int t = 0; t < k; t++) {
      phi[t] = dirichlet(rng, v, beta);
    }
    int[][] tokens = new int[docs][length];
    for (int d = 0; d < docs; d++) {
      double[] theta = dirichlet(rng, k, alpha);
      for (int i = 0; i < length; i++) {
        int t = draw(rng, theta);
        tokens[d][i] = draw(rng, phi[t]);
      }
      java.util.Arrays.sort(tokens[d]);
    }
    corpus = Corpus.ofDocuments(tokens, v);
  }

  static double[] dirichlet(RandomGenerator rng, int size, double a) {
    GammaDistribution g = new GammaDistribution(rng, a, 1.0);
    double[] x = new double[size];
    double s = 0;
    for (int i = 0; i < size; i++) {
      x[i] = g.sample() + 1e-300;
      s += x[i];
    }
    for (int i = 0; i < size; i++) {
      x[i] /= s;
    }
    return x;
  }

  static int draw(RandomGenerator rng, double[] p) {
    double u = rng.nextDouble();
    for (int i = 0; i < p.length - 1; i++) {
      u -= p[i];
      if (u < 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** Total variation distance of two distributions. */
  static double totalVariation(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] - b[i]);
    }
    return s / 2;
  }

  /**
   * The assignment of estimated to true topics minimising the summed total variation (Hungarian
   * method by brute force over permutations; fine for K up to 8). Returns est index per true topic.
   */
  static int[] match(double[][] truth, double[][] est) {
    int k = truth.length;
    double[][] cost = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        cost[i][j] = totalVariation(truth[i], est[j]);
      }
    }
    int[] perm = new int[k];
    for (int i = 0; i < k; i++) {
      perm[i] = i;
    }
    int[] best = perm.clone();
    double[] bestCost = {Double.POSITIVE_INFINITY};
    permute(perm, 0, cost, best, bestCost);
    return best;
  }

  private static void permute(int[] perm, int i, double[][] cost, int[] best, double[] bestCost) {
    if (i == perm.length) {
      double c = 0;
      for (int j = 0; j < perm.length; j++) {
        c += cost[j][perm[j]];
      }
      if (c < bestCost[0]) {
        bestCost[0] = c;
        System.arraycopy(perm, 0, best, 0, perm.length);
      }
      return;
    }
    for (int j = i; j < perm.length; j++) {
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
      permute(perm, i + 1, cost, best, bestCost);
      perm[j] = perm[i];
      perm[i] = t;
    }
  }
}
