package weka.clusterers.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.density.Hdbscan;
import clusterlab.core.density.HdbscanModel;
import clusterlab.weka.Tags;
import clusterlab.weka.Weighting;
import clusterlab.weka.density.NeighbourhoodClusterer;
import java.util.Locale;
import weka.core.Instance;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;

/**
 * Weka adapter for ClusterLab's HDBSCAN core ({@link Hdbscan}): excess-of-mass or leaf selection,
 * GLOSH outlier scores, membership probabilities in {@link #distributionForInstance}, approximate
 * prediction for new instances.
 */
public class HDBSCAN extends NeighbourhoodClusterer<HdbscanModel> {

  private static final long serialVersionUID = 1L;

  private int minClusterSize = 5;
  private int minSamples = 0;
  private Hdbscan.Selection selection = Hdbscan.Selection.EOM;
  private double clusterSelectionEpsilon = 0;

  public String globalInfo() {
    return "HDBSCAN hierarchical density-based clustering (Campello, Moulavi and Sander 2013; McInnes, Healy and "
        + "Astels 2017): DBSCAN over all eps at once, keeping the most stable clusters of at least minClusterSize "
        + "rows. No eps to choose. With minSamples = minClusterSize = minPts it reproduces R's dbscan::hdbscan "
        + "(labels and GLOSH outlier scores).\n\nNoise is refused by clusterInstance (ClusterEvaluation lists it "
        + "as unclustered). distributionForInstance gives the membership probability in the cluster's slot "
        + "(all zeros for noise); new instances are placed by approximate prediction (mutual-reachability nearest "
        + "neighbour). The GLOSH outlier scores of the training rows are available from getModel() and from the "
        + "AddDensityCluster filter. Attribute values are used as given.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Ricardo J. G. B. Campello and Davoud Moulavi and Joerg Sander");
    t.setValue(TechnicalInformation.Field.TITLE, "Density-Based Clustering Based on Hierarchical Density Estimates");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "Advances in Knowledge Discovery and Data Mining (PAKDD 2013)");
    t.setValue(TechnicalInformation.Field.PAGES, "160-172");
    t.setValue(TechnicalInformation.Field.YEAR, "2013");
    TechnicalInformation m = t.add(TechnicalInformation.Type.ARTICLE);
    m.setValue(TechnicalInformation.Field.AUTHOR, "Leland McInnes and John Healy and Steve Astels");
    m.setValue(TechnicalInformation.Field.TITLE, "hdbscan: Hierarchical density based clustering");
    m.setValue(TechnicalInformation.Field.JOURNAL, "Journal of Open Source Software");
    m.setValue(TechnicalInformation.Field.VOLUME, "2");
    m.setValue(TechnicalInformation.Field.NUMBER, "11");
    m.setValue(TechnicalInformation.Field.YEAR, "2017");
    return t;
  }

  private int effectiveMinSamples() {
    return minSamples <= 0 ? minClusterSize : minSamples;
  }

  @Override
  protected HdbscanModel fit(Dataset dataset, Progress progress) {
    checkIndexFitsDistance();
    Weighting.refuseWeights(dataset, "HDBSCAN");
    int ms = effectiveMinSamples();
    if (dataset.n() < Math.max(2, ms)) {
      throw new IllegalArgumentException("HDBSCAN with minSamples = " + ms + " needs at least " + Math.max(2, ms)
          + " instances, the data has " + dataset.n() + "; lower -K / -M or use more data");
    }
    return Hdbscan.builder(minClusterSize).minSamples(ms).selection(selection)
        .clusterSelectionEpsilon(clusterSelectionEpsilon).distance(metric()).indexKind(indexKind()).threads(threads())
        .build()
        .fit(dataset, progress);
  }

  /** GLOSH outlier scores of the training rows. */
  public double[] trainingOutlierScores() {
    checkBuilt();
    return getModel().outlierScores();
  }

  /** Approximate GLOSH outlier score of a new instance. */
  public double outlierScore(Instance instance) throws Exception {
    return getModel().outlierScore(row(instance), 0);
  }

  @OptionMetadata(displayName = "minClusterSize", description = "Smallest cluster (at least 2).",
      commandLineParamName = "M", commandLineParamSynopsis = "-M <int>", displayOrder = 1)
  public int getMinClusterSize() {
    return minClusterSize;
  }

  public void setMinClusterSize(int m) {
    Check.atLeast("minClusterSize", m, 2);
    minClusterSize = m;
  }

  @OptionMetadata(displayName = "minSamples", description = "Neighbours, the row itself included, that define the core distance (R's minPts); 0 uses minClusterSize. Larger is more conservative (more noise).",
      commandLineParamName = "K", commandLineParamSynopsis = "-K <int>", displayOrder = 2)
  public int getMinSamples() {
    return minSamples;
  }

  public void setMinSamples(int m) {
    if (m < 0) {
      throw new IllegalArgumentException("minSamples must be at least 0 (0 = minClusterSize), got " + m);
    }
    minSamples = m;
  }

  @OptionMetadata(displayName = "selection", description = "Cluster selection: eom (excess of mass, the most stable clusters) or leaf (the leaves of the cluster tree: smaller, more homogeneous clusters).",
      commandLineParamName = "selection", commandLineParamSynopsis = "-selection <eom|leaf>", displayOrder = 3)
  public SelectedTag getSelection() {
    return Tags.select(selection);
  }

  public void setSelection(SelectedTag tag) {
    selection = Tags.value(tag, Hdbscan.Selection.class);
  }

  @OptionMetadata(displayName = "clusterSelectionEpsilon", description = "Clusters that split at a distance below this value are kept whole (0 = off, at least 0).",
      commandLineParamName = "cse", commandLineParamSynopsis = "-cse <double>", displayOrder = 4)
  public double getClusterSelectionEpsilon() {
    return clusterSelectionEpsilon;
  }

  public void setClusterSelectionEpsilon(double e) {
    Check.nonNegative("clusterSelectionEpsilon", e);
    clusterSelectionEpsilon = e;
  }

  @Override
  protected String describeModel() {
    HdbscanModel model = getModel();
    if (model == null) {
      return "HDBSCAN: no model built yet.";
    }
    int n = model.labels().length;
    StringBuilder sb = new StringBuilder("HDBSCAN (ClusterLab)\n====================\n\n");
    sb.append(String.format(Locale.ROOT, "minClusterSize: %d   minSamples: %d   selection: %s   distance: %s%n",
        minClusterSize, effectiveMinSamples(), Tags.word(selection), metric().id()));
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Noise: %d (%.1f%%)%n%n", model.numClusters(), model.noiseCount(),
        100.0 * model.noiseCount() / n));
    int[] s = model.clusterSizes();
    double[] st = model.clusterStabilities();
    sb.append("Cluster sizes (stability):\n");
    for (int c = 0; c < s.length; c++) {
      sb.append(String.format(Locale.ROOT, "  cluster %d: %d (%.1f%%)   stability %.6g%n", c, s[c], 100.0 * s[c] / n, st[c]));
    }
    return sb.append('\n').append(NOISE_NOTE).toString();
  }

  public static void main(String[] args) {
    runClusterer(new HDBSCAN(), args);
  }
}
