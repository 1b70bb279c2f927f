package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.tsne.TsneResult;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Two coordinates per row for a scatter chart, with axis labels that say what they are: two
 * columns of the data, the first two principal components (with the share of variance each
 * explains), or a 2-D embedding such as t-SNE. Linear projections also map other points (cluster
 * centroids) into the same plane.
 */
public final class Projection {

  private final double[] x;
  private final double[] y;
  private final String xLabel;
  private final String yLabel;
  private final String description;
  private final double[] centre;
  private double[] scale;
  private final double[] axisX;
  private final double[] axisY;

  private Projection(double[] x, double[] y, String xLabel, String yLabel, String description, double[] centre,
      double[] axisX, double[] axisY) {
    this.x = x;
    this.y = y;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.description = description;
    this.centre = centre;
    this.axisX = axisX;
    this.axisY = axisY;
  }

  /**
   * Columns {@code i} and {@code j} of the data as they are.
   *
   * @param names column names (may be null for "column i")
   */
  public static Projection columns(Dataset data, int i, int j, String[] names) {
    Check.notNull("data", data);
    Check.inRange("x column", i, 0, data.d() - 1);
    Check.inRange("y column", j, 0, data.d() - 1);
    int n = data.n();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = data.get(r, i);
      y[r] = data.get(r, j);
    }
    double[] ax = new double[data.d()];
    double[] ay = new double[data.d()];
    ax[i] = 1;
    ay[j] = 1;
    String xn = name(names, i);
    String yn = name(names, j);
    return new Projection(x, y, xn, yn, "columns " + xn + " and " + yn, new double[data.d()], ax, ay);
  }

  /**
   * The first two principal components (eigenvectors of the covariance matrix, signs fixed so
   * that each axis' largest loading is positive, as scikit-learn's {@code svd_flip}). One column
   * is shown as itself against a zero axis.
   */
  public static Projection pca(Dataset data) {
    return pca(data, false);
  }

  /**
   * The first two principal components of the data, or with {@code standardize} of the
   * standardized data (the correlation matrix; R's {@code prcomp(scale. = TRUE)}, factoextra's
   * default), so that an attribute with a large unit does not make the first component alone.
   * Above {@link #DEFAULT_FIT_ROWS} rows the components are fitted on a seeded random sample of
   * that many rows and every row is then projected (as scikit-learn's randomized PCA and R's
   * {@code irlba} trade exactness for speed at scale, but simpler): the covariance pass is
   * O(sample d²) instead of O(n d²), and the axes differ from the full data's by sampling noise
   * only, which the axis description says.
   */
  public static Projection pca(Dataset data, boolean standardize) {
    return pca(data, standardize, DEFAULT_FIT_ROWS, 1);
  }

  /** Rows the principal components are fitted on at most (more are sampled, then all projected). */
  public static final int DEFAULT_FIT_ROWS = 100_000;

  /**
   * As {@link #pca(Dataset, boolean)}, fitting the components on at most {@code maxFitRows} rows
   * (a sample drawn with {@code seed} when the data have more).
   */
  public static Projection pca(Dataset data, boolean standardize, int maxFitRows, long seed) {
    Check.notNull("data", data);
    Check.atLeast("maxFitRows", maxFitRows, 2);
    int n = data.n();
    int d = data.d();
    if (n < 2) {
      throw new IllegalArgumentException("principal components need at least 2 rows, got " + n);
    }
    int[] fit = fitRows(n, maxFitRows, seed);
    int f = fit.length;
    double[] v = data.values();
    double[] mean = new double[d];
    for (int r : fit) {
      for (int c = 0; c < d; c++) {
        mean[c] += v[r * d + c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= f;
    }
    double[] sd = new double[d];
    java.util.Arrays.fill(sd, 1.0);
    if (standardize) {
      for (int r : fit) {
        for (int c = 0; c < d; c++) {
          double z = v[r * d + c] - mean[c];
          sd[c] += z * z;
        }
      }
      for (int c = 0; c < d; c++) {
        sd[c] = Math.sqrt((sd[c] - 1.0) / (f - 1));
        if (!(sd[c] > 0)) {
          sd[c] = 1.0;
        }
      }
    }
    double[][] cov = new double[d][d];
    double[] row = new double[d];
    for (int r : fit) {
      for (int c = 0; c < d; c++) {
        row[c] = (v[r * d + c] - mean[c]) / sd[c];
      }
      for (int a = 0; a < d; a++) {
        double ra = row[a];
        double[] ca = cov[a];
        for (int b = a; b < d; b++) {
          ca[b] += ra * row[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= f - 1;
        cov[b][a] = cov[a][b];
      }
    }
    RealMatrix m = new Array2DRowRealMatrix(cov, false);
    EigenDecomposition eig = new EigenDecomposition(m);
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[d];
    for (int c = 0; c < d; c++) {
      order[c] = c;
    }
    java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
    double total = 0;
    for (double e : values) {
      total += Math.max(0, e);
    }
    double[] ax = flip(eig.getEigenvector(order[0]).toArray());
    double[] ay = d > 1 ? flip(eig.getEigenvector(order[1]).toArray()) : new double[d];
    double sx = total > 0 ? Math.max(0, values[order[0]]) / total : 0;
    double sy = d > 1 && total > 0 ? Math.max(0, values[order[1]]) / total : 0;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      double px = 0;
      double py = 0;
      for (int c = 0; c < d; c++) {
        double z = (v[r * d + c] - mean[c]) / sd[c];
        px += z * ax[c];
        py += z * ay[c];
      }
      x[r] = px;
      y[r] = py;
    }
    String xl = String.format(Locale.ROOT, "PC1 (%.1f%% of variance)", 100 * sx);
    String yl = String.format(Locale.ROOT, "PC2 (%.1f%% of variance)", 100 * sy);
    String desc = String.format(Locale.ROOT, "the first two principal components%s (%.1f%% of the variance%s)",
        standardize ? " of the standardized data" : "", 100 * (sx + sy),
        f < n ? ", fitted on a random " + ChartTheme.count(f) + " of " + ChartTheme.count(n) + " rows" : "");
    Projection p = new Projection(x, y, xl, yl, desc, mean, ax, ay);
    p.scale = sd;
    return p;
  }

  /** The first two dimensions of a t-SNE embedding. */
  public static Projection embedding(TsneResult tsne) {
    Check.notNull("tsne", tsne);
    if (tsne.dims() < 2) {
      throw new IllegalArgumentException("a scatter chart needs a 2-D embedding, this one has " + tsne.dims() + " dimension");
    }
    int n = tsne.n();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = tsne.get(i, 0);
      y[i] = tsne.get(i, 1);
    }
    String desc = "a t-SNE embedding (perplexity " + ChartTheme.num(tsne.perplexity()) + ", KL divergence "
        + ChartTheme.num(tsne.klDivergence()) + ")";
    return new Projection(x, y, "t-SNE 1", "t-SNE 2", desc, null, null, null);
  }

  /** Any precomputed 2-D coordinates (an embedding); centroids then cannot be projected, only averaged. */
  public static Projection of(double[] x, double[] y, String xLabel, String yLabel, String description) {
    Check.notNull("x", x);
    Check.notNull("y", y);
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values and y " + y.length + "; they must match");
    }
    return new Projection(x.clone(), y.clone(), xLabel, yLabel, description, null, null, null);
  }

  /** All rows, or a seeded sample of {@code max} of them in row order (selection sampling). */
  static int[] fitRows(int n, int max, long seed) {
    int m = Math.min(n, max);
    int[] rows = new int[m];
    if (m == n) {
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
      return rows;
    }
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    int taken = 0;
    for (int i = 0; i < n && taken < m; i++) {
      if (rnd.nextInt(n - i) < m - taken) {
        rows[taken++] = i;
      }
    }
    return rows;
  }

  private static double[] flip(double[] v) {
    int big = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[big])) {
        big = i;
      }
    }
    if (v[big] < 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = -v[i];
      }
    }
    return v;
  }

  private static String name(String[] names, int i) {
    return names != null && i < names.length && names[i] != null ? names[i] : "column " + i;
  }

  /** Number of rows. */
  public int n() {
    return x.length;
  }

  /** Horizontal coordinate of row {@code i}. */
  public double x(int i) {
    return x[i];
  }

  /** Vertical coordinate of row {@code i}. */
  public double y(int i) {
    return y[i];
  }

  /** Label of the horizontal axis. */
  public String xLabel() {
    return xLabel;
  }

  /** Label of the vertical axis. */
  public String yLabel() {
    return yLabel;
  }

  /** What the two axes are, for subtitles. */
  public String description() {
    return description;
  }

  /** True when other points of the data space can be projected (columns and PCA). */
  public boolean isLinear() {
    return axisX != null;
  }

  /** Projects a point of the data space (length d), e.g. a centroid; {x, y}. */
  public double[] project(double[] point) {
    if (!isLinear()) {
      throw new IllegalStateException("an embedding cannot project new points; use cluster means of the embedded rows");
    }
    if (point.length != axisX.length) {
      throw new IllegalArgumentException("point has " + point.length + " values, the data " + axisX.length);
    }
    double px = 0;
    double py = 0;
    for (int c = 0; c < point.length; c++) {
      double z = (point[c] - centre[c]) / (scale == null ? 1.0 : scale[c]);
      px += z * axisX[c];
      py += z * axisY[c];
    }
    return new double[] {px, py};
  }
}
