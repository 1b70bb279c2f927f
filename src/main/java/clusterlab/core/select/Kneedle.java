package clusterlab.core.select;

import clusterlab.core.Check;

/**
 * Knee (elbow) detection on a sampled curve, after Satopää, Albrecht, Irwin and Raghavan (2011),
 * "Finding a 'Kneedle' in a Haystack: Detecting Knee Points in System Behavior".
 *
 * <p>Used for the elbow of a k-means inertia curve (convex, decreasing) and the knee of a sorted
 * k-distance curve for DBSCAN's eps (convex, increasing). The steps follow the paper, in the
 * offline form the widely used {@code kneed} package implements, so the same curve gives the same
 * knee: normalise x and y to [0, 1]; turn the curve into a concave increasing one; take the
 * difference curve y - x; walk from its first local maximum and report the maximum whose
 * difference then drops below {@code max - S * mean(step of x)} before the next local maximum.
 * The sensitivity {@code S} trades early detection (small S) against robustness to noise.
 */
public final class Kneedle {

  /** Shape of the curve: convex (bends up, like an elbow) or concave (bends down, like a knee). */
  public enum Curve { CONVEX, CONCAVE }

  /** Whether y grows or shrinks with x. */
  public enum Direction { INCREASING, DECREASING }

  private Kneedle() {
  }

  /** Outcome of a knee search. */
  public static final class Result {
    private final int index;
    private final double[] difference;

    Result(int index, double[] difference) {
      this.index = index;
      this.difference = difference;
    }

    /** True when a knee was found. */
    public boolean found() {
      return index >= 0;
    }

    /** Index into the input arrays of the knee, or -1 when none was found. */
    public int index() {
      return index;
    }

    /** The normalised difference curve (in input order), for plots. */
    public double[] difference() {
      return difference.clone();
    }
  }

  /**
   * Finds the knee of {@code y(x)}.
   *
   * @param x strictly increasing sample positions (at least 3)
   * @param y values at those positions, finite
   * @param curve convex or concave
   * @param direction increasing or decreasing
   * @param sensitivity the paper's S, at least 0 (1 is the paper's default)
   */
  public static Result find(double[] x, double[] y, Curve curve, Direction direction, double sensitivity) {
    validate(x, y, sensitivity);
    int n = x.length;
    double[] xn = normalise(x);
    double[] yn = normalise(y);
    // Turn the curve into a concave increasing one ("convert elbows to knees").
    boolean flipped = (direction == Direction.DECREASING && curve == Curve.CONCAVE)
        || (direction == Direction.INCREASING && curve == Curve.CONVEX);
    double[] yt = new double[n];
    for (int i = 0; i < n; i++) {
      if (direction == Direction.DECREASING && curve == Curve.CONCAVE) {
        yt[i] = yn[n - 1 - i];
      } else if (direction == Direction.DECREASING) {
        yt[i] = 1.0 - yn[i];
      } else if (curve == Curve.CONVEX) {
        yt[i] = 1.0 - yn[n - 1 - i];
      } else {
        yt[i] = yn[i];
      }
    }
    double[] diff = new double[n];
    for (int i = 0; i < n; i++) {
      diff[i] = yt[i] - xn[i];
    }
    int knee = walk(xn, diff, sensitivity);
    int index = knee < 0 ? -1 : (flipped ? n - 1 - knee : knee);
    double[] inputOrder = new double[n];
    for (int i = 0; i < n; i++) {
      inputOrder[i] = flipped ? diff[n - 1 - i] : diff[i];
    }
    return new Result(index, inputOrder);
  }

  /** Walks the difference curve; returns the index (in transformed order) of the knee or -1. */
  private static int walk(double[] xn, double[] diff, double s) {
    int n = diff.length;
    boolean[] isMax = new boolean[n];
    boolean[] isMin = new boolean[n];
    int firstMax = -1;
    for (int i = 0; i < n; i++) {
      double prev = diff[Math.max(i - 1, 0)];
      double next = diff[Math.min(i + 1, n - 1)];
      isMax[i] = diff[i] >= prev && diff[i] >= next;
      isMin[i] = diff[i] <= prev && diff[i] <= next;
      if (isMax[i] && firstMax < 0) {
        firstMax = i;
      }
    }
    if (firstMax < 0) {
      return -1;
    }
    double meanStep = Math.abs((xn[n - 1] - xn[0]) / (n - 1));
    double threshold = 0;
    int thresholdIndex = -1;
    for (int i = firstMax; i < n - 1; i++) {
      if (xn[i] == 1.0) {
        break;
      }
      if (isMax[i]) {
        threshold = diff[i] - s * meanStep;
        thresholdIndex = i;
      }
      if (isMin[i]) {
        threshold = 0.0;
      }
      if (diff[i + 1] < threshold) {
        return thresholdIndex;
      }
    }
    return -1;
  }

  private static double[] normalise(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double t : v) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    double range = max - min;
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = range == 0 ? 0 : (v[i] - min) / range;
    }
    return out;
  }

  private static void validate(double[] x, double[] y, double sensitivity) {
    Check.notNull("x", x);
    Check.notNull("y", y);
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length + "; pass one y per x");
    }
    if (x.length < 3) {
      throw new IllegalArgumentException("a knee needs a curve of at least 3 points, got " + x.length);
    }
    Check.nonNegative("sensitivity", sensitivity);
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("curve point " + i + " is (" + x[i] + ", " + y[i] + "); all points must be finite");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("x must be strictly increasing, but x[" + i + "] = " + x[i]
            + " follows x[" + (i - 1) + "] = " + x[i - 1]);
      }
    }
  }
}
