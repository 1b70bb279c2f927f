package weka.clusterers.centroid;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.weka.CentroidClusterer;
import clusterlab.weka.CentroidTable;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.Tags;
import java.util.Locale;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's k-means core ({@link clusterlab.core.kmeans.KMeans}). It only
 * translates: options to the core's parameters, {@link Instances} to a {@link Dataset} through the
 * shared {@link InstancesConverter}, and the model back to Weka's clusterer API.
 */
public class KMeans extends CentroidClusterer
    implements WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private int maxIterations = 300;
  private double tolerance = 1e-4;
  private clusterlab.core.kmeans.KMeans.Init init = clusterlab.core.kmeans.KMeans.Init.KMEANS_PLUS_PLUS;
  private int numInit = 1;
  private clusterlab.core.kmeans.KMeans.Algorithm algorithm = clusterlab.core.kmeans.KMeans.Algorithm.AUTO;
  private int numThreads = 0;
  private String modelFile = "";

  private InstancesConverter converter;
  private KMeansModel model;

  public String globalInfo() {
    return "k-means clustering with k-means++ or k-means|| seeding and restarts; Lloyd iterations or their exact "
        + "accelerations by Elkan and Hamerly (same labels, far fewer distance computations; 'auto' picks Hamerly in "
        + "low and Elkan in high dimension); multi-threaded with results identical for any thread count. An emptied "
        + "cluster is re-seeded with the row farthest from its centre. The tolerance is relative to the mean attribute "
        + "variance, as in scikit-learn.\n\n"
        + "Unlike SimpleKMeans, distances are plain Euclidean on the attribute values as given: nothing is "
        + "normalised behind your back. Standardize or RobustScaler the data first when attributes have "
        + "different scales. Numeric attributes only, unless one-hot encoding of nominal attributes is on; "
        + "the class attribute is ignored; missing values must be replaced first.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation lloyd = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    lloyd.setValue(TechnicalInformation.Field.AUTHOR, "Stuart P. Lloyd");
    lloyd.setValue(TechnicalInformation.Field.TITLE, "Least squares quantization in PCM");
    lloyd.setValue(TechnicalInformation.Field.JOURNAL, "IEEE Transactions on Information Theory");
    lloyd.setValue(TechnicalInformation.Field.VOLUME, "28");
    lloyd.setValue(TechnicalInformation.Field.NUMBER, "2");
    lloyd.setValue(TechnicalInformation.Field.PAGES, "129-137");
    lloyd.setValue(TechnicalInformation.Field.YEAR, "1982");
    TechnicalInformation pp = lloyd.add(TechnicalInformation.Type.INPROCEEDINGS);
    pp.setValue(TechnicalInformation.Field.AUTHOR, "David Arthur and Sergei Vassilvitskii");
    pp.setValue(TechnicalInformation.Field.TITLE, "k-means++: the advantages of careful seeding");
    pp.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the Eighteenth Annual ACM-SIAM Symposium on Discrete Algorithms");
    pp.setValue(TechnicalInformation.Field.PAGES, "1027-1035");
    pp.setValue(TechnicalInformation.Field.YEAR, "2007");
    TechnicalInformation elkan = lloyd.add(TechnicalInformation.Type.INPROCEEDINGS);
    elkan.setValue(TechnicalInformation.Field.AUTHOR, "Charles Elkan");
    elkan.setValue(TechnicalInformation.Field.TITLE, "Using the triangle inequality to accelerate k-means");
    elkan.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the Twentieth International Conference on Machine Learning (ICML)");
    elkan.setValue(TechnicalInformation.Field.PAGES, "147-153");
    elkan.setValue(TechnicalInformation.Field.YEAR, "2003");
    TechnicalInformation hamerly = lloyd.add(TechnicalInformation.Type.INPROCEEDINGS);
    hamerly.setValue(TechnicalInformation.Field.AUTHOR, "Greg Hamerly");
    hamerly.setValue(TechnicalInformation.Field.TITLE, "Making k-means even faster");
    hamerly.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 2010 SIAM International Conference on Data Mining");
    hamerly.setValue(TechnicalInformation.Field.PAGES, "130-140");
    hamerly.setValue(TechnicalInformation.Field.YEAR, "2010");
    TechnicalInformation par = lloyd.add(TechnicalInformation.Type.ARTICLE);
    par.setValue(TechnicalInformation.Field.AUTHOR, "Bahman Bahmani and Benjamin Moseley and Andrea Vattani and Ravi Kumar and Sergei Vassilvitskii");
    par.setValue(TechnicalInformation.Field.TITLE, "Scalable k-means++");
    par.setValue(TechnicalInformation.Field.JOURNAL, "Proceedings of the VLDB Endowment");
    par.setValue(TechnicalInformation.Field.VOLUME, "5");
    par.setValue(TechnicalInformation.Field.NUMBER, "7");
    par.setValue(TechnicalInformation.Field.PAGES, "622-633");
    par.setValue(TechnicalInformation.Field.YEAR, "2012");
    return lloyd;
  }

  @Override
  public void buildClusterer(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    converter = InstancesConverter.fit(data, nominal(), false);
    Dataset dataset = converter.convert(data);
    if (!modelFile.isEmpty()) {
      model = SavedKMeansModel.load(new java.io.File(modelFile), dataset);
      return;
    }
    checkEnoughRows(dataset.n());
    model = new clusterlab.core.kmeans.KMeans(getNumClusters(), maxIterations, tolerance, init, numInit, algorithm, numThreads)
        .fit(dataset, getSeed(), Progress.NONE);
  }

  @Override
  public int clusterInstance(Instance instance) throws Exception {
    checkBuilt();
    return model.predict(converter.vector(instance), 0);
  }

  @Override
  public int numberOfClusters() throws Exception {
    checkBuilt();
    return model.k();
  }

  private void checkBuilt() {
    if (model == null) {
      throw new IllegalStateException("the clusterer has not been built yet: call buildClusterer first");
    }
  }

  /** The fitted core model (centroids, labels, inertia), or null before training. */
  public KMeansModel getModel() {
    return model;
  }

  @OptionMetadata(displayName = "init", description = "Seeding of the initial centroids: random rows, k-means++ (greedy, as scikit-learn) or k-means|| (Bahmani et al. 2012, few parallel passes).",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <random|kmeans-plus-plus|kmeans-parallel>", displayOrder = 2)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, clusterlab.core.kmeans.KMeans.Init.class);
  }

  @OptionMetadata(displayName = "algorithm", description = "Iteration algorithm: lloyd, or the exact accelerations elkan (high dimension, n*k memory) and hamerly (low dimension); auto picks by d and k. All give the same labels.",
      commandLineParamName = "algorithm", commandLineParamSynopsis = "-algorithm <auto|lloyd|elkan|hamerly>", displayOrder = 8)
  public SelectedTag getAlgorithm() {
    return Tags.select(algorithm);
  }

  public void setAlgorithm(SelectedTag tag) {
    algorithm = Tags.value(tag, clusterlab.core.kmeans.KMeans.Algorithm.class);
  }

  @OptionMetadata(displayName = "numInit", description = "Number of restarts from different seeds; the run with the lowest inertia is kept (at least 1).",
      commandLineParamName = "n-init", commandLineParamSynopsis = "-n-init <int>", displayOrder = 3)
  public int getNumInit() {
    return numInit;
  }

  public void setNumInit(int n) {
    Check.atLeast("numInit (restarts)", n, 1);
    numInit = n;
  }

  @OptionMetadata(displayName = "maxIterations", description = "Maximum number of iterations per run (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 4)
  public int getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(int n) {
    Check.atLeast("maxIterations", n, 1);
    maxIterations = n;
  }

  @OptionMetadata(displayName = "tolerance", description = "Convergence tolerance on the summed squared centre shift, relative to the mean attribute variance (as scikit-learn); 0 iterates until labels stop changing.",
      commandLineParamName = "tol", commandLineParamSynopsis = "-tol <double>", displayOrder = 5)
  public double getTolerance() {
    return tolerance;
  }

  public void setTolerance(double t) {
    Check.nonNegative("tolerance", t);
    tolerance = t;
  }

  @OptionMetadata(displayName = "numThreads", description = "Worker threads; 0 or less uses all cores. Results do not depend on it.",
      commandLineParamName = "num-threads", commandLineParamSynopsis = "-num-threads <int>", displayOrder = 6)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  @OptionMetadata(displayName = "modelFile", description = "A saved ClusterLab k-means model (kmeans.model, as ClusterLab on Spark writes it) to use instead of fitting: training then only labels the data with the model's centroids, which must have the data's columns; -N and the fitting options are ignored. Empty: fit as usual.",
      commandLineParamName = "model-file", commandLineParamSynopsis = "-model-file <file>", displayOrder = 9)
  public String getModelFile() {
    return modelFile;
  }

  public void setModelFile(String file) {
    modelFile = file == null ? "" : file.trim();
  }

  @Override
  public String toString() {
    if (model == null) {
      return "KMeans: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("KMeans (ClusterLab)\n===================\n\n");
    if (!modelFile.isEmpty()) {
      sb.append("Centroids from the saved model ").append(modelFile).append("; sizes and inertia on the given data.\n");
    }
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Algorithm: %s   Iterations: %d   Converged: %s%n", model.k(),
        Tags.word(model.algorithm()), model.iterations(), model.converged() ? "yes" : "no (raise -I)"));
    sb.append(String.format(Locale.ROOT, "Inertia (within-cluster sum of squares): %.6g%n%n", model.inertia()));
    sb.append(new CentroidTable(converter.columnNames(), model.k()).row("(size)", model.clusterWeight())
        .row("(inertia)", model.clusterInertia()).centroids(model.centroids()));
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new KMeans(), args);
  }
}
