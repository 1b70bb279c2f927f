package weka.clusterers.centroid;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.MiniBatchOptions;
import clusterlab.weka.KMeansSeededClusterer;
import clusterlab.weka.CentroidTable;
import clusterlab.weka.Tags;
import java.util.Locale;
import weka.clusterers.UpdateableClusterer;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's streaming mini-batch k-means core
 * ({@link clusterlab.core.kmeans.MiniBatchKMeans}). It is an {@link UpdateableClusterer}, so
 * {@code ClusterEvaluation} and the KnowledgeFlow feed it one instance at a time from an
 * incremental loader and a file larger than memory streams through it.
 */
public class MiniBatchKMeans extends KMeansSeededClusterer<clusterlab.core.kmeans.MiniBatchKMeans>
    implements UpdateableClusterer, WeightedInstancesHandler {

  private static final long serialVersionUID = 1L;

  /** Batch and initial sizes, with the core's defaults and checks (seeding and threads are added when fitting). */
  private MiniBatchOptions sizes = MiniBatchOptions.defaults();
  private clusterlab.core.kmeans.MiniBatchKMeans stream;

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
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "D. Sculley");
    t.setValue(TechnicalInformation.Field.TITLE, "Web-scale k-means clustering");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 19th International Conference on World Wide Web");
    t.setValue(TechnicalInformation.Field.PAGES, "1177-1178");
    t.setValue(TechnicalInformation.Field.YEAR, "2010");
    return t;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities c = super.getCapabilities();
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
    clusterlab.weka.DataCheck.testWithFail(this, data);
    setModel(null);
    fitConverter(data);
    stream = new clusterlab.core.kmeans.MiniBatchKMeans(getNumClusters(), converter().columns(),
        sizes.toBuilder().init(init()).threads(threads()).build(), getSeed());
    for (int i = 0; i < data.numInstances(); i++) {
      updateClusterer(data.instance(i));
    }
    if (data.numInstances() > 0) {
      finish();
      stream.labelRows(converter().convert(data));
      trainedOn(data);
    }
  }

  /** Batch training goes through {@link #buildClusterer}, which streams the rows itself. */
  @Override
  protected clusterlab.core.kmeans.MiniBatchKMeans fit(Dataset data, Progress progress) {
    throw new UnsupportedOperationException("MiniBatchKMeans trains by streaming: call buildClusterer");
  }

  @Override
  public void updateClusterer(Instance instance) throws Exception {
    if (stream == null) {
      throw new IllegalStateException("call buildClusterer (with the header at least) before updateClusterer");
    }
    stream.add(converter().vector(instance), 0, instance.weight());
  }

  @Override
  public void updateFinished() {
    if (stream == null) {
      throw new IllegalStateException("call buildClusterer (with the header at least) before updateFinished");
    }
    finish();
  }

  private void finish() {
    if (stream.rowsSeen() == 0) {
      throw new IllegalArgumentException("no training instances were given (empty data): MiniBatchKMeans needs at least "
          + getNumClusters() + " instances");
    }
    checkEnoughRows(stream.rowsSeen());
    stream.flush();
    setModel(stream);
  }

  @Override
  protected boolean isBuilt() {
    return getModel() != null && getModel().isInitialised();
  }

  @OptionMetadata(displayName = "batchSize", description = "Rows per mini-batch (at least 1; 1 = online k-means).",
      commandLineParamName = "batch-size", commandLineParamSynopsis = "-batch-size <int>", displayOrder = 2)
  public int getBatchSize() {
    return sizes.batchSize();
  }

  public void setBatchSize(int n) {
    sizes = sizes.toBuilder().batchSize(n).build();
  }

  @OptionMetadata(displayName = "initSize", description = "Rows buffered and clustered by full k-means to initialise the centres; 0 = max(3 * batchSize, 3 * k).",
      commandLineParamName = "init-size", commandLineParamSynopsis = "-init-size <int>", displayOrder = 3)
  public int getInitSize() {
    return sizes.initSize();
  }

  public void setInitSize(int n) {
    sizes = sizes.toBuilder().initSize(n).build();
  }

  @Override
  protected String describeModel() {
    clusterlab.core.kmeans.MiniBatchKMeans model = getModel();
    if (model == null || !model.isInitialised()) {
      return "MiniBatchKMeans: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("MiniBatchKMeans (ClusterLab)\n============================\n\n");
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Rows seen: %d   Mini-batches: %d of %d rows%n%n", model.k(),
        model.rowsSeen(), model.batches(), model.batchSize()));
    sb.append(new CentroidTable(converter().columnNames(), model.k()).row("(weight absorbed)", model.counts())
        .centroids(model.centroids()));
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new MiniBatchKMeans(), args);
  }
}
