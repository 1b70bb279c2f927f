package clusterlab.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The spherical-Gaussian BIC of a labelling against the log-likelihood summed row by row with
 * Commons Math's multivariate normal density (means, priors and the unbiased shared variance
 * estimated here independently), with noise left out and with row weights.
 */
class SphericalBicTest {

  @Test
  void equalsTheBicOfTheRowByRowSphericalGaussianLikelihood() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 61;
    int d = 3;
    double[] x = new double[n * d];
    int[] labels = new int[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 7 == 0 ? -1 : i % 3;
      w[i] = 0.5 + r.nextDouble();
      for (int j = 0; j < d; j++) {
        x[i * d + j] = 4 * labels[i] + (j + 1) * r.nextGaussian();
      }
    }
    for (double[] weights : new double[][] {null, w}) {
      Dataset data = Dataset.weighted(x, n, d, weights);
      double expected = reference(x, labels, weights == null ? ones(n) : weights, n, d, 3);
      double got = SphericalBic.of(data, labels, ChooseK.withinSS(data, labels));
      assertEquals(expected, got, 1e-8 * Math.abs(expected), weights == null ? "unit weights" : "weighted");
    }
  }

  @Test
  void undefinedWhenEveryRowIsItsOwnClusterOrOnItsCentre() {
    Dataset data = Dataset.of(new double[] {1, 2, 3}, 3, 1);
    assertTrue(Double.isNaN(SphericalBic.of(data, new int[] {0, 1, 2}, 0)));
    Dataset flat = Dataset.of(new double[] {1, 1, 1, 1}, 4, 1);
    assertTrue(Double.isNaN(SphericalBic.of(flat, new int[] {0, 0, 0, 0}, 0)));
  }

  private static double[] ones(int n) {
    double[] o = new double[n];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  private static double reference(double[] x, int[] labels, double[] w, int n, int d, int k) {
    double[][] mean = new double[k][d];
    double[] size = new double[k];
    for (int i = 0; i < n; i++) {
      if (labels[i] >= 0) {
        size[labels[i]] += w[i];
        for (int j = 0; j < d; j++) {
          mean[labels[i]][j] += w[i] * x[i * d + j];
        }
      }
    }
    double total = 0;
    for (int c = 0; c < k; c++) {
      total += size[c];
      for (int j = 0; j < d; j++) {
        mean[c][j] /= size[c];
      }
    }
    double sse = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; labels[i] >= 0 && j < d; j++) {
        double t = x[i * d + j] - mean[labels[i]][j];
        sse += w[i] * t * t;
      }
    }
    double variance = sse / (d * (total - k));
    double[][] cov = new double[d][d];
    for (int j = 0; j < d; j++) {
      cov[j][j] = variance;
    }
    double logL = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        continue;
      }
      MultivariateNormalDistribution g = new MultivariateNormalDistribution(mean[labels[i]], cov);
      logL += w[i] * (Math.log(size[labels[i]] / total) + Math.log(g.density(java.util.Arrays.copyOfRange(x, i * d, i * d + d))));
    }
    return -2 * logL + k * (d + 1) * Math.log(total);
  }
}
