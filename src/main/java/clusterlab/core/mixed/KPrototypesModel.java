package clusterlab.core.mixed;

import clusterlab.core.Partition;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A fitted k-prototypes model: per cluster a prototype (numeric means, categorical modes as codes),
 * the training labels, the cost (Huang's objective) per cluster and in total, gamma, the rows the
 * initialisation picked, and the iteration count. Immutable.
 */
public final class KPrototypesModel implements Partition, Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int m;
  private final ColumnType[] types;
  private final double[] prototypes;
  private final int[] labels;
  private final double[] clusterCost;
  private final double[] clusterWeight;
  private final double gamma;
  private final int[] initialRows;
  private final int iterations;
  private final boolean converged;

  KPrototypesModel(int k, int m, ColumnType[] types, double[] prototypes, int[] labels, double[] clusterCost,
      double[] clusterWeight, double gamma, int[] initialRows, int iterations, boolean converged) {
    this.k = k;
    this.m = m;
    this.types = types;
    this.prototypes = prototypes;
    this.labels = labels;
    this.clusterCost = clusterCost;
    this.clusterWeight = clusterWeight;
    this.gamma = gamma;
    this.initialRows = initialRows;
    this.iterations = iterations;
    this.converged = converged;
  }

  public int k() {
    return k;
  }

  /** Prototype of cluster {@code c}: numeric means and categorical codes (a copy). */
  public double[] prototype(int c) {
    return Arrays.copyOfRange(prototypes, c * m, c * m + m);
  }

  /** Training labels (a copy). */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Huang's objective: the weighted sum of every row's cost against its prototype. */
  public double cost() {
    double s = 0;
    for (double c : clusterCost) {
      s += c;
    }
    return s;
  }

  /** Cost per cluster (a copy). */
  public double[] clusterCost() {
    return clusterCost.clone();
  }

  /** Total row weight per cluster (a copy). */
  public double[] clusterWeight() {
    return clusterWeight.clone();
  }

  /** The weight of a categorical mismatch used. */
  public double gamma() {
    return gamma;
  }

  /** The rows the initialisation chose as first prototypes (a copy). */
  public int[] initialRows() {
    return initialRows.clone();
  }

  public int iterations() {
    return iterations;
  }

  public boolean converged() {
    return converged;
  }

  /** Cost of a row (NaN = missing) against prototype {@code c}. */
  public double cost(double[] row, int offset, int c) {
    double num = 0;
    double mis = 0;
    for (int j = 0; j < m; j++) {
      double x = row[offset + j];
      if (x != x) {
        continue;
      }
      double p = prototypes[c * m + j];
      if (types[j] == ColumnType.NUMERIC) {
        num += (x - p) * (x - p);
      } else if (x != p) {
        mis++;
      }
    }
    return num + gamma * mis;
  }

  @Override
  public int numClusters() {
    return k;
  }

  /** Cluster of a row of the training layout (see {@link #predict(double[], int)}). */
  @Override
  public int predict(double[] row) {
    return predict(row, 0);
  }

  /** Cluster of a new row: the prototype of least cost (ties: the lower cluster). */
  public int predict(double[] row, int offset) {
    int best = 0;
    double bd = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double d = cost(row, offset, c);
      if (d < bd) {
        bd = d;
        best = c;
      }
    }
    return best;
  }
}
