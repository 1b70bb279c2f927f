package clusterlab.weka;

import clusterlab.core.Check;
import clusterlab.core.Partition;
import clusterlab.core.kmeans.KMeans.Init;
import weka.clusterers.NumberOfClustersRequestable;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The family base of the k-means clusterers (k-means, mini-batch and bisecting k-means): on top of
 * {@link RandomizedPartitioningClusterer}, only the family's own options, the number of clusters
 * {@code -N} and the seeding {@code -init}. These are hard clusterings: the distribution is one-hot.
 *
 * @param <M> the core model
 */
public abstract class CentroidClusterer<M extends Partition> extends RandomizedPartitioningClusterer<M>
    implements NumberOfClustersRequestable {

  private static final long serialVersionUID = 1L;

  private int numClusters = 2;
  private Init init = Init.KMEANS_PLUS_PLUS;

  /** Fails with a message when there are fewer training rows than requested clusters. */
  protected void checkEnoughRows(long rows) {
    checkEnoughRows(rows, numClusters);
  }

  @OptionMetadata(displayName = "numClusters", description = "Number of clusters k (at least 1, at most the number of instances).",
      commandLineParamName = "N", commandLineParamSynopsis = "-N <int>", displayOrder = 1)
  public int getNumClusters() {
    return numClusters;
  }

  @Override
  public void setNumClusters(int n) {
    Check.atLeast("number of clusters", n, 1);
    numClusters = n;
  }

  /** The seeding chosen. */
  protected Init init() {
    return init;
  }

  @OptionMetadata(displayName = "init", description = "Seeding of the initial centroids: random rows, k-means++ (greedy, as scikit-learn) or k-means|| (Bahmani et al. 2012, few parallel passes).",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <random|kmeans-plus-plus|kmeans-parallel>", displayOrder = 2)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, Init.class);
  }
}
