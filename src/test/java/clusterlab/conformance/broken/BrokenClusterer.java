package clusterlab.conformance.broken;

import weka.clusterers.AbstractClusterer;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A deliberately careless clusterer (test only): it accepts anything, fails by accident on empty
 * data, ignores its options and cites nothing. The conformance suite must reject it.
 */
public class BrokenClusterer extends AbstractClusterer {

  private static final long serialVersionUID = 1L;
  private double firstValue;

  @Override
  public Capabilities getCapabilities() {
    Capabilities c = super.getCapabilities();
    c.enableAll();
    return c;
  }

  @Override
  public void buildClusterer(Instances data) {
    firstValue = data.instance(0).value(0); // IndexOutOfBounds on empty data
  }

  @Override
  public int clusterInstance(Instance instance) {
    return instance.value(0) > firstValue ? 1 : 0;
  }

  @Override
  public int numberOfClusters() {
    return 2;
  }

  @Override
  public void setOptions(String[] options) {
    // ignores everything, including -N 0
  }
}
