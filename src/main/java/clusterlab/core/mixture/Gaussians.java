package clusterlab.core.mixture;

import java.util.Arrays;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The k Gaussian components of a mixture (means and covariances of one {@link CovarianceType}) with
 * what evaluating their densities needs: the Cholesky factor of each precision matrix and its log
 * determinant, computed once. Immutable.
 *
 * <p>Why precision Cholesky factors (as scikit-learn): with {@code Σ = L Lᵀ} and {@code U = L⁻ᵀ}
 * (upper triangular), the Mahalanobis term is {@code |(x - μ) U|²} and {@code log det Σ⁻¹ᐟ²} is
 * the sum of the logs of U's diagonal, so a density costs d(d+1)/2 multiply-adds and never forms
 * an inverse or a determinant that could overflow.
 *
 * <p>A covariance matrix that is not numerically positive definite (a collapsed component: a
 * single row, duplicate rows, a constant column, with {@code reg_covar} 0) is regularised by adding
 * the smallest jitter {@code 10^m · 1e-10 · (mean variance of the matrix, or 1)} to its diagonal
 * that makes the factorisation succeed; a diagonal or spherical variance below its floor (1e-10
 * times the column's variance in the training data) is raised to the floor; the added amount is recorded ({@link #jitter()}) and the
 * stored covariance is the one used, so the model stays consistent and never produces NaN.
 */
public final class Gaussians implements java.io.Serializable {

  private static final long serialVersionUID = 1L;
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  /** Pivots below this fraction of the largest diagonal entry count as singular. */
  private static final double SINGULAR = 1e-13;

  private final CovarianceType type;
  private final int k;
  private final int d;
  private final double[] means;
  private final double[] covariances;
  /** FULL/TIED: U (upper triangular, row-major d x d, per component for FULL); DIAG/SPHERICAL: 1/sd. */
  private final double[] precisionFactors;
  /** FULL/TIED: μ_c U per component (k x d); empty otherwise. */
  private final double[] shifted;
  private final double[] logDetPrecisionFactor;
  private final double[] jitter;

  /**
   * @param means row-major k x d (copied)
   * @param covariances FULL: k d x d matrices; TIED: one d x d matrix; DIAG: k x d variances;
   *     SPHERICAL: k variances (copied; a singular matrix is regularised, see the class comment)
   */
  public Gaussians(CovarianceType type, int k, int d, double[] means, double[] covariances) {
    this(type, k, d, means, covariances, null);
  }

  /**
   * As {@link #Gaussians(CovarianceType, int, int, double[], double[])}, with a floor per column
   * below which a DIAG or SPHERICAL variance counts as collapsed and is raised to it (recorded as
   * jitter); the EM fitter passes 1e-10 times the data's column variances.
   */
  Gaussians(CovarianceType type, int k, int d, double[] means, double[] covariances, double[] varianceFloor) {
    if (means.length != k * d) {
      throw new IllegalArgumentException("means has " + means.length + " values, expected k * d = " + k * d);
    }
    if (covariances.length != type.storage(k, d)) {
      throw new IllegalArgumentException("covariances for type " + type + " need " + type.storage(k, d)
          + " values, got " + covariances.length);
    }
    for (double v : means) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("means must be finite, got " + v);
      }
    }
    for (double v : covariances) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("covariances must be finite, got " + v);
      }
    }
    this.type = type;
    this.k = k;
    this.d = d;
    this.means = means.clone();
    this.covariances = covariances.clone();
    this.precisionFactors = new double[covariances.length];
    this.logDetPrecisionFactor = new double[k];
    this.jitter = new double[type == CovarianceType.TIED ? 1 : k];
    boolean matrix = type == CovarianceType.FULL || type == CovarianceType.TIED;
    this.shifted = matrix ? new double[k * d] : new double[0];
    factorise(varianceFloor);
  }

  private void factorise(double[] floor) {
    switch (type) {
      case FULL:
        for (int c = 0; c < k; c++) {
          logDetPrecisionFactor[c] = choleskyPrecision(c * d * d, c);
        }
        break;
      case TIED: {
        double ld = choleskyPrecision(0, 0);
        Arrays.fill(logDetPrecisionFactor, ld);
        break;
      }
      case DIAG:
        for (int c = 0; c < k; c++) {
          double sum = 0;
          for (int j = 0; j < d; j++) {
            int at = c * d + j;
            sum -= 0.5 * Math.log(regularisedVariance(at, c, floor == null ? 0 : floor[j]));
            precisionFactors[at] = 1 / Math.sqrt(covariances[at]);
          }
          logDetPrecisionFactor[c] = sum;
        }
        break;
      default:
        for (int c = 0; c < k; c++) {
          double v = regularisedVariance(c, c, floor == null ? 0 : mean(floor));
          precisionFactors[c] = 1 / Math.sqrt(v);
          logDetPrecisionFactor[c] = -0.5 * d * Math.log(v);
        }
    }
    if (type == CovarianceType.FULL || type == CovarianceType.TIED) {
      for (int c = 0; c < k; c++) {
        int u = type == CovarianceType.FULL ? c * d * d : 0;
        for (int j = 0; j < d; j++) {
          double s = 0;
          for (int i = 0; i <= j; i++) {
            s += means[c * d + i] * precisionFactors[u + i * d + j];
          }
          shifted[c * d + j] = s;
        }
      }
    }
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s / a.length;
  }

  /** A variance raised to its floor when below it (recording the jitter), so that 1/sd is finite. */
  private double regularisedVariance(int at, int component, double floor) {
    double v = covariances[at];
    double min = Math.max(floor, Double.MIN_NORMAL * 1e10);
    if (v >= min) {
      return v;
    }
    double add = min - v;
    covariances[at] = min;
    jitter[component] = Math.max(jitter[component], add);
    return min;
  }

  /**
   * Factorises the d x d covariance at {@code off} (commons-math3 Cholesky), writes {@code U = L⁻ᵀ}
   * in its place in {@link #precisionFactors} and returns {@code log det U}.
   */
  private double choleskyPrecision(int off, int component) {
    double scale = 0;
    double maxDiag = 0;
    for (int j = 0; j < d; j++) {
      double v = covariances[off + j * d + j];
      scale += Math.abs(v);
      maxDiag = Math.max(maxDiag, v);
    }
    scale = scale > 0 ? scale / d : 1;
    double added = 0;
    for (int attempt = 0; ; attempt++) {
      RealMatrix m = MatrixUtils.createRealMatrix(d, d);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          // symmetrise from the upper triangle: accumulated sums may differ in the last bit
          double v = i <= j ? covariances[off + i * d + j] : covariances[off + j * d + i];
          m.setEntry(i, j, v + (i == j ? added : 0));
        }
      }
      try {
        RealMatrix l = new CholeskyDecomposition(m, 1e-8, SINGULAR * Math.max(maxDiag + added, Double.MIN_NORMAL))
            .getL();
        if (added > 0) {
          for (int j = 0; j < d; j++) {
            covariances[off + j * d + j] += added;
          }
          jitter[component] = added;
        }
        return invertTransposed(l, off);
      } catch (NonPositiveDefiniteMatrixException e) {
        if (attempt > 40) {
          throw new IllegalStateException("a covariance matrix could not be regularised to positive definite", e);
        }
        added = added == 0 ? 1e-10 * scale : added * 10;
      }
    }
  }

  /** Writes {@code L⁻ᵀ} (upper triangular) at {@code off} and returns the sum of log of its diagonal. */
  private double invertTransposed(RealMatrix l, int off) {
    double logDet = 0;
    // column j of L^-1 solves L z = e_j (forward substitution); U[j][i] = Linv[i][j]
    double[] z = new double[d];
    for (int j = 0; j < d; j++) {
      Arrays.fill(z, 0);
      z[j] = 1 / l.getEntry(j, j);
      for (int i = j + 1; i < d; i++) {
        double s = 0;
        for (int m = j; m < i; m++) {
          s += l.getEntry(i, m) * z[m];
        }
        z[i] = -s / l.getEntry(i, i);
      }
      for (int i = 0; i < d; i++) {
        precisionFactors[off + j * d + i] = z[i];
      }
      logDet -= Math.log(l.getEntry(j, j));
    }
    return logDet;
  }

  /**
   * Writes {@code log N(row | μ_c, Σ_c)} for every component into {@code out}: the tile kernel on a
   * tile of one row, so that single predictions are the E-step's numbers to the last bit.
   */
  void logDensities(double[] row, double[] out) {
    RowTile tile = new RowTile(k, d, 1);
    tile.m = 1;
    System.arraycopy(row, 0, tile.xt, 0, d);
    logDensities(tile);
    System.arraycopy(tile.lp, 0, out, 0, k);
  }

  /**
   * The E-step kernel: {@code log N(x_t | μ_c, Σ_c)} for every component c and row t of the tile,
   * into {@code tile.lp[c * tile.size + t]}. Every inner loop runs over the rows of the tile
   * (see {@link RowTile}); per row, the operations and their order are those of the textbook
   * formulas: DIAG {@code Σ_j ((x_j - μ_j) / σ_j)²}, SPHERICAL {@code Σ_j (x_j - μ_j)² / σ²},
   * FULL {@code |x U - μ U|²} by columns of the triangular U, TIED {@code x U} once for all components.
   */
  void logDensities(RowTile tile) {
    switch (type) {
      case FULL:
        fullKernel(tile);
        break;
      case TIED:
        tiedKernel(tile);
        break;
      case DIAG:
        diagKernel(tile);
        break;
      default:
        sphericalKernel(tile);
    }
  }

  private double constant() {
    return -0.5 * d * LOG_2PI;
  }

  /** {@code lp = constant + log det U_c - 0.5 · acc} for the tile's rows. */
  private void store(RowTile tile, int c) {
    double base = constant() + logDetPrecisionFactor[c];
    int o = c * tile.size;
    double[] acc = tile.acc;
    double[] lp = tile.lp;
    for (int t = 0; t < tile.m; t++) {
      lp[o + t] = base - 0.5 * acc[t];
    }
  }

  private void diagKernel(RowTile tile) {
    int m = tile.m;
    int size = tile.size;
    double[] xt = tile.xt;
    double[] acc = tile.acc;
    for (int c = 0; c < k; c++) {
      Arrays.fill(acc, 0, m, 0);
      for (int j = 0; j < d; j++) {
        double mu = means[c * d + j];
        double p = precisionFactors[c * d + j];
        int xo = j * size;
        for (int t = 0; t < m; t++) {
          double u = (xt[xo + t] - mu) * p;
          acc[t] += u * u;
        }
      }
      store(tile, c);
    }
  }

  private void sphericalKernel(RowTile tile) {
    int m = tile.m;
    int size = tile.size;
    double[] xt = tile.xt;
    double[] acc = tile.acc;
    double constant = constant();
    for (int c = 0; c < k; c++) {
      Arrays.fill(acc, 0, m, 0);
      for (int j = 0; j < d; j++) {
        double mu = means[c * d + j];
        int xo = j * size;
        for (int t = 0; t < m; t++) {
          double u = xt[xo + t] - mu;
          acc[t] += u * u;
        }
      }
      double p = precisionFactors[c];
      double base = constant + logDetPrecisionFactor[c];
      int o = c * size;
      for (int t = 0; t < m; t++) {
        tile.lp[o + t] = base - 0.5 * acc[t] * p * p;
      }
    }
  }

  /** y_j = Σ_{i ≤ j} x_i U_ij - (μ U)_j column by column of U, summing y_j² as each column is done. */
  private void fullKernel(RowTile tile) {
    int m = tile.m;
    int size = tile.size;
    double[] xt = tile.xt;
    double[] acc = tile.acc;
    double[] y = tile.y;
    double[] p = precisionFactors;
    for (int c = 0; c < k; c++) {
      int u = c * d * d;
      Arrays.fill(acc, 0, m, 0);
      for (int j = 0; j < d; j++) {
        Arrays.fill(y, 0, m, -shifted[c * d + j]);
        for (int i = 0; i <= j; i++) {
          double uij = p[u + i * d + j];
          int xo = i * size;
          for (int t = 0; t < m; t++) {
            y[t] += xt[xo + t] * uij;
          }
        }
        for (int t = 0; t < m; t++) {
          acc[t] += y[t] * y[t];
        }
      }
      store(tile, c);
    }
  }

  /** x U once per row (shared U), then per component |x U - μ_c U|². */
  private void tiedKernel(RowTile tile) {
    int m = tile.m;
    int size = tile.size;
    double[] xt = tile.xt;
    double[] acc = tile.acc;
    double[] y = tile.y;
    for (int j = 0; j < d; j++) {
      int yo = j * size;
      Arrays.fill(y, yo, yo + m, 0);
      for (int i = 0; i <= j; i++) {
        double uij = precisionFactors[i * d + j];
        int xo = i * size;
        for (int t = 0; t < m; t++) {
          y[yo + t] += xt[xo + t] * uij;
        }
      }
    }
    for (int c = 0; c < k; c++) {
      Arrays.fill(acc, 0, m, 0);
      for (int j = 0; j < d; j++) {
        double sh = shifted[c * d + j];
        int yo = j * size;
        for (int t = 0; t < m; t++) {
          double q = y[yo + t] - sh;
          acc[t] += q * q;
        }
      }
      store(tile, c);
    }
  }

  /** The means without a copy, for the EM loops of this package (never modified there). */
  double[] meansView() {
    return means;
  }

  /** Covariance type. */
  public CovarianceType type() {
    return type;
  }

  /** Number of components. */
  public int k() {
    return k;
  }

  /** Number of dimensions. */
  public int d() {
    return d;
  }

  /** Means, row-major k x d (a copy). */
  public double[] means() {
    return means.clone();
  }

  /** Mean of component c (a copy). */
  public double[] mean(int c) {
    return Arrays.copyOfRange(means, c * d, c * d + d);
  }

  /** Covariances in the compact storage of the type (see the constructor; a copy). */
  public double[] covariances() {
    return covariances.clone();
  }

  /** The full d x d covariance matrix of component c, row-major, whatever the type. */
  public double[] covarianceMatrix(int c) {
    double[] m = new double[d * d];
    switch (type) {
      case FULL:
        System.arraycopy(covariances, c * d * d, m, 0, d * d);
        break;
      case TIED:
        System.arraycopy(covariances, 0, m, 0, d * d);
        break;
      case DIAG:
        for (int j = 0; j < d; j++) {
          m[j * d + j] = covariances[c * d + j];
        }
        break;
      default:
        for (int j = 0; j < d; j++) {
          m[j * d + j] = covariances[c];
        }
    }
    return m;
  }

  /** log det Σ_c. */
  public double logDetCovariance(int c) {
    return -2 * logDetPrecisionFactor[c];
  }

  /**
   * The diagonal jitter added to make each covariance positive definite (one value for TIED, k
   * otherwise; 0 where nothing was added; a copy).
   */
  public double[] jitter() {
    return jitter.clone();
  }

  /** True when some covariance needed a jitter beyond reg_covar. */
  public boolean regularised() {
    for (double j : jitter) {
      if (j > 0) {
        return true;
      }
    }
    return false;
  }
}
