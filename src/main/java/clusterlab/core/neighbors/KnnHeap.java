package clusterlab.core.neighbors;

/**
 * The k best candidates of a k-NN search, kept as a max-heap on (distance, row) so that the
 * worst candidate is at the root. Ordering by row index on equal distances gives every index the
 * same tie rule as {@link LinearScan}: among equidistant rows the smaller index wins.
 */
final class KnnHeap {

  private final int k;
  private final int[] rows;
  private final double[] dists;
  private int size;

  KnnHeap(int k) {
    this.k = k;
    this.rows = new int[k];
    this.dists = new double[k];
  }

  /** Distance a candidate must beat (or tie with a smaller row) to enter; infinity while not full. */
  double bound() {
    return size < k ? Double.POSITIVE_INFINITY : dists[0];
  }

  private static boolean worse(double da, int ra, double db, int rb) {
    return da > db || (da == db && ra > rb);
  }

  void offer(int row, double dist) {
    if (size < k) {
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!worse(dist, row, dists[p], rows[p])) {
          break;
        }
        dists[i] = dists[p];
        rows[i] = rows[p];
        i = p;
      }
      dists[i] = dist;
      rows[i] = row;
    } else if (worse(dists[0], rows[0], dist, row)) {
      siftDown(row, dist, size);
    }
  }

  private void siftDown(int row, double dist, int n) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= n) {
        break;
      }
      int c = l;
      if (l + 1 < n && worse(dists[l + 1], rows[l + 1], dists[l], rows[l])) {
        c = l + 1;
      }
      if (!worse(dists[c], rows[c], dist, row)) {
        break;
      }
      dists[i] = dists[c];
      rows[i] = rows[c];
      i = c;
    }
    dists[i] = dist;
    rows[i] = row;
  }

  /** Writes the candidates nearest first and returns how many there are; empties the heap. */
  int drain(int[] outRows, double[] outDists) {
    int found = size;
    for (int n = size; n > 0; n--) {
      outRows[n - 1] = rows[0];
      outDists[n - 1] = dists[0];
      int lastRow = rows[n - 1];
      double lastDist = dists[n - 1];
      siftDown(lastRow, lastDist, n - 1);
    }
    size = 0;
    return found;
  }
}
