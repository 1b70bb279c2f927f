package clusterlab.conformance;

import java.util.function.Supplier;
import weka.clusterers.AbstractClustererTest;
import weka.clusterers.Clusterer;

/**
 * Weka's own clusterer contract (attribute types, weights, zero training, missing values, build
 * initialisation, data integrity, updating, options, GOE), pointed at one plugin.xml component
 * at a time. Not named *Test so that Surefire does not run it on its own; {@link ClustererConformance}
 * runs its methods.
 */
public class WekaClustererContract extends AbstractClustererTest {

  static volatile Supplier<Clusterer> factory;

  public WekaClustererContract(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return factory.get();
  }
}
