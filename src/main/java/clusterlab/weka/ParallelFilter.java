package clusterlab.weka;

import weka.core.OptionMetadata;
import weka.filters.SimpleBatchFilter;

/**
 * The base of every ClusterLab batch filter with worker threads: it declares {@code -num-threads}
 * ({@link ThreadsOption}) once and parses the options strictly ({@link StrictOptions}), so a filter
 * declares only its own options. Weka's option listing and {@code getOptions} walk the class
 * hierarchy up to {@code Filter}, so the option appears and round-trips without further code.
 */
public abstract class ParallelFilter extends SimpleBatchFilter {

  private static final long serialVersionUID = 1L;

  private int numThreads = ThreadsOption.DEFAULT;

  /** Strict parsing: a bad value fails naming its option instead of being ignored. */
  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.setFilterOptions(this, options);
  }

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
