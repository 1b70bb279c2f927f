package clusterlab.core.mixture;

/**
 * The shape constraint on the components' covariance matrices, with scikit-learn's names; R
 * {@code mclust}'s names for the same models are given because its BIC curves are our reference.
 */
public enum CovarianceType {
  /** Each component its own general covariance matrix (mclust VVV). */
  FULL,
  /** All components share one general covariance matrix (mclust EEE). */
  TIED,
  /** Each component its own diagonal covariance matrix (mclust VVI). */
  DIAG,
  /** Each component its own single variance, the same in every direction (mclust VII). */
  SPHERICAL;

  /** Free parameters of the covariance matrices of {@code k} components in {@code d} dimensions. */
  public long covarianceParameters(int k, int d) {
    switch (this) {
      case FULL:
        return (long) k * d * (d + 1) / 2;
      case TIED:
        return (long) d * (d + 1) / 2;
      case DIAG:
        return (long) k * d;
      default:
        return k;
    }
  }

  /**
   * Free parameters of the whole mixture (scikit-learn's {@code _n_parameters}, mclust's
   * {@code nMclustParams}): covariances, {@code k * d} means and {@code k - 1} weights.
   */
  public long parameters(int k, int d) {
    return covarianceParameters(k, d) + (long) k * d + k - 1;
  }

  /** mclust's name of the model. */
  public String mclustName() {
    switch (this) {
      case FULL:
        return "VVV";
      case TIED:
        return "EEE";
      case DIAG:
        return "VVI";
      default:
        return "VII";
    }
  }

  /** Number of doubles that store the covariances of {@code k} components. */
  int storage(int k, int d) {
    switch (this) {
      case FULL:
        return k * d * d;
      case TIED:
        return d * d;
      case DIAG:
        return k * d;
      default:
        return k;
    }
  }
}
