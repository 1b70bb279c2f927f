package clusterlab.weka;

/**
 * A density-based clusterer that knows how many free parameters its fitted model has, so that
 * ChooseK's BIC charges the right penalty (a full-covariance mixture has far more parameters than
 * the diagonal one ChooseK assumes for other density-based clusterers such as EM).
 */
public interface ParameterCount {

  /** Free parameters of the fitted model. */
  long numberOfFreeParameters();
}
