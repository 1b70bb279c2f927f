package clusterlab.spark;

import java.io.Serializable;

/**
 * Vectors of sums that travel between Spark partitions, combined in double-double arithmetic.
 *
 * <p>Why: Spark merges partition results in the order tasks finish ({@code treeAggregate}'s final
 * fold and its shuffle levels), which changes from run to run. Each partition adds its own rows in a
 * fixed order in plain doubles; partitions are then combined as unevaluated pairs {@code hi + lo}
 * (Dekker's two-sum), whose rounding error (about 2^-104 relative) leaves {@link #value} the same
 * whatever the merge order, except in pathological cancellations. So a seed gives the same model on
 * every run, and sums are at least as accurate as the single-machine ones.
 */
final class Sums implements Serializable {

  private static final long serialVersionUID = 1L;

  final double[] hi;
  final double[] lo;
  long count;

  Sums(int size) {
    hi = new double[size];
    lo = new double[size];
  }

  /** Adds {@code other} into this (in place) and returns this. */
  Sums merge(Sums other) {
    double[] oh = other.hi;
    double[] ol = other.lo;
    for (int i = 0; i < hi.length; i++) {
      double a = hi[i];
      double b = oh[i];
      double s = a + b;
      double bb = s - a;
      double err = (a - (s - bb)) + (b - bb);
      err += lo[i] + ol[i];
      double h = s + err;
      lo[i] = err - (h - s);
      hi[i] = h;
    }
    count += other.count;
    return this;
  }

  /** The sums rounded to doubles. */
  double[] value() {
    double[] v = new double[hi.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = hi[i] + lo[i];
    }
    return v;
  }

  /** Sum {@code i} rounded to a double. */
  double value(int i) {
    return hi[i] + lo[i];
  }
}
