package clusterlab.core;

/**
 * The one result contract of every ClusterLab clusterer that assigns rows to flat clusters: the
 * k-means family, DBSCAN, OPTICS-&xi;, HDBSCAN and the cuts of hierarchical trees (compare Smile's
 * {@code Partitioning} and ELKI's {@code Clustering}). Adapters, charts, the report and the
 * evaluation code work against this interface only, so a new algorithm brings its own model and
 * its own prediction rule and gets everything else for free.
 *
 * <p>Contract: {@link #predict} of a training row returns that row's entry of {@link #labels()}
 * (a model whose rule for new rows could disagree, such as a dendrogram cut or a DBSCAN border
 * point, recognises its training rows first, e.g. with {@link TrainingRows}). Clusters are
 * numbered {@code 0 .. numClusters()-1}; {@code -1} means noise (no cluster).
 */
public interface Partition {

  /** Label of every training row in training order, {@code -1} for noise (a copy). */
  int[] labels();

  /** Number of clusters ({@code 0} when everything is noise). */
  int numClusters();

  /** Cluster of a row of the training layout ({@code d} values), {@code -1} for noise. */
  int predict(double[] row);

  /**
   * Soft memberships of a row, one entry per cluster. By default one-hot on {@link #predict}, all
   * zeros for noise; soft models (mixtures, HDBSCAN's membership probabilities) override it.
   */
  default double[] memberships(double[] row) {
    double[] m = new double[numClusters()];
    int c = predict(row);
    if (c >= 0) {
      m[c] = 1.0;
    }
    return m;
  }
}
