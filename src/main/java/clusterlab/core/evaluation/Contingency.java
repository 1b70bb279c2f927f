package clusterlab.core.evaluation;

import clusterlab.core.Check;
import java.io.Serializable;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * The contingency table of two labellings of the same rows: entry (i, j) counts the rows with
 * reference class {@code classIds[i]} and cluster {@code clusterIds[j]}. Every external index is a
 * function of this table. As in scikit-learn, every distinct value is a label, including -1: noise
 * counts as one more cluster, so a clusterer is charged for the rows it leaves out.
 */
public final class Contingency implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long[][] table;
  private final int[] classIds;
  private final int[] clusterIds;
  private final long[] rowSums;
  private final long[] colSums;
  private final long n;

  private Contingency(long[][] table, int[] classIds, int[] clusterIds) {
    this.table = table;
    this.classIds = classIds;
    this.clusterIds = clusterIds;
    rowSums = new long[classIds.length];
    colSums = new long[clusterIds.length];
    long total = 0;
    for (int i = 0; i < classIds.length; i++) {
      for (int j = 0; j < clusterIds.length; j++) {
        rowSums[i] += table[i][j];
        colSums[j] += table[i][j];
        total += table[i][j];
      }
    }
    n = total;
  }

  /**
   * Cross-tabulates reference classes against clusters.
   *
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public static Contingency of(int[] truth, int[] clusters) {
    Check.notNull("truth", truth);
    Check.notNull("clusters", clusters);
    if (truth.length != clusters.length) {
      throw new IllegalArgumentException("truth has " + truth.length + " labels but clusters has "
          + clusters.length + "; both must label the same rows");
    }
    int[] a = distinct(truth);
    int[] b = distinct(clusters);
    long[][] t = new long[a.length][b.length];
    for (int i = 0; i < truth.length; i++) {
      t[Arrays.binarySearch(a, truth[i])][Arrays.binarySearch(b, clusters[i])]++;
    }
    return new Contingency(t, a, b);
  }

  private static int[] distinct(int[] x) {
    TreeMap<Integer, Integer> seen = new TreeMap<>();
    for (int v : x) {
      seen.put(v, v);
    }
    return seen.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** Number of rows. */
  public long n() {
    return n;
  }

  /** Distinct reference classes, ascending (the table's rows). */
  public int[] classIds() {
    return classIds.clone();
  }

  /** Distinct clusters, ascending (the table's columns; -1 is noise). */
  public int[] clusterIds() {
    return clusterIds.clone();
  }

  /** Count of rows in class row {@code i} and cluster column {@code j}. */
  public long count(int i, int j) {
    return table[i][j];
  }

  /** A copy of the table, classes x clusters. */
  public long[][] table() {
    long[][] c = new long[table.length][];
    for (int i = 0; i < table.length; i++) {
      c[i] = table[i].clone();
    }
    return c;
  }

  /** Rows per class. */
  public long[] classSizes() {
    return rowSums.clone();
  }

  /** Rows per cluster. */
  public long[] clusterSizes() {
    return colSums.clone();
  }

  long[] rows() {
    return rowSums;
  }

  long[] cols() {
    return colSums;
  }

  long[][] raw() {
    return table;
  }

  /** Text rendering (classes as rows, clusters as columns), for reports. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%10s", "class\\clu"));
    for (int id : clusterIds) {
      sb.append(String.format(" %7s", id == -1 ? "noise" : Integer.toString(id)));
    }
    sb.append('\n');
    for (int i = 0; i < classIds.length; i++) {
      sb.append(String.format("%10d", classIds[i]));
      for (int j = 0; j < clusterIds.length; j++) {
        sb.append(String.format(" %7d", table[i][j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
