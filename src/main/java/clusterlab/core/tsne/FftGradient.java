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
 * interpolation nodes each, so the nodes form one uniform grid of side {@code G = NODES * B}. Every
 * point spreads its charge onto the {@code NODES x NODES} nodes of its box by Lagrange weights, the
 * kernel sums between all grid nodes are one 2-D convolution (a Toeplitz matrix, done by FFT on a
 * {@code 2G x 2G} zero-padded grid), and the potentials are interpolated back with the same
 * weights: O(n) plus O(G^2 log G) per iteration, independent of the data's clustering.
 * {@code B = max(50, 1.5 * range)} rounded up to a 2^a 3^b size.
 *
 * <p>Three kernels, one charge: every point carries charge 1; Z is the grid energy
 * {@code <charges, K * charges>} of the even kernel {@code K = 1 / (1 + d^2)}, taken in the
 * frequency domain (Parseval), and the repulsive forces are the convolutions of the charges with the
 * odd kernels {@code dx / (1 + d^2)^2} and {@code dy / (1 + d^2)^2}, which travel as one complex
 * signal. The three kernel spectra come from one complex transform by symmetry (see
 * {@link #kernelSpectra}) and are kept while the grid side and box width (from a fixed ladder, see
 * {@link #quantisedWidth}) stay the same, so an iteration costs one forward and one inverse
 * transform. FIt-SNE instead uses one kernel with the four charges {@code 1, y1, y2, |y|^2}, whose
 * force {@code y_i phi_1 - phi_y} is a difference of large terms; the odd kernels avoid it.
 *
 * <p>Accuracy and the parameters: with FIt-SNE's defaults (3 nodes, 1 box per unit) the forces
 * are within about 1e-2 of the exact sums, yet the optimised embeddings came out measurably worse
 * than Barnes-Hut's (iris: KL 0.1283 against 0.1228, the exact gradient's 0.1200; digits 0.825
 * against 0.7545): interpolation errors are smooth and spatially coherent, so unlike Barnes-Hut's
 * they do not average out near the optimum, where attraction and repulsion nearly cancel. The grid
 * costs O(G^2 log G) per iteration whatever n is, so its density is the speed/quality dial. On
 * digits (1,797 x 64, 1,000 iterations; KL of the final embedding by the exact O(n^2) sums, which
 * the FFT's own KL matches to 1e-4, while Barnes-Hut reports 0.7545 for its 0.7599):
 *
 * <table>
 * <caption>4 nodes per box; boxes per unit of embedding range against the exact KL</caption>
 * <tr><th>boxes per unit</th><th>1</th><th>1.25</th><th>1.5</th><th>2</th><th>Barnes-Hut</th></tr>
 * <tr><td>exact KL</td><td>0.7855</td><td>0.7649</td><td>0.7521</td><td>0.7423</td><td>0.7599</td></tr>
 * <tr><td>seconds, 2 threads, load 5-8</td><td>30-66</td><td>53</td><td>114</td><td>297</td><td>12</td></tr>
 * </table>
 *
 * <p>1.5 boxes per unit is the sparsest grid that stays better than Barnes-Hut; against 2 it takes
 * 0.56 times the grid and, on 70,000 x 50, 262.7 CPU s in all instead of 377.6 with the same KL
 * (3.9709 against 3.9710; BENCHMARKS.md). Switching to the fine grid only for the last 100
 * iterations does not recover the coarse grid's loss (0.7817 from 1 box per unit).
 *
 * <p>Deterministic for any thread count: each charge grid is filled by one thread in row order,
 * every transform row and column is independent, and sums are taken in point order.
 */
final class FftGradient implements TSNE.Gradient {

  /** Interpolation nodes per box and dimension (FIt-SNE's {@code n_interpolation_points}, default 3 there). */
  static final int NODES = 4;
  /** Fewest boxes per dimension ({@code min_num_intervals}). */
  static final int MIN_BOXES = 50;
  /** Boxes per unit of embedding range (FIt-SNE's {@code intervals_per_integer}, default 1 there; see above). */
  static final double BOXES_PER_UNIT = 1.5;
  private static final int COLUMN_BLOCK = 8;
  /** Box widths per octave (see {@link #quantisedWidth}). */
  static final int WIDTH_STEPS = 16;

  private final SparseMatrix p;
  private final int n;
  private final double[] klRow;
  private final double[] neg;
  private final int[] base; // first grid node per point and dimension
  private final double[] weight; // NODES Lagrange weights per point and dimension
  private int side; // padded transform side M = 2G
  private Fft fft;
  private double[] kRe; // spectrum A of the Z kernel
  private double[] kIm; // scratch: B
  private double[] aRe; // charges, their spectrum, then x (re) and y (im) force grids
  private double[] aIm;
  private double[] bRe; // spectrum of the force kernels (kept while the grid is unchanged)
  private double[] bIm;
  private double[] rowSum;
  private double spectraWidth = Double.NaN; // box width and side the kernel spectra were computed for
  private int spectraSide;

  FftGradient(SparseMatrix p, int n) {
    this.p = p;
    this.n = n;
    this.klRow = new double[n];
    this.neg = new double[2 * n];
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
    double boxWidth = quantisedWidth(Math.max(hi - lo, 1e-12) / boxes);
    int g = boxes * NODES;
    prepare(2 * g);
    interpolationWeights(y, lo, boxWidth, boxes, threads);
    spread();
    if (boxWidth != spectraWidth || side != spectraSide) {
      kernelSpectra(g, boxWidth / NODES, threads);
      spectraWidth = boxWidth;
      spectraSide = side;
    }
    transform2d(aRe, aIm, g, false, threads);
    double z = potentialEnergy(threads);
    multiplyForces(threads);
    transform2d(aRe, aIm, g, true, threads);
    gather(threads);
    return Math.max(z - n, Double.MIN_NORMAL);
  }

  /**
   * The smallest {@code 2^(j / WIDTH_STEPS)} at least {@code width}: box widths from a fixed ladder
   * (at most 4.4% wider than asked), so that while the embedding grows within one grid size the
   * kernel spectra, which depend only on the grid side and the node spacing, are reused instead of
   * transformed again every iteration.
   */
  static double quantisedWidth(double width) {
    double w = Math.pow(2, Math.ceil(Math.log(width) / Math.log(2) * WIDTH_STEPS) / WIDTH_STEPS);
    return w >= width ? w : w * Math.pow(2, 1.0 / WIDTH_STEPS);
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
        rowSum = new double[m];
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
   * Spectra of the kernels on the circulant {@code 2G x 2G} grid of node offsets, from ONE complex
   * transform: Z's kernel {@code K = 1 / (1 + d^2)} is real and even, so its spectrum A is real and
   * even; the x-force kernel {@code Bx = dx / (1 + d^2)^2} is real, odd in dx and even in dy, so
   * {@code i F(Bx)} is a real spectrum B, odd in the first frequency. The transform of
   * {@code K + i Bx} is therefore {@code A + B}, split by that parity; the y-force kernel is Bx
   * transposed, so its spectrum is B transposed. Leaves A in kRe and the force spectrum
   * {@code F(Bx) + i F(By) = B^T - i B} in (bRe, bIm).
   */
  private void kernelSpectra(int g, double spacing, int threads) {
    int m = side;
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      for (int r = from; r < to; r++) {
        int dr = r < g ? r : r - m;
        for (int c = 0; c < m; c++) {
          int dc = c < g ? c : c - m;
          int e = r * m + c;
          if (r == g || c == g) { // offset +-G: never between two live nodes
            kRe[e] = 0;
            kIm[e] = 0;
            continue;
          }
          double dx = dr * spacing;
          double dy = dc * spacing;
          double t = 1 / (1 + dx * dx + dy * dy);
          kRe[e] = t;
          kIm[e] = dx * t * t;
        }
      }
    });
    transform2d(kRe, kIm, m, false, threads);
    Parallel.forRange(m / 2 + 1, threads, (chunk, from, to) -> {
      for (int u = from; u < to; u++) {
        int mirror = (m - u) % m;
        for (int v = 0; v < m; v++) {
          double x1 = kRe[u * m + v];
          double x2 = kRe[mirror * m + v];
          double even = 0.5 * (x1 + x2);
          double odd = 0.5 * (x1 - x2);
          kRe[u * m + v] = even;
          kRe[mirror * m + v] = even;
          kIm[u * m + v] = odd; // B, kept in kIm
          kIm[mirror * m + v] = -odd;
        }
      }
    });
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      for (int u = from; u < to; u++) {
        for (int v = 0; v < m; v++) {
          bRe[u * m + v] = kIm[v * m + u];
          bIm[u * m + v] = -kIm[u * m + v];
        }
      }
    });
  }

  /**
   * Z + n, the sum over all points of the interpolated Z potential, as the grid energy
   * {@code <charges, K * charges> = sum |C|^2 A / M^2} (Parseval): no inverse transform needed.
   * Row sums are added in row order, so the result does not depend on the thread count.
   */
  private double potentialEnergy(int threads) {
    int m = side;
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      for (int u = from; u < to; u++) {
        double s = 0;
        for (int e = u * m; e < (u + 1) * m; e++) {
          s += (aRe[e] * aRe[e] + aIm[e] * aIm[e]) * kRe[e];
        }
        rowSum[u] = s;
      }
    });
    double z = 0;
    for (int u = 0; u < m; u++) {
      z += rowSum[u];
    }
    return z / ((double) m * m);
  }

  /** (aRe, aIm) := charges' spectrum times the force spectrum / M^2: the transform of the force grid. */
  private void multiplyForces(int threads) {
    int m = side;
    double scale = 1.0 / ((double) m * m);
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      for (int e = from * m; e < to * m; e++) {
        double xr = aRe[e] * scale;
        double xi = aIm[e] * scale;
        double kr = bRe[e];
        double ki = bIm[e];
        aRe[e] = xr * kr - xi * ki;
        aIm[e] = xr * ki + xi * kr;
      }
    });
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

  /** Interpolates the two forces back to the points, into {@link #neg}. */
  private void gather(int threads) {
    int m = side;
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        int r0 = base[2 * i];
        int c0 = base[2 * i + 1];
        int w1 = 2 * i * NODES;
        int w2 = (2 * i + 1) * NODES;
        double fx = 0;
        double fy = 0;
        for (int a = 0; a < NODES; a++) {
          int row = (r0 + a) * m + c0;
          double tx = 0;
          double ty = 0;
          for (int b = 0; b < NODES; b++) {
            tx += weight[w2 + b] * aRe[row + b];
            ty += weight[w2 + b] * aIm[row + b];
          }
          fx += weight[w1 + a] * tx;
          fy += weight[w1 + a] * ty;
        }
        neg[2 * i] = fx;
        neg[2 * i + 1] = fy;
      }
    });
  }
}
