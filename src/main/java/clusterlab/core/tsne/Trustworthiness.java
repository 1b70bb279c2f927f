package clusterlab.core.tsne;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.LinearScan;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;

/**
 * Trustworthiness of an embedding (Venna and Kaski 2001), as {@code sklearn.manifold.trustworthiness}:
 * {@code T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k)}, where U_k(i)
 * are the k nearest neighbours of i in the embedding that are not among its k nearest in the input
 * space and r(i, j) is the rank of j among i's input-space neighbours. 1 means every embedded
 * neighbourhood is a true one.
 *
 * <p>O(n^2 log n) time, O(n) memory per thread: meant for evaluation, not for very large n.
 */
public final class Trustworthiness {

  private Trustworthiness() {
  }

  /** Euclidean trustworthiness of {@code embedded} for {@code input}, with {@code k < n / 2}. */
  public static double of(Dataset input, Dataset embedded, int k, int threads) {
    Check.notNull("input", input);
    Check.notNull("embedded", embedded);
    int n = input.n();
    if (embedded.n() != n) {
      throw new IllegalArgumentException("input has " + n + " rows but the embedding has " + embedded.n());
    }
    if (!(k >= 1 && k < n / 2.0)) {
      throw new IllegalArgumentException("k (neighbours) must be at least 1 and less than n / 2 = " + (n / 2.0)
          + ", got " + k);
    }
    LinearScan embeddedIndex = new LinearScan(embedded, Metric.EUCLIDEAN);
    long[] penalty = new long[n];
    int d = input.d();
    double[] x = input.values();
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      double[] dist = new double[n];
      Integer[] order = new Integer[n];
      int[] rank = new int[n];
      int[] nbr = new int[k];
      double[] nd = new double[k];
      for (int i = from; i < to; i++) {
        for (int j = 0; j < n; j++) {
          dist[j] = j == i ? Double.POSITIVE_INFINITY : Metric.SQUARED_EUCLIDEAN.between(x, i * d, x, j * d, d);
          order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
        for (int r = 0; r < n; r++) {
          rank[order[r]] = r + 1;
        }
        int found = embeddedIndex.knn(embedded.values(), i * embedded.d(), k, i, nbr, nd);
        long t = 0;
        for (int m = 0; m < found; m++) {
          int excess = rank[nbr[m]] - k;
          if (excess > 0) {
            t += excess;
          }
        }
        penalty[i] = t;
      }
    });
    long total = 0;
    for (long t : penalty) {
      total += t;
    }
    return 1.0 - total * (2.0 / ((double) n * k * (2.0 * n - 3.0 * k - 1.0)));
  }
}
