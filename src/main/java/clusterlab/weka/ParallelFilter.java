package clusterlab.weka;

import weka.core.OptionMetadata;

/**
 * The base of every ClusterLab batch filter with worker threads: a {@link StrictBatchFilter} that
 * declares {@code -num-threads} ({@link ThreadsOption}) once, so a filter declares only its own options. Weka's option listing and {@code getOptions} walk the class
 * hierarchy up to {@code Filter}, so the option appears and round-trips without further code.
 */
public abstract class ParallelFilter extends StrictBatchFilter {

  private static final long serialVersionUID = 1L;

  private int numThreads = ThreadsOption.DEFAULT;

  /** The thread count for the core ({@code <= 0}: all cores). */
  protected int threads() {
    return numThreads;
  }

  @OptionMetadata(displayName = ThreadsOption.DISPLAY_NAME, description = ThreadsOption.DESCRIPTION,
      commandLineParamName = ThreadsOption.NAME, commandLineParamSynopsis = ThreadsOption.SYNOPSIS,
      displayOrder = ThreadsOption.DISPLAY_ORDER)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }
}
