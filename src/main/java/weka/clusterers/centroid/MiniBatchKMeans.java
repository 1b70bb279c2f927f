package weka.clusterers.centroid;

import clusterlab.core.kmeans.KMeans.Init;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.InstancesConverter.NominalHandling;
import clusterlab.weka.StrictOptions;
import clusterlab.weka.Tags;
import java.util.Locale;
import weka.clusterers.NumberOfClustersRequestable;
import weka.clusterers.RandomizableClusterer;
import weka.clusterers.UpdateableClusterer;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's streaming mini-batch k-means core
 * ({@link clusterlab.core.kmeans.MiniBatchKMeans}). It is an {@link UpdateableClusterer}, so
 * {@code ClusterEvaluation} and the KnowledgeFlow feed it one instance at a time from an
 * incremental loader and a file larger than memory streams through it.
 */
public class MiniBatchKMeans extends RandomizableClusterer implements UpdateableClusterer, NumberOfClustersRequestable,
    WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private int numClusters = 2;
  private int batchSize = 1024;
  private int initSize = 0;
  private Init init = Init.KMEANS_PLUS_PLUS;
  private boolean oneHot;

  private InstancesConverter converter;
  private clusterlab.core.kmeans.MiniBatchKMeans model;

  public String globalInfo() {
    return "Mini-batch k-means (Sculley 2010) for data too large for memory: incremental (updateable), so Weka's "
        + "incremental loaders stream a file of any length through it in bounded memory ((initSize + batchSize) rows). "
        + "The first initSize rows are clustered by full k-means; then each mini-batch of rows is assigned to the "
        + "current centres and every row pulls its centre towards it with a per-centre learning rate of "
        + "1 / (weight absorbed by the centre). Batch size 1 is online k-means. Distances are plain Euclidean on "
        + "the values as given (nothing is normalised); numeric attributes only unless one-hot is on; the class is "
        + "ignored; missing values must be replaced first.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.setClustererOptions(this, options);
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "D. Sculley");
    t.setValue(TechnicalInformation.Field.TITLE, "Web-scale k-means clustering");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 19th International Conference on World Wide Web");
    t.setValue(TechnicalInformation.Field.PAGES, "1177-1178");
    t.setValue(TechnicalInformation.Field.YEAR, "2010");
    return t;
  }

  private NominalHandling nominal() {
    return oneHot ? NominalHandling.ONE_HOT : NominalHandling.REFUSE;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities c = InstancesConverter.capabilities(this, nominal(), false);
    c.setMinimumNumberInstances(0); // an incremental loader hands over the header alone
    return c;
  }

  /**
   * Starts a new model on {@code data}'s header and feeds it every row of {@code data}. With rows,
   * the model is usable at once; with the header alone (incremental training), rows follow through
   * {@link #updateClusterer} and {@link #updateFinished}.
   */
  @Override
  public void buildClusterer(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    converter = InstancesConverter.fit(data, nominal(), false);
    int size = initSize > 0 ? initSize : Math.max(3 * batchSize, 3 * numClusters);
    if (size < numClusters) {
      throw new IllegalArgumentException("initSize (" + size + ") must be at least the number of clusters ("
          + numClusters + "): raise -init-size or lower -N");
    }
    model = new clusterlab.core.kmeans.MiniBatchKMeans(numClusters, converter.columns(), batchSize, size, init, getSeed());
    for (int i = 0; i < data.numInstances(); i++) {
      updateClusterer(data.instance(i));
    }
    if (data.numInstances() > 0) {
      finish();
    }
  }

  @Override
  public void updateClusterer(Instance instance) throws Exception {
    if (model == null) {
      throw new IllegalStateException("call buildClusterer (with the header at least) before updateClusterer");
    }
    model.add(converter.vector(instance), 0, instance.weight());
  }

  @Override
  public void updateFinished() {
    if (model == null) {
      throw new IllegalStateException("call buildClusterer (with the header at least) before updateFinished");
    }
    finish();
  }

  private void finish() {
    if (model.rowsSeen() == 0) {
      throw new IllegalArgumentException("no training instances were given (empty data): MiniBatchKMeans needs at least "
          + numClusters + " instances");
    }
    if (model.rowsSeen() < numClusters) {
      throw new IllegalArgumentException("the number of clusters (" + numClusters + ") exceeds the number of training"
          + " instances (" + model.rowsSeen() + "): lower -N or use more data");
    }
    model.flush();
  }

  @Override
  public int clusterInstance(Instance instance) throws Exception {
    checkBuilt();
    return model.predict(converter.vector(instance), 0);
  }

  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    double[] dist = new double[numberOfClusters()];
    dist[clusterInstance(instance)] = 1.0;
    return dist;
  }

  @Override
  public int numberOfClusters() throws Exception {
    checkBuilt();
    return model.k();
  }

  private void checkBuilt() {
    if (model == null || !model.isInitialised()) {
      throw new IllegalStateException("the clusterer has not been built yet: call buildClusterer (and updateFinished"
          + " after incremental training) first");
    }
  }

  /** The core model (centres, counts, rows seen), or null before training. */
  public clusterlab.core.kmeans.MiniBatchKMeans getModel() {
    return model;
  }

  @OptionMetadata(displayName = "numClusters", description = "Number of clusters k (at least 1).",
      commandLineParamName = "N", commandLineParamSynopsis = "-N <int>", displayOrder = 1)
  public int getNumClusters() {
    return numClusters;
  }

  @Override
  public void setNumClusters(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("number of clusters must be at least 1, got " + n);
    }
    numClusters = n;
  }

  @OptionMetadata(displayName = "batchSize", description = "Rows per mini-batch (at least 1; 1 = online k-means).",
      commandLineParamName = "batch-size", commandLineParamSynopsis = "-batch-size <int>", displayOrder = 2)
  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + n);
    }
    batchSize = n;
  }

  @OptionMetadata(displayName = "initSize", description = "Rows buffered and clustered by full k-means to initialise the centres; 0 = max(3 * batchSize, 3 * k).",
      commandLineParamName = "init-size", commandLineParamSynopsis = "-init-size <int>", displayOrder = 3)
  public int getInitSize() {
    return initSize;
  }

  public void setInitSize(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("initSize must be at least 0 (0 = automatic), got " + n);
    }
    initSize = n;
  }

  @OptionMetadata(displayName = "init", description = "Seeding of the initial k-means: random, kmeans-plus-plus or kmeans-parallel.",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <random|kmeans-plus-plus|kmeans-parallel>", displayOrder = 4)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, Init.class);
  }

  @OptionMetadata(displayName = "oneHotNominal", description = "Encode nominal attributes as one 0/1 column per value instead of refusing them.",
      commandLineParamName = "one-hot", commandLineParamSynopsis = "-one-hot", commandLineParamIsFlag = true, displayOrder = 5)
  public boolean getOneHotNominal() {
    return oneHot;
  }

  public void setOneHotNominal(boolean b) {
    oneHot = b;
  }

  @Override
  public String toString() {
    if (model == null || !model.isInitialised()) {
      return "MiniBatchKMeans: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("MiniBatchKMeans (ClusterLab)\n============================\n\n");
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Rows seen: %d   Mini-batches: %d of %d rows%n%n", model.k(),
        model.rowsSeen(), model.batches(), model.batchSize()));
    String[] names = converter.columnNames();
    double[] counts = model.counts();
    double[] c = model.centroids();
    sb.append(String.format(Locale.ROOT, "%-24s", "Attribute"));
    for (int k = 0; k < model.k(); k++) {
      sb.append(String.format(Locale.ROOT, " %12s", "cluster " + k));
    }
    sb.append('\n').append(String.format(Locale.ROOT, "%-24s", "(weight absorbed)"));
    for (int k = 0; k < model.k(); k++) {
      sb.append(String.format(Locale.ROOT, " %12.6g", counts[k]));
    }
    sb.append('\n');
    for (int j = 0; j < names.length; j++) {
      sb.append(String.format(Locale.ROOT, "%-24s", names[j].length() > 24 ? names[j].substring(0, 24) : names[j]));
      for (int k = 0; k < model.k(); k++) {
        sb.append(String.format(Locale.ROOT, " %12.6g", c[k * names.length + j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new MiniBatchKMeans(), args);
  }
}
