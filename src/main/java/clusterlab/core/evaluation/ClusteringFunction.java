package clusterlab.core.evaluation;

import clusterlab.core.Dataset;

/**
 * A clustering method as a function, so stability assessment can re-run any clusterer (a core
 * algorithm or, through an adapter, any Weka clusterer) on resampled data.
 */
@FunctionalInterface
public interface ClusteringFunction {

  /**
   * Clusters {@code data}; returns one label per row ({@code -1} = noise). Must be safe to call
   * from several threads at once (each call gets its own data) and deterministic for a given seed.
   */
  int[] cluster(Dataset data, long seed);
}
