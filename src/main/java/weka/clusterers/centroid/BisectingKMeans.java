package weka.clusterers.centroid;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.BisectingKMeans.SplitRule;
import clusterlab.core.kmeans.BisectingModel;
import clusterlab.weka.IteratedCentroidClusterer;
import clusterlab.weka.CentroidTable;
import clusterlab.weka.Tags;
import clusterlab.weka.WekaNewick;
import java.util.Locale;
import weka.core.Drawable;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's bisecting k-means core ({@link clusterlab.core.kmeans.BisectingKMeans}).
 * The split tree is {@link Drawable} as Newick, so the Explorer's "Visualize tree" draws it.
 */
public class BisectingKMeans extends IteratedCentroidClusterer<BisectingModel> implements WeightedInstancesHandler, Drawable {

  private static final long serialVersionUID = 1L;

  private SplitRule splitRule = SplitRule.LARGEST_SSE;

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
  protected BisectingModel fit(Dataset data, Progress progress) {
    checkEnoughRows(data.n());
    return new clusterlab.core.kmeans.BisectingKMeans(getNumClusters(), splitRule, kmeansOptions())
        .fit(data, getSeed(), progress);
  }

  @Override
  public int graphType() {
    return Drawable.Newick;
  }

  /** The split tree in Newick format, as Weka's tree visualiser reads it ({@link WekaNewick}). */
  @Override
  public String graph() throws Exception {
    checkBuilt();
    return WekaNewick.of(getModel().newick());
  }

  @OptionMetadata(displayName = "splitRule", description = "Which leaf to split next: the one with the largest SSE, or the largest one.",
      commandLineParamName = "split", commandLineParamSynopsis = "-split <largest-sse|largest-size>", displayOrder = 2)
  public SelectedTag getSplitRule() {
    return Tags.select(splitRule);
  }

  public void setSplitRule(SelectedTag tag) {
    splitRule = Tags.value(tag, SplitRule.class);
  }

  @Override
  protected String describeModel() {
    BisectingModel model = getModel();
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
    sb.append(new CentroidTable(converter().columnNames(), model.k()).row("(size)", size).row("(SSE)", sse)
        .centroids(model.centroids()));
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new BisectingKMeans(), args);
  }
}
