package clusterlab.core.topics;

/**
 * Maximum-likelihood Dirichlet parameters from count histograms: Minka's fixed-point iteration
 * ("Estimating a Dirichlet distribution", 2000) in the histogram form of Wallach (2008, "Structured
 * topic models for language", chapter 2), which Mallet uses to optimise LDA's alpha. With
 * {@code h_t[c]} the number of documents in which topic {@code t} has {@code c} tokens and
 * {@code L[n]} the number of documents of length {@code n}, one step is
 * <pre>
 *   alpha_t &lt;- alpha_t (sum_c h_t[c] (psi(alpha_t + c) - psi(alpha_t)) + shape)
 *             / (sum_n L[n] (psi(A + n) - psi(A)) - 1/scale)
 * </pre>
 * where the digamma differences are running sums of {@code 1 / (x + i - 1)}, so no digamma is
 * ever evaluated; a Gamma(shape, scale) prior keeps the parameters away from zero.
 */
final class DirichletOptimizer {

  private DirichletOptimizer() {
  }

  /**
   * Updates {@code alpha} in place.
   *
   * @param alpha current parameters (positive)
   * @param topicDocCounts per topic, the histogram of its per-document counts (index = count)
   * @param docLengthCounts the histogram of document lengths (index = length)
   * @return the new sum of the parameters
   */
  static double learn(double[] alpha, int[][] topicDocCounts, int[] docLengthCounts, double shape, double scale,
      int iterations) {
    double sum = 0;
    for (double a : alpha) {
      sum += a;
    }
    for (int it = 0; it < iterations; it++) {
      double denominator = 0;
      double digammaDiff = 0;
      for (int n = 1; n < docLengthCounts.length; n++) {
        digammaDiff += 1 / (sum + n - 1);
        denominator += docLengthCounts[n] * digammaDiff;
      }
      denominator -= 1 / scale;
      if (!(denominator > 0)) {
        return sum; // no document with tokens: nothing to learn from
      }
      double newSum = 0;
      for (int t = 0; t < alpha.length; t++) {
        double old = alpha[t];
        double numerator = 0;
        double diff = 0;
        int[] h = topicDocCounts[t];
        for (int c = 1; c < h.length; c++) {
          diff += 1 / (old + c - 1);
          numerator += h[c] * diff;
        }
        alpha[t] = Math.max(1e-10, old * (numerator + shape) / denominator);
        newSum += alpha[t];
      }
      sum = newSum;
    }
    return sum;
  }
}
