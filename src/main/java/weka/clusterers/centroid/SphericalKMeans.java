package weka.clusterers.centroid;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeansOptions;
import clusterlab.core.kmeans.SphericalKMeansModel;
import clusterlab.core.sparse.SparseDataset;
import clusterlab.weka.CentroidClusterer;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.InstancesConverter.NominalHandling;
import clusterlab.weka.SparseInstancesConverter;
import java.util.Locale;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's spherical k-means core ({@link clusterlab.core.kmeans.SphericalKMeans}):
 * document clustering by cosine similarity on sparse word vectors, read through the
 * {@link SparseInstancesConverter} so that {@code SparseInstance}s are never densified.
 */
public class SphericalKMeans extends CentroidClusterer<SphericalKMeansModel>
    implements WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  /** Restarts, iterations and tolerance, with the core's defaults and checks (the threads are added when fitting). */
  private KMeansOptions iteration = clusterlab.core.kmeans.SphericalKMeans.defaults();
  private int topTerms = 10;

  private SparseInstancesConverter sparse;

  public String globalInfo() {
    return "Spherical k-means clusters documents by cosine similarity, so long and short texts on the same subject "
        + "fall together. Each row is scaled to unit length and assigned to the most similar concept vector (the "
        + "normalised sum of its cluster's rows).\n\n"
        + "Made for StringToWordVector output (word counts or TF-IDF): it reads sparse instances as they are, in "
        + "memory proportional to the non-zero values, and prints the top terms of every cluster. Seeding is "
        + "k-means++ on the cosine distance; restarts keep the run of highest total similarity; multi-threaded with "
        + "results identical for any thread count. Numeric attributes only; the class attribute is ignored (set "
        + "the document category as class); missing values must be replaced; empty documents (all zero) are "
        + "refused because they have no direction.\n\nFor more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Inderjit S. Dhillon and Dharmendra S. Modha");
    t.setValue(TechnicalInformation.Field.TITLE, "Concept decompositions for large sparse text data using clustering");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Machine Learning");
    t.setValue(TechnicalInformation.Field.VOLUME, "42");
    t.setValue(TechnicalInformation.Field.NUMBER, "1");
    t.setValue(TechnicalInformation.Field.PAGES, "143-175");
    t.setValue(TechnicalInformation.Field.YEAR, "2001");
    TechnicalInformation pp = t.add(TechnicalInformation.Type.INPROCEEDINGS);
    pp.setValue(TechnicalInformation.Field.AUTHOR, "David Arthur and Sergei Vassilvitskii");
    pp.setValue(TechnicalInformation.Field.TITLE, "k-means++: the advantages of careful seeding");
    pp.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the Eighteenth Annual ACM-SIAM Symposium on Discrete Algorithms");
    pp.setValue(TechnicalInformation.Field.PAGES, "1027-1035");
    pp.setValue(TechnicalInformation.Field.YEAR, "2007");
    return t;
  }

  @Override
  public Capabilities getCapabilities() {
    return InstancesConverter.capabilities(this, NominalHandling.REFUSE, false);
  }

  /** Word counts are read as sparse rows ({@link SparseInstancesConverter}), never densified. */
  @Override
  protected SphericalKMeansModel fitInstances(Instances data, Progress progress) {
    sparse = SparseInstancesConverter.fit(data, false);
    SparseDataset docs = sparse.convert(data);
    checkEnoughRows(docs.n());
    return new clusterlab.core.kmeans.SphericalKMeans(getNumClusters(), iteration.toBuilder().threads(threads()).build())
        .fit(docs, getSeed(), progress);
  }

  /**
   * Not reached: {@link #fitInstances} reads the documents as sparse rows instead of the shared
   * dense converter, which would need n times the vocabulary in memory.
   */
  @Override
  protected SphericalKMeansModel fit(Dataset data, Progress progress) {
    throw new IllegalStateException("SphericalKMeans reads its data as sparse rows (fitInstances)");
  }

  /** The sparse path for new documents too: the model scales them to unit length as in training. */
  @Override
  public int clusterInstance(Instance instance) throws Exception {
    checkBuilt();
    SparseDataset row = sparse.row(instance);
    return getModel().predictSparse(row.cols(), row.values(), 0, row.nnz());
  }

  @Override
  protected double[] row(Instance instance) {
    checkBuilt();
    SparseDataset r = sparse.row(instance);
    double[] dense = new double[sparse.columns()];
    int[] cols = r.cols();
    double[] values = r.values();
    for (int p = 0; p < r.nnz(); p++) {
      dense[cols[p]] = values[p];
    }
    return dense;
  }

  /** Documents are word counts: nominal attributes cannot be one-hot encoded into them. */
  @Override
  public void setOneHotNominal(boolean b) {
    if (b) {
      throw new IllegalArgumentException("SphericalKMeans reads word counts only and cannot one-hot encode nominal"
          + " attributes: set the nominal attribute as the class so it is ignored, or remove it");
    }
  }

  /** The attribute names of the model's columns (the words), or null before training. */
  public String[] getTermNames() {
    return sparse == null ? null : sparse.columnNames();
  }

  @OptionMetadata(displayName = "numInit", description = "Number of restarts from different seeds; the run of highest total cosine similarity is kept (at least 1).",
      commandLineParamName = "n-init", commandLineParamSynopsis = "-n-init <int>", displayOrder = 2)
  public int getNumInit() {
    return iteration.numInit();
  }

  public void setNumInit(int n) {
    iteration = iteration.toBuilder().numInit(n).build();
  }

  @OptionMetadata(displayName = "maxIterations", description = "Maximum number of iterations per run (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 3)
  public int getMaxIterations() {
    return iteration.maxIterations();
  }

  public void setMaxIterations(int n) {
    iteration = iteration.toBuilder().maxIterations(n).build();
  }

  @OptionMetadata(displayName = "tolerance", description = "Stop when the total cosine similarity improves by less than this fraction of itself; 0 iterates until no label changes.",
      commandLineParamName = "tol", commandLineParamSynopsis = "-tol <double>", displayOrder = 4)
  public double getTolerance() {
    return iteration.tolerance();
  }

  public void setTolerance(double t) {
    iteration = iteration.toBuilder().tolerance(t).build();
  }

  @OptionMetadata(displayName = "topTerms", description = "Number of top terms (largest concept-vector weights) printed per cluster (0 to print none).",
      commandLineParamName = "top-terms", commandLineParamSynopsis = "-top-terms <int>", displayOrder = 5)
  public int getTopTerms() {
    return topTerms;
  }

  public void setTopTerms(int n) {
    Check.atLeast("topTerms", n, 0);
    topTerms = n;
  }

  /** The silhouette in the model output uses the cosine distance the clusters were found with. */
  @Override
  protected clusterlab.core.distance.Distance qualityDistance() {
    return clusterlab.core.distance.Metric.COSINE;
  }

  @Override
  protected String describeModel() {
    SphericalKMeansModel model = getModel();
    if (model == null) {
      return "SphericalKMeans: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("Spherical k-means (ClusterLab)\n==============================\n\n");
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Terms: %d   Iterations: %d   Converged: %s%n", model.k(),
        model.d(), model.iterations(), model.converged() ? "yes" : "no (raise -I)"));
    double total = 0;
    for (double w : model.clusterWeight()) {
      total += w;
    }
    sb.append(String.format(Locale.ROOT, "Objective (sum of cosine similarities): %.6g   mean similarity: %.4f%n%n",
        model.objective(), total > 0 ? model.objective() / total : 0));
    String[] names = sparse.columnNames();
    double[] weight = model.clusterWeight();
    for (int c = 0; c < model.k(); c++) {
      sb.append(String.format(Locale.ROOT, "Cluster %d (%.0f instances, %.1f%%)", c, weight[c], 100 * weight[c] / total));
      if (topTerms > 0) {
        sb.append(":");
        for (int j : model.topColumns(c, topTerms)) {
          sb.append(String.format(Locale.ROOT, " %s (%.3f)", names[j], model.centroidValue(c, j)));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new SphericalKMeans(), args);
  }
}
