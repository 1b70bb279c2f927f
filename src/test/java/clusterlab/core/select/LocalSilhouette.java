package clusterlab.core.select;

import clusterlab.core.Dataset;
import clusterlab.core.evaluation.InternalIndex;

/**
 * A plain O(n²) silhouette (Rousseeuw 1987) as scikit-learn defines it (a singleton cluster scores
 * 0), used only to test ChooseK until the evaluation package's indices reach main.
 */
final class LocalSilhouette implements InternalIndex {

  @Override
  public String name() {
    return "silhouette";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public double score(Dataset data, int[] labels) {
    int n = data.n();
    int k = 0;
    for (int l : labels) {
      k = Math.max(k, l + 1);
    }
    if (k < 2) {
      throw new IllegalArgumentException("silhouette needs at least 2 clusters, got " + k);
    }
    int[] size = new int[k];
    for (int l : labels) {
      size[l]++;
    }
    double total = 0;
    double[] sum = new double[k];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sum, 0);
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int t = 0; t < data.d(); t++) {
          double diff = data.get(i, t) - data.get(j, t);
          s += diff * diff;
        }
        sum[labels[j]] += Math.sqrt(s);
      }
      int own = labels[i];
      if (size[own] == 1) {
        continue;
      }
      double a = sum[own] / (size[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && size[c] > 0) {
          b = Math.min(b, sum[c] / size[c]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / n;
  }
}
