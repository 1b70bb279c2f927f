package clusterlab.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** k distinct rows of positive weight drawn uniformly at random (a hash of the seed and the global row number). */
final class RandomInit {

  private RandomInit() {
  }

  static double[] seed(Blocks.Data data, int k, long seed) {
    int d = data.d();
    List<double[]> keyed = data.rdd().flatMap(b -> {
      List<double[]> out = new ArrayList<>();
      for (int i = 0; i < b.n; i++) {
        if (b.weight(i) > 0) {
          double[] r = new double[d + 1];
          r[0] = KMeansParallelInit.uniform(seed, b.firstRow + i);
          System.arraycopy(b.values, i * d, r, 1, d);
          out.add(r);
        }
      }
      return out.iterator();
    }).takeOrdered(k, (Comparator<double[]> & java.io.Serializable) (a, b) -> Double.compare(a[0], b[0]));
    if (keyed.size() < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " rows of positive weight, the data has "
          + keyed.size());
    }
    double[] c = new double[k * d];
    for (int i = 0; i < k; i++) {
      System.arraycopy(keyed.get(i), 1, c, i * d, d);
    }
    return c;
  }
}
