package clusterlab.core.neighbors;

import java.util.Random;

/**
 * One random-projection tree (Dasgupta and Freund 2008, in the form Annoy and pynndescent use): each
 * node splits its rows by the hyperplane half-way between two of them, drawn at random, until a
 * node holds at most {@code leafSize} rows. Rows that share a leaf are likely near each other, so
 * the leaves of a few trees give {@link NnDescent} a good starting graph.
 *
 * <p>Layout: a permutation {@code order} of the rows in which every leaf is a contiguous range
 * {@code [leafStart[l], leafStart[l + 1])}. The shape depends only on the data and {@code seed}.
 */
final class RpTree {

  final int[] order;
  final int[] leafStart;
  final int leaves;

  RpTree(double[] x, int n, int d, int leafSize, long seed) {
    Random rnd = new Random(seed);
    order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] margin = new double[n];
    double[] normal = new double[d];
    int[] starts = new int[Math.max(2, 2 * n / Math.max(1, leafSize) + 2)];
    int count = 0;
    int[] stack = new int[128];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n;
    while (top > 0) {
      int hi = stack[--top];
      int lo = stack[--top];
      if (hi - lo <= leafSize) {
        if (count == starts.length) {
          starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        }
        starts[count++] = lo;
        continue;
      }
      int mid = split(x, d, lo, hi, rnd, normal, margin);
      if (top + 4 > stack.length) {
        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
      }
      // right pushed first so that leaves come out left to right
      stack[top++] = mid;
      stack[top++] = hi;
      stack[top++] = lo;
      stack[top++] = mid;
    }
    leafStart = java.util.Arrays.copyOf(starts, count + 1);
    leafStart[count] = n;
    leaves = count;
  }

  /** Partitions {@code order[lo, hi)} by a random hyperplane; returns the first row of the right side. */
  private int split(double[] x, int d, int lo, int hi, Random rnd, double[] normal, double[] margin) {
    int size = hi - lo;
    int a = order[lo + rnd.nextInt(size)];
    int b = order[lo + rnd.nextInt(size - 1)];
    if (b == a) {
      b = order[hi - 1];
    }
    double offset = 0;
    for (int j = 0; j < d; j++) {
      double xa = x[a * d + j];
      double xb = x[b * d + j];
      normal[j] = xa - xb;
      offset += normal[j] * (xa + xb) * 0.5;
    }
    int left = 0;
    for (int p = lo; p < hi; p++) {
      int r = order[p] * d;
      double s = -offset;
      for (int j = 0; j < d; j++) {
        s += normal[j] * x[r + j];
      }
      if (s == 0) {
        s = rnd.nextBoolean() ? 1 : -1; // on the hyperplane: either side
      }
      margin[p] = s;
      if (s < 0) {
        left++;
      }
    }
    if (left == 0 || left == size) {
      return lo + size / 2; // no split (identical rows): halve the range as it is
    }
    // stable partition: left rows keep their order, then right rows
    int[] tmp = new int[size - left];
    int l = lo;
    int t = 0;
    for (int p = lo; p < hi; p++) {
      if (margin[p] < 0) {
        order[l++] = order[p];
      } else {
        tmp[t++] = order[p];
      }
    }
    System.arraycopy(tmp, 0, order, l, t);
    return l;
  }
}
