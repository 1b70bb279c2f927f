package clusterlab.core.density;

import java.util.Arrays;

/**
 * A binary min-heap over row ids keyed by (value, row), with decrease-key. O(n) memory however
 * many times keys improve, unlike a heap with lazy deletion (which OPTICS with an unbounded eps
 * would fill with O(n^2) stale entries). Equal values pop the smaller row first, the tie rule of
 * scikit-learn's {@code argmin} over unprocessed rows.
 */
final class IndexedMinHeap {

  private final int[] heap;
  private final int[] pos;
  private final double[] key;
  private int size;

  IndexedMinHeap(int n) {
    heap = new int[n];
    pos = new int[n];
    key = new double[n];
    Arrays.fill(pos, -1);
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean contains(int row) {
    return pos[row] >= 0;
  }

  private boolean less(int a, int b) {
    return key[a] < key[b] || (key[a] == key[b] && a < b);
  }

  /** Inserts {@code row} or lowers its key. */
  void push(int row, double value) {
    if (pos[row] < 0) {
      key[row] = value;
      heap[size] = row;
      pos[row] = size;
      up(size++);
    } else {
      key[row] = value;
      up(pos[row]);
    }
  }

  int pop() {
    int top = heap[0];
    pos[top] = -1;
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      pos[heap[0]] = 0;
      down(0);
    }
    return top;
  }

  private void up(int i) {
    int x = heap[i];
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!less(x, heap[p])) {
        break;
      }
      heap[i] = heap[p];
      pos[heap[i]] = i;
      i = p;
    }
    heap[i] = x;
    pos[x] = i;
  }

  private void down(int i) {
    int x = heap[i];
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int c = l + 1 < size && less(heap[l + 1], heap[l]) ? l + 1 : l;
      if (!less(heap[c], x)) {
        break;
      }
      heap[i] = heap[c];
      pos[heap[i]] = i;
      i = c;
    }
    heap[i] = x;
    pos[x] = i;
  }
}
