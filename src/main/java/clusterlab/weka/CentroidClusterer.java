package clusterlab.weka;

import clusterlab.core.Check;
import clusterlab.core.Partition;
import weka.clusterers.NumberOfClustersRequestable;
import weka.core.OptionMetadata;

/**
 * The family base of the clusterers with a requested number of representatives (the k-means family,
 * k-medoids, k-prototypes): on top of {@link RandomizedPartitioningClusterer}, only the number of
 * clusters {@code -N}. These are hard clusterings: the distribution is one-hot. Each family declares
 * its own seeding (the k-means one in {@link KMeansSeededClusterer}).
 *
 * @param <M> the core model
 */
public abstract class CentroidClusterer<M extends Partition> extends RandomizedPartitioningClusterer<M>
    implements NumberOfClustersRequestable {

  private static final long serialVersionUID = 1L;

  private int numClusters = 2;

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
}
