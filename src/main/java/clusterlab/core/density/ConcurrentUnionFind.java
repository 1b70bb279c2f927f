package clusterlab.core.density;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A lock-free disjoint-set forest (after Anderson and Woll 1991): roots are linked by a
 * compare-and-set of the larger root index onto the smaller, and finds halve paths with benign
 * races. The final partition depends only on which unions were made, never on their order or on
 * the thread count, which is what lets DBSCAN cluster core points from many threads at once.
 */
final class ConcurrentUnionFind {

  private final AtomicIntegerArray parent;

  ConcurrentUnionFind(int n) {
    parent = new AtomicIntegerArray(n);
    for (int i = 0; i < n; i++) {
      parent.set(i, i);
    }
  }

  int find(int x) {
    while (true) {
      int p = parent.get(x);
      if (p == x) {
        return x;
      }
      int gp = parent.get(p);
      if (gp != p) {
        parent.compareAndSet(x, p, gp); // path halving; losing the race is harmless
      }
      x = gp;
    }
  }

  void union(int a, int b) {
    while (true) {
      a = find(a);
      b = find(b);
      if (a == b) {
        return;
      }
      if (a < b) {
        int t = a;
        a = b;
        b = t;
      }
      if (parent.compareAndSet(a, a, b)) {
        return;
      }
    }
  }
}
