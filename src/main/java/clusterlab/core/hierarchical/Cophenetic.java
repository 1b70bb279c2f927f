package clusterlab.core.hierarchical;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.parallel.Parallel;

/**
 * The cophenetic correlation coefficient (Sokal and Rohlf 1962): the Pearson correlation between
 * the original distances of all pairs and their cophenetic distances (the height of the merge
 * that first puts the two rows in one cluster), as SciPy's {@code cophenet(Z, Y)}.
 *
 * <p>Nothing of size n&sup2; is stored: the rows are walked in dendrogram order, where the merge
 * joining positions p &lt; q is the one with the largest index among the merges joining
 * neighbouring positions p..q-1, so each row's cophenetic distances are a running maximum. Two
 * passes (means, then centred sums), each n(n-1)/2 distance evaluations split over threads; per
 * row partial sums are added in row order, so the value does not depend on the thread count.
 */
public final class Cophenetic {

  private Cophenetic() {
  }

  /** The cophenetic correlation of {@code tree} built from {@code data} with {@code distance}. */
  public static double correlation(MergeHistory tree, Dataset data, Distance distance, int threads) {
    Check.notNull("tree", tree);
    Check.notNull("data", data);
    int n = tree.n();
    if (data.n() != n) {
      throw new IllegalArgumentException("the tree has " + n + " rows but the data has " + data.n());
    }
    if (n < 3) {
      return Double.NaN;
    }
    int[] order = tree.leafOrder();
    int[] gap = tree.gapMerges();
    double[] h = tree.heights();
    double pairs = (double) n * (n - 1) / 2;
    double meanY = 0;
    for (int m = 0; m < n - 1; m++) {
      int a = tree.first(m) < n ? 1 : tree.size(tree.first(m) - n);
      int b = tree.second(m) < n ? 1 : tree.size(tree.second(m) - n);
      meanY += h[m] * ((double) a * b);
    }
    meanY /= pairs;
    double[] rowSum = new double[n];
    forRows(n, threads, p -> {
      double s = 0;
      for (int q = p + 1; q < n; q++) {
        s += dist(data, distance, order[p], order[q]);
      }
      rowSum[p] = s;
    });
    double meanX = 0;
    for (double s : rowSum) {
      meanX += s;
    }
    meanX /= pairs;
    double[] sxy = new double[n];
    double[] sxx = new double[n];
    double[] syy = new double[n];
    final double mx = meanX;
    final double my = meanY;
    forRows(n, threads, p -> {
      double a = 0;
      double b = 0;
      double c = 0;
      int top = -1;
      for (int q = p + 1; q < n; q++) {
        top = Math.max(top, gap[q - 1]);
        double x = dist(data, distance, order[p], order[q]) - mx;
        double y = h[top] - my;
        a += x * y;
        b += x * x;
        c += y * y;
      }
      sxy[p] = a;
      sxx[p] = b;
      syy[p] = c;
    });
    double a = 0;
    double b = 0;
    double c = 0;
    for (int p = 0; p < n; p++) {
      a += sxy[p];
      b += sxx[p];
      c += syy[p];
    }
    return a / Math.sqrt(b * c);
  }

  private static double dist(Dataset data, Distance distance, int i, int j) {
    int d = data.d();
    return distance.between(data.values(), i * d, data.values(), j * d, d);
  }

  private interface Row {
    void run(int p);
  }

  /** Rows handed out in pairs (p, n-1-p) so every task has about the same number of pairs. */
  private static void forRows(int n, int threads, Row row) {
    int half = (n + 1) / 2;
    Parallel.forRange(half, threads, (chunk, from, to) -> {
      for (int p = from; p < to; p++) {
        row.run(p);
        if (n - 1 - p != p) {
          row.run(n - 1 - p);
        }
      }
    });
  }
}
