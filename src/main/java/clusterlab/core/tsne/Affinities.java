package clusterlab.core.tsne;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.KnnGraph;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.parallel.Parallel;

/**
 * The input similarities of t-SNE: per-point Gaussian conditionals whose bandwidth is calibrated
 * so that each has the requested perplexity, symmetrised into a joint distribution P
 * (van der Maaten and Hinton 2008, section 3).
 *
 * <p>The calibration is scikit-learn's {@code _binary_search_perplexity}: on squared distances,
 * precision {@code beta} starts at 1 and is doubled/halved until bracketed, then bisected, until
 * the entropy is within 1e-5 nats of log(perplexity) or 100 steps have passed. The exact variant
 * uses all other points (dense P, for small n); the sparse one uses the
 * {@code min(n - 1, floor(3 * perplexity + 1))} nearest neighbours (van der Maaten 2014), found with
 * a {@link NeighborIndex}, so memory stays O(n k).
 */
public final class Affinities {

  /** Entropy tolerance of the binary search, in nats (scikit-learn's value). */
  public static final double TOLERANCE = 1e-5;
  /** Maximum number of binary-search steps (scikit-learn's value). */
  public static final int MAX_STEPS = 100;
  static final double MACHINE_EPSILON = Math.ulp(1.0);

  private Affinities() {
  }

  /**
   * Calibrates one point: writes the conditional probabilities for the squared distances
   * {@code sqd[off .. off+len)} to {@code p[pOff ..]} and returns the precision {@code beta}
   * (P(j|i) proportional to exp(-beta * d_ij^2), so sigma^2 = 1 / (2 beta)).
   */
  public static double calibrate(double[] sqd, int off, int len, double perplexity, double[] p, int pOff) {
    double desired = Math.log(perplexity);
    double beta = 1.0;
    double betaMin = Double.NEGATIVE_INFINITY;
    double betaMax = Double.POSITIVE_INFINITY;
    for (int step = 0; step < MAX_STEPS; step++) {
      double sum = 0;
      for (int j = 0; j < len; j++) {
        double v = Math.exp(-sqd[off + j] * beta);
        p[pOff + j] = v;
        sum += v;
      }
      if (sum == 0.0) {
        sum = 1e-8;
      }
      double sumDP = 0;
      for (int j = 0; j < len; j++) {
        double v = p[pOff + j] / sum;
        p[pOff + j] = v;
        sumDP += sqd[off + j] * v;
      }
      double diff = Math.log(sum) + beta * sumDP - desired;
      if (Math.abs(diff) <= TOLERANCE) {
        break;
      }
      if (diff > 0) {
        betaMin = beta;
        beta = betaMax == Double.POSITIVE_INFINITY ? beta * 2.0 : (beta + betaMax) / 2.0;
      } else {
        betaMax = beta;
        beta = betaMin == Double.NEGATIVE_INFINITY ? beta / 2.0 : (beta + betaMin) / 2.0;
      }
    }
    return beta;
  }

  /** Number of neighbours the sparse affinities use: {@code min(n - 1, floor(3 * perplexity + 1))}. */
  public static int neighbours(int n, double perplexity) {
    return (int) Math.min(n - 1L, (long) Math.floor(3 * perplexity + 1));
  }

  /**
   * Dense joint P over all pairs ({@code n * n} row-major, zero diagonal, summing to 1, every
   * off-diagonal entry at least machine epsilon as scikit-learn keeps it); {@code betas} receives
   * the per-point precisions.
   */
  public static double[] exact(Dataset data, double perplexity, int threads, double[] betas, Progress progress) {
    int n = data.n();
    int d = data.d();
    double[] x = data.values();
    double[] p = new double[n * n];
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      double[] sqd = new double[n - 1];
      double[] cond = new double[n - 1];
      for (int i = from; i < to; i++) {
        int m = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            sqd[m++] = Metric.SQUARED_EUCLIDEAN.between(x, i * d, x, j * d, d);
          }
        }
        betas[i] = calibrate(sqd, 0, n - 1, perplexity, cond, 0);
        m = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            p[i * n + j] = cond[m++];
          }
        }
      }
    });
    progress.checkCancelled();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = p[i * n + j] + p[j * n + i];
        p[i * n + j] = s;
        p[j * n + i] = s;
        sum += 2 * s;
      }
    }
    sum = Math.max(sum, MACHINE_EPSILON);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        p[i * n + j] = i == j ? 0 : Math.max(p[i * n + j] / sum, MACHINE_EPSILON);
      }
    }
    return p;
  }

  /**
   * Sparse joint P from the k nearest neighbours of every point (k from {@link #neighbours}), found
   * exactly with {@code index}: see {@link #knn(KnnGraph, double, int, double[], Progress)}.
   */
  public static SparseMatrix knn(Dataset data, NeighborIndex index, double perplexity, int threads, double[] betas,
      Progress progress) {
    return knn(KnnGraph.exact(data, index, neighbours(data.n(), perplexity), threads, progress), perplexity, threads,
        betas, progress);
  }

  /**
   * Sparse joint P from a k-NN graph (exact or approximate): conditionals on each point's
   * neighbours, then {@code (P + P^T) / sum}, as van der Maaten (2014) and scikit-learn's Barnes-Hut
   * path do. The graph's arrays are reused as scratch (its distances are squared in place).
   */
  public static SparseMatrix knn(KnnGraph graph, double perplexity, int threads, double[] betas, Progress progress) {
    int n = graph.n();
    int k = graph.k();
    int[] nbr = graph.rows();
    double[] dist = graph.dists();
    double[] cond = new double[n * k];
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        if ((i & 255) == 0) {
          progress.checkCancelled();
        }
        for (int j = i * k; j < i * k + k; j++) {
          dist[j] *= dist[j];
        }
        betas[i] = calibrate(dist, i * k, k, perplexity, cond, i * k);
      }
    });
    return SparseMatrix.symmetrise(n, k, nbr, cond);
  }
}
