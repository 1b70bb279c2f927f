package clusterlab.weka;

import clusterlab.core.Check;
import clusterlab.weka.InstancesConverter.NominalHandling;
import weka.clusterers.NumberOfClustersRequestable;
import weka.clusterers.RandomizableClusterer;
import weka.core.Capabilities;
import weka.core.OptionMetadata;

/**
 * What the hard, centroid-based ClusterLab clusterers (k-means, mini-batch and bisecting k-means)
 * share as Weka components: the number of clusters, one-hot encoding of nominal attributes, strict
 * option parsing and honest capabilities. Their distribution is Weka's own default, one-hot on
 * {@code clusterInstance}: these are hard clusterings.
 */
public abstract class CentroidClusterer extends RandomizableClusterer implements NumberOfClustersRequestable {

  private static final long serialVersionUID = 1L;

  private int numClusters = 2;
  private boolean oneHot;

  /** Strict parsing: a bad value fails with a message instead of being ignored (see {@link StrictOptions}). */
  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.setClustererOptions(this, options);
  }

  /** How nominal attributes are treated under the current options. */
  protected NominalHandling nominal() {
    return oneHot ? NominalHandling.ONE_HOT : NominalHandling.REFUSE;
  }

  @Override
  public Capabilities getCapabilities() {
    return InstancesConverter.capabilities(this, nominal(), false);
  }

  /** Fails with a message when there are fewer training rows than requested clusters. */
  protected void checkEnoughRows(long rows) {
    if (rows < numClusters) {
      throw new IllegalArgumentException("the number of clusters (" + numClusters + ") exceeds the number of training"
          + " instances (" + rows + "): lower -N or use more data");
    }
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

  @OptionMetadata(displayName = "oneHotNominal", description = "Encode nominal attributes as one 0/1 column per value instead of refusing them.",
      commandLineParamName = "one-hot", commandLineParamSynopsis = "-one-hot", commandLineParamIsFlag = true, displayOrder = 90)
  public boolean getOneHotNominal() {
    return oneHot;
  }

  public void setOneHotNominal(boolean b) {
    oneHot = b;
  }
}
