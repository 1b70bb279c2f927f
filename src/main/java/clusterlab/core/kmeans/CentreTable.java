package clusterlab.core.kmeans;

/**
 * The centres of one iteration laid out for the all-centres distance pass. With many centres the
 * table also keeps them column by column ({@code column[j][c]}), so that the inner loop runs over
 * centres with no dependency between iterations, a loop the JIT compiles to SIMD instructions: 2 to
 * 3 times faster than centre-by-centre sums from 16 centres on (KMeansBench). Both layouts add
 * each centre's terms in the canonical order of {@link KMeansKernels#squaredDistance}, so every
 * distance is bit-identical whichever path computed it.
 */
final class CentreTable {

  /** From this many centres on, the column layout's SIMD loop beats the row layout. */
  static final int COLUMN_LAYOUT_MIN_CENTRES = 16;

  private final double[] centroids;
  private final double[][] column;
  private final int k;
  private final int d;

  CentreTable(double[] centroids, int k, int d) {
    this.centroids = centroids;
    this.k = k;
    this.d = d;
    this.column = k >= COLUMN_LAYOUT_MIN_CENTRES ? transpose(centroids, k, d) : null;
  }

  private static double[][] transpose(double[] centroids, int k, int d) {
    double[][] t = new double[d][k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        t[j][c] = centroids[c * d + j];
      }
    }
    return t;
  }

  /** Per-thread scratch space for {@link #squaredDistances}. */
  Scratch scratch() {
    return new Scratch(k);
  }

  /** Squared distances from row {@code x[off ..]} to all k centres, written to {@code out}. */
  void squaredDistances(double[] x, int off, Scratch scratch, double[] out) {
    if (column == null) {
      KMeansKernels.allSquaredDistances(x, off, centroids, k, d, out);
      return;
    }
    double[][] p = scratch.rows[0];
    for (int r = 0; r < 4; r++) {
      double[] pr = p[r];
      if (r >= d) {
        java.util.Arrays.fill(pr, 0.0);
        continue;
      }
      double xr = x[off + r];
      double[] cr = column[r];
      for (int c = 0; c < k; c++) {
        double t = xr - cr[c];
        pr[c] = t * t;
      }
      for (int j = r + 4; j < d; j += 4) {
        double xj = x[off + j];
        double[] cj = column[j];
        for (int c = 0; c < k; c++) {
          double t = xj - cj[c];
          pr[c] += t * t;
        }
      }
    }
    combine(p, out);
  }

  /**
   * Squared distances from four rows to all k centres at once. Each centre value is loaded once
   * for the four rows, and the heavier loop body keeps the JIT's SIMD main loop in use even for a
   * few dozen centres (where a one-row loop is too short for it): about twice the throughput of
   * single-row passes at k = 32, d = 16.
   */
  void squaredDistances(double[] x, int off0, int off1, int off2, int off3, Scratch scratch, double[][] out) {
    if (column == null) {
      KMeansKernels.allSquaredDistances(x, off0, centroids, k, d, out[0]);
      KMeansKernels.allSquaredDistances(x, off1, centroids, k, d, out[1]);
      KMeansKernels.allSquaredDistances(x, off2, centroids, k, d, out[2]);
      KMeansKernels.allSquaredDistances(x, off3, centroids, k, d, out[3]);
      return;
    }
    double[][][] q = scratch.rows;
    // the first column of each partial sum is stored, not added to a zeroed array: zero-filling
    // first reads the same but made Lloyd 1.4 times slower in KMeansBench's shape
    for (int r = 0; r < 4; r++) {
      double[] p0 = q[0][r];
      double[] p1 = q[1][r];
      double[] p2 = q[2][r];
      double[] p3 = q[3][r];
      if (r >= d) {
        java.util.Arrays.fill(p0, 0.0);
        java.util.Arrays.fill(p1, 0.0);
        java.util.Arrays.fill(p2, 0.0);
        java.util.Arrays.fill(p3, 0.0);
        continue;
      }
      double[] cr = column[r];
      double x0 = x[off0 + r];
      double x1 = x[off1 + r];
      double x2 = x[off2 + r];
      double x3 = x[off3 + r];
      for (int c = 0; c < k; c++) {
        double centre = cr[c];
        double t0 = x0 - centre;
        double t1 = x1 - centre;
        double t2 = x2 - centre;
        double t3 = x3 - centre;
        p0[c] = t0 * t0;
        p1[c] = t1 * t1;
        p2[c] = t2 * t2;
        p3[c] = t3 * t3;
      }
      for (int j = r + 4; j < d; j += 4) {
        double[] cj = column[j];
        double y0 = x[off0 + j];
        double y1 = x[off1 + j];
        double y2 = x[off2 + j];
        double y3 = x[off3 + j];
        for (int c = 0; c < k; c++) {
          double centre = cj[c];
          double t0 = y0 - centre;
          double t1 = y1 - centre;
          double t2 = y2 - centre;
          double t3 = y3 - centre;
          p0[c] += t0 * t0;
          p1[c] += t1 * t1;
          p2[c] += t2 * t2;
          p3[c] += t3 * t3;
        }
      }
    }
    for (int row = 0; row < 4; row++) {
      combine(q[row], out[row]);
    }
  }

  private void combine(double[][] p, double[] out) {
    double[] p0 = p[0];
    double[] p1 = p[1];
    double[] p2 = p[2];
    double[] p3 = p[3];
    for (int c = 0; c < k; c++) {
      out[c] = (p0[c] + p1[c]) + (p2[c] + p3[c]);
    }
  }

  /** The four partial sums of every centre (columns {@code j = r (mod 4)}), for up to four rows. */
  static final class Scratch {
    private final double[][][] rows;

    private Scratch(int k) {
      rows = new double[4][4][k];
    }
  }
}
