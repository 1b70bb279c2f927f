package clusterlab.core.tsne;

import clusterlab.core.parallel.Parallel;
import java.util.Arrays;

/**
 * The t-SNE gradient with the repulsive forces by FFT-accelerated polynomial interpolation (FIt-SNE;
 * Linderman, Rachh, Hoskins, Steinerberger and Kluger 2019, "Fast interpolation-based t-SNE for
 * improved visualization of single-cell RNA-seq data", Nature Methods 16; also openTSNE's default
 * for large n), for 2-D embeddings with the Cauchy kernel.
 *
 * <p>Why: Barnes-Hut costs O(n log n) tree walks per iteration with poor locality; here the
 * embedding's bounding square is cut into {@code B x B} boxes with {@link #NODES} equispaced
 * interpolation nodes each, so the nodes form one uniform grid of side {@code G = 3B}. Every point
 * spreads its charges onto the 3 x 3 nodes of its box by Lagrange weights, the kernel sums between
 * all grid nodes are one 2-D convolution (a Toeplitz matrix, done by FFT on a {@code 2G x 2G}
 * zero-padded grid), and the potentials are interpolated back with the same weights: O(n) plus
 * O(G^2 log G) per iteration, independent of the data's clustering. {@code B = max(50, range)}
 * rounded up to a 2^a 3^b size, as FIt-SNE's {@code min_num_intervals = 50} and
 * {@code intervals_per_integer = 1}.
 *
 * <p>Three kernels, one charge: every point carries charge 1, and the grid potentials of the even
 * kernel {@code 1 / (1 + d^2)} (summing to Z) and of the odd kernels {@code dx / (1 + d^2)^2} and
 * {@code dy / (1 + d^2)^2} (the repulsive force itself) are three convolutions of the same charge
 * grid. The two force kernels travel as one complex signal (real and imaginary part), so an
 * iteration costs two kernel transforms, one forward and two inverse transforms. FIt-SNE instead
 * uses one kernel with the four charges {@code 1, y1, y2, |y|^2}, at the same count of transforms,
 * whose force {@code y_i phi_1 - phi_y} is a difference of large terms; the odd kernels avoid it.
 * Accuracy (FftGradientTest, relative L2 error of the net forces): 3e-5 to 3e-3 while the embedding
 * fits 50-60 boxes (Barnes-Hut at theta 0.5: 4e-3 to 1e-2), 1.4e-2 at boxes of width 0.875
 * (Barnes-Hut 3.8e-3); Z within 7e-4.
 *
 * <p>Deterministic for any thread count: each charge grid is filled by one thread in row order,
 * every transform row and column is independent, and sums are taken in point order.
 */
final class FftGradient implements TSNE.Gradient {

  /** Interpolation nodes per box and dimension (FIt-SNE's {@code n_interpolation_points}). */
  static final int NODES = 3;
  /** Fewest boxes per dimension ({@code min_num_intervals}). */
  static final int MIN_BOXES = 50;
  /**
   * Boxes per unit of embedding range. FIt-SNE's default is 1; on the digits fixture that gave KL
   * 0.7866 against Barnes-Hut's 0.7545, while 2 gave 0.7548 (single runs, 2026-12-05), so 2.
   */
  static final double BOXES_PER_UNIT = 2;
  private static final int COLUMN_BLOCK = 8;

  private final SparseMatrix p;
  private final int n;
  private final double[] klRow;
  private final double[] neg;
  private final double[] phi; // 3 potentials per point
  private final int[] base; // first grid node per point and dimension
  private final double[] weight; // NODES Lagrange weights per point and dimension
  private int side; // padded transform side M = 2G
  private Fft fft;
  private double[] kRe; // spectrum of the Z kernel
  private double[] kIm;
  private double[] aRe; // charges, then Z potentials
  private double[] aIm;
  private double[] bRe; // spectrum of the force kernels, then x (re) and y (im) forces
  private double[] bIm;

  FftGradient(SparseMatrix p, int n) {
    this.p = p;
    this.n = n;
    this.klRow = new double[n];
    this.neg = new double[2 * n];
    this.phi = new double[3 * n];
    this.base = new int[2 * n];
    this.weight = new double[2 * NODES * n];
  }

  /** Boxes per dimension for an embedding whose bounding square has side {@code range}. */
  static int boxes(double range) {
    double wanted = Math.max(MIN_BOXES, Math.ceil(range * BOXES_PER_UNIT));
    if (!(wanted < 1 << 20)) {
      throw new IllegalStateException("t-SNE embedding diverged (coordinate range " + range
          + "); lower the learning rate or the early exaggeration");
    }
    return Fft.smoothAtLeast((int) wanted);
  }

