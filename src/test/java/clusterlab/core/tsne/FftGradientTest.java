package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftGradientTest {

  /** Exact Z = sum_{i != j} 1 / (1 + d^2) and repulsion sum_j (y_i - y_j) / (1 + d^2)^2. */
  private static double exact(double[] y, int n, double[] rep) {
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double d1 = y[2 * i] - y[2 * j];
          double d2 = y[2 * i + 1] - y[2 * j + 1];
          double t = 1 / (1 + d1 * d1 + d2 * d2);
          z += t;
          rep[2 * i] += t * t * d1;
          rep[2 * i + 1] += t * t * d2;
        }
      }
    }
    return z;
  }

  private static double[] clusters(int n, double spread, long seed) {
    Random r = new Random(seed);
    double[] y = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double cx = (i % 5) * spread;
      double cy = (i % 3) * spread * 0.7;
      y[2 * i] = cx + r.nextGaussian();
      y[2 * i + 1] = cy + r.nextGaussian();
    }
    return y;
  }

  /** Relative L2 error of the forces and of Z, FFT and Barnes-Hut (theta 0.5) against the exact sums. */
  @Test
  void accuracyAgainstExactSumsAndBarnesHut() {
    int n = 1500;
    for (double spread : new double[] {0.01, 5, 40}) { // tiny (early exaggeration), medium, wider than 50 boxes
      double[] y = clusters(n, spread, 3);
      double[] rep = new double[2 * n];
      double z = exact(y, n, rep);
      FftGradient g = new FftGradient(emptyP(n), n);
      double zFft = g.repulsion(y, 2);
      double fftErr = relativeError(g.repulsiveForces(), rep);
      SpaceTree tree = new SpaceTree(2, n);
      tree.build(y, n);
      double[] bh = new double[2 * n];
      double zBh = 0;
      int[] stack = new int[tree.stackSize()];
      double[] f = new double[2];
      for (int i = 0; i < n; i++) {
        f[0] = 0;
        f[1] = 0;
        zBh += tree.repulsion(i, 0.25, 1.0, f, stack);
        bh[2 * i] = f[0];
        bh[2 * i + 1] = f[1];
      }
      double bhErr = relativeError(bh, rep);
      String msg = String.format("spread %s: force error FFT %.2e, BH %.2e; Z error FFT %.2e, BH %.2e", spread, fftErr,
          bhErr, Math.abs(zFft / z - 1), Math.abs(zBh / z - 1));
      System.out.println(msg);
      assertTrue(Math.abs(zFft / z - 1) < Math.abs(zBh / z - 1), msg);
      assertTrue(fftErr < bhErr, msg); // 4 nodes, 1.5 boxes per unit: more accurate than the Barnes-Hut tree here
    }
  }

  /**
   * The whole gradient (sparse attraction of a real k-NN P plus the interpolated repulsion) and the
   * KL divergence against the exact O(n^2) sums, at the shipped interpolation parameters
   * ({@link FftGradient#NODES} = 4 nodes per box, at least {@link FftGradient#MIN_BOXES} = 50 boxes,
   * {@link FftGradient#BOXES_PER_UNIT} boxes per unit of embedding range), for a compact, a spread and
   * an exaggerated embedding: relative L2 gradient error below 1e-2, KL within 1e-3.
   */
  @Test
  void gradientAndKlMatchTheExactSums() {
    int n = 1000;
    double[] x = clusters(n, 6, 11); // input: 2-D clusters lifted to 10-D with noise
    java.util.Random r = new java.util.Random(4);
    double[] lifted = new double[n * 10];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 10; c++) {
        lifted[i * 10 + c] = (c < 2 ? x[2 * i + c] : 0) + 0.3 * r.nextGaussian();
      }
    }
    clusterlab.core.Dataset data = clusterlab.core.Dataset.of(lifted, n, 10);
    SparseMatrix p = Affinities.knn(data, new clusterlab.core.neighbors.VpTree(data,
        clusterlab.core.distance.Metric.EUCLIDEAN, 1), 30, 2, new double[n], clusterlab.core.Progress.NONE);
    for (double spread : new double[] {0.05, 3, 25}) {
      for (double exaggeration : new double[] {1, 12}) {
        double[] y = clusters(n, spread, 7);
        double[] rep = new double[2 * n];
        double z = exact(y, n, rep);
        double[] exactGrad = new double[2 * n];
        double exactKl = TSNE.attract(p, y, 2, exaggeration, true, z, rep, exactGrad, new double[n], 1);
        double[] fftGrad = new double[2 * n];
        double fftKl = new FftGradient(p, n).compute(y, 2, exaggeration, true, fftGrad, 2);
        double err = relativeError(fftGrad, exactGrad);
        String msg = String.format("spread %s, exaggeration %s: gradient error %.2e, KL %.6f vs exact %.6f", spread,
            exaggeration, err, fftKl, exactKl);
        System.out.println(msg);
        assertTrue(err < 1e-2, msg);
        assertEquals(exactKl, fftKl, 1e-3 * Math.abs(exactKl), msg);
      }
    }
  }

  private static double relativeError(double[] approx, double[] exact) {
    double err = 0;
    double norm = 0;
    for (int e = 0; e < exact.length; e++) {
      err += (approx[e] - exact[e]) * (approx[e] - exact[e]);
      norm += exact[e] * exact[e];
    }
    return Math.sqrt(err / norm);
  }

  @Test
  void sameForcesForAnyThreadCount() {
    int n = 2000;
    double[] y = clusters(n, 10, 9);
    FftGradient a = new FftGradient(emptyP(n), n);
    FftGradient b = new FftGradient(emptyP(n), n);
    assertEquals(a.repulsion(y, 1), b.repulsion(y, 3), 0.0);
    for (int e = 0; e < 2 * n; e++) {
      assertEquals(negOf(a, e), negOf(b, e), 0.0);
    }
  }

  @Test
  void divergedEmbeddingIsReported() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> FftGradient.boxes(1e9));
    assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
  }

  private static SparseMatrix emptyP(int n) {
    return SparseMatrix.symmetrise(n, 1, new int[n], new double[n]);
  }

  private static double negOf(FftGradient g, int e) {
    return g.repulsiveForces()[e];
  }
}
