package clusterlab.weka;

import clusterlab.core.Dataset;

/** Honesty about instance weights for the components that cannot use them. */
public final class Weighting {

  private Weighting() {
  }

  /**
   * Refuses weighted data with a message, rather than ignoring the weights silently.
   *
   * @param component the component's name, for the message
   */
  public static void refuseWeights(Dataset data, String component) {
    if (data.weights() != null) {
      throw new IllegalArgumentException(component + " does not use instance weights, and the data has instances of"
          + " weight other than 1: set every weight to 1 (e.g. save without weights), or use a clusterer that honours"
          + " weights (DBSCAN, KMeans)");
    }
  }
}
