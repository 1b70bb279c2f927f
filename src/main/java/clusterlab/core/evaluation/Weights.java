package clusterlab.core.evaluation;

import clusterlab.core.Dataset;

/** The one place that decides what an index does with row weights. */
final class Weights {

  private Weights() {
  }

  /**
   * Refuses rows whose weight is not 1 for indices defined on individual points (silhouette, Dunn):
   * a frequency weight would have to count a point as several copies at distance 0 from one another,
   * which changes the index in ways no reference implementation defines.
   */
  static void requireUnit(Dataset data, String index) {
    if (!data.isWeighted()) {
      return;
    }
    for (int i = 0; i < data.n(); i++) {
      if (data.weight(i) != 1.0) {
        throw new IllegalArgumentException(index + " does not support row weights (row " + i + " has weight "
            + data.weight(i) + "); give every row weight 1, or use the sum-of-squares indices, which treat "
            + "weights as frequencies");
      }
    }
  }
}
