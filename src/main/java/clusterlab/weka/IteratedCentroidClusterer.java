package clusterlab.weka;

import clusterlab.core.Partition;
import clusterlab.core.kmeans.KMeansOptions;
import weka.core.OptionMetadata;

/**
 * The k-means iteration options, declared once for every clusterer that runs full k-means
 * (k-means itself, and bisecting k-means for each 2-means split): restarts {@code -n-init},
 * iterations {@code -I} and the tolerance {@code -tol}. They are held, with their defaults and checks,
 * in the core's {@link KMeansOptions}; {@link #kmeansOptions()} adds the seeding and the threads.
 *
 * @param <M> the core model
 */
public abstract class IteratedCentroidClusterer<M extends Partition> extends KMeansSeededClusterer<M> {

  private static final long serialVersionUID = 1L;

  private KMeansOptions iteration = KMeansOptions.defaults();

  /** The core options of the configured k-means runs: these settings, {@code -init} and the threads. */
  protected KMeansOptions kmeansOptions() {
    return iteration.toBuilder().init(init()).threads(threads()).build();
  }

  @OptionMetadata(displayName = "numInit", description = "Number of restarts from different seeds of each k-means run; the run with the lowest inertia is kept (at least 1).",
      commandLineParamName = "n-init", commandLineParamSynopsis = "-n-init <int>", displayOrder = 3)
  public int getNumInit() {
    return iteration.numInit();
  }

  public void setNumInit(int n) {
    iteration = iteration.toBuilder().numInit(n).build();
  }

  @OptionMetadata(displayName = "maxIterations", description = "Maximum number of iterations of each k-means run (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 4)
  public int getMaxIterations() {
    return iteration.maxIterations();
  }

  public void setMaxIterations(int n) {
    iteration = iteration.toBuilder().maxIterations(n).build();
  }

  @OptionMetadata(displayName = "tolerance", description = "Convergence tolerance on the summed squared centre shift, relative to the mean attribute variance (as scikit-learn); 0 iterates until labels stop changing.",
      commandLineParamName = "tol", commandLineParamSynopsis = "-tol <double>", displayOrder = 5)
  public double getTolerance() {
    return iteration.tolerance();
  }

  public void setTolerance(double t) {
    iteration = iteration.toBuilder().tolerance(t).build();
  }
}
