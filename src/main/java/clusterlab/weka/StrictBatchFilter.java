package clusterlab.weka;

import weka.filters.SimpleBatchFilter;

/**
 * The base of ClusterLab's filters: Weka's {@link SimpleBatchFilter} with strict option parsing
 * ({@link StrictOptions#setFilterOptions}: every {@code @OptionMetadata} option, Weka's
 * {@code -output-debug-info} and {@code -do-not-check-capabilities}, a bad value or a left-over
 * option fails naming the option), written once here instead of in every filter.
 */
public abstract class StrictBatchFilter extends SimpleBatchFilter {

  private static final long serialVersionUID = 1L;

  /** Strict parsing: a bad value fails with a message instead of being ignored (see {@link StrictOptions}). */
  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.setFilterOptions(this, options);
  }
}
