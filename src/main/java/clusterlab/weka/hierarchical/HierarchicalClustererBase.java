package clusterlab.weka.hierarchical;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.hierarchical.Cophenetic;
import clusterlab.core.hierarchical.DendrogramCut;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.core.hierarchical.NewickWriter;
import clusterlab.core.hierarchical.TreeCut;
import clusterlab.weka.PartitioningClusterer;
import clusterlab.weka.Tags;
import clusterlab.weka.WekaNewick;
import java.util.Locale;
import weka.clusterers.NumberOfClustersRequestable;
import weka.core.DistanceFunction;
import weka.core.Drawable;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The family base of the hierarchical clusterers (agglomerative and divisive): on top of
 * {@link PartitioningClusterer}, only the family's own options (the cut: count, height or
 * inconsistency; the distance, including any Weka distance function), the tree as a Newick
 * {@link Drawable} with every leaf, and the report. The model is a {@link TreeCut}: training rows
 * keep the cut's labels, new rows follow the tree's rule. Subclasses build the tree and name the
 * rule for new rows.
 */
public abstract class HierarchicalClustererBase extends PartitioningClusterer<TreeCut>
    implements NumberOfClustersRequestable, Drawable {

  private static final long serialVersionUID = 1L;

  /** Above this many rows the cophenetic correlation (n^2 distance evaluations) is not computed. */
  private static final int COPHENETIC_MAX_ROWS = 20000;

  private int numClusters = 2;
  private DendrogramCut.Criterion cutBy = DendrogramCut.Criterion.COUNT;
  private double heightThreshold = 1.0;
  private double inconsistencyThreshold = 1.0;
  private int depth = 2;
  private DistanceChoice distance = DistanceChoice.EUCLIDEAN;
  private DistanceFunction wekaDistance = new EuclideanDistance();

  private Distance coreDistance;
  private double[] trainingValues;
  private int trainingColumns;
  private String[] leafLabels;
  private double cophenetic = Double.NaN;

  /** Builds the tree; {@code threads} is already 1 for a Weka distance. */
  protected abstract MergeHistory buildTree(Dataset data, Distance distance, int threads, Progress progress)
      throws Exception;

  /** The cut as a partition, with the rule for new rows of this kind of tree. */
  protected abstract TreeCut partition(MergeHistory tree, int[] labels, Dataset data, Distance distance);

  /** One line naming the method and its main settings, for the report. */
  protected abstract String describe();

  @Override
  public void buildClusterer(Instances data) throws Exception {
    leafLabels = leafLabels(data);
    super.buildClusterer(data);
  }

  /** The silhouette in the model output uses the tree's distance (Euclidean for a Weka distance function). */
  @Override
  protected Distance qualityDistance() {
    return coreDistance instanceof clusterlab.core.distance.Metric ? coreDistance : clusterlab.core.distance.Metric.EUCLIDEAN;
  }

  @Override
  protected TreeCut fit(Dataset dataset, Progress progress) throws Exception {
    if (cutBy == DendrogramCut.Criterion.COUNT && dataset.n() < numClusters) {
      throw new IllegalArgumentException("the number of clusters (" + numClusters + ") exceeds the number of training"
          + " rows (" + dataset.n() + "): lower -N or use more data");
    }
    Dataset rows = Dataset.of(dataset.values(), dataset.n(), dataset.d());
    coreDistance = distance == DistanceChoice.WEKA
        ? new WekaDistance(wekaDistance, rows.values(), converter().columnNames()) : distance.metric();
    int threads = distance == DistanceChoice.WEKA ? 1 : threads();
    MergeHistory tree = buildTree(rows, coreDistance, threads, progress);
    cophenetic = dataset.n() <= COPHENETIC_MAX_ROWS && dataset.n() >= 3
        ? Cophenetic.correlation(tree, rows, coreDistance, threads) : Double.NaN;
    trainingValues = rows.values();
    trainingColumns = rows.d();
    return partition(tree, cut(tree), rows, coreDistance);
  }

  /**
   * Re-cuts the built tree at a height threshold without rebuilding it (the interactive cut line of
   * the Explorer's Cluster Lab tab): the cut options become {@code -cut height -H threshold}, and the
   * labels, the number of clusters and the assignment of new instances follow the new cut, exactly
   * as if the clusterer had been built with those options.
   */
  public void recutAtHeight(double threshold) {
    checkBuilt();
    setHeightThreshold(threshold);
    cutBy = DendrogramCut.Criterion.HEIGHT;
    MergeHistory tree = getMergeHistory();
    setModel(partition(tree, cut(tree), Dataset.of(trainingValues, tree.n(), trainingColumns), coreDistance));
  }

  private int[] cut(MergeHistory tree) {
    return cutRule().labels(tree);
  }

  /** The cut the options describe, a core {@link DendrogramCut}. */
  public DendrogramCut cutRule() {
    return DendrogramCut.of(cutBy, numClusters, heightThreshold, inconsistencyThreshold, depth);
  }

  private static String[] leafLabels(Instances data) {
    int att = -1;
    for (int a = 0; a < data.numAttributes() && att < 0; a++) {
      att = a != data.classIndex() && data.attribute(a).isString() ? a : -1;
    }
    String[] out = new String[data.numInstances()];
    for (int i = 0; i < out.length; i++) {
      out[i] = att >= 0 && !data.instance(i).isMissing(att) ? data.instance(i).stringValue(att) : Integer.toString(i + 1);
    }
    return out;
  }

  /** The merge history (SciPy linkage-matrix shape) of the last build, or null before training. */
  public MergeHistory getMergeHistory() {
    return getModel() == null ? null : getModel().tree();
  }

  /** Cluster labels (0..k-1) of the training rows under the current cut, or null before training. */
  public int[] getTrainingLabels() {
    return getModel() == null ? null : getModel().labels();
  }

  /** Cophenetic correlation of the tree, NaN when not computed (more than 20,000 rows). */
  public double getCopheneticCorrelation() {
    return cophenetic;
  }

  @Override
  public int graphType() {
    return Drawable.Newick;
  }

  /**
   * The complete dendrogram in Newick format as Weka's tree visualisers read it ({@link
   * WekaNewick}). Leaves are labelled by the string ID attribute, else by row numbers from 1.
   */
  @Override
  public String graph() throws Exception {
    checkBuilt();
    return WekaNewick.of(NewickWriter.write(getMergeHistory(), leafLabels));
  }

  @Override
  protected String describeModel() {
    if (getModel() == null) {
      return getClass().getSimpleName() + ": no model built yet.";
    }
    MergeHistory tree = getMergeHistory();
    int[] labels = getModel().labels();
    int k = getModel().numClusters();
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (ClusterLab)\n\n");
    sb.append(describe()).append('\n');
    sb.append("Distance: ").append(coreDistance instanceof clusterlab.core.distance.Metric
        ? ((clusterlab.core.distance.Metric) coreDistance).id() : coreDistance.name()).append('\n');
    sb.append(String.format(Locale.ROOT, "Rows: %d   Merges: %d   Top height: %.6g%s%n", tree.n(), tree.merges(),
        tree.merges() > 0 ? tree.height(tree.merges() - 1) : 0.0, tree.isMonotone() ? "" : "   (tree has inversions)"));
    if (!Double.isNaN(cophenetic)) {
      sb.append(String.format(Locale.ROOT, "Cophenetic correlation: %.6f%n", cophenetic));
    }
    sb.append(String.format(Locale.ROOT, "%s: %.6f%n", coefficientName(), tree.bannerCoefficient()));
    sb.append("Cut: ").append(cutRule().describe()).append(" -> ").append(k).append(" clusters\n");
    int[] sizes = new int[k];
    for (int l : labels) {
      sizes[l]++;
    }
    for (int c = 0; c < sizes.length && c < 50; c++) {
      sb.append(String.format(Locale.ROOT, "  cluster %d: %d rows%n", c, sizes[c]));
    }
    if (sizes.length > 50) {
      sb.append("  ... ").append(sizes.length - 50).append(" more clusters\n");
    }
    return sb.toString();
  }

  /** Name of Kaufman and Rousseeuw's banner coefficient for this method. */
  protected abstract String coefficientName();

  @OptionMetadata(displayName = "numClusters", description = "Number of clusters when cutting by count (at least 1, at most the number of instances).",
      commandLineParamName = "N", commandLineParamSynopsis = "-N <int>", displayOrder = 10)
  public int getNumClusters() {
    return numClusters;
  }

  @Override
  public void setNumClusters(int n) {
    Check.atLeast("number of clusters", n, 1);
    numClusters = n;
  }

  @OptionMetadata(displayName = "cutBy", description = "How the tree is cut into flat clusters: count (-N clusters), height (-H threshold) or inconsistency (-inconsistency threshold, -depth levels).",
      commandLineParamName = "cut", commandLineParamSynopsis = "-cut <count|height|inconsistency>", displayOrder = 11)
  public SelectedTag getCutBy() {
    return Tags.select(cutBy);
  }

  public void setCutBy(SelectedTag tag) {
    cutBy = Tags.value(tag, DendrogramCut.Criterion.class);
  }

  @OptionMetadata(displayName = "heightThreshold", description = "Height (linkage distance) at which the tree is cut when cutting by height (finite, at least 0).",
      commandLineParamName = "H", commandLineParamSynopsis = "-H <double>", displayOrder = 12)
  public double getHeightThreshold() {
    return heightThreshold;
  }

  public void setHeightThreshold(double h) {
    Check.nonNegative("height threshold", h);
    heightThreshold = h;
  }

  @OptionMetadata(displayName = "inconsistencyThreshold", description = "Largest inconsistency coefficient allowed inside a cluster when cutting by inconsistency (finite, at least 0).",
      commandLineParamName = "inconsistency", commandLineParamSynopsis = "-inconsistency <double>", displayOrder = 13)
  public double getInconsistencyThreshold() {
    return inconsistencyThreshold;
  }

  public void setInconsistencyThreshold(double t) {
    Check.nonNegative("inconsistency threshold", t);
    inconsistencyThreshold = t;
  }

  @OptionMetadata(displayName = "depth", description = "Levels below a merge used for its inconsistency coefficient (at least 1).",
      commandLineParamName = "depth", commandLineParamSynopsis = "-depth <int>", displayOrder = 14)
  public int getDepth() {
    return depth;
  }

  public void setDepth(int d) {
    Check.atLeast("depth (inconsistency levels)", d, 1);
    depth = d;
  }

  @OptionMetadata(displayName = "distance", description = "Distance between rows: the fast built-ins (euclidean, sqeuclidean, manhattan, chebyshev, cosine; no normalisation) or weka to use the Weka distance function below (slower, one thread).",
      commandLineParamName = "distance", commandLineParamSynopsis = "-distance <euclidean|sqeuclidean|manhattan|chebyshev|cosine|weka>", displayOrder = 20)
  public SelectedTag getDistance() {
    return Tags.select(distance);
  }

  public void setDistance(SelectedTag tag) {
    distance = Tags.value(tag, DistanceChoice.class);
  }

  @OptionMetadata(displayName = "wekaDistance", description = "Weka distance function used when distance is 'weka' (note: Weka's EuclideanDistance range-normalises the attributes by default).",
      commandLineParamName = "A", commandLineParamSynopsis = "-A <classname and options>", displayOrder = 21)
  public DistanceFunction getWekaDistance() {
    return wekaDistance;
  }

  public void setWekaDistance(DistanceFunction f) {
    if (f == null) {
      throw new IllegalArgumentException("the Weka distance function must not be null");
    }
    wekaDistance = f;
  }
}
