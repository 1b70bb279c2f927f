package clusterlab.core.mixture;

import clusterlab.core.ProbabilisticPartition;
import java.util.Arrays;

/**
 * A fitted Gaussian mixture: component weights and Gaussians, the training labelling (from a final
 * E-step with the returned parameters, so that the labels are the ones {@link #predict} gives the
 * training rows), and the figures for model choice: log-likelihood, BIC, AIC and ICL. Immutable.
 *
 * <p>Information criteria use the "lower is better" sign of scikit-learn: {@code BIC = -2 log L + p
 * ln N}, {@code AIC = -2 log L + 2p}, and {@code ICL = BIC - 2 Σ w_i log z_{i,ĉ(i)}} (Biernacki,
 * Celeux and Govaert 2000: BIC plus the entropy of the hard classification). R's mclust reports
 * {@code 2 log L - p ln N}, the same number with the opposite sign. N is the total row weight (the
 * number of rows when unweighted), log L the weighted log-likelihood.
 */
public final class MixtureModel implements ProbabilisticPartition, java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final Gaussians components;
  private final double[] weights;
  private final double[] logWeights;
  private final int[] labels;
  private final double logLikelihood;
  private final double classificationLogLikelihood;
  private final double totalWeight;
  private final double lowerBound;
  private final int iterations;
  private final boolean converged;
  private final double regCovar;

  MixtureModel(Gaussians components, double[] weights, int[] labels, double logLikelihood,
      double classificationLogLikelihood, double totalWeight, double lowerBound, int iterations, boolean converged,
      double regCovar) {
    this.components = components;
    this.weights = weights.clone();
    this.logWeights = Em.logs(weights);
    this.labels = labels;
    this.logLikelihood = logLikelihood;
    this.classificationLogLikelihood = classificationLogLikelihood;
    this.totalWeight = totalWeight;
    this.lowerBound = lowerBound;
    this.iterations = iterations;
    this.converged = converged;
    this.regCovar = regCovar;
  }

  /** Number of components. */
  public int numClusters() {
    return weights.length;
  }

  /** Number of dimensions. */
  public int d() {
    return components.d();
  }

  /** Covariance type. */
  public CovarianceType covarianceType() {
    return components.type();
  }

  /** The Gaussian components (means, covariances, jitter). */
  public Gaussians components() {
    return components;
  }

  /** Mixing weights, summing to 1 (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** Component of highest responsibility for every training row (a copy). */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /**
   * The mixing weights: the priors from which {@link ProbabilisticPartition} derives the prediction
   * (highest posterior, ties to the lower index), the posteriors and the log density.
   */
  @Override
  public double[] priors() {
    return weights();
  }

  @Override
  public double[] logJointDensities(double[] row) {
    return logJoint(row);
  }

  /** {@code log π_c + log N(x | c)} per component. */
  public double[] logJoint(double[] row) {
    if (row.length != d()) {
      throw new IllegalArgumentException("row has " + row.length + " values, the model has " + d() + " dimensions");
    }
    for (int j = 0; j < row.length; j++) {
      if (!Double.isFinite(row[j])) {
        throw new IllegalArgumentException("value of column " + j + " is " + row[j]
            + "; a Gaussian mixture needs finite values: replace missing values first");
      }
    }
    double[] lp = new double[numClusters()];
    components.logDensities(row, lp);
    for (int c = 0; c < lp.length; c++) {
      lp[c] += logWeights[c];
    }
    return lp;
  }


  /** Weighted log-likelihood of the training data under the returned parameters. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * scikit-learn's {@code lower_bound_}: the mean log-likelihood per row (weighted) at the E-step
   * of the last iteration, i.e. before the last M-step; restarts are compared on it.
   */
  public double lowerBound() {
    return lowerBound;
  }

  /** Total row weight N (the number of rows when unweighted). */
  public double totalWeight() {
    return totalWeight;
  }

  /** Free parameters of the model. */
  public long parameters() {
    return components.type().parameters(numClusters(), d());
  }

  /** Bayesian information criterion {@code -2 log L + p ln N} (lower is better). */
  public double bic() {
    return -2 * logLikelihood + parameters() * Math.log(totalWeight);
  }

  /** Akaike information criterion {@code -2 log L + 2p} (lower is better). */
  public double aic() {
    return -2 * logLikelihood + 2.0 * parameters();
  }

  /** Integrated completed likelihood, BIC plus twice the classification entropy (lower is better). */
  public double icl() {
    return bic() - 2 * classificationLogLikelihood;
  }

  /** Iterations run by the kept restart. */
  public int iterations() {
    return iterations;
  }

  /** True when the change of the mean log-likelihood fell below the tolerance. */
  public boolean converged() {
    return converged;
  }

  /** The reg_covar the model was fitted with. */
  public double regCovar() {
    return regCovar;
  }

  @Override
  public String toString() {
    return "MixtureModel[k=" + numClusters() + ", d=" + d() + ", " + covarianceType() + ", logL=" + logLikelihood
        + ", weights=" + Arrays.toString(weights) + "]";
  }
}
