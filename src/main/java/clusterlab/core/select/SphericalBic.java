package clusterlab.core.select;

import clusterlab.core.Dataset;

/**
 * BIC of a hard clustering read as a mixture of spherical Gaussians with one shared variance, the
 * criterion X-means uses to score k-means (Pelleg and Moore 2000, "X-means: extending k-means with
 * efficient estimation of the number of clusters", ICML): so that a clusterer without a likelihood
 * of its own (k-means, Ward, k-medoids) still gets a BIC curve beside the elbow and the indices.
 *
 * <p>With R the (weighted) number of clustered rows, R_c the rows of cluster c, M columns, K
 * non-empty clusters, the cluster means and the shared variance per column estimated without bias,
 * {@code sigma^2 = SSE / (M (R - K))}, the log-likelihood of the rows under their own cluster is
 * <pre>
 *   l = sum_c R_c ln(R_c / R) - (R M / 2) ln(2 pi sigma^2) - SSE / (2 sigma^2)
 *     = sum_c R_c ln(R_c / R) - (R M / 2) ln(2 pi sigma^2) - M (R - K) / 2
 * </pre>
 * and {@code BIC = -2 l + p ln R} with {@code p = K M} means {@code + 1} variance {@code + K - 1}
 * priors; lower is better, as for the mixtures' BIC. Noise (-1) is left out. Undefined (NaN) when
 * {@code R <= K} or every row sits on its centre.
 */
public final class SphericalBic {

  private SphericalBic() {
  }

  /** The BIC of {@code labels} on {@code data}; {@code withinSS} is {@link ChooseK#withinSS} of the same labelling. */
  public static double of(Dataset data, int[] labels, double withinSS) {
    int k = 0;
    for (int l : labels) {
      k = Math.max(k, l + 1);
    }
    double[] w = new double[k];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        w[labels[i]] += data.weight(i);
      }
    }
    double r = 0;
    int clusters = 0;
    double prior = 0;
    for (double wc : w) {
      r += wc;
      clusters += wc > 0 ? 1 : 0;
    }
    for (double wc : w) {
      prior += wc > 0 ? wc * Math.log(wc / r) : 0;
    }
    int m = data.d();
    if (r <= clusters || !(withinSS > 0)) {
      return Double.NaN;
    }
    double variance = withinSS / (m * (r - clusters));
    double logL = prior - r * m / 2.0 * Math.log(2 * Math.PI * variance) - m * (r - clusters) / 2.0;
    double p = clusters * (m + 1.0);
    return -2 * logL + p * Math.log(r);
  }
}
