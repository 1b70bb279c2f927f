package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpaceTreeTest {

  /**
   * Brute-force sum over j != i of w t (y_i - y_j) into f[0..dims) and of w t |y_i - y_j| into
   * f[dims] (the gross force the Barnes-Hut error is relative to); returns the sum of w.
   */
  private static double brute(double[] y, int n, int dims, int i, double alpha, double[] f) {
    double z = 0;
    for (int j = 0; j < n; j++) {
      if (j == i) {
        continue;
      }
      double d2 = 0;
      for (int k = 0; k < dims; k++) {
        double t = y[i * dims + k] - y[j * dims + k];
        d2 += t * t;
      }
      double t = alpha / (alpha + d2);
      double w = Math.pow(t, (alpha + 1) / 2);
      z += w;
      for (int k = 0; k < dims; k++) {
        f[k] += w * t * (y[i * dims + k] - y[j * dims + k]);
      }
      f[dims] += w * t * Math.sqrt(d2);
    }
    return z;
  }

  private static void check(int dims, double theta, double tol) {
    Random r = new Random(dims);
    int n = 400;
    double[] y = new double[n * dims];
    for (int e = 0; e < y.length; e++) {
      y[e] = r.nextGaussian() * 5;
    }
    // exact duplicates must neither repel nor count as themselves twice
    System.arraycopy(y, 0, y, dims * 7, dims);
    System.arraycopy(y, 0, y, dims * 8, dims);
    SpaceTree tree = new SpaceTree(dims, n);
    tree.build(y, n);
    double alpha = Math.max(dims - 1, 1);
    int[] stack = new int[tree.stackSize()];
    for (int i = 0; i < n; i++) {
      double[] a = new double[dims];
      double[] b = new double[dims + 1];
      double za = tree.repulsion(i, theta * theta, alpha, a, stack);
      double zb = brute(y, n, dims, i, alpha, b);
      assertEquals(zb, za, tol * zb, "z of point " + i);
      double err = 0;
      for (int k = 0; k < dims; k++) {
        err += (a[k] - b[k]) * (a[k] - b[k]);
      }
      assertTrue(Math.sqrt(err) <= tol * b[dims], "force of point " + i + ": error " + Math.sqrt(err)
          + " for a gross force of " + b[dims]);
    }
  }

  @Test
  void thetaZeroIsExactIn2dAnd3d() {
    check(2, 0.0, 1e-10);
    check(3, 0.0, 1e-10);
  }

  @Test
  void thetaHalfIsClose() {
    check(2, 0.5, 0.05);
    check(3, 0.5, 0.05);
  }

  @Test
  void stackSizeCoversTheDeepestTree() {
    assertTrue(new SpaceTree(2, 10).stackSize() > SpaceTree.MAX_DEPTH * 3);
  }
}
