package clusterlab.core;

/**
 * A {@link Partition} from a probability model (a mixture): every cluster {@code c} has a prior
 * {@code P(c)} and a density {@code p(x | c)}. The Weka base {@code clusterlab.weka.ProbabilisticClusterer}
 * derives all of Weka's {@code DensityBasedClusterer} methods from {@link #priors()} and
 * {@link #logJointDensities}; memberships are the posteriors {@code P(c | x)} and the prediction
 * is the most probable cluster, unless the model overrides them.
 */
public interface ProbabilisticPartition extends Partition {

  /** Prior probability of each cluster (sums to 1; a copy). */
  double[] priors();

  /** {@code log P(c) + log p(row | c)} for every cluster {@code c}. */
  double[] logJointDensities(double[] row);

  /** log p(row) = log sum_c exp(log joint_c), computed stably. */
  default double logDensity(double[] row) {
    return logSumExp(logJointDensities(row));
  }

  /** The posterior P(c | row) of every cluster. */
  @Override
  default double[] memberships(double[] row) {
    double[] lj = logJointDensities(row);
    double total = logSumExp(lj);
    double[] p = new double[lj.length];
    for (int c = 0; c < lj.length; c++) {
      p[c] = Math.exp(lj[c] - total);
    }
    return p;
  }

  /** The most probable cluster (ties: the lower index). */
  @Override
  default int predict(double[] row) {
    double[] lj = logJointDensities(row);
    int best = 0;
    for (int c = 1; c < lj.length; c++) {
      if (lj[c] > lj[best]) {
        best = c;
      }
    }
    return best;
  }

  /** log sum exp of the values, shifted by their maximum so that nothing overflows. */
  static double logSumExp(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
    }
    if (Double.isInfinite(max)) {
      return max;
    }
    double s = 0;
    for (double x : v) {
      s += Math.exp(x - max);
    }
    return max + Math.log(s);
  }
}
