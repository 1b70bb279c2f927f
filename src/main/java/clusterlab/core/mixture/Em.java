package clusterlab.core.mixture;

import clusterlab.core.Dataset;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;

/**
 * The E- and M-steps of expectation maximisation for a Gaussian mixture on one dataset
 * (Dempster, Laird and Rubin 1977), with scikit-learn's estimators so that results can be checked
 * against it: {@code n_k = Σ w r + 10 ε}, means {@code Σ w r x / n_k}, covariances centred on the
 * new means plus {@code reg_covar} on the diagonal.
 *
 * <p>Determinism: rows are cut into blocks whose number depends only on the data's shape, never on
 * the thread count; every sum is accumulated per block and the blocks are combined in order (full
 * covariances are summed per component over all rows in row order), so any thread count gives
 * bit-identical models. Memory: the n x k responsibilities plus per-block partial sums.
 */
final class Em {

  private static final double EPS10 = 10 * Math.ulp(1.0);
  private static final int MIN_BLOCK_ROWS = 1024;
  private static final int MAX_BLOCKS = 256;

  private final Dataset data;
  private final CovarianceType type;
  private final int k;
  private final int d;
  private final int n;
  private final double regCovar;
  private final int threads;
  private final int blocks;
  private final double[] resp;
  private final double[][] blockNk;
  private final double[][] blockSx;
  private final double[][] blockSq;
  private final double[] blockLogLikelihood;
  /** TIED only: Σ w (x - m)(x - m)ᵀ around the weighted mean m (constant over the iterations). */
  private double[] tiedScatter;
  private double[] tiedCentre;
  /** 1e-10 times each column's variance in the data (1e-10 for a constant column): see {@link Gaussians}. */
  private final double[] varianceFloor;

  Em(Dataset data, CovarianceType type, int k, double regCovar, int threads) {
    this.data = data;
    this.type = type;
    this.k = k;
    this.d = data.d();
    this.n = data.n();
    this.regCovar = regCovar;
    this.threads = threads;
    if ((long) n * k > Integer.MAX_VALUE - 8L) {
      throw new IllegalArgumentException("n * k = " + n + " * " + k + " responsibilities exceed one Java array; "
          + "use fewer rows (a sample) or fewer components");
    }
    this.resp = new double[n * k];
    long perBlock = 2L * k * d + k;
    this.blocks = blockCount(n, perBlock);
    this.blockNk = new double[blocks][k];
    this.blockSx = new double[blocks][k * d];
    boolean squares = type == CovarianceType.DIAG || type == CovarianceType.SPHERICAL;
    this.blockSq = squares ? new double[blocks][k * d] : null;
    this.blockLogLikelihood = new double[blocks];
    this.varianceFloor = varianceFloor(data);
  }

