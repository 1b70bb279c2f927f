package clusterlab.core.medoids;

import clusterlab.core.distance.Distance;
import clusterlab.core.Partition;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A fitted k-medoids model. The medoids are real training rows, reported by their row index and
 * their values; every training row carries its cluster and its dissimilarity to that cluster's
 * medoid. The objective is the total (weighted) deviation {@code TD = sum_o w_o d(o, medoid(o))};
 * R's {@code cluster::pam} reports {@code TD / n} as {@code objective["swap"]}. Immutable.
 */
public final class KMedoidsModel implements Partition, Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] medoidRows;
  private final double[] medoidValues;
  private final int d;
  private final int[] labels;
  private final double[] deviation;
  private final double[] weights;
  private final double initialDeviation;
  private final int swaps;
  private final boolean converged;
  private final Distance distance;
  private final String method;
  private final boolean precomputed;

  KMedoidsModel(int[] medoidRows, double[] medoidValues, int d, int[] labels, double[] deviation, double[] weights,
      double initialDeviation, int swaps, boolean converged, Distance distance, String method, boolean precomputed) {
    this.medoidRows = medoidRows;
    this.medoidValues = medoidValues;
    this.d = d;
    this.labels = labels;
    this.deviation = deviation;
    this.weights = weights;
    this.initialDeviation = initialDeviation;
    this.swaps = swaps;
    this.converged = converged;
    this.distance = distance;
    this.method = method;
    this.precomputed = precomputed;
  }

  /** Number of clusters. */
  public int k() {
    return medoidRows.length;
  }

  /** Number of columns of a row. */
  public int d() {
    return d;
  }

  /** Training row index of each medoid (a copy). */
  public int[] medoidRows() {
    return medoidRows.clone();
  }

  /** The values of medoid {@code c} (a copy of that training row). */
  public double[] medoid(int c) {
    return Arrays.copyOfRange(medoidValues, c * d, c * d + d);
  }

  /** Cluster of every training row (a copy). */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Dissimilarity of every training row to its medoid (a copy). */
  public double[] deviations() {
    return deviation.clone();
  }

  /** Total weighted deviation TD (the objective k-medoids minimises). */
  public double totalDeviation() {
    double s = 0;
    for (int o = 0; o < labels.length; o++) {
      s += weight(o) * deviation[o];
    }
    return s;
  }

  /** Mean deviation TD / (total weight): R {@code pam}'s {@code objective["swap"]} for unit weights. */
  public double meanDeviation() {
    double wsum = 0;
    for (int o = 0; o < labels.length; o++) {
      wsum += weight(o);
    }
    return totalDeviation() / wsum;
  }

  /** TD after the initialisation, before any swap (R {@code pam}'s {@code objective["build"]} times n after BUILD). */
  public double initialDeviation() {
    return initialDeviation;
  }

  /** Total weight (size when unweighted) of each cluster. */
  public double[] clusterWeight() {
    double[] s = new double[k()];
    for (int o = 0; o < labels.length; o++) {
      s[labels[o]] += weight(o);
    }
    return s;
  }

  /** Total weighted deviation of each cluster. */
  public double[] clusterDeviation() {
    double[] s = new double[k()];
    for (int o = 0; o < labels.length; o++) {
      s[labels[o]] += weight(o) * deviation[o];
    }
    return s;
  }

  /** Number of swaps applied. */
  public int swaps() {
    return swaps;
  }

  /** True when the swap phase stopped because no swap improved TD (not at the pass limit). */
  public boolean converged() {
    return converged;
  }

  /** The distance the model was fitted with (used by {@link #predict}). */
  public Distance distance() {
    return distance;
  }

  /** "pam" (FasterPAM on all rows) or "clara". */
  public String method() {
    return method;
  }

  /** True when the dissimilarity matrix was precomputed (false: computed on demand, O(n) memory). */
  public boolean precomputed() {
    return precomputed;
  }

  private double weight(int o) {
    return weights == null ? 1.0 : weights[o];
  }

  @Override
  public int numClusters() {
    return k();
  }

  /** Cluster of a row of the training layout (see {@link #predict(double[], int)}). */
  @Override
  public int predict(double[] row) {
    return predict(row, 0);
  }

  /** Cluster of a new row: its nearest medoid (ties: the lower cluster). */
  public int predict(double[] row, int offset) {
    int best = 0;
    double bd = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k(); c++) {
      double dist = distance.between(row, offset, medoidValues, c * d, d);
      if (dist < bd) {
        bd = dist;
        best = c;
      }
    }
    return best;
  }
}
