package clusterlab.weka;

import clusterlab.core.Dataset;
import clusterlab.core.Partition;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.weka.InstancesConverter.NominalHandling;
import weka.clusterers.AbstractClusterer;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformationHandler;

/**
 * The one Weka base of every ClusterLab clusterer whose result is a {@link Partition}. It does
 * everything that is not the algorithm, once:
 *
 * <ul>
 *   <li>data: {@link InstancesConverter} fitted on the training header (numeric attributes as they
 *       are, nominal ones refused or one-hot with {@code -one-hot}, string attributes used as row
 *       labels and never in distances, the class ignored, missing values refused);
 *   <li>options: strict parsing ({@link StrictOptions}), the thread count {@code -num-threads};
 *   <li>honest {@link Capabilities} from the converter;
 *   <li>progress and cancellation: {@link #fit} receives a {@link Progress} that logs to Weka and
 *       is cancelled when the building thread is interrupted (Explorer's Stop);
 *   <li>the Weka API through the model: {@code clusterInstance} is {@link Partition#predict} (noise
 *       throws, Weka's "unclustered"), {@code distributionForInstance} is
 *       {@link Partition#memberships}, {@code numberOfClusters} at least 1;
 *   <li>{@link #getModel()}: the core result for charts, reports and the evaluation;
 *   <li>the model output: {@link #toString()} is the subclass's {@link #describeModel()} followed by
 *       the quality of the training partition ({@link TrainingQuality}: silhouette, Davies-Bouldin,
 *       Calinski-Harabasz, noise policy), so every clusterer shows it in the Explorer.
 * </ul>
 *
 * <p>A subclass declares its own options and implements {@link #fit} (and {@code globalInfo},
 * {@code getTechnicalInformation}, {@link #describeModel()}); see docs/ARCHITECTURE.md.
 *
 * @param <M> the core model
 */
