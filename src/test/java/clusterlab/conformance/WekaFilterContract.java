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
  /** Data the harness uses instead of Weka's FilterTest.arff (word counts for text filters), or null. */
  static volatile Supplier<weka.core.Instances> data;

  @Override
  protected void setUp() throws Exception {
    super.setUp();
    if (data != null) {
      m_Instances = data.get();
    }
  }

  @Override
  protected weka.core.Instances getFilteredClassifierData() throws Exception {
    return data != null ? data.get() : super.getFilteredClassifierData();
  }

  public WekaFilterContract(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    return factory.get();
  }
}
