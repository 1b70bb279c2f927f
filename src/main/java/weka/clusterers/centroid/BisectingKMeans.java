package weka.clusterers.centroid;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.BisectingKMeans.SplitRule;
import clusterlab.core.kmeans.BisectingModel;
import clusterlab.core.kmeans.KMeans.Init;
import clusterlab.weka.CentroidClusterer;
import clusterlab.weka.CentroidTable;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.Tags;
import clusterlab.weka.WekaNewick;
import java.util.Locale;
import weka.core.Drawable;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's bisecting k-means core ({@link clusterlab.core.kmeans.BisectingKMeans}).
 * The split tree is {@link Drawable} as Newick, so the Explorer's "Visualize tree" draws it.
 */
public class BisectingKMeans extends CentroidClusterer
    implements WeightedInstancesHandler, TechnicalInformationHandler, Drawable {

  private static final long serialVersionUID = 1L;

  private SplitRule splitRule = SplitRule.LARGEST_SSE;
  private Init init = Init.KMEANS_PLUS_PLUS;
  private int numInit = 1;
  private int maxIterations = 300;
  private double tolerance = 1e-4;
  private int numThreads = 0;

  private InstancesConverter converter;
  private BisectingModel model;

  public String globalInfo() {
    return "Bisecting k-means: divisive clustering that starts from one cluster and repeatedly splits a leaf in two by "
        + "2-means until there are k leaves. The leaf split is the one with the largest within-cluster sum of squares "
        + "(default) or the largest size. The split tree is kept and drawn as a dendrogram (Visualize tree; node "
        + "heights are SSEs). New instances descend the tree to the nearer child centre at each split. Distances are "
        + "plain Euclidean on the values as given; numeric attributes only unless one-hot is on; the class is ignored; "
        + "missing values must be replaced first.\n\nFor more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Michael Steinbach and George Karypis and Vipin Kumar");
    t.setValue(TechnicalInformation.Field.TITLE, "A comparison of document clustering techniques");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "KDD Workshop on Text Mining");
    t.setValue(TechnicalInformation.Field.YEAR, "2000");
    return t;
  }

  @Override
  public void buildClusterer(Instances data) throws Exception {
    clusterlab.weka.DataCheck.testWithFail(this, data);
    converter = InstancesConverter.fit(data, nominal(), false);
    Dataset dataset = converter.convert(data);
    checkEnoughRows(dataset.n());
    model = new clusterlab.core.kmeans.BisectingKMeans(getNumClusters(), splitRule, init, numInit, maxIterations, tolerance,
        numThreads).fit(dataset, getSeed(), Progress.NONE);
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

  /** The fitted split tree, or null before training. */
  public BisectingModel getModel() {
    return model;
  }

  @Override
  public int graphType() {
    return Drawable.Newick;
  }

  /** The split tree in Newick format, as Weka's tree visualiser reads it ({@link WekaNewick}). */
  @Override
  public String graph() throws Exception {
    checkBuilt();
    return WekaNewick.of(model.newick());
  }

  @OptionMetadata(displayName = "splitRule", description = "Which leaf to split next: the one with the largest SSE, or the largest one.",
      commandLineParamName = "split", commandLineParamSynopsis = "-split <largest-sse|largest-size>", displayOrder = 2)
  public SelectedTag getSplitRule() {
    return Tags.select(splitRule);
  }

  public void setSplitRule(SelectedTag tag) {
    splitRule = Tags.value(tag, SplitRule.class);
  }

  @OptionMetadata(displayName = "init", description = "Seeding of each 2-means: random, kmeans-plus-plus or kmeans-parallel.",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <random|kmeans-plus-plus|kmeans-parallel>", displayOrder = 3)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, Init.class);
  }

  @OptionMetadata(displayName = "numInit", description = "Restarts of each 2-means; the split with the lowest SSE is kept (at least 1).",
      commandLineParamName = "n-init", commandLineParamSynopsis = "-n-init <int>", displayOrder = 4)
  public int getNumInit() {
    return numInit;
  }

  public void setNumInit(int n) {
    Check.atLeast("numInit (restarts)", n, 1);
    numInit = n;
  }

  @OptionMetadata(displayName = "maxIterations", description = "Maximum iterations of each 2-means (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 5)
  public int getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(int n) {
    Check.atLeast("maxIterations", n, 1);
    maxIterations = n;
  }

  @OptionMetadata(displayName = "tolerance", description = "Tolerance of each 2-means on the squared centre shift, relative to the mean attribute variance (at least 0).",
      commandLineParamName = "tol", commandLineParamSynopsis = "-tol <double>", displayOrder = 6)
  public double getTolerance() {
    return tolerance;
  }

  public void setTolerance(double t) {
    Check.nonNegative("tolerance", t);
    tolerance = t;
  }

  @OptionMetadata(displayName = "numThreads", description = "Worker threads; 0 or less uses all cores. Results do not depend on it.",
      commandLineParamName = "num-threads", commandLineParamSynopsis = "-num-threads <int>", displayOrder = 7)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  @Override
  public String toString() {
    if (model == null) {
      return "BisectingKMeans: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("BisectingKMeans (ClusterLab)\n============================\n\n");
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Split rule: %s   Inertia: %.6g%n%n", model.k(),
        Tags.word(splitRule), model.inertia()));
    sb.append("Split tree (Newick, heights = SSE):\n").append(model.newick()).append("\n\n");
    double[] size = new double[model.k()];
    double[] sse = new double[model.k()];
    for (int c = 0; c < model.k(); c++) {
      size[c] = model.node(model.clusterNode(c)).weight();
      sse[c] = model.node(model.clusterNode(c)).sse();
    }
    sb.append(new CentroidTable(converter.columnNames(), model.k()).row("(size)", size).row("(SSE)", sse)
        .centroids(model.centroids()));
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new BisectingKMeans(), args);
  }
}
