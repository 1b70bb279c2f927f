package clusterlab.core.hierarchical;

/**
 * A binary min-heap of {@code double} values keyed 0..n-1, with change-value in O(log n): the
 * priority queue of M&uuml;llner's generic algorithm. Sift rules (strict comparisons, the right
 * child only when strictly smaller) match SciPy's {@code Heap}, so equal values leave the heap in
 * the same order as SciPy's and ties in the generic algorithm resolve the same way.
 */
final class IndexedMinHeap {

  private final int[] indexByKey;
  private final int[] keyByIndex;
  private final double[] values;
  private int size;

  IndexedMinHeap(int n) {
    int m = Math.max(0, n);
    indexByKey = new int[m];
    keyByIndex = new int[m];
    values = new double[m];
    size = m;
    for (int i = 0; i < m; i++) {
      indexByKey[i] = i;
      keyByIndex[i] = i;
    }
  }

  /** Sets the initial value of key k (before {@link #heapify()}). */
  void init(int k, double v) {
    values[k] = v;
  }

  /** Builds the heap in linear time. */
  void heapify() {
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  int minKey() {
    return keyByIndex[0];
  }

  double minValue() {
    return values[0];
  }

  /** Current value of key k (still in the heap). */
  double value(int k) {
    return values[indexByKey[k]];
  }

  void removeMin() {
    swap(0, size - 1);
    size--;
    siftDown(0);
  }

  void change(int k, double v) {
    int i = indexByKey[k];
    double old = values[i];
    values[i] = v;
    if (v < old) {
      siftUp(i);
    } else {
      siftDown(i);
    }
  }

  /**
   * Renames every key k still in the heap to {@code newKey[k]} (keys below {@code newKey.length};
   * new keys distinct and below the old key count) without moving any entry, so the heap's order,
   * ties included, is exactly what it was: for algorithms that compact their slots.
   */
  void renumber(int[] newKey) {
    for (int i = 0; i < size; i++) {
      int k = newKey[keyByIndex[i]];
      keyByIndex[i] = k;
      indexByKey[k] = i;
    }
  }

  private void siftUp(int i) {
    int p = (i - 1) >> 1;
    while (i > 0 && values[p] > values[i]) {
      swap(i, p);
      i = p;
      p = (i - 1) >> 1;
    }
  }

  private void siftDown(int i) {
    int c = 2 * i + 1;
    while (c < size) {
      if (c + 1 < size && values[c + 1] < values[c]) {
        c++;
      }
      if (values[i] > values[c]) {
        swap(i, c);
        i = c;
        c = 2 * i + 1;
      } else {
        break;
      }
    }
  }

  private void swap(int i, int j) {
    double t = values[i];
    values[i] = values[j];
    values[j] = t;
    int ki = keyByIndex[i];
    int kj = keyByIndex[j];
    keyByIndex[i] = kj;
    keyByIndex[j] = ki;
    indexByKey[ki] = j;
    indexByKey[kj] = i;
  }
}
