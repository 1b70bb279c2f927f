package clusterlab.weka;

import clusterlab.core.ProbabilisticPartition;
import weka.clusterers.DensityBasedClusterer;
import weka.core.Instance;

/**
 * The Weka base of clusterers built on a probability model (Gaussian mixtures and the like): a
 * {@link RandomizedPartitioningClusterer} (a {@link PartitioningClusterer} with a seed) whose core
 * model is a {@link ProbabilisticPartition}, and Weka's {@link DensityBasedClusterer}. Every
 * density method is derived here from the model's {@code priors()} and
 * {@code logJointDensities(row)}, so that {@code ClusterEvaluation} reports the log likelihood and
 * the Explorer shows the priors; {@code distributionForInstance} gives the posteriors.
 *
 * @param <M> the core model
 */
public abstract class ProbabilisticClusterer<M extends ProbabilisticPartition> extends RandomizedPartitioningClusterer<M>
    implements DensityBasedClusterer {

  private static final long serialVersionUID = 1L;

  /** Prior probability of each cluster. */
  @Override
  public double[] clusterPriors() throws Exception {
    checkBuilt();
    return getModel().priors();
  }

  /** log p(x | c) for every cluster c: the joint log density minus the log prior. */
  @Override
  public double[] logDensityPerClusterForInstance(Instance instance) throws Exception {
    double[] joint = getModel().logJointDensities(row(instance));
    double[] priors = getModel().priors();
    double[] out = new double[joint.length];
    for (int c = 0; c < joint.length; c++) {
      out[c] = joint[c] - Math.log(priors[c]);
    }
    return out;
  }

  /** log p(x), the log of the mixture density. */
  @Override
  public double logDensityForInstance(Instance instance) throws Exception {
    return getModel().logDensity(row(instance));
  }

  /** log P(c) + log p(x | c) for every cluster c. */
  @Override
  public double[] logJointDensitiesForInstance(Instance instance) throws Exception {
    return getModel().logJointDensities(row(instance));
  }
}
