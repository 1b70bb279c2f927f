package clusterlab.bench;

import java.util.Random;

/**
 * The k-means benchmarks' data, in one place so that the side-by-side bench ({@code peers.KMeansBench})
 * and the profiling tools next to the assigners measure the same rows: Gaussian blobs around centres
 * uniform in [-5, 5]^d with noise {@link #SIGMA} per column, large enough that the blobs overlap and
 * k-means needs tens of iterations.
 */
public final class KMeansBlobs {

  /** Noise of the blobs per column. */
  public static final double SIGMA = 3.0;

  private KMeansBlobs() {
  }

  /** {@code n x d} rows, row-major, around {@code centres} centres; the same seed gives the same rows. */
  public static double[] blobs(int n, int d, int centres, long seed) {
    Random r = new Random(seed);
    double[] c = new double[centres * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = -5 + 10 * r.nextDouble();
    }
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      int m = r.nextInt(centres);
      for (int j = 0; j < d; j++) {
        v[i * d + j] = c[m * d + j] + SIGMA * r.nextGaussian();
      }
    }
    return v;
  }
}
