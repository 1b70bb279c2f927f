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
 * <p>Speed: rows are processed in tiles of {@link RowTile#ROWS} rows, transposed, so that the density
 * kernels ({@link Gaussians#logDensities(RowTile)}) and the covariance sums run their inner loops over
 * the rows of a tile, which HotSpot compiles to SIMD instructions; log-sum-exp takes one {@code exp}
 * per row and component; DIAG and SPHERICAL collect every sum of their M-step in the E-step's single
 * pass over the data (moments around the previous means, so that no variance is a difference of large
 * numbers); nothing is allocated per row.
 *
 * <p>Determinism: rows are cut into blocks whose number depends only on the data's shape, never on
 * the thread count; every sum is accumulated per block (tile by tile from the block's first row) and
 * the blocks are combined in order, so any thread count gives bit-identical models. Memory: the
 * n x k responsibilities plus per-block partial sums (FULL: one d x d matrix per component and block,
 * the block count shrinking so that these stay within about 32 MiB).
 */
final class Em {

  private static final double EPS10 = 10 * Math.ulp(1.0);
  private static final int MIN_BLOCK_ROWS = 1024;
  private static final int MAX_BLOCKS = 256;
  private static final int TILE = RowTile.ROWS;

  private final Dataset data;
  private final CovarianceType type;
  private final int k;
  private final int d;
  private final int n;
  private final double regCovar;
  private final int threads;
  private final int blocks;
  private final double[] resp;
  /** Per block: Σ w r per component (without scikit-learn's 10 ε). */
  private final double[][] blockNk;
  /** Per block: Σ w r (x - s) per component, around the shift s ({@link #shift}). */
  private final double[][] blockSx;
  /** DIAG/SPHERICAL, per block: Σ w r (x - s)² per component and column. */
  private final double[][] blockSq;
  /** FULL, per block: Σ w r (x - μ)(x - μ)ᵀ per component around the new means (upper triangles). */
  private final double[][] blockCov;
  private final double[] blockLogLikelihood;
  /** The centre s of the sums of the last pass (k x d): the previous means, or 0. */
  private double[] shift;
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
    boolean squares = type == CovarianceType.DIAG || type == CovarianceType.SPHERICAL;
    boolean full = type == CovarianceType.FULL;
    long perBlock = (squares ? 2L : 1L) * k * d + k + (full ? (long) k * d * d : 0);
    this.blocks = blockCount(n, perBlock);
    this.blockNk = new double[blocks][k];
    this.blockSx = new double[blocks][k * d];
    this.blockSq = squares ? new double[blocks][k * d] : null;
    this.blockCov = full ? new double[blocks][] : null;
    this.blockLogLikelihood = new double[blocks];
    this.shift = new double[k * d];
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
   * M-step needs (Σ w r, Σ w r (x - μ_old) per component; DIAG/SPHERICAL also Σ w r (x - μ_old)²).
   * Returns the weighted mean log-likelihood per row.
   */
  double expectation(Gaussians g, double[] weights) {
    double[] logW = logs(weights);
    double[] v = data.values();
    double[] centre = g.meansView();
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      RowTile tile = new RowTile(k, d, TILE);
      for (int b = from; b < to; b++) {
        double[] nk = clear(blockNk[b]);
        double[] sx = clear(blockSx[b]);
        double[] sq = blockSq == null ? null : clear(blockSq[b]);
        double ll = 0;
        for (int s = blockStart(b), end = blockStart(b + 1); s < end; s += TILE) {
          int m = Math.min(TILE, end - s);
          tile.load(v, s, m);
          g.logDensities(tile);
          tile.normalise(logW);
          for (int t = 0; t < m; t++) {
            int i = s + t;
            double w = data.weight(i);
            ll += w * tile.logDensity[t];
            double inv = tile.inverse[t];
            int ro = i * k;
            int off = i * d;
            for (int c = 0; c < k; c++) {
              double r = tile.lp[c * TILE + t] * inv;
              resp[ro + c] = r;
              double wr = w * r;
              if (wr != 0) {
                nk[c] += wr;
                moments(v, off, centre, c, wr, sx, sq);
              }
            }
          }
        }
        blockLogLikelihood[b] = ll;
      }
    });
    shift = centre;
    double ll = 0;
    for (int b = 0; b < blocks; b++) {
      ll += blockLogLikelihood[b];
    }
    return ll / data.totalWeight();
  }

  /** Adds {@code wr (x - s_c)} to {@code sx} and, unless null, {@code wr (x - s_c)²} to {@code sq}. */
  private void moments(double[] v, int off, double[] centre, int c, double wr, double[] sx, double[] sq) {
    int mc = c * d;
    if (sq == null) {
      for (int j = 0; j < d; j++) {
        sx[mc + j] += wr * (v[off + j] - centre[mc + j]);
      }
    } else {
      for (int j = 0; j < d; j++) {
        double u = v[off + j] - centre[mc + j];
        double wu = wr * u;
        sx[mc + j] += wu;
        sq[mc + j] += wu * u;
      }
    }
  }

  private static double[] clear(double[] a) {
    Arrays.fill(a, 0);
    return a;
  }

  static double[] logs(double[] weights) {
    double[] out = new double[weights.length];
    for (int c = 0; c < weights.length; c++) {
      out[c] = Math.log(weights[c]);
    }
    return out;
  }

  /**
   * Sets one-hot responsibilities from hard labels and the sums the M-step needs: Σ w x first, then
   * (DIAG/SPHERICAL) the moments around the means that gives, so that no variance loses digits.
   */
  void hard(int[] labels) {
    Arrays.fill(resp, 0);
    for (int i = 0; i < n; i++) {
      resp[i * k + labels[i]] = 1;
    }
    double[] zero = new double[k * d];
    hardPass(labels, zero, false);
    if (blockSq != null) {
      double[] nk = new double[k];
      double[] raw = new double[k];
      hardPass(labels, means(zero, nk, raw), true);
    }
  }

  private void hardPass(int[] labels, double[] centre, boolean squares) {
    double[] v = data.values();
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        double[] nk = clear(blockNk[b]);
        double[] sx = clear(blockSx[b]);
        double[] sq = squares ? clear(blockSq[b]) : null;
        for (int i = blockStart(b), end = blockStart(b + 1); i < end; i++) {
          double w = data.weight(i);
          if (w != 0) {
            nk[labels[i]] += w;
            moments(v, i * d, centre, labels[i], w, sx, sq);
          }
        }
      }
    });
    shift = centre;
  }

  /**
   * The means of the M-step, {@code (s Σ w r + Σ w r (x - s)) / n_k} (scikit-learn's {@code Σ w r x / n_k}),
   * from the block sums around {@code centre}; fills {@code nkOut} with n_k (including scikit-learn's
   * 10 ε) and {@code rawOut} with Σ w r.
   */
  private double[] means(double[] centre, double[] nkOut, double[] rawOut) {
    double[] sx = sum(blockSx, k * d);
    double[] raw = sum(blockNk, k);
    double[] mu = new double[k * d];
    for (int c = 0; c < k; c++) {
      rawOut[c] = raw[c];
      nkOut[c] = raw[c] + EPS10;
      for (int j = 0; j < d; j++) {
        int at = c * d + j;
        mu[at] = (centre[at] * raw[c] + sx[at]) / nkOut[c];
      }
    }
    return mu;
  }

  /** The block partial sums added in block order. */
  private double[] sum(double[][] parts, int length) {
    double[] total = new double[length];
    for (int b = 0; b < blocks; b++) {
      double[] p = parts[b];
      for (int t = 0; t < length; t++) {
        total[t] += p[t];
      }
    }
    return total;
  }

  /** M-step from the sums of the last E-step (or {@link #hard}); fills {@code weightsOut}. */
  Gaussians maximisation(double[] weightsOut) {
    double[] nk = new double[k];
    double[] raw = new double[k];
    double[] means = means(shift, nk, raw);
    double total = 0;
    for (int c = 0; c < k; c++) {
      total += nk[c];
    }
    for (int c = 0; c < k; c++) {
      weightsOut[c] = nk[c] / total;
    }
    double[] cov;
    switch (type) {
      case FULL:
        cov = fullCovariances(means, nk);
        break;
      case TIED:
        cov = tiedCovariance(means, nk);
        break;
      default:
        cov = diagonalCovariances(means, nk, raw);
    }
    return new Gaussians(type, k, d, means, cov, varianceFloor);
  }

  /**
   * Per component: Σ w r (x - μ)(x - μ)ᵀ / n_k + reg on the diagonal, around the new means. Blocks
   * of rows in parallel; within a block, component by component, tile by tile, the products of each
   * pair of columns are accumulated per row position of the tile (an element-wise loop, compiled to
   * SIMD) and summed over the positions at the end of the block.
   */
  private double[] fullCovariances(double[] means, double[] nk) {
    double[] v = data.values();
    int pairs = d * (d + 1) / 2;
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      double[] z = new double[d * TILE];
      double[] wz = new double[TILE];
      double[] wr = new double[TILE];
      double[] lanes = new double[pairs * TILE];
      for (int b = from; b < to; b++) {
        double[] cov = blockCov[b] == null ? (blockCov[b] = new double[k * d * d]) : clear(blockCov[b]);
        int start = blockStart(b);
        int end = blockStart(b + 1);
        for (int c = 0; c < k; c++) {
          Arrays.fill(lanes, 0);
          for (int s = start; s < end; s += TILE) {
            int m = Math.min(TILE, end - s);
            centredTile(v, s, m, c, means, z, wr);
            int p = 0;
            for (int a = 0; a < d; a++) {
              int za = a * TILE;
              for (int t = 0; t < m; t++) {
                wz[t] = wr[t] * z[za + t];
              }
              for (int e = a; e < d; e++, p++) {
                int ze = e * TILE;
                int lo = p * TILE;
                for (int t = 0; t < m; t++) {
                  lanes[lo + t] += wz[t] * z[ze + t];
                }
              }
            }
          }
          foldLanes(lanes, cov, c * d * d);
        }
      }
    });
    double[] cov = sum(blockCov, k * d * d);
    for (int c = 0; c < k; c++) {
      finishMatrix(cov, c * d * d, nk[c]);
    }
    return cov;
  }

  /** Writes {@code x - μ_c} of the tile's rows transposed into z and {@code w r_c} into wr. */
  private void centredTile(double[] v, int s, int m, int c, double[] means, double[] z, double[] wr) {
    for (int t = 0; t < m; t++) {
      int i = s + t;
      wr[t] = data.weight(i) * resp[i * k + c];
      int off = i * d;
      for (int j = 0; j < d; j++) {
        z[j * TILE + t] = v[off + j] - means[c * d + j];
      }
    }
  }

  /** Sums each column pair's per-position products into the upper triangle at {@code base}. */
  private void foldLanes(double[] lanes, double[] cov, int base) {
    int p = 0;
    for (int a = 0; a < d; a++) {
      for (int e = a; e < d; e++, p++) {
        double s = 0;
        for (int t = 0, lo = p * TILE; t < TILE; t++) {
          s += lanes[lo + t];
        }
        cov[base + a * d + e] = s;
      }
    }
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

  /**
   * DIAG: per component and column {@code Σ w r (x - μ)² / n_k + reg}, from the moments around the
   * previous means s: {@code Σ w r (x - μ)² = S2 - δ (2 S1 - δ Σ w r)} with {@code δ = μ - s}, exact
   * in exact arithmetic and without cancellation since δ is small; SPHERICAL: their mean over columns.
   */
  private double[] diagonalCovariances(double[] means, double[] nk, double[] raw) {
    double[] s1 = sum(blockSx, k * d);
    double[] s2 = sum(blockSq, k * d);
    double[] var = new double[k * d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        int at = c * d + j;
        double delta = means[at] - shift[at];
        double centred = s2[at] - delta * (2 * s1[at] - delta * raw[c]);
        var[at] = Math.max(0, centred) / nk[c] + regCovar;
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
