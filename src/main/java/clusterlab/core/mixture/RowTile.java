package clusterlab.core.mixture;

import java.util.Arrays;

/**
 * A tile of up to {@link #size} consecutive rows, transposed (column j of the tile is contiguous), with
 * the per-component buffers the E-step kernels of {@link Gaussians} write into.
 *
 * <p>Why transposed: every kernel then runs its innermost loop over the rows of the tile, an
 * element-wise loop of fixed length that HotSpot's C2 compiles to SIMD instructions, whereas a loop
 * over d = 16 columns of one row is a sum (a reduction C2 must keep in order) or too short to
 * vectorise. Each row's arithmetic is the same, in the same order, as for a tile of one row, so
 * the E-step, the final labelling and {@link MixtureModel#predict} agree to the last bit.
 *
 * <p>One tile per worker thread, reused for every tile of rows: no allocation per row.
 */
final class RowTile {

  /** Rows per tile in the EM loops: columns and per-component buffers stay in the L1/L2 cache. */
  static final int ROWS = 64;

  final int size;
  final int k;
  final int d;
  /** Rows in the current tile, at most {@link #size}. */
  int m;
  /** Transposed rows: {@code xt[j * size + t]} is column j of the tile's row t. */
  final double[] xt;
  /**
   * Per component c and row t at {@code c * size + t}: {@code log N(x_t | c)} after the density
   * kernel, {@code log π_c + log N} after {@link #normalise} adds the log weights, then
   * {@code exp(log π_c + log N - max_c)}.
   */
  final double[] lp;
  /** Row scratch of the kernels (a sum per row; FULL: y_j per row; TIED: y for all j). */
  final double[] acc;
  final double[] y;
  final double[] max;
  final double[] sum;
  /** Log-density of every row of the tile, {@code log Σ_c π_c N(x_t | c)}. */
  final double[] logDensity;
  /** {@code 1 / Σ_c exp(lp - max)}: the responsibility of c is {@code lp[c * size + t] * inverse[t]}. */
  final double[] inverse;

  RowTile(int k, int d, int size) {
    this.size = size;
    this.k = k;
    this.d = d;
    this.xt = new double[d * size];
    this.lp = new double[k * size];
    this.acc = new double[size];
    this.y = new double[d * size];
    this.max = new double[size];
    this.sum = new double[size];
    this.logDensity = new double[size];
    this.inverse = new double[size];
  }

  /** Loads rows {@code [from, from + m)} of the row-major {@code values} (d columns), transposed. */
  void load(double[] values, int from, int m) {
    this.m = m;
    for (int t = 0; t < m; t++) {
      int off = (from + t) * d;
      for (int j = 0; j < d; j++) {
        xt[j * size + t] = values[off + j];
      }
    }
  }

  /**
   * Log-sum-exp over the components for every row, with one {@code exp} per cell: {@link #addLogWeights}
   * then {@link #exponentiate}.
   */
  void normalise(double[] logWeights) {
    addLogWeights(logWeights);
    exponentiate();
  }

  /** Adds the log weights to the log-densities in {@link #lp} and finds every row's maximum. */
  void addLogWeights(double[] logWeights) {
    Arrays.fill(max, 0, m, Double.NEGATIVE_INFINITY);
    for (int c = 0; c < k; c++) {
      double lw = logWeights[c];
      int o = c * size;
      for (int t = 0; t < m; t++) {
        double z = lp[o + t] + lw;
        lp[o + t] = z;
        max[t] = Math.max(max[t], z);
      }
    }
  }

  /**
   * Replaces {@link #lp} by {@code exp(lp - max)} (shifting by each row's maximum so that no sum
   * underflows to 0) and fills {@link #logDensity} and {@link #inverse}.
   */
  void exponentiate() {
    Arrays.fill(sum, 0, m, 0);
    for (int c = 0; c < k; c++) {
      int o = c * size;
      for (int t = 0; t < m; t++) {
        double e = Math.exp(lp[o + t] - max[t]);
        lp[o + t] = e;
        sum[t] += e;
      }
    }
    for (int t = 0; t < m; t++) {
      logDensity[t] = max[t] + Math.log(sum[t]);
      inverse[t] = 1 / sum[t];
    }
  }

  /** The component of largest joint density for row t after {@link #addLogWeights} (ties: lower index). */
  int best(int t) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (lp[c * size + t] > lp[best * size + t]) {
        best = c;
      }
    }
    return best;
  }
}
