package clusterlab.conformance;

import java.util.function.Supplier;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/**
 * Weka's own filter contract (buffered and incremental use, batch filtering with smaller and
 * larger second batches, FilteredClassifier, input data untouched, options, GOE) pointed at one
 * plugin.xml component at a time; run by {@link FilterConformance}.
 */
public class WekaFilterContract extends AbstractFilterTest {

  static volatile Supplier<Filter> factory;

  public WekaFilterContract(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    return factory.get();
  }
}
