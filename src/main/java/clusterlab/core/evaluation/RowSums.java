package clusterlab.core.evaluation;

import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;

/**
 * Sums of distances from a few query rows to a contiguous run of rows, the kernel of the exact
 * silhouette and of Dunn's index. Queries are handled four at a time so each data row is loaded
 * once per four distances; the built-in metrics get hand-written loops, anything else goes through
 * {@link Distance#between}.
 */
abstract class RowSums {

  /** Rows processed together against every data row. */
  static final int TILE = 4;

  /**
   * Adds, for each of the {@link #TILE} query rows starting at offsets {@code q[t]} of {@code x}, the
   * sum of its distances to rows {@code [from, to)} into {@code out[t]}, and returns nothing else.
   * Unused query slots repeat the last real query and are ignored by the caller.
   */
  abstract void sums(double[] x, int d, int[] q, int from, int to, double[] out);

  /**
   * The smallest (when {@code max} is false) or largest distance between any of the query rows
   * and rows {@code [from, to)}, folded into {@code acc[t]}.
   */
  abstract void extreme(double[] x, int d, int[] q, int from, int to, double[] acc, boolean max);

  /** The kernel for a distance; {@code norms} must be the row norms when the distance is cosine. */
  static RowSums of(Distance distance, double[] norms) {
    if (distance == Metric.EUCLIDEAN) {
      return new Minkowski(true, false);
    }
    if (distance == Metric.SQUARED_EUCLIDEAN) {
      return new Minkowski(false, false);
    }
    if (distance == Metric.MANHATTAN) {
      return new Minkowski(false, true);
    }
    if (distance == Metric.COSINE) {
      return new Cosine(norms);
    }
    return new Generic(distance);
  }

  /** Squared-difference (optionally rooted) or absolute-difference sums, four queries at a time. */
  private static final class Minkowski extends RowSums {
    private final boolean root;
    private final boolean l1;

    Minkowski(boolean root, boolean l1) {
      this.root = root;
      this.l1 = l1;
    }

    private void four(double[] x, int d, int[] q, int o, double[] r) {
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      int q0 = q[0];
      int q1 = q[1];
      int q2 = q[2];
      int q3 = q[3];
      if (l1) {
        for (int t = 0; t < d; t++) {
          double v = x[o + t];
          a0 += Math.abs(v - x[q0 + t]);
          a1 += Math.abs(v - x[q1 + t]);
          a2 += Math.abs(v - x[q2 + t]);
          a3 += Math.abs(v - x[q3 + t]);
        }
      } else {
        for (int t = 0; t < d; t++) {
          double v = x[o + t];
          double u0 = v - x[q0 + t];
          double u1 = v - x[q1 + t];
          double u2 = v - x[q2 + t];
          double u3 = v - x[q3 + t];
          a0 += u0 * u0;
          a1 += u1 * u1;
          a2 += u2 * u2;
          a3 += u3 * u3;
        }
        if (root) {
          a0 = Math.sqrt(a0);
          a1 = Math.sqrt(a1);
          a2 = Math.sqrt(a2);
          a3 = Math.sqrt(a3);
        }
      }
      r[0] = a0;
      r[1] = a1;
      r[2] = a2;
      r[3] = a3;
    }

    @Override
    void sums(double[] x, int d, int[] q, int from, int to, double[] out) {
      double[] r = new double[TILE];
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = from; j < to; j++) {
        four(x, d, q, j * d, r);
        s0 += r[0];
        s1 += r[1];
        s2 += r[2];
        s3 += r[3];
      }
      out[0] += s0;
      out[1] += s1;
      out[2] += s2;
      out[3] += s3;
    }

    @Override
    void extreme(double[] x, int d, int[] q, int from, int to, double[] acc, boolean max) {
      double[] r = new double[TILE];
      for (int j = from; j < to; j++) {
        four(x, d, q, j * d, r);
        for (int t = 0; t < TILE; t++) {
          acc[t] = max ? Math.max(acc[t], r[t]) : Math.min(acc[t], r[t]);
        }
      }
    }
  }

  /** 1 - cos, with row norms computed once; a zero row is at distance 1 from everything. */
  private static final class Cosine extends RowSums {
    private final double[] norms;

    Cosine(double[] norms) {
      this.norms = norms;
    }

    private void four(double[] x, int d, int[] q, int j, double[] r) {
      int o = j * d;
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      int q0 = q[0];
      int q1 = q[1];
      int q2 = q[2];
      int q3 = q[3];
      for (int t = 0; t < d; t++) {
        double v = x[o + t];
        a0 += v * x[q0 + t];
        a1 += v * x[q1 + t];
        a2 += v * x[q2 + t];
        a3 += v * x[q3 + t];
      }
      double nj = norms[j];
      // a row is at distance 0 from itself, also an all-zero row (which is at 1 from every other row)
      r[0] = o == q0 ? 0 : cos(a0, nj, norms[q0 / d]);
      r[1] = o == q1 ? 0 : cos(a1, nj, norms[q1 / d]);
      r[2] = o == q2 ? 0 : cos(a2, nj, norms[q2 / d]);
      r[3] = o == q3 ? 0 : cos(a3, nj, norms[q3 / d]);
    }

    private static double cos(double dot, double na, double nb) {
      if (na == 0 || nb == 0) {
        return 1.0;
      }
      double c = 1.0 - dot / (na * nb);
      return c < 0 ? 0 : c;
    }

    @Override
    void sums(double[] x, int d, int[] q, int from, int to, double[] out) {
      double[] r = new double[TILE];
      for (int j = from; j < to; j++) {
        four(x, d, q, j, r);
        out[0] += r[0];
        out[1] += r[1];
        out[2] += r[2];
        out[3] += r[3];
      }
    }

    @Override
    void extreme(double[] x, int d, int[] q, int from, int to, double[] acc, boolean max) {
      double[] r = new double[TILE];
      for (int j = from; j < to; j++) {
        four(x, d, q, j, r);
        for (int t = 0; t < TILE; t++) {
          acc[t] = max ? Math.max(acc[t], r[t]) : Math.min(acc[t], r[t]);
        }
      }
    }
  }

  /** Any {@link Distance}, one pair at a time. */
  private static final class Generic extends RowSums {
    private final Distance distance;

    Generic(Distance distance) {
      this.distance = distance;
    }

    @Override
    void sums(double[] x, int d, int[] q, int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        for (int t = 0; t < TILE; t++) {
          out[t] += q[t] == j * d ? 0 : distance.between(x, q[t], x, j * d, d);
        }
      }
    }

    @Override
    void extreme(double[] x, int d, int[] q, int from, int to, double[] acc, boolean max) {
      for (int j = from; j < to; j++) {
        for (int t = 0; t < TILE; t++) {
          double v = distance.between(x, q[t], x, j * d, d);
          acc[t] = max ? Math.max(acc[t], v) : Math.min(acc[t], v);
        }
      }
    }
  }

  /** Euclidean norm of every row (for the cosine kernel). */
  static double[] norms(double[] x, int n, int d) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        double v = x[i * d + t];
        s += v * v;
      }
      r[i] = Math.sqrt(s);
    }
    return r;
  }
}
