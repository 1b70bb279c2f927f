package clusterlab.core.hierarchical;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Partition;
import clusterlab.core.TrainingRows;
import clusterlab.core.distance.Distance;
import java.io.Serializable;

/**
 * A flat cut of a hierarchical tree as a {@link Partition}: the training rows keep the cut's
 * labels, and a new row joins the cut cluster the tree's own rule puts it in ({@link
 * CutAssignment}): the smallest linkage distance from the row taken as a one-row cluster for an
 * agglomerative tree, the smallest average distance to the members for DIANA.
 *
 * <p>Why training rows are recognised first: the linkage rule for a new row is not how the tree
 * was built (complete linkage, for one, merged clusters by their farthest members, not by where
 * each row is closest), so applying it to a training row can move the row to another cluster.
 */
public final class TreeCut implements Partition, Serializable {

  private static final long serialVersionUID = 1L;

  private final MergeHistory tree;
  private final int[] labels;
  private final double[] training;
  private final int d;
  private final Distance distance;
  private final Linkage linkage;
  private final CutAssignment assignment;
  private final TrainingRows trainingRows;

  private TreeCut(MergeHistory tree, int[] labels, Dataset data, Distance distance, Linkage linkage) {
    this.tree = Check.notNull("tree", tree);
    this.labels = Check.notNull("labels", labels).clone();
    this.training = data.values();
    this.d = data.d();
    this.distance = Check.notNull("distance", distance);
    this.linkage = linkage;
    this.assignment = new CutAssignment(tree, labels);
    this.trainingRows = new TrainingRows(training, data.n(), d);
  }

  /** A cut of an agglomerative tree; new rows by {@code linkage}'s distance to each cut cluster. */
  public static TreeCut byLinkage(MergeHistory tree, int[] labels, Dataset data, Distance distance, Linkage linkage) {
    return new TreeCut(tree, labels, data, distance, Check.notNull("linkage", linkage));
  }

  /** A cut of a divisive (DIANA) tree; new rows by the average distance to each cut cluster's members. */
  public static TreeCut byAverageDistance(MergeHistory tree, int[] labels, Dataset data, Distance distance) {
    return new TreeCut(tree, labels, data, distance, null);
  }

  /** The whole tree. */
  public MergeHistory tree() {
    return tree;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public int numClusters() {
    return assignment.k();
  }

  @Override
  public int predict(double[] row) {
    Check.notNull("row", row);
    if (row.length != d) {
      throw new IllegalArgumentException("the row has " + row.length + " values, the model was fitted on " + d);
    }
    int r = trainingRows.find(row, 0);
    if (r >= 0) {
      return labels[r];
    }
    int n = tree.n();
    double[] toRows = new double[n];
    for (int i = 0; i < n; i++) {
      toRows[i] = distance.between(row, 0, training, i * d, d);
    }
    double[] toClusters = linkage == null ? assignment.averageDistance(toRows)
        : assignment.linkageDistances(toRows, linkage);
    return CutAssignment.argmin(toClusters);
  }
}