  @Override
  public double compute(double[] y, int dims, double exaggeration, boolean error, double[] grad, int threads) {
    if (dims != 2) {
      throw new IllegalArgumentException("the FFT gradient embeds in 2 dimensions, got " + dims);
    }
    double z = repulsion(y, threads);
    return TSNE.attract(p, y, dims, exaggeration, error, z, neg, grad, klRow, threads);
  }

  /** The unnormalised repulsive forces of the last {@link #repulsion} call, 2 per point. */
  double[] repulsiveForces() {
    return neg;
  }

  /** Fills {@link #neg} with the unnormalised repulsive forces and returns Z = sum over i != j of q_ij. */
  double repulsion(double[] y, int threads) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    int boxes = boxes(hi - lo);
    double boxWidth = Math.max(hi - lo, 1e-12) / boxes;
    double spacing = boxWidth / NODES;
    int g = boxes * NODES;
    prepare(2 * g);
    interpolationWeights(y, lo, boxWidth, boxes, threads);
    spread();
    kernelSpectra(g, spacing, threads);
    transform2d(aRe, aIm, g, false, threads);
    multiply(bRe, bIm, threads);
    multiply(kRe, kIm, threads);
    transform2d(aRe, aIm, g, true, threads);
    transform2d(bRe, bIm, g, true, threads);
    return gather(threads);
  }

  private void prepare(int m) {
    if (m != side) {
      side = m;
      fft = new Fft(m);
      if (kRe == null || kRe.length < m * m) {
        kRe = new double[m * m];
        kIm = new double[m * m];
        aRe = new double[m * m];
        aIm = new double[m * m];
        bRe = new double[m * m];
        bIm = new double[m * m];
      }
    }
  }

  /** Box and Lagrange weights on the box's nodes at {@code (j + 0.5) / NODES}, per point and dimension. */
  private void interpolationWeights(double[] y, double lo, double boxWidth, int boxes, int threads) {
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        for (int k = 0; k < 2; k++) {
          double u = (y[2 * i + k] - lo) / boxWidth;
          int box = Math.min((int) u, boxes - 1);
          double t = u - box;
          base[2 * i + k] = box * NODES;
          int w = (2 * i + k) * NODES;
          for (int j = 0; j < NODES; j++) {
            double tj = (j + 0.5) / NODES;
            double l = 1;
            for (int m = 0; m < NODES; m++) {
              if (m != j) {
                double tm = (m + 0.5) / NODES;
                l *= (t - tm) / (tj - tm);
              }
            }
            weight[w + j] = l;
          }
        }
      }
    });
  }

  /** Charge 1 per point onto the nodes of its box (one thread, in point order: deterministic). */
  private void spread() {
    int m = side;
    Arrays.fill(aRe, 0, m * m, 0.0);
    Arrays.fill(aIm, 0, m * m, 0.0);
    for (int i = 0; i < n; i++) {
      int r0 = base[2 * i];
      int c0 = base[2 * i + 1];
      int w1 = 2 * i * NODES;
      int w2 = (2 * i + 1) * NODES;
      for (int a = 0; a < NODES; a++) {
        double qa = weight[w1 + a];
        int row = (r0 + a) * m + c0;
        for (int b = 0; b < NODES; b++) {
          aRe[row + b] += qa * weight[w2 + b];
        }
      }
    }
  }

  /**
   * Transforms of the kernels on the circulant {@code 2G x 2G} grid of node offsets: Z's
   * {@code 1 / (1 + d^2)} into (kRe, kIm), the forces' {@code (dx + i dy) / (1 + d^2)^2} into (bRe, bIm).
   */
  private void kernelSpectra(int g, double spacing, int threads) {
    int m = side;
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      for (int r = from; r < to; r++) {
        int dr = r < g ? r : r - m;
        for (int c = 0; c < m; c++) {
          int dc = c < g ? c : c - m;
          int e = r * m + c;
          kIm[e] = 0;
          if (r == g || c == g) { // offset +-G: never between two live nodes
            kRe[e] = 0;
            bRe[e] = 0;
            bIm[e] = 0;
            continue;
          }
          double dx = dr * spacing;
          double dy = dc * spacing;
          double t = 1 / (1 + dx * dx + dy * dy);
          kRe[e] = t;
          bRe[e] = dx * t * t;
          bIm[e] = dy * t * t;
        }
      }
    });
    transform2d(kRe, kIm, m, false, threads);
    transform2d(bRe, bIm, m, false, threads);
  }

  /** (re, im) := (aRe, aIm) * (re, im) / M^2, element-wise: the transform of a convolution with the charges. */
  private void multiply(double[] re, double[] im, int threads) {
    int m = side;
    double scale = 1.0 / ((double) m * m);
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      for (int e = from * m; e < to * m; e++) {
        double xr = aRe[e] * scale;
        double xi = aIm[e] * scale;
        double kr = re[e];
        double ki = im[e];
        re[e] = xr * kr - xi * ki;
        im[e] = xr * ki + xi * kr;
      }
    });
    if (re == kRe) { // the Z product goes where the charges were
      System.arraycopy(kRe, 0, aRe, 0, m * m);
      System.arraycopy(kIm, 0, aIm, 0, m * m);
    }
  }

  /**
   * 2-D transform of the {@code M x M} grid of which only the first {@code liveRows} rows matter:
   * forward, those rows are the only non-zero ones; inverse, they are the only ones wanted.
   */
  private void transform2d(double[] re, double[] im, int liveRows, boolean inverse, int threads) {
    if (!inverse) {
      rows(re, im, liveRows, false, threads);
    }
    columns(re, im, inverse, threads);
    if (inverse) {
      rows(re, im, liveRows, true, threads);
    }
  }

  private void rows(double[] re, double[] im, int count, boolean inverse, int threads) {
    int m = side;
    Parallel.forRange(count, threads, (chunk, from, to) -> {
      double[] xr = new double[m];
      double[] xi = new double[m];
      double[] sr = new double[m];
      double[] si = new double[m];
      for (int r = from; r < to; r++) {
        System.arraycopy(re, r * m, xr, 0, m);
        System.arraycopy(im, r * m, xi, 0, m);
        fft.transform(xr, xi, sr, si, inverse);
        System.arraycopy(xr, 0, re, r * m, m);
        System.arraycopy(xi, 0, im, r * m, m);
      }
    });
  }

  /** Column transforms, {@link #COLUMN_BLOCK} columns gathered at a time so each row read is one cache line. */
  private void columns(double[] re, double[] im, boolean inverse, int threads) {
    int m = side;
    int blocks = (m + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
    Parallel.forRange(blocks, threads, (chunk, from, to) -> {
      double[][] xr = new double[COLUMN_BLOCK][m];
      double[][] xi = new double[COLUMN_BLOCK][m];
      double[] sr = new double[m];
      double[] si = new double[m];
      for (int blk = from; blk < to; blk++) {
        int c0 = blk * COLUMN_BLOCK;
        int width = Math.min(COLUMN_BLOCK, m - c0);
        for (int r = 0; r < m; r++) {
          int off = r * m + c0;
          for (int b = 0; b < width; b++) {
            xr[b][r] = re[off + b];
            xi[b][r] = im[off + b];
          }
        }
        for (int b = 0; b < width; b++) {
          fft.transform(xr[b], xi[b], sr, si, inverse);
        }
        for (int r = 0; r < m; r++) {
          int off = r * m + c0;
          for (int b = 0; b < width; b++) {
            re[off + b] = xr[b][r];
            im[off + b] = xi[b][r];
          }
        }
      }
    });
  }

  /** Interpolates Z's potential and the two forces back to the points; fills {@link #neg} and returns Z. */
  private double gather(int threads) {
    int m = side;
    double[][] grids = {aRe, bRe, bIm};
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        int r0 = base[2 * i];
        int c0 = base[2 * i + 1];
        int w1 = 2 * i * NODES;
        int w2 = (2 * i + 1) * NODES;
        for (int c = 0; c < 3; c++) {
          double[] grid = grids[c];
          double s = 0;
          for (int a = 0; a < NODES; a++) {
            int row = (r0 + a) * m + c0;
            double t = 0;
            for (int b = 0; b < NODES; b++) {
              t += weight[w2 + b] * grid[row + b];
            }
            s += weight[w1 + a] * t;
          }
          phi[3 * i + c] = s;
        }
        neg[2 * i] = phi[3 * i + 1];
        neg[2 * i + 1] = phi[3 * i + 2];
      }
    });
    double z = 0;
    for (int i = 0; i < n; i++) {
      z += phi[3 * i];
    }
    return Math.max(z - n, Double.MIN_NORMAL);
  }
}
