package clusterlab.core.hierarchical;

/**
 * The seven classic agglomerative linkages as Lance&ndash;Williams updates: the distance from a
 * cluster {@code i} to the union of clusters {@code x} and {@code y}, computed from
 * {@code d(x,i)}, {@code d(y,i)}, {@code d(x,y)} and the cluster sizes alone, so no algorithm
 * needs the members of a cluster.
 *
 * <p>All distances, inputs and outputs, are on the original (not squared) scale. For Ward,
 * centroid and median the update is written on the original scale exactly as SciPy writes it
 * (squaring inside, one square root out), so that:
 * <ul>
 *   <li>Ward heights are {@code sqrt(2 * ΔSSE)} on Euclidean data (SciPy's and R's
 *       {@code ward.D2} convention), where ΔSSE is the increase of the within-cluster sum of
 *       squares caused by the merge;</li>
 *   <li>centroid (UPGMC) heights are the Euclidean distance between the two cluster centroids, and
 *       median (WPGMC) heights the distance between the two "median" points (each cluster's point
 *       is the midpoint of its two children's points, regardless of their sizes).</li>
 * </ul>
 * Only on Euclidean input do Ward, centroid and median have this geometric meaning; with another
 * dissimilarity the update is still applied (as R's {@code hclust} does) but is a formula, not a
 * geometry.
 *
 * <p>Reference: G. N. Lance and W. T. Williams (1967), A general theory of classificatory sorting
 * strategies 1. Hierarchical systems, The Computer Journal 9(4):373&ndash;380; D. M&uuml;llner
 * (2011), Modern hierarchical, agglomerative clustering algorithms, arXiv:1109.2378, table 1.
 */
public enum Linkage {

  /** Nearest neighbour: min(d(x,i), d(y,i)). */
  SINGLE("single", true),

  /** Farthest neighbour: max(d(x,i), d(y,i)). */
  COMPLETE("complete", true),

  /** UPGMA: the mean distance over all pairs of members. */
  AVERAGE("average", true),

  /** WPGMA: the plain mean of the two children's distances, whatever their sizes. */
  WEIGHTED("weighted", true),

  /** Ward's minimum-variance criterion; heights sqrt(2 ΔSSE) on Euclidean data. */
  WARD("ward", true),

  /** UPGMC: distance between centroids (may produce inversions). */
  CENTROID("centroid", false),

  /** WPGMC: distance between "median" points, midpoints of the children (may produce inversions). */
  MEDIAN("median", false);

  private final String id;
  private final boolean monotone;

  Linkage(String id, boolean monotone) {
    this.id = id;
    this.monotone = monotone;
  }

  /**
   * The Lance&ndash;Williams update: distance from cluster {@code i} (size {@code ni}) to the union
   * of {@code x} (size {@code nx}) and {@code y} (size {@code ny}). One method with a switch rather
   * than one subclass per constant keeps the call site in the algorithms' inner loops monomorphic.
   * The formulas are written in the same operation order as SciPy's, so matrix results agree to
   * the last bit; a square root of a value that rounding pushed below 0 is taken as 0.
   */
  public double update(double dxi, double dyi, double dxy, int nx, int ny, int ni) {
    switch (this) {
      case SINGLE:
        return Math.min(dxi, dyi);
      case COMPLETE:
        return Math.max(dxi, dyi);
      case AVERAGE:
        return (nx * dxi + ny * dyi) / (nx + ny);
      case WEIGHTED:
        return 0.5 * (dxi + dyi);
      case WARD: {
        double t = 1.0 / (nx + ny + ni);
        double s = (ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy;
        return Math.sqrt(Math.max(0.0, s));
      }
      case CENTROID: {
        double s = ((nx * dxi * dxi) + (ny * dyi * dyi) - ((double) ((long) nx * ny)) * dxy * dxy / (nx + ny)) / (nx + ny);
        return Math.sqrt(Math.max(0.0, s));
      }
      default:
        return Math.sqrt(Math.max(0.0, 0.5 * (dxi * dxi + dyi * dyi) - 0.25 * dxy * dxy));
    }
  }

  /** Lower-case name used on command lines and in reports, e.g. "ward". */
  public String id() {
    return id;
  }

  /**
   * True when merge heights can never decrease (no inversions). Centroid and median linkage can
   * merge at a height below an earlier merge, which is why a height cut on them is defined on
   * the largest height inside each subtree (SciPy's {@code fcluster} convention).
   */
  public boolean isMonotone() {
    return monotone;
  }

  /** True for the linkages that have a memory-saving variant on Euclidean data (cluster centroids). */
  public boolean hasCentroidVariant() {
    return this == WARD || this == CENTROID || this == MEDIAN;
  }

  /**
   * The linkage with the given {@link #id()} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static Linkage byId(String id) {
    for (Linkage l : values()) {
      if (l.id.equalsIgnoreCase(id) || l.name().equalsIgnoreCase(id)) {
        return l;
      }
    }
    StringBuilder names = new StringBuilder();
    for (Linkage l : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(l.id);
    }
    throw new IllegalArgumentException("unknown linkage '" + id + "'; choose one of " + names);
  }
}