  private static double[] varianceFloor(Dataset data) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double[] floor = new double[d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += v[i * d + j];
      }
      mean /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double t = v[i * d + j] - mean;
        var += t * t;
      }
      var /= n;
      floor[j] = 1e-10 * (var > 0 ? var : 1);
    }
    return floor;
  }

  /** Blocks of at least 1024 rows, at most 256, fewer when per-block sums would take much memory. */
  static int blockCount(int n, long perBlockDoubles) {
    long byRows = (n + MIN_BLOCK_ROWS - 1) / MIN_BLOCK_ROWS;
    long byMemory = Math.max(8, (1L << 22) / Math.max(1, perBlockDoubles));
    return (int) Math.max(1, Math.min(Math.min(byRows, MAX_BLOCKS), byMemory));
  }

  private int blockStart(int b) {
    return (int) ((long) n * b / blocks);
  }

  /** Responsibilities of the last E-step (row-major n x k, not weighted). */
  double[] responsibilities() {
    return resp;
  }

  /**
   * E-step: responsibilities of every row under the current model by log-sum-exp, and the sums the
   * M-step needs (Σ w r, Σ w r x per component). Returns the weighted mean log-likelihood per row.
   */
  double expectation(Gaussians g, double[] weights) {
    double[] logW = logs(weights);
    double[] v = data.values();
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      double[] lp = new double[k];
      double[] y = new double[d];
      for (int b = from; b < to; b++) {
        double[] nk = blockNk[b];
        double[] sx = blockSx[b];
        Arrays.fill(nk, 0);
        Arrays.fill(sx, 0);
        double ll = 0;
        for (int i = blockStart(b), end = blockStart(b + 1); i < end; i++) {
          int off = i * d;
          double lpn = logResponsibilities(g, logW, v, off, lp, y);
          double w = data.weight(i);
          ll += w * lpn;
          int ro = i * k;
          for (int c = 0; c < k; c++) {
            double r = Math.exp(lp[c] - lpn);
            resp[ro + c] = r;
            double wr = w * r;
            if (wr != 0) {
              nk[c] += wr;
              int mc = c * d;
              for (int j = 0; j < d; j++) {
                sx[mc + j] += wr * v[off + j];
              }
            }
          }
        }
        blockLogLikelihood[b] = ll;
      }
    });
    double ll = 0;
    for (int b = 0; b < blocks; b++) {
      ll += blockLogLikelihood[b];
    }
    return ll / data.totalWeight();
  }

  /**
   * Fills {@code lp} with {@code log π_c + log N(x | c)} and returns their log-sum-exp, the row's
   * log-density (shifting by the maximum so that no exponential underflows to an all-zero sum).
   */
  static double logResponsibilities(Gaussians g, double[] logW, double[] v, int off, double[] lp, double[] y) {
    g.logDensities(v, off, lp, y);
    int k = lp.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      lp[c] += logW[c];
      max = Math.max(max, lp[c]);
    }
    double s = 0;
    for (int c = 0; c < k; c++) {
      s += Math.exp(lp[c] - max);
    }
    return max + Math.log(s);
  }

  static double[] logs(double[] weights) {
    double[] out = new double[weights.length];
    for (int c = 0; c < weights.length; c++) {
      out[c] = Math.log(weights[c]);
    }
    return out;
  }

  /** Sets one-hot responsibilities from hard labels and the sums the M-step needs. */
  void hard(int[] labels) {
    double[] v = data.values();
    Arrays.fill(resp, 0);
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        double[] nk = blockNk[b];
        double[] sx = blockSx[b];
        Arrays.fill(nk, 0);
        Arrays.fill(sx, 0);
        for (int i = blockStart(b), end = blockStart(b + 1); i < end; i++) {
          int c = labels[i];
          resp[i * k + c] = 1;
          double w = data.weight(i);
          nk[c] += w;
          for (int j = 0; j < d; j++) {
            sx[c * d + j] += w * v[i * d + j];
          }
        }
      }
    });
  }

  /** The weights of the M-step, normalised (filled into {@code weightsOut}); returns the means. */
  private double[] weightsAndMeans(double[] nkOut, double[] weightsOut) {
    double[] sx = new double[k * d];
    Arrays.fill(nkOut, 0);
    for (int b = 0; b < blocks; b++) {
      for (int c = 0; c < k; c++) {
        nkOut[c] += blockNk[b][c];
      }
      double[] bs = blockSx[b];
      for (int t = 0; t < k * d; t++) {
        sx[t] += bs[t];
      }
    }
    double total = 0;
    for (int c = 0; c < k; c++) {
      nkOut[c] += EPS10;
      total += nkOut[c];
    }
    for (int c = 0; c < k; c++) {
      weightsOut[c] = nkOut[c] / total;
      for (int j = 0; j < d; j++) {
        sx[c * d + j] /= nkOut[c];
      }
    }
    return sx;
  }

  /** M-step from the responsibilities of the last E-step (or {@link #hard}); fills {@code weightsOut}. */
  Gaussians maximisation(double[] weightsOut) {
    double[] nk = new double[k];
    double[] means = weightsAndMeans(nk, weightsOut);
    double[] cov;
    switch (type) {
      case FULL:
        cov = fullCovariances(means, nk);
        break;
      case TIED:
        cov = tiedCovariance(means, nk);
        break;
      default:
        cov = diagonalCovariances(means, nk);
    }
    return new Gaussians(type, k, d, means, cov, varianceFloor);
  }

  /** Per component, in parallel over components: Σ w r (x - μ)(x - μ)ᵀ / n_k + reg on the diagonal. */
  private double[] fullCovariances(double[] means, double[] nk) {
    double[] cov = new double[k * d * d];
    double[] v = data.values();
    Parallel.forRange(k, threads, (chunk, from, to) -> {
      double[] diff = new double[d];
      for (int c = from; c < to; c++) {
        int base = c * d * d;
        int mc = c * d;
        for (int i = 0; i < n; i++) {
          double wr = data.weight(i) * resp[i * k + c];
          if (wr == 0) {
            continue;
          }
          int off = i * d;
          for (int j = 0; j < d; j++) {
            diff[j] = v[off + j] - means[mc + j];
          }
          for (int a = 0; a < d; a++) {
            double t = wr * diff[a];
            int row = base + a * d;
            for (int b = a; b < d; b++) {
              cov[row + b] += t * diff[b];
            }
          }
        }
        finishMatrix(cov, base, nk[c]);
      }
    });
    return cov;
  }

  /** Scales the upper triangle by 1/count, mirrors it and adds reg_covar to the diagonal. */
  private void finishMatrix(double[] cov, int base, double count) {
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        double val = cov[base + a * d + b] / count;
        cov[base + a * d + b] = val;
        cov[base + b * d + a] = val;
      }
      cov[base + a * d + a] += regCovar;
    }
  }

  /**
   * Shared covariance: (Σ w (x - m)(x - m)ᵀ - Σ n_k (μ_k - m)(μ_k - m)ᵀ) / Σ n_k around the weighted
   * mean m, which equals scikit-learn's (XᵀX - Σ n_k μ μᵀ) / Σ n_k without its cancellation.
   */
  private double[] tiedCovariance(double[] means, double[] nk) {
    if (tiedScatter == null) {
      computeTiedScatter();
    }
    double[] cov = tiedScatter.clone();
    double total = 0;
    double[] diff = new double[d];
    for (int c = 0; c < k; c++) {
      total += nk[c];
      for (int j = 0; j < d; j++) {
        diff[j] = means[c * d + j] - tiedCentre[j];
      }
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          cov[a * d + b] -= nk[c] * diff[a] * diff[b];
        }
      }
    }
    finishMatrix(cov, 0, total);
    return cov;
  }

  private void computeTiedScatter() {
    double[] v = data.values();
    double tw = data.totalWeight();
    double[] m = new double[d];
    for (int i = 0; i < n; i++) {
      double w = data.weight(i);
      for (int j = 0; j < d; j++) {
        m[j] += w * v[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= tw;
    }
    double[][] part = new double[blocks][d * d];
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      double[] diff = new double[d];
      for (int b = from; b < to; b++) {
        double[] s = part[b];
        for (int i = blockStart(b), end = blockStart(b + 1); i < end; i++) {
          double w = data.weight(i);
          for (int j = 0; j < d; j++) {
            diff[j] = v[i * d + j] - m[j];
          }
          for (int a = 0; a < d; a++) {
            double t = w * diff[a];
            for (int c = a; c < d; c++) {
              s[a * d + c] += t * diff[c];
            }
          }
        }
      }
    });
    double[] total = new double[d * d];
    for (double[] s : part) {
      for (int t = 0; t < d * d; t++) {
        total[t] += s[t];
      }
    }
    tiedScatter = total;
    tiedCentre = m;
  }

  /** DIAG: per component and column Σ w r (x - μ)² / n_k + reg; SPHERICAL: their mean over columns. */
  private double[] diagonalCovariances(double[] means, double[] nk) {
    double[] v = data.values();
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        double[] sq = blockSq[b];
        Arrays.fill(sq, 0);
        for (int i = blockStart(b), end = blockStart(b + 1); i < end; i++) {
          double w = data.weight(i);
          int off = i * d;
          for (int c = 0; c < k; c++) {
            double wr = w * resp[i * k + c];
            if (wr == 0) {
              continue;
            }
            int mc = c * d;
            for (int j = 0; j < d; j++) {
              double t = v[off + j] - means[mc + j];
              sq[mc + j] += wr * t * t;
            }
          }
        }
      }
    });
    double[] var = new double[k * d];
    for (int b = 0; b < blocks; b++) {
      double[] sq = blockSq[b];
      for (int t = 0; t < k * d; t++) {
        var[t] += sq[t];
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        var[c * d + j] = var[c * d + j] / nk[c] + regCovar;
      }
    }
    if (type == CovarianceType.DIAG) {
      return var;
    }
    double[] sph = new double[k];
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += var[c * d + j];
      }
      sph[c] = s / d;
    }
    return sph;
  }
}
