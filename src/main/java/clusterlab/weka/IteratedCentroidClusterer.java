package clusterlab.weka;

import clusterlab.core.Check;
import clusterlab.core.Partition;
import weka.core.OptionMetadata;

/**
 * The k-means iteration options, declared once for every clusterer that runs full k-means
 * (k-means itself, and bisecting k-means for each 2-means split): restarts {@code -n-init},
 * iterations {@code -I} and the tolerance {@code -tol}.
 *
 * @param <M> the core model
 */
public abstract class IteratedCentroidClusterer<M extends Partition> extends KMeansSeededClusterer<M> {

  private static final long serialVersionUID = 1L;

  private int maxIterations = 300;
  private double tolerance = 1e-4;
  private int numInit = 1;

  @OptionMetadata(displayName = "numInit", description = "Number of restarts from different seeds of each k-means run; the run with the lowest inertia is kept (at least 1).",
      commandLineParamName = "n-init", commandLineParamSynopsis = "-n-init <int>", displayOrder = 3)
  public int getNumInit() {
    return numInit;
  }

  public void setNumInit(int n) {
    Check.atLeast("numInit (restarts)", n, 1);
    numInit = n;
  }

  @OptionMetadata(displayName = "maxIterations", description = "Maximum number of iterations of each k-means run (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 4)
  public int getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(int n) {
    Check.atLeast("maxIterations", n, 1);
    maxIterations = n;
  }

  @OptionMetadata(displayName = "tolerance", description = "Convergence tolerance on the summed squared centre shift, relative to the mean attribute variance (as scikit-learn); 0 iterates until labels stop changing.",
      commandLineParamName = "tol", commandLineParamSynopsis = "-tol <double>", displayOrder = 5)
  public double getTolerance() {
    return tolerance;
  }

  public void setTolerance(double t) {
    Check.nonNegative("tolerance", t);
    tolerance = t;
  }
}
