package clusterlab.core.distance;

/**
 * A dissimilarity between two rows stored in flat row-major arrays. Implementations must be
 * thread-safe and symmetric; {@link #isMetric()} says whether the triangle inequality holds, which
 * is what lets spatial indexes prune.
 */
@FunctionalInterface
public interface Distance {

  /**
   * Dissimilarity between {@code a[aOff .. aOff+d)} and {@code b[bOff .. bOff+d)}.
   */
  double between(double[] a, int aOff, double[] b, int bOff, int d);

  /** True when the triangle inequality holds (safe for metric-tree pruning). */
  default boolean isMetric() {
    return false;
  }

  /** Name for reports and error messages. */
  default String name() {
    return getClass().getSimpleName();
  }
}