public abstract class PartitioningClusterer<M extends Partition> extends AbstractClusterer
    implements TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private int numThreads = ThreadsOption.DEFAULT;
  private boolean oneHot;

  private InstancesConverter converter;
  private M model;
  private TrainingQuality quality;

  /**
   * Fits the core model to the converted training data.
   *
   * @param data the training rows (weights carried)
   * @param progress report progress here and call {@code checkCancelled()} at iteration boundaries
   */
  protected abstract M fit(Dataset data, Progress progress) throws Exception;

  /** Strict parsing: a bad value fails with a message instead of being ignored (see {@link StrictOptions}). */
  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.setClustererOptions(this, options);
  }

  /** How nominal attributes are treated under the current options. */
  protected NominalHandling nominal() {
    return oneHot ? NominalHandling.ONE_HOT : NominalHandling.REFUSE;
  }

  /** What the converter accepts: numeric, nominal with one-hot, string attributes as row labels, any class. */
  @Override
  public Capabilities getCapabilities() {
    return InstancesConverter.capabilities(this, nominal(), true);
  }

  /**
   * Checks the data, converts it and fits the model with progress and cancellation wired to Weka.
   * Subclasses with another life cycle (incremental training) override it and call {@link #setModel}.
   */
  @Override
  public void buildClusterer(Instances data) throws Exception {
    DataCheck.testWithFail(this, data);
    model = null;
    WekaProgress progress = WekaProgress.of(getClass().getSimpleName(), getDebug());
    model = progress.run(() -> fitInstances(data, progress));
    trainedOn(data);
  }

  /**
   * Records the training data of the model now in force, for the quality section of the output
   * (computed only when printed or saved). A subclass with its own {@code buildClusterer} calls it
   * once the model is there.
   */
  protected void trainedOn(Instances data) {
    quality = model == null ? null : TrainingQuality.of(data, model.labels(), qualityDistance(), numThreads);
  }

  /** The distance of the silhouette in the model output: the clusterer's own where it has one. */
  protected Distance qualityDistance() {
    return Metric.EUCLIDEAN;
  }

  /**
   * What the subclass reports about its model (sizes, centroids, tree, parameters): the model output
   * without the quality section, which {@link #toString()} appends.
   */
  protected String describeModel() {
    return isBuilt() ? getClass().getSimpleName() + ": " + model.numClusters() + " clusters\n"
        : getClass().getSimpleName() + ": no model built yet.";
  }

  /**
   * The model as Weka prints it (Explorer, weka.Run, KnowledgeFlow): {@link #describeModel()}, then
   * the quality of the training partition.
   */
  @Override
  public String toString() {
    String text = describeModel();
    return isBuilt() && quality != null ? text + "\n" + quality.text() : text;
  }

  /**
   * Reads the checked training data and fits the model: by default through the shared numeric
   * {@link InstancesConverter} and {@link #fit}. A clusterer that reads the data another way (the
   * mixed-type path of k-prototypes and Gower k-medoids) overrides this and {@link #row}.
   */
  protected M fitInstances(Instances data, Progress progress) throws Exception {
    return fit(fitConverter(data).convert(data), progress);
  }

  /** Fits the converter to the training header (string attributes become row labels). */
  protected InstancesConverter fitConverter(Instances data) {
    converter = InstancesConverter.fit(data, nominal(), true);
    return converter;
  }

  /** The converter fitted by the last build, or null before. */
  protected InstancesConverter converter() {
    return converter;
  }

  /** For subclasses with their own life cycle: the model now in force. */
  protected void setModel(M m) {
    model = m;
    quality = null;
  }

  /** The fitted core model (labels, prediction rule and the algorithm's own results), or null before training. */
  public M getModel() {
    return model;
  }

  /** True once a model is there to predict with. */
  protected boolean isBuilt() {
    return model != null;
  }

  /** Throws the message a user understands when the clusterer is used before training. */
  protected void checkBuilt() {
    if (!isBuilt()) {
      throw new IllegalStateException("the clusterer has not been built yet: call buildClusterer first");
    }
  }

  /** Fails with a message when there are fewer training rows than requested clusters. */
  protected static void checkEnoughRows(long rows, int clusters) {
    if (rows < clusters) {
      throw new IllegalArgumentException("the number of clusters (" + clusters + ") exceeds the number of training"
          + " instances (" + rows + "): lower -N or use more data");
    }
  }

  /** A Weka instance as a core row of the training layout. */
  protected double[] row(Instance instance) {
    checkBuilt();
    return converter.vector(instance);
  }

  /**
   * The model's cluster of an instance; for noise it throws, which is Weka's convention for "cannot
   * be clustered" ({@code ClusterEvaluation} counts the row as unclustered).
   */
  @Override
  public int clusterInstance(Instance instance) throws Exception {
    int c = model.predict(row(instance));
    if (c < 0) {
      throw new Exception("the instance is noise: it belongs to no cluster of the model");
    }
    return c;
  }

  /** The model's soft memberships ({@link Partition#memberships}); all zeros for noise. */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    double[] m = model.memberships(row(instance));
    double[] dist = new double[numberOfClusters()];
    System.arraycopy(m, 0, dist, 0, m.length);
    return dist;
  }

  /**
   * At least 1, so that Weka's evaluation can lay out its table; when every row is noise the single
   * slot stays empty and every row is reported as unclustered.
   */
  @Override
  public int numberOfClusters() throws Exception {
    checkBuilt();
    return Math.max(1, model.numClusters());
  }

  /** The thread count for the core (0 or less: all cores). */
  protected int threads() {
    return numThreads;
  }

  @OptionMetadata(displayName = ThreadsOption.DISPLAY_NAME, description = ThreadsOption.DESCRIPTION,
      commandLineParamName = ThreadsOption.NAME, commandLineParamSynopsis = ThreadsOption.SYNOPSIS,
      displayOrder = ThreadsOption.DISPLAY_ORDER)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
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
