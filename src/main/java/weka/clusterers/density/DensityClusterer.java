package weka.clusterers.density;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.InstancesConverter.NominalHandling;
import clusterlab.weka.StrictOptions;
import clusterlab.weka.Tags;
import weka.clusterers.AbstractClusterer;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformationHandler;

/**
 * What the density adapters share: conversion of the data, the distance, the neighbour index and
 * the thread count, and Weka's noise convention. A noise row gets an all-zero distribution, so
 * {@link #clusterInstance} throws for it and {@code ClusterEvaluation} counts it as an
 * "Unclustered instance" instead of forcing it into a cluster.
 */
public abstract class DensityClusterer extends AbstractClusterer implements TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private Metric distance = Metric.EUCLIDEAN;
  private NeighborIndexes.Kind index = NeighborIndexes.Kind.AUTO;
  private int numThreads = 0;
  private boolean oneHot;

  /** Set by {@link #convert}. */
  protected InstancesConverter converter;

  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.setClustererOptions(this, options);
  }

  @Override
  public Capabilities getCapabilities() {
    return InstancesConverter.capabilities(this, oneHot ? NominalHandling.ONE_HOT : NominalHandling.REFUSE, false);
  }

  /** Checks capabilities and converts the training data. */
  protected Dataset convert(Instances data) throws Exception {
    clusterlab.weka.DataCheck.testWithFail(this, data);
    converter = InstancesConverter.fit(data, oneHot ? NominalHandling.ONE_HOT : NominalHandling.REFUSE, false);
    return converter.convert(data);
  }

  /** Cluster of a row, -1 for noise. */
  protected abstract int label(double[] row);

  /** Labels of the training rows as fitted (-1 = noise), in training order. */
  public abstract int[] trainingLabels();

  /** Number of clusters found (0 when everything is noise). */
  protected abstract int clustersFound();

  protected abstract boolean isBuilt();

  protected void checkBuilt() {
    if (!isBuilt()) {
      throw new IllegalStateException("the clusterer has not been built yet: call buildClusterer first");
    }
  }

  /**
   * At least 1 so that Weka's evaluation can lay out its table; when every row is noise the single
   * slot stays empty and every row is reported as unclustered.
   */
  @Override
  public int numberOfClusters() throws Exception {
    checkBuilt();
    return Math.max(1, clustersFound());
  }

  /** One-hot on the cluster, all zeros for noise. */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    checkBuilt();
    double[] dist = new double[numberOfClusters()];
    int c = label(converter.vector(instance));
    if (c >= 0) {
      dist[c] = 1.0;
    }
    return dist;
  }

  /** The cluster of an instance; throws for noise (Weka's convention for "cannot be clustered"). */
  @Override
  public int clusterInstance(Instance instance) throws Exception {
    checkBuilt();
    int c = label(converter.vector(instance));
    if (c < 0) {
      throw new Exception("the instance is noise: it lies in no dense region of the training data");
    }
    return c;
  }

  protected Metric metric() {
    return distance;
  }

  protected NeighborIndexes.Kind indexKind() {
    return index;
  }

  @OptionMetadata(displayName = "distance", description = "Distance between rows (no rescaling is done: standardize first if attributes have different scales).",
      commandLineParamName = "distance", commandLineParamSynopsis = "-distance <euclidean|squared-euclidean|manhattan|chebyshev|cosine>", displayOrder = 20)
  public SelectedTag getDistance() {
    return Tags.select(distance);
  }

  public void setDistance(SelectedTag tag) {
    distance = Tags.value(tag, Metric.class);
  }

  @OptionMetadata(displayName = "neighbourIndex", description = "Neighbour search: auto (k-d tree up to 15 dimensions, ball tree above, linear scan for non-metric distances), or a fixed choice.",
      commandLineParamName = "index", commandLineParamSynopsis = "-index <auto|kd-tree|ball-tree|linear-scan>", displayOrder = 21)
  public SelectedTag getNeighbourIndex() {
    return Tags.select(index);
  }

  public void setNeighbourIndex(SelectedTag tag) {
    index = Tags.value(tag, NeighborIndexes.Kind.class);
  }

  @OptionMetadata(displayName = "numThreads", description = "Worker threads; 0 or less uses all cores. Results do not depend on it.",
      commandLineParamName = "num-threads", commandLineParamSynopsis = "-num-threads <int>", displayOrder = 22)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  protected int threads() {
    return numThreads;
  }

  @OptionMetadata(displayName = "oneHotNominal", description = "Encode nominal attributes as one 0/1 column per value instead of refusing them.",
      commandLineParamName = "one-hot", commandLineParamSynopsis = "-one-hot", commandLineParamIsFlag = true, displayOrder = 23)
  public boolean getOneHotNominal() {
    return oneHot;
  }

  public void setOneHotNominal(boolean b) {
    oneHot = b;
  }

  /** Checks that the chosen index can serve the chosen distance, before any work is done. */
  protected void checkIndexFitsDistance() {
    if (index == NeighborIndexes.Kind.KD_TREE && NeighborIndexes.choose(1, distance) != NeighborIndexes.Kind.KD_TREE) {
      throw new IllegalArgumentException("the kd-tree index supports the euclidean, manhattan and chebyshev distances,"
          + " not " + distance.id() + "; choose -index auto, ball-tree or linear-scan");
    }
    if (index == NeighborIndexes.Kind.BALL_TREE && !distance.isMetric()) {
      throw new IllegalArgumentException("the ball-tree index needs a metric distance, not " + distance.id()
          + "; choose -index auto or linear-scan");
    }
  }

  /**
   * How noise looks in Weka, said in every density model's output: Weka has no "noise" cluster, so
   * the Cluster tab's assignment plot draws noise rows as missing-value marks without a legend entry.
   */
  protected static final String NOISE_NOTE = "Noise rows belong to no cluster: Weka's evaluation counts them as "
      + "unclustered, and the Cluster tab's 'Visualize cluster assignments' draws them as missing-value marks (M) "
      + "with no legend entry. To see noise as a value of its own, add the clusters to the data with the "
      + "AddDensityCluster filter (Preprocess tab; noise is the value 'noise') and plot that attribute.\n";

  protected static String sizes(int[] sizes, int total) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < sizes.length; c++) {
      sb.append(String.format(java.util.Locale.ROOT, "  cluster %d: %d (%.1f%%)%n", c, sizes[c], 100.0 * sizes[c] / total));
    }
    return sb.append('\n').append(NOISE_NOTE).toString();
  }
}
