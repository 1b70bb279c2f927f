package clusterlab.weka;

import weka.core.Capabilities;
import weka.core.Capabilities.Capability;

/**
 * Capabilities shared by ClusterLab's filters that use some attributes and pass every other one
 * through: the preparation filters (which change numeric attributes only), AddDensityCluster and
 * AnomalyScore (which append columns computed from the numeric and nominal ones).
 */
public final class PrepCapabilities {

  private PrepCapabilities() {
  }

  /** Every attribute type (non-numeric ones pass through), missing values, any class or none. */
  public static Capabilities passThroughAll(Capabilities c) {
    c.disableAll();
    c.enableAllAttributes();
    c.enable(Capability.MISSING_VALUES);
    c.enableAllClasses();
    c.enable(Capability.MISSING_CLASS_VALUES);
    c.enable(Capability.NO_CLASS);
    c.setMinimumNumberInstances(0);
    return c;
  }
}
