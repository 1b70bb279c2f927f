package clusterlab.core.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of evaluating a clusterer over a range of K: for every K the inertia (within-cluster
 * sum of squares) and every criterion computed, the K each criterion picks, and the K that was
 * chosen. Charts draw the elbow plot from {@link #ks()}, {@link #inertia()} and {@link #kneeK()}.
 * Immutable.
 */
public final class KCurve implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Name of the inertia column. */
  public static final String INERTIA = "inertia";
  /** Name of the gap statistic column (Tibshirani et al. 2001). */
  public static final String GAP = "gap";
  /** Name of the gap statistic's standard error column ({@code s_k}). */
  public static final String GAP_SE = "gap-se";
  /** Name of the BIC column (lower is better). */
  public static final String BIC = "bic";
  /** Name of the Kneedle difference-curve column. */
  public static final String KNEEDLE_DIFFERENCE = "kneedle-difference";

  private final int[] ks;
  private final LinkedHashMap<String, double[]> columns;
  private final LinkedHashMap<String, Integer> picks;
  private final int kneeK;
  private final String criterion;
  private final int chosenK;
  private final String note;

  KCurve(int[] ks, LinkedHashMap<String, double[]> columns, LinkedHashMap<String, Integer> picks, int kneeK,
      String criterion, int chosenK, String note) {
    this.ks = ks;
    this.columns = columns;
    this.picks = picks;
    this.kneeK = kneeK;
    this.criterion = criterion;
    this.chosenK = chosenK;
    this.note = note;
  }

  /** The K values evaluated, increasing (a copy). */
  public int[] ks() {
    return ks.clone();
  }

  /** Within-cluster sum of squares (weighted, around the cluster means) for every K (a copy). */
  public double[] inertia() {
    return column(INERTIA);
  }

  /** Names of all columns, in table order (inertia first). */
  public List<String> columnNames() {
    return Collections.unmodifiableList(new ArrayList<>(columns.keySet()));
  }

  /** Values of one column for every K (a copy; NaN where undefined, e.g. silhouette at K = 1). */
  public double[] column(String name) {
    double[] v = columns.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no column named '" + name + "'; the curve has " + columns.keySet());
    }
    return v.clone();
  }

  /** True when the curve has a column of that name. */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /** The K each criterion picks (-1 where it picks none), by criterion name. */
  public Map<String, Integer> picks() {
    return Collections.unmodifiableMap(picks);
  }

  /** The elbow of the inertia curve found by Kneedle, or -1 when it found none. */
  public int kneeK() {
    return kneeK;
  }

  /** The criterion the choice was made by. */
  public String criterion() {
    return criterion;
  }

  /** The chosen K. */
  public int chosenK() {
    return chosenK;
  }

  /** Why the choice fell back to another rule, or the empty string. */
  public String note() {
    return note;
  }

  /** Index into {@link #ks()} of a K value, or -1. */
  public int indexOf(int k) {
    for (int i = 0; i < ks.length; i++) {
      if (ks[i] == k) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "KCurve[ks=" + Arrays.toString(ks) + ", chosen K=" + chosenK + " by " + criterion + "]";
  }
}
