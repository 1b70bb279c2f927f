package clusterlab.core.tsne;

import java.util.Arrays;

/**
 * A symmetric sparse matrix in compressed-row form (row pointers, column indices ascending per
 * row, values): the joint input affinities of Barnes-Hut t-SNE, O(n k) memory.
 */
public final class SparseMatrix {

  final int n;
  final int[] rowStart;
  final int[] cols;
  final double[] vals;

  private SparseMatrix(int n, int[] rowStart, int[] cols, double[] vals) {
    this.n = n;
    this.rowStart = rowStart;
    this.cols = cols;
    this.vals = vals;
  }

  /** Number of rows (and columns). */
  public int n() {
    return n;
  }

  /** Number of stored entries. */
  public int nonZeros() {
    return rowStart[n];
  }

  /** Value at (i, j), 0 when not stored. */
  public double get(int i, int j) {
    int pos = Arrays.binarySearch(cols, rowStart[i], rowStart[i + 1], j);
    return pos >= 0 ? vals[pos] : 0.0;
  }

  /**
   * From {@code k} conditionals per row ({@code nbr[i*k + m]} with value {@code cond[i*k + m]}),
   * builds {@code (C + C^T) / max(sum, eps)} without any O(n^2) structure: the transpose comes
   * from a counting sort, and each row merges its own and its transposed entries. {@code nbr} and
   * {@code cond} are reordered in place (they are scratch to the caller).
   */
  static SparseMatrix symmetrise(int n, int k, int[] nbr, double[] cond) {
    // sort each row's neighbours by column, in place (the caller's arrays are scratch): O(n k) memory
    int[] own = nbr;
    double[] ownVal = cond;
    long[] key = new long[k];
    double[] val = new double[k];
    for (int i = 0; i < n; i++) {
      final int base = i * k;
      for (int m = 0; m < k; m++) {
        key[m] = ((long) nbr[base + m] << 32) | m;
        val[m] = cond[base + m];
      }
      Arrays.sort(key);
      for (int m = 0; m < k; m++) {
        own[base + m] = (int) (key[m] >>> 32);
        ownVal[base + m] = val[(int) key[m]];
      }
    }
    // transpose by counting sort: row j lists the i with j in knn(i), ascending in i
    int[] tStart = new int[n + 1];
    for (int e = 0; e < n * k; e++) {
      tStart[own[e] + 1]++;
    }
    for (int j = 0; j < n; j++) {
      tStart[j + 1] += tStart[j];
    }
    int[] tCol = new int[n * k];
    double[] tVal = new double[n * k];
    int[] fill = Arrays.copyOf(tStart, n);
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < k; m++) {
        int j = own[i * k + m];
        int pos = fill[j]++;
        tCol[pos] = i;
        tVal[pos] = ownVal[i * k + m];
      }
    }
    // merge: count, then fill
    int[] rowStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      rowStart[i + 1] = rowStart[i] + mergeCount(own, i * k, i * k + k, tCol, tStart[i], tStart[i + 1]);
    }
    int[] cols = new int[rowStart[n]];
    double[] vals = new double[rowStart[n]];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int a = i * k;
      int aEnd = a + k;
      int b = tStart[i];
      int bEnd = tStart[i + 1];
      int out = rowStart[i];
      while (a < aEnd || b < bEnd) {
        int ca = a < aEnd ? own[a] : Integer.MAX_VALUE;
        int cb = b < bEnd ? tCol[b] : Integer.MAX_VALUE;
        double v;
        if (ca == cb) {
          v = ownVal[a++] + tVal[b++];
          cols[out] = ca;
        } else if (ca < cb) {
          v = ownVal[a++];
          cols[out] = ca;
        } else {
          v = tVal[b++];
          cols[out] = cb;
        }
        vals[out++] = v;
        sum += v;
      }
    }
    sum = Math.max(sum, Affinities.MACHINE_EPSILON);
    for (int e = 0; e < vals.length; e++) {
      vals[e] /= sum;
    }
    return new SparseMatrix(n, rowStart, cols, vals);
  }

  private static int mergeCount(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    int count = 0;
    while (aFrom < aTo || bFrom < bTo) {
      int ca = aFrom < aTo ? a[aFrom] : Integer.MAX_VALUE;
      int cb = bFrom < bTo ? b[bFrom] : Integer.MAX_VALUE;
      if (ca <= cb) {
        aFrom++;
      }
      if (cb <= ca) {
        bFrom++;
      }
      count++;
    }
    return count;
  }
}
