package clusterlab.weka.hierarchical;

import clusterlab.core.distance.Metric;

/** The distance choices of the hierarchical adapters: the fast built-ins, or any Weka DistanceFunction. */
public enum DistanceChoice {
  EUCLIDEAN(Metric.EUCLIDEAN),
  SQEUCLIDEAN(Metric.SQUARED_EUCLIDEAN),
  MANHATTAN(Metric.MANHATTAN),
  CHEBYSHEV(Metric.CHEBYSHEV),
  COSINE(Metric.COSINE),
  /** The Weka DistanceFunction given separately (slower, general; one thread). */
  WEKA(null);

  private final Metric metric;

  DistanceChoice(Metric metric) {
    this.metric = metric;
  }

  /** The built-in metric, or null for {@link #WEKA}. */
  public Metric metric() {
    return metric;
  }
}
