package clusterlab.spark;

import java.util.SplittableRandom;

/** Gaussian blobs for the tests: row i depends only on (seed, i). */
final class Blobs {

  private Blobs() {
  }

  /** Row {@code i} of a mixture of {@code centres} unit-variance blobs spread over a cube of side {@code spread}. */
  static void row(long seed, long i, int centres, double spread, double[] out) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int c = (int) (i % centres);
    SplittableRandom cr = new SplittableRandom(seed + 31L * c);
    for (int j = 0; j < out.length; j++) {
      out[j] = cr.nextDouble() * spread + gaussian(r);
    }
  }

  static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** The first {@code n} rows, row-major. */
  static double[] rows(long seed, int n, int d, int centres, double spread) {
    double[] v = new double[n * d];
    double[] row = new double[d];
    for (int i = 0; i < n; i++) {
      row(seed, i, centres, spread, row);
      System.arraycopy(row, 0, v, i * d, d);
    }
    return v;
  }
}
