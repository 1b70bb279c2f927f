package clusterlab.core;

import java.io.Serializable;

/**
 * Recognises the training rows of a model by exact value match, so that a model whose rule for
 * new rows may disagree with its fitted labels (a dendrogram cut, a DBSCAN border point, HDBSCAN's
 * approximate prediction) still gives every training row its own label: the {@link Partition}
 * contract. Rows with identical values resolve to the first of them in training order.
 *
 * <p>An open-addressing hash table of row numbers over the model's own row-major array (no copy of
 * the values): about {@code 8n} bytes, built lazily on the first lookup and again after
 * deserialization. {@code -0.0} and {@code 0.0} are the same value.
 */
public final class TrainingRows implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] values;
  private final int n;
  private final int d;
  private transient volatile int[] table;

  /** @param values row-major {@code n * d} training values (kept by reference, never written) */
  public TrainingRows(double[] values, int n, int d) {
    this.values = Check.notNull("values", values);
    this.n = n;
    this.d = d;
    if ((long) n * d != values.length) {
      throw new IllegalArgumentException("values has length " + values.length + " but n * d = " + ((long) n * d));
    }
  }

  /** The first training row equal to {@code x[off .. off+d)}, or -1 when it is no training row. */
  public int find(double[] x, int off) {
    int[] t = table();
    int mask = t.length - 1;
    for (int s = hash(x, off) & mask; t[s] != 0; s = (s + 1) & mask) {
      int r = t[s] - 1;
      if (equal(x, off, r)) {
        return r;
      }
    }
    return -1;
  }

  private int[] table() {
    int[] t = table;
    if (t == null) {
      synchronized (this) {
        t = table;
        if (t == null) {
          t = build();
          table = t;
        }
      }
    }
    return t;
  }

  private int[] build() {
    int cap = Integer.highestOneBit(Math.max(2, 2 * n) - 1) << 1;
    int[] t = new int[cap];
    int mask = cap - 1;
    for (int r = 0; r < n; r++) {
      int s = hash(values, r * d) & mask;
      boolean duplicate = false;
      for (; t[s] != 0; s = (s + 1) & mask) {
        if (equal(values, r * d, t[s] - 1)) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate) {
        t[s] = r + 1;
      }
    }
    return t;
  }

  private boolean equal(double[] x, int off, int row) {
    int base = row * d;
    for (int j = 0; j < d; j++) {
      if (x[off + j] != values[base + j]) {
        return false;
      }
    }
    return true;
  }

  private int hash(double[] x, int off) {
    long h = 1;
    for (int j = 0; j < d; j++) {
      h = 31 * h + Double.doubleToLongBits(x[off + j] + 0.0);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }
}
