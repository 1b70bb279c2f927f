package clusterlab.gui.model;

import clusterlab.core.Dataset;
import clusterlab.core.density.HdbscanModel;
import clusterlab.core.density.OpticsModel;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.core.select.KCurve;
import weka.clusterers.Clusterer;
import weka.core.Instances;

/**
 * One clustering as the Cluster Lab tab shows it: the data, the built clusterer, the labels of the
 * training rows (-1 = noise), every quality index of those labels, and whatever core result the
 * clusterer keeps for the charts (merge history, K curve, k-distance curve, OPTICS ordering,
 * HDBSCAN tree, centroids). Immutable: a drag of the cut or eps line makes a new result through
 * {@link #relabelled}, keeping the charts' inputs and replacing labels, model and indices.
 */
public final class ClusterResult {

  private final Instances data;
  private final Instances trainData;
  private final Dataset points;
  private final Clusterer clusterer;
  private final int[] labels;
  private final QualityReport report;
  private final Extras extras;

  /** The optional core results behind the charts; null fields are charts that do not apply. */
  public static final class Extras {
    /** Dendrogram of a hierarchical clusterer (or parsed from Newick). */
    public MergeHistory tree;
    /** Leaf labels for the dendrogram (row numbers when the data has no string attribute). */
    public String[] leafLabels;
    /** Height of the current cut, NaN when the tree was cut otherwise than by height. */
    public double cutHeight = Double.NaN;
    /** ChooseK's curve over K. */
    public KCurve curve;
    /** Sorted k-distance curve (DBSCAN), with its k. */
    public double[] kDistance;
    public int kDistanceK;
    /** Current eps (DBSCAN, or the OPTICS extraction), NaN when none. */
    public double eps = Double.NaN;
    public OpticsModel optics;
    public HdbscanModel hdbscan;
    /** Centroids, k rows of {@code points.d()} columns, row-major; null when the clusterer has none. */
    public double[] centroids;

    Extras copy() {
      Extras e = new Extras();
      e.tree = tree;
      e.leafLabels = leafLabels;
      e.cutHeight = cutHeight;
      e.curve = curve;
      e.kDistance = kDistance;
      e.kDistanceK = kDistanceK;
      e.eps = eps;
      e.optics = optics;
      e.hdbscan = hdbscan;
      e.centroids = centroids;
      return e;
    }
  }

  ClusterResult(Instances data, Instances trainData, Dataset points, Clusterer clusterer, int[] labels,
      QualityReport report, Extras extras) {
    this.data = data;
    this.trainData = trainData;
    this.points = points;
    this.clusterer = clusterer;
    this.labels = labels;
    this.report = report;
    this.extras = extras;
  }

  /** The data as loaded (class attribute kept). */
  public Instances data() {
    return data;
  }

  /** What the clusterer was trained on: the data without its class attribute. */
  public Instances trainData() {
    return trainData;
  }

  /** The rows the indices and charts use: class removed, nominal one-hot, nothing rescaled. */
  public Dataset points() {
    return points;
  }

  /** The built clusterer whose labels these are (after a re-cut: the re-cut copy). */
  public Clusterer clusterer() {
    return clusterer;
  }

  /** Cluster of each training row, -1 for noise. */
  public int[] labels() {
    return labels.clone();
  }

  /** Number of clusters (noise excluded). */
  public int numClusters() {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    return max + 1;
  }

  /** Every quality index of the labels. */
  public QualityReport report() {
    return report;
  }

  /** The core results behind the charts (do not modify). */
  public Extras extras() {
    return extras;
  }

  /**
   * A copy with new labels, model and indices after a re-cut ({@code cutHeight}) or a re-labelling
   * ({@code eps}); pass NaN for the one that did not change.
   */
  public ClusterResult relabelled(int[] newLabels, Clusterer newClusterer, QualityReport newReport, double cutHeight,
      double eps) {
    if (newLabels.length != labels.length) {
      throw new IllegalArgumentException("re-labelling has " + newLabels.length + " labels for " + labels.length + " rows");
    }
    Extras e = extras.copy();
    if (!Double.isNaN(cutHeight)) {
      e.cutHeight = cutHeight;
    }
    if (!Double.isNaN(eps)) {
      e.eps = eps;
    }
    e.centroids = null; // centroids belong to the original clustering
    return new ClusterResult(data, trainData, points, newClusterer == null ? clusterer : newClusterer, newLabels.clone(),
        newReport, e);
  }
}
