package weka.clusterers.centroid;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.weka.IteratedCentroidClusterer;
import clusterlab.weka.CentroidTable;
import clusterlab.weka.Tags;
import java.util.Locale;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's k-means core ({@link clusterlab.core.kmeans.KMeans}). It only
 * translates: options to the core's parameters, {@link weka.core.Instances} to a {@link Dataset} through the
 * shared {@link InstancesConverter}, and the model back to Weka's clusterer API.
 */
public class KMeans extends IteratedCentroidClusterer<KMeansModel> implements WeightedInstancesHandler {

  private static final long serialVersionUID = 1L;

  private clusterlab.core.kmeans.KMeans.Algorithm algorithm = clusterlab.core.kmeans.KMeans.Algorithm.AUTO;
  private String modelFile = "";

  public String globalInfo() {
    return "K-means clustering with k-means++ seeding, restarts and fast exact iterations, without hidden normalisation. "
        + "Seeding by k-means++ or k-means|| with restarts; Lloyd iterations or their exact "
        + "accelerations by Elkan and Hamerly (same labels, far fewer distance computations; 'auto' picks Hamerly in "
        + "low and Elkan in high dimension, and Hamerly with blocked dot-product scans for 128 or more clusters in "
        + "at most 16 dimensions); multi-threaded with results identical for any thread count. An emptied "
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
  protected KMeansModel fit(Dataset data, Progress progress) throws java.io.IOException {
    if (!modelFile.isEmpty()) {
      return SavedKMeansModel.load(new java.io.File(modelFile), data);
    }
    checkEnoughRows(data.n());
    return new clusterlab.core.kmeans.KMeans(getNumClusters(), algorithm, kmeansOptions()).fit(data, getSeed(), progress);
  }

  @OptionMetadata(displayName = "algorithm", description = "Iteration algorithm: lloyd, or the exact accelerations elkan (high dimension, n*k memory), hamerly (low dimension) and blocked (Hamerly's bounds with dot-product scans: many centres, few dimensions); auto picks by d and k. All give the same labels.",
      commandLineParamName = "algorithm", commandLineParamSynopsis = "-algorithm <auto|lloyd|elkan|hamerly|blocked>", displayOrder = 8)
  public SelectedTag getAlgorithm() {
    return Tags.select(algorithm);
  }

  public void setAlgorithm(SelectedTag tag) {
    algorithm = Tags.value(tag, clusterlab.core.kmeans.KMeans.Algorithm.class);
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
  protected String describeModel() {
    KMeansModel model = getModel();
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
    sb.append(new CentroidTable(converter().columnNames(), model.k()).row("(size)", model.clusterWeight())
        .row("(inertia)", model.clusterInertia()).centroids(model.centroids()));
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new KMeans(), args);
  }
}
