package clusterlab.core.tsne;

import clusterlab.bench.TsneBench;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.prep.PrepFixtures;
import java.util.Locale;

/**
 * The exact KL divergence (O(n^2) sums over the same k-NN P) of the final t-SNE embedding for each
 * method (auto k-NN, 2 threads), on the digits fixture (1,797 x 64) or, given a row count, on
 * {@code TsneBench}'s 20-cluster 50-D mixture (seed 43): the FFT and Barnes-Hut gradients each report
 * their own approximate KL, and Barnes-Hut's is optimistic (digits: it reports 0.7545 for 0.7599).
 * P for the exact KL is from the exact k nearest neighbours, the same yardstick for every method.
 * Run: {@code mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.core.tsne.FftGridBench -Dexec.args="FFT,BARNES_HUT [rows]"}.
 */
public final class FftGridBench {

  private FftGridBench() {
  }

  public static void main(String[] args) {
    String name = args.length > 1 ? "mixture " + args[1] + " x 50" : "digits";
    Dataset data = args.length > 1
        ? Dataset.of(TsneBench.mixture(Integer.parseInt(args[1]), 50, 20, 43), Integer.parseInt(args[1]), 50)
        : PrepFixtures.dataset("digits.csv");
    int n = data.n();
    SparseMatrix p = Affinities.knn(data, new VpTree(data, Metric.EUCLIDEAN), 30, 2, new double[n], Progress.NONE);
    for (String m : args[0].split(",")) {
      long t0 = System.nanoTime();
      TsneOptions options = TsneOptions.builder().method(TSNE.Method.valueOf(m)).threads(2).build();
      TsneResult r = new TSNE(options).fit(data, 0, Progress.NONE);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "%s %s, 2 threads: %.1f s, reported KL %.4f, exact KL %.4f%n", name, m, s, r.klDivergence(),
          exactKl(p, r.embedding(), n));
    }
  }

  /** KL(P || Q) of a 2-D embedding with Q normalised by the exact sum over all pairs. */
  static double exactKl(SparseMatrix p, double[] y, int n) {
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double dx = y[2 * i] - y[2 * j];
          double dy = y[2 * i + 1] - y[2 * j + 1];
          z += 1 / (1 + dx * dx + dy * dy);
        }
      }
    }
    double kl = 0;
    for (int i = 0; i < n; i++) {
      for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
        int j = p.cols[e];
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        double q = 1 / (1 + dx * dx + dy * dy) / z;
        kl += p.vals[e] * Math.log(p.vals[e] / q);
      }
    }
    return kl;
  }
}
