package clusterlab.core.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Partition;
import clusterlab.core.TrainingRows;
import clusterlab.core.distance.Distance;
import clusterlab.core.neighbors.LazyIndex;
import clusterlab.core.neighbors.NeighborIndexes;
import java.io.Serializable;

/**
 * The flat clustering OPTICS gives with &xi;-steep extraction, as a {@link Partition}: the
 * OPTICS ordering ({@link #optics()}), the &xi; clusters ({@link #xi()}) and the rule for new rows.
 *
 * <p>A new row joins the cluster of its nearest training row when it lies within that row's core
 * distance (it would be density-reachable from it), else it is noise; training rows keep their
 * &xi; label.
 */
public final class XiPartition implements Partition, Serializable {

  private static final long serialVersionUID = 1L;

  private final OpticsModel optics;
  private final OpticsModel.XiResult xi;
  private final int[] labels;
  private final double[] core;
  private final int d;
  private final LazyIndex index;
  private final TrainingRows trainingRows;

  /**
   * @param data the rows OPTICS ordered (values kept by reference)
   * @param kind the neighbour index for new rows
   */
  public XiPartition(OpticsModel optics, OpticsModel.XiResult xi, Dataset data, Distance distance,
      NeighborIndexes.Kind kind) {
    this.optics = Check.notNull("optics", optics);
    this.xi = Check.notNull("xi", xi);
    this.labels = xi.labels();
    this.core = optics.coreDistances();
    this.d = data.d();
    this.index = new LazyIndex(data.values(), data.n(), d, distance, kind);
    this.trainingRows = new TrainingRows(data.values(), data.n(), d);
  }

  /** The OPTICS ordering, reachability, core distances and predecessors. */
  public OpticsModel optics() {
    return optics;
  }

  /** The &xi; clusters: labels and the nested ranges of the reachability plot. */
  public OpticsModel.XiResult xi() {
    return xi;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public int numClusters() {
    return xi.numClusters();
  }

  @Override
  public int predict(double[] row) {
    Check.notNull("row", row);
    if (row.length != d) {
      throw new IllegalArgumentException("the row has " + row.length + " values, the model was fitted on " + d);
    }
    int training = trainingRows.find(row, 0);
    if (training >= 0) {
      return labels[training];
    }
    double[] dist = new double[1];
    int r = index.nearest(row, 0, dist);
    return dist[0] <= core[r] ? labels[r] : -1;
  }
}
