package clusterlab.gui.model;

import clusterlab.core.Dataset;
import clusterlab.core.density.DbscanModel;
import clusterlab.core.density.KDistance;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.weka.QualitySupport;
import clusterlab.weka.hierarchical.HierarchicalClustererBase;
import weka.clusterers.Clusterer;
import weka.clusterers.density.DBSCAN;
import weka.clusterers.density.HDBSCAN;
import weka.clusterers.density.OPTICS;
import weka.clusterers.meta.ChooseK;
import weka.core.Instances;

/**
 * Turns a built clusterer into a {@link ClusterResult}: the training labels as the model reports
 * them (for ClusterLab's clusterers, their core result; for any other Weka clusterer,
 * {@code clusterInstance} on every row, noise where it throws), the quality indices, and the core
 * results its charts need. ChooseK is looked through: the result is the chosen clustering, with
 * ChooseK's curve attached.
 */
public final class ClusterAnalyzer {

  private ClusterAnalyzer() {
  }

  /**
   * @param built a clusterer already built on {@code trainData}
   * @param data the data as loaded (class attribute kept, as the reference of the external indices)
   * @param trainData {@code data} without its class attribute, what {@code built} was trained on
   */
  public static ClusterResult analyze(Clusterer built, Instances data, Instances trainData) throws Exception {
    ClusterResult.Extras extras = new ClusterResult.Extras();
    Clusterer inner = built;
    if (built instanceof ChooseK) {
      extras.curve = ((ChooseK) built).getCurve();
      inner = ((ChooseK) built).getChosenClusterer();
    }
    Dataset points = QualitySupport.dataset(trainData);
    int[] labels = labels(inner, trainData);
    if (inner instanceof HierarchicalClustererBase) {
      MergeHistory tree = ((HierarchicalClustererBase) inner).getMergeHistory();
      extras.tree = tree;
      extras.leafLabels = leafLabels(trainData);
      extras.cutHeight = heightBetween(tree, labels);
    } else if (inner instanceof DBSCAN) {
      DbscanModel m = ((DBSCAN) inner).getModel();
      extras.eps = m.eps();
      extras.kDistanceK = Math.max(1, m.minPts() - 1);
      extras.kDistance = m.kDistanceCurve() != null ? m.kDistanceCurve()
          : kDistance(points, m, extras.kDistanceK);
    } else if (inner instanceof OPTICS) {
      extras.optics = ((OPTICS) inner).getModel().optics();
    } else if (inner instanceof HDBSCAN) {
      extras.hdbscan = ((HDBSCAN) inner).getModel();
    } else if (inner instanceof weka.clusterers.centroid.KMeans) {
      KMeansModel m = ((weka.clusterers.centroid.KMeans) inner).getModel();
      if (m.d() == points.d()) {
        extras.centroids = m.centroids();
      }
    }
    return new ClusterResult(data, trainData, points, inner, labels, evaluate(points, labels, data), extras);
  }

  /** A result for a tree alone (a Newick dendrogram from any clusterer): rows are the leaves. */
  public static ClusterResult ofTree(MergeHistory tree, String[] leafLabels, int clusters) {
    ClusterResult.Extras extras = new ClusterResult.Extras();
    extras.tree = tree;
    extras.leafLabels = leafLabels;
    int[] labels = tree.cutCount(Math.max(1, Math.min(clusters, tree.n())));
    extras.cutHeight = heightBetween(tree, labels);
    return new ClusterResult(null, null, null, null, labels, null, extras);
  }

  /** The training labels the model reports. */
  static int[] labels(Clusterer c, Instances trainData) throws Exception {
    if (c instanceof HierarchicalClustererBase) {
      return ((HierarchicalClustererBase) c).getTrainingLabels();
    }
    if (c instanceof clusterlab.weka.PartitioningClusterer && ((clusterlab.weka.PartitioningClusterer<?>) c).getModel() != null) {
      return ((clusterlab.weka.PartitioningClusterer<?>) c).getModel().labels();
    }
    return QualitySupport.assign(c, trainData);
  }

  /**
   * A height that reproduces a cut of {@code tree}: midway between the highest merge kept inside
   * the clusters and the lowest merge above them (NaN when the labels are not a height cut, as an
   * inconsistency cut may not be).
   */
  public static double heightBetween(MergeHistory tree, int[] labels) {
    int n = tree.n();
    if (n < 2) {
      return 0;
    }
    double[] md = tree.maxDists();
    double inside = 0;
    double above = Double.POSITIVE_INFINITY;
    int[] rep = new int[2 * n - 1];
    for (int i = 0; i < n; i++) {
      rep[i] = i;
    }
    for (int m = 0; m < n - 1; m++) {
      rep[n + m] = rep[tree.first(m)];
      boolean applied = labels[rep[tree.first(m)]] == labels[rep[tree.second(m)]];
      if (applied) {
        inside = Math.max(inside, md[m]);
      } else {
        above = Math.min(above, md[m]);
      }
    }
    if (above == Double.POSITIVE_INFINITY) {
      return inside; // one cluster: the line at the root
    }
    return inside < above ? (inside + above) / 2 : Double.NaN;
  }

  /** Leaf labels: the first string attribute, else row numbers from 1. */
  static String[] leafLabels(Instances data) {
    int att = -1;
    for (int a = 0; a < data.numAttributes() && att < 0; a++) {
      if (a != data.classIndex() && data.attribute(a).isString()) {
        att = a;
      }
    }
    String[] out = new String[data.numInstances()];
    for (int i = 0; i < out.length; i++) {
      out[i] = att >= 0 && !data.instance(i).isMissing(att) ? data.instance(i).stringValue(att) : Integer.toString(i + 1);
    }
    return out;
  }

  private static double[] kDistance(Dataset points, DbscanModel m, int k) {
    if (points.n() <= k) {
      return new double[0];
    }
    return KDistance.curve(NeighborIndexes.auto(points, m.distance()), points, k, 0);
  }

  /** Every index of {@code labels}; the class of {@code data}, when nominal, is the external reference. */
  static clusterlab.core.evaluation.QualityReport evaluate(Dataset points, int[] labels, Instances data) {
    return QualityPolicy.forRows(points.n()).evaluate(points, labels, QualitySupport.truth(data));
  }
}
