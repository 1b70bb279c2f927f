package clusterlab.core.evaluation;

import clusterlab.core.Check;
import java.util.Arrays;

/**
 * A labelling with noise set aside: cluster ids (any non-negative ints, not necessarily
 * contiguous) are mapped to dense indices {@code 0..k-1} in increasing id order, and rows labelled
 * {@code -1} are counted as noise and excluded. Every internal index starts from one of these so
 * they all treat noise, empty ids and the cluster count the same way.
 */
public final class Labelling {

  /** The label that marks a noise row. */
  public static final int NOISE = -1;

  private final int[] dense;
  private final int[] ids;
  private final int[] sizes;
  private final int noise;

  private Labelling(int[] dense, int[] ids, int[] sizes, int noise) {
    this.dense = dense;
    this.ids = ids;
    this.sizes = sizes;
    this.noise = noise;
  }

  /**
   * Reads a labelling of {@code n} rows.
   *
   * @throws IllegalArgumentException if the length differs from {@code n} or a label is below -1
   */
  public static Labelling of(int[] labels, int n) {
    Check.notNull("labels", labels);
    if (labels.length != n) {
      throw new IllegalArgumentException("labels has length " + labels.length + " but the data has " + n
          + " rows; pass one label per row");
    }
    int max = -1;
    for (int i = 0; i < n; i++) {
      if (labels[i] < NOISE) {
        throw new IllegalArgumentException("label of row " + i + " is " + labels[i]
            + "; labels must be cluster ids >= 0, or -1 for noise");
      }
      max = Math.max(max, labels[i]);
    }
    if (max > 2 * n + 1024) {
      return sparse(labels, n);
    }
    int[] count = new int[max + 1];
    int noise = 0;
    for (int l : labels) {
      if (l == NOISE) {
        noise++;
      } else {
        count[l]++;
      }
    }
    int k = 0;
    int[] map = new int[max + 1];
    for (int c = 0; c <= max; c++) {
      map[c] = count[c] > 0 ? k++ : -1;
    }
    int[] ids = new int[k];
    int[] sizes = new int[k];
    for (int c = 0; c <= max; c++) {
      if (map[c] >= 0) {
        ids[map[c]] = c;
        sizes[map[c]] = count[c];
      }
    }
    int[] dense = new int[n];
    for (int i = 0; i < n; i++) {
      dense[i] = labels[i] == NOISE ? NOISE : map[labels[i]];
    }
    return new Labelling(dense, ids, sizes, noise);
  }

  /** The same mapping for very large ids, through a sorted array of the distinct ids. */
  private static Labelling sparse(int[] labels, int n) {
    int[] ids = Arrays.stream(labels).filter(l -> l != NOISE).distinct().sorted().toArray();
    int[] sizes = new int[ids.length];
    int[] dense = new int[n];
    int noise = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] == NOISE) {
        dense[i] = NOISE;
        noise++;
      } else {
        dense[i] = Arrays.binarySearch(ids, labels[i]);
        sizes[dense[i]]++;
      }
    }
    return new Labelling(dense, ids, sizes, noise);
  }

  /** Number of non-empty clusters. */
  public int k() {
    return ids.length;
  }

  /** Number of rows labelled noise (-1). */
  public int noise() {
    return noise;
  }

  /** Number of rows in clusters (all rows minus noise). */
  public int clustered() {
    return dense.length - noise;
  }

  /** Dense cluster index of row {@code i} ({@code 0..k-1}), or -1 for noise. */
  public int of(int i) {
    return dense[i];
  }

  /** Dense labels, one per row, -1 for noise. Never modify. */
  int[] dense() {
    return dense;
  }

  /** The original id of dense cluster {@code c}. */
  public int id(int c) {
    return ids[c];
  }

  /** A copy of the original cluster ids, in dense order. */
  public int[] ids() {
    return ids.clone();
  }

  /** A copy of the cluster sizes, in dense order. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** Size of dense cluster {@code c}. */
  public int size(int c) {
    return sizes[c];
  }

  /**
   * Fails, with the message scikit-learn gives, unless the number of clusters is between 2 and
   * the number of clustered rows minus one: with one cluster there is nothing to separate, and
   * with every row alone there is no cohesion to measure.
   */
  void requireValidCount(String index) {
    int m = clustered();
    if (k() < 2 || k() > m - 1) {
      throw new IllegalArgumentException(index + ": number of clusters is " + k() + " (after excluding "
          + noise + " noise rows from " + dense.length + "); valid values are 2 to n_samples - 1 = "
          + (m - 1) + " (inclusive)");
    }
  }

  @Override
  public String toString() {
    return "Labelling[k=" + k() + ", noise=" + noise + ", sizes=" + Arrays.toString(sizes) + "]";
  }
}
