package clusterlab.core.distance;

/**
 * The built-in distances, written as tight loops over flat arrays. None of them rescales the
 * data: ClusterLab never normalises silently (Weka's {@code EuclideanDistance} range-normalises by
 * default, which no other tool does); scaling is the user's explicit choice, in a filter.
 */
public enum Metric implements Distance {

  /** sqrt(sum (a_i - b_i)^2). */
  EUCLIDEAN("euclidean", true) {
    @Override
    public double between(double[] a, int ao, double[] b, int bo, int d) {
      return Math.sqrt(SQUARED_EUCLIDEAN.between(a, ao, b, bo, d));
    }
  },

  /** sum (a_i - b_i)^2: not a metric, but what k-means and Ward minimise. */
  SQUARED_EUCLIDEAN("sqeuclidean", false) {
    @Override
    public double between(double[] a, int ao, double[] b, int bo, int d) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double t = a[ao + j] - b[bo + j];
        s += t * t;
      }
      return s;
    }
  },

  /** sum |a_i - b_i| (city block, L1). */
  MANHATTAN("manhattan", true) {
    @Override
    public double between(double[] a, int ao, double[] b, int bo, int d) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += Math.abs(a[ao + j] - b[bo + j]);
      }
      return s;
    }
  },

  /** max |a_i - b_i| (L-infinity). */
  CHEBYSHEV("chebyshev", true) {
    @Override
    public double between(double[] a, int ao, double[] b, int bo, int d) {
      double m = 0;
      for (int j = 0; j < d; j++) {
        m = Math.max(m, Math.abs(a[ao + j] - b[bo + j]));
      }
      return m;
    }
  },

  /**
   * 1 - cos(a, b). A zero vector has no direction; as in scikit-learn's {@code cosine_distances}
   * its distance to any other vector is 1 (and 0 to itself only when compared as the same row).
   */
  COSINE("cosine", false) {
    @Override
    public double between(double[] a, int ao, double[] b, int bo, int d) {
      double dot = 0;
      double na = 0;
      double nb = 0;
      for (int j = 0; j < d; j++) {
        double x = a[ao + j];
        double y = b[bo + j];
        dot += x * y;
        na += x * x;
        nb += y * y;
      }
      if (na == 0 || nb == 0) {
        return 1.0;
      }
      double c = 1.0 - dot / (Math.sqrt(na) * Math.sqrt(nb));
      return c < 0 ? 0 : c;
    }
  };

  private final String id;
  private final boolean metric;

  Metric(String id, boolean metric) {
    this.id = id;
    this.metric = metric;
  }

  /** The lower-case name used on command lines and in reports, e.g. "euclidean". */
  public String id() {
    return id;
  }

  @Override
  public boolean isMetric() {
    return metric;
  }

  /**
   * The metric with the given {@link #id()} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static Metric byId(String id) {
    for (Metric m : values()) {
      if (m.id.equalsIgnoreCase(id) || m.name().equalsIgnoreCase(id)) {
        return m;
      }
    }
    StringBuilder names = new StringBuilder();
    for (Metric m : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(m.id);
    }
    throw new IllegalArgumentException("unknown distance '" + id + "'; choose one of " + names);
  }
}
