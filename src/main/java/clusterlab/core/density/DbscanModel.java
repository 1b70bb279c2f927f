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
 * A fitted DBSCAN clustering: labels (-1 = noise), core flags, the eps used (and the k-distance
 * curve when eps was chosen automatically), and the core points needed to assign new rows.
 *
 * <p>New rows are assigned as a border point would be: to the cluster of the nearest core point
 * within eps, else noise. They never become core points themselves, so predicting never changes
 * the fitted clustering. The index over core points is rebuilt lazily after deserialization.
 */
public final class DbscanModel implements Partition, Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] labels;
  private final boolean[] core;
  private final int clusters;
  private final double eps;
  private final int minPts;
  private final Distance distance;
  private final double[] kDistanceCurve;
  private final int d;
  private final double[] corePoints;
  private final int[] coreLabels;
  private final LazyIndex coreIndex;
  private final double[] borderPoints;
  private final int[] borderLabels;
  private final TrainingRows borderRows;

  DbscanModel(Dataset data, int[] labels, boolean[] core, int clusters, double eps, int minPts, Distance distance,
      double[] kDistanceCurve) {
    this.labels = labels;
    this.core = core;
    this.clusters = clusters;
    this.eps = eps;
    this.minPts = minPts;
    this.distance = distance;
    this.kDistanceCurve = kDistanceCurve;
    this.d = data.d();
    int m = 0;
    for (boolean c : core) {
      m += c ? 1 : 0;
    }
    corePoints = new double[m * d];
    coreLabels = new int[m];
    int borders = 0;
    for (int i = 0; i < labels.length; i++) {
      borders += !core[i] && labels[i] >= 0 ? 1 : 0;
    }
    borderPoints = new double[borders * d];
    borderLabels = new int[borders];
    int k = 0;
    int b = 0;
    for (int i = 0; i < labels.length; i++) {
      if (core[i]) {
        System.arraycopy(data.values(), i * d, corePoints, k * d, d);
        coreLabels[k++] = labels[i];
      } else if (labels[i] >= 0) {
        System.arraycopy(data.values(), i * d, borderPoints, b * d, d);
        borderLabels[b++] = labels[i];
      }
    }
    coreIndex = new LazyIndex(corePoints, m, d, distance, NeighborIndexes.Kind.AUTO);
    borderRows = new TrainingRows(borderPoints, borders, d);
  }

  /** Cluster of every training row, -1 for noise. */
  public int[] labels() {
    return labels.clone();
  }

  /** Cluster of training row {@code i}, -1 for noise. */
  public int label(int i) {
    return labels[i];
  }

  /** Whether training row {@code i} is a core point. */
  public boolean isCore(int i) {
    return core[i];
  }

  /** Number of clusters found. */
  public int numClusters() {
    return clusters;
  }

  /** Number of rows per cluster (border points included). */
  public int[] clusterSizes() {
    int[] s = new int[clusters];
    for (int l : labels) {
      if (l >= 0) {
        s[l]++;
      }
    }
    return s;
  }

  /** Number of core points. */
  public int coreCount() {
    return coreLabels.length;
  }

  /** Number of noise rows. */
  public int noiseCount() {
    int c = 0;
    for (int l : labels) {
      c += l < 0 ? 1 : 0;
    }
    return c;
  }

  /** Number of border points (in a cluster but not core). */
  public int borderCount() {
    return labels.length - coreCount() - noiseCount();
  }

  /** The eps used (chosen or given). */
  public double eps() {
    return eps;
  }

  /** minPts used. */
  public int minPts() {
    return minPts;
  }

  /** True when eps was chosen from the k-distance knee. */
  public boolean epsChosenAutomatically() {
    return kDistanceCurve != null;
  }

  /** The sorted k-distance curve (k = minPts - 1) eps was chosen from, or null when eps was given. */
  public double[] kDistanceCurve() {
    return kDistanceCurve == null ? null : kDistanceCurve.clone();
  }

  /** The distance used. */
  public Distance distance() {
    return distance;
  }

  /**
   * Cluster of a row {@code x[off .. off+d)}: a training border point keeps the cluster it was
   * given when fitted (the cluster that reached it first); any other row gets that of the nearest
   * core point within eps (ties: the earlier training row), or -1 for noise. A training core point
   * is its own nearest core point, and a noise row has no core point within eps, so every training
   * row gets its fitted label.
   */
  public int predict(double[] x, int off) {
    Check.notNull("x", x);
    if (x.length - off < d) {
      throw new IllegalArgumentException("the row has " + (x.length - off) + " values, the model was fitted on " + d);
    }
    int border = borderRows.find(x, off);
    if (border >= 0) {
      return borderLabels[border];
    }
    double[] dist = new double[1];
    int nearest = coreIndex.nearest(x, off, dist);
    return nearest >= 0 && dist[0] <= eps ? coreLabels[nearest] : -1;
  }

  @Override
  public int predict(double[] row) {
    return predict(row, 0);
  }
}
