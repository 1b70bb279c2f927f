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

  /**
   * A point outside the tree (a new point against a fixed embedding) feels every tree point: at
   * theta 0 the brute-force sum over all of them; a tree point at exactly its position adds w = 1 to
   * the sum and no force.
   */
  @Test
  void pointsOutsideTheTreeFeelEveryTreePoint() {
    for (int dims = 2; dims <= 3; dims++) {
      Random r = new Random(40 + dims);
      int n = 300;
      double[] y = new double[n * dims];
      double[] queries = new double[20 * dims];
      for (int e = 0; e < y.length; e++) {
        y[e] = r.nextGaussian() * 5;
      }
      for (int e = 0; e < queries.length; e++) {
        queries[e] = r.nextGaussian() * 6;
      }
      System.arraycopy(y, 5 * dims, queries, 19 * dims, dims); // the last query sits exactly on tree point 5
      SpaceTree tree = new SpaceTree(dims, n);
      tree.build(y, n);
      double alpha = Math.max(dims - 1, 1);
      int[] stack = new int[tree.stackSize()];
      for (int q = 0; q < 20; q++) {
        double[] a = new double[dims];
        double[] b = new double[dims];
        double za = tree.repulsionOn(queries, q * dims, 0.0, alpha, a, stack);
        double zb = 0;
        for (int j = 0; j < n; j++) {
          double d2 = 0;
          for (int k = 0; k < dims; k++) {
            double diff = queries[q * dims + k] - y[j * dims + k];
            d2 += diff * diff;
          }
          double t = alpha / (alpha + d2);
          double w = Math.pow(t, (alpha + 1) / 2);
          zb += w;
          for (int k = 0; k < dims; k++) {
            b[k] += w * t * (queries[q * dims + k] - y[j * dims + k]);
          }
        }
        assertEquals(zb, za, 1e-10 * zb, dims + "-D query " + q);
        for (int k = 0; k < dims; k++) {
          assertEquals(b[k], a[k], 1e-10 * (Math.abs(b[k]) + 1e-3), dims + "-D query " + q + " force " + k);
        }
      }
    }
  }

  @Test
  void stackSizeCoversTheDeepestTree() {
    assertTrue(new SpaceTree(2, 10).stackSize() > SpaceTree.MAX_DEPTH * 3);
  }
}
